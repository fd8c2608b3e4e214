// The texts of a corpus, held once: as strings while there are too few for threads, then in
// shared memory that the worker threads read too (pool.ts), so that the strings die young.
import type { ArticleMetadata, CorpusFile } from '../analysis';
import { threadsFor } from './threads';

/** Shared chunks of texts are this many UTF-16 code units (8 MB), or one text when it is longer. */
const CHUNK_UNITS = 1 << 22;

/**
 * The texts of a corpus as they are read, held once: as strings while there are too few for
 * threads, then in shared memory (chunks the workers read too), so that the strings die young.
 */
export class CorpusTexts {
  readonly paths: string[] = [];
  /** What a manifest says of each text (null: nothing). */
  readonly metadata: Array<ArticleMetadata | null> = [];
  private strings: string[] | null = [];
  readonly chunks: SharedArrayBuffer[] = [];
  private readonly views: Buffer[] = [];
  /** Where each text lies once shared: chunk, start and length (code units), three numbers a text. */
  private places: number[] = [];
  private used = 0;
  /** The chunks before this one were let go (release). */
  private released = 0;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  get count(): number {
    return this.paths.length;
  }

  /** Whether the texts are in shared memory (they are from the count at which threads are used). */
  get shared(): boolean {
    return this.strings === null;
  }

  add(path: string, text: string, metadata: ArticleMetadata | null = null): void {
    this.paths.push(path);
    this.metadata.push(metadata);
    if (!this.strings) this.put(text);
    else {
      this.strings.push(text);
      if (threadsFor(this.paths.length, this.env) >= 2) {
        const strings = this.strings;
        this.strings = null;
        for (const t of strings) this.put(t);
      }
    }
  }

  private put(text: string): void {
    let c = this.chunks.length - 1;
    if (c < 0 || this.used + text.length > this.views[c].length / 2) {
      const chunk = new SharedArrayBuffer(Math.max(CHUNK_UNITS, text.length) * 2);
      this.chunks.push(chunk);
      this.views.push(Buffer.from(chunk));
      this.used = 0;
      c++;
    }
    this.views[c].write(text, this.used * 2, 'utf16le');
    this.places.push(c, this.used, text.length);
    this.used += text.length;
  }

  text(i: number): string {
    if (this.strings) return this.strings[i];
    if (this.places[3 * i] < this.released) throw new Error(`the text of ${this.paths[i]} was let go`);
    return textAt(this.views, this.places, i);
  }

  /** Whether any text was let go. */
  get releasedAny(): boolean {
    return this.released > 0;
  }

  /**
   * Lets go of the shared chunks that hold only texts before `upTo` (their memory is freed once
   * the worker threads let go of them too): those texts can no longer be asked for.
   */
  release(upTo: number): void {
    if (this.strings) return;
    const done = chunksBefore(this.places, this.count, upTo);
    for (; this.released < done; this.released++) {
      this.chunks[this.released] = NO_CHUNK;
      this.views[this.released] = NO_VIEW;
    }
  }

  /** Length of text i in code units. */
  size(i: number): number {
    return this.strings ? this.strings[i].length : this.places[3 * i + 2];
  }

  where(): Int32Array {
    return Int32Array.from(this.places);
  }

  /** Every text as a string, for one thread to analyse. */
  files(): CorpusFile[] {
    return this.paths.map((_, i) => this.file(i));
  }

  /** Document i, with its metadata. */
  file(i: number): CorpusFile {
    return { path: this.paths[i], text: this.text(i), metadata: this.metadata[i] };
  }
}

/** How many chunks (from the first) hold only texts before `upTo`, the texts being `count`. */
export function chunksBefore(places: ArrayLike<number>, count: number, upTo: number): number {
  if (count === 0) return 0;
  return upTo >= count ? places[3 * (count - 1)] + 1 : places[3 * upTo];
}

/** What stands for a chunk let go. */
export const NO_CHUNK = new SharedArrayBuffer(0);
export const NO_VIEW = Buffer.alloc(0);

export function textAt(views: readonly Buffer[], places: ArrayLike<number>, i: number): string {
  const start = places[3 * i + 1];
  return views[places[3 * i]].toString('utf16le', start * 2, (start + places[3 * i + 2]) * 2);
}
