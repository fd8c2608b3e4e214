// Finished documents waiting for their stories. `sanad analyze` writes each document as soon as
// it is finished, but a document's story is known only once the whole corpus is in (stories/), so
// the documents' JSON waits: in memory while it is small, in temporary files beyond `inMemory`
// bytes (10,000 articles make some 200 MB of JSON), read back in order once the stories are known.
//
// The elements are UTF-8 bytes, never decoded into strings on the way to disk and back (decoding
// and re-encoding 200 MB cost the main thread seconds, and the strings filled its heap). A worker
// thread writes the elements it finishes to a file of its own (workerFile) and says only how long
// each is: the bytes never cross to the main thread, where each would be an ArrayBuffer left for
// the garbage collector (tens of megabytes of them at a time). Elements finished on the main
// thread are held here, then written to a file of the spool's own.
import { closeSync, mkdtempSync, openSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bytes of elements held in memory before the spool spills to disk. */
const IN_MEMORY_BYTES = 32 << 20;
/** Bytes written to a file, and read back from it, at a time. */
const CHUNK_BYTES = 1 << 20;

/** Where the elements are: 0 this thread's (held, then its own file), k > 0 the k-th worker file. */
type Source = number;

export class Spool {
  private dir: string | null = null;
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** The spool's own file, once it spilled; `size` bytes written so far. */
  private own: { path: string; handle: fs.FileHandle; size: number } | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The files worker threads write to (source k is workerFiles[k - 1]). */
  private readonly workerFiles: string[] = [];
  /** Each element's source and length in bytes, in order. */
  private sources: Source[] = [];
  private lengths: number[] = [];

  /** `inMemory`: bytes held before spilling to disk (tests make it small). */
  constructor(private readonly inMemory = IN_MEMORY_BYTES) {}

  /** How many elements are in. */
  get count(): number {
    return this.lengths.length;
  }

  private folder(): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'sanad-spool-'));
    return this.dir;
  }

  /**
   * A new empty file for one worker thread to append its elements to (created here, readable
   * only by this user); each appended element is then announced with written().
   */
  workerFile(): string {
    const path = join(this.folder(), `worker${this.workerFiles.length + 1}`);
    closeSync(openSync(path, 'wx', 0o600));
    this.workerFiles.push(path);
    return path;
  }

  /** The next element is the next `length` bytes a worker appended to `file` (from workerFile). */
  written(file: string, length: number): void {
    const k = this.workerFiles.indexOf(file);
    if (k < 0) throw new Error('not a file of this spool');
    this.sources.push(k + 1);
    this.lengths.push(length);
  }

  /** Keeps one element; past the memory limit, writes in chunks of about a megabyte. */
  push(element: Uint8Array): Promise<void> | undefined {
    const bytes = Buffer.from(element.buffer, element.byteOffset, element.byteLength);
    this.sources.push(0);
    this.lengths.push(bytes.length);
    if (this.own) return this.toDisk(bytes);
    this.held.push(bytes);
    this.heldBytes += bytes.length;
    return this.heldBytes > this.inMemory ? this.spill() : undefined;
  }

  private async spill(): Promise<void> {
    const path = join(this.folder(), 'documents');
    this.own = { path, handle: await fs.open(path, 'wx+', 0o600), size: 0 };
    const held = this.held;
    this.held = [];
    this.heldBytes = 0;
    for (const e of held) await this.toDisk(e);
  }

  private toDisk(element: Buffer): Promise<void> | undefined {
    this.pending.push(element);
    this.pendingBytes += element.length;
    return this.pendingBytes >= CHUNK_BYTES ? this.writePending() : undefined;
  }

  private async writePending(): Promise<void> {
    const f = this.own!;
    const out = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    for (let at = 0; at < out.length;) {
      const { bytesWritten } = await f.handle.write(out, at, out.length - at, f.size);
      at += bytesWritten;
      f.size += bytesWritten;
    }
  }

  /**
   * The elements in the order they came; the spool's files are removed afterwards. An element may
   * be a view of a larger buffer read back: it stays valid, but it is not copied.
   */
  async *drain(): AsyncGenerator<Buffer> {
    try {
      if (this.pendingBytes) await this.writePending();
      const readers: Array<Reader | null> = [this.own ? new Reader(this.own.handle, this.own.size) : null];
      for (const path of this.workerFiles) {
        const handle = await fs.open(path, 'r');
        readers.push(new Reader(handle, (await handle.stat()).size));
      }
      // This thread's elements held in memory come before those it spilled (spill writes them first).
      let held = 0;
      try {
        for (let i = 0; i < this.lengths.length; i++) {
          const source = this.sources[i];
          if (source === 0 && !this.own) {
            yield this.held[held];
            this.held[held++] = EMPTY;
          } else yield await readers[source]!.next(this.lengths[i]);
        }
      } finally {
        for (const r of readers) await r?.close();
      }
    } finally {
      await this.dispose();
    }
  }

  /** Lets go of what is held and removes the spool's files (drain does it when done). */
  async dispose(): Promise<void> {
    this.held = [];
    this.pending = [];
    this.sources = [];
    this.lengths = [];
    if (this.own) await this.own.handle.close().catch(() => undefined);
    this.own = null;
    if (this.dir) await fs.rm(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/** One file of a spool read from its start, an element at a time, a megabyte at a time. */
class Reader {
  private chunk = EMPTY;
  private at = 0;
  private position = 0;

  constructor(
    private readonly handle: fs.FileHandle,
    private readonly size: number,
  ) {}

  async next(length: number): Promise<Buffer> {
    if (this.chunk.length - this.at < length) {
      // What is left of this chunk, then as much of the file as fits after it.
      const left = this.chunk.length - this.at;
      const next = Buffer.allocUnsafe(Math.min(Math.max(CHUNK_BYTES, length), left + this.size - this.position));
      let filled = this.chunk.copy(next, 0, this.at);
      while (filled < next.length) {
        const { bytesRead } = await this.handle.read(next, filled, next.length - filled, this.position);
        if (bytesRead === 0) break;
        filled += bytesRead;
        this.position += bytesRead;
      }
      if (filled < length) throw new Error('the spooled documents could not be read back whole');
      this.chunk = next;
      this.at = 0;
    }
    const out = this.chunk.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }

  close(): Promise<void> {
    return this.handle.close().catch(() => undefined);
  }
}

const EMPTY = Buffer.alloc(0);
