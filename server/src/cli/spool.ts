// Finished documents waiting for their stories. `sanad analyze` writes each document as soon as
// it is finished, but a document's story is known only once the whole corpus is in (stories/), so
// the documents' JSON waits: in memory while it is small, in a temporary file beyond `inMemory`
// bytes (10,000 articles make some 200 MB of JSON), read back in order once the stories are known.
//
// The elements are UTF-8 bytes, as the worker threads make them (corpus/output.ts), kept and
// written as they are: held off the JavaScript heap, never decoded into strings on the way to disk
// and back (decoding and re-encoding 200 MB cost this thread seconds, and the strings filled its
// heap with garbage).
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bytes of elements held in memory before the spool spills to disk. */
const IN_MEMORY_BYTES = 32 << 20;
/** Bytes written to the file, and read back from it, at a time. */
const CHUNK_BYTES = 1 << 20;

export class Spool {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private file: { dir: string; handle: fs.FileHandle; size: number } | null = null;
  /** Each element's length in bytes, in order, once the spool is on disk. */
  private lengths: number[] = [];
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  /** `inMemory`: bytes held before spilling to disk (tests make it small). */
  constructor(private readonly inMemory = IN_MEMORY_BYTES) {}

  /** Keeps one element; past the memory limit, writes in chunks of about a megabyte. */
  push(element: Uint8Array): Promise<void> | undefined {
    const bytes = Buffer.from(element.buffer, element.byteOffset, element.byteLength);
    if (this.file) return this.toDisk(bytes);
    this.held.push(bytes);
    this.heldBytes += bytes.length;
    return this.heldBytes > this.inMemory ? this.spill() : undefined;
  }

  private async spill(): Promise<void> {
    const dir = await fs.mkdtemp(join(tmpdir(), 'sanad-spool-'));
    this.file = { dir, handle: await fs.open(join(dir, 'documents'), 'w+', 0o600), size: 0 };
    const held = this.held;
    this.held = [];
    this.heldBytes = 0;
    for (const e of held) await this.toDisk(e);
  }

  private toDisk(element: Buffer): Promise<void> | undefined {
    this.lengths.push(element.length);
    this.pending.push(element);
    this.pendingBytes += element.length;
    return this.pendingBytes >= CHUNK_BYTES ? this.writePending() : undefined;
  }

  private async writePending(): Promise<void> {
    const f = this.file!;
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
   * The elements in the order they came; a spool on disk is removed afterwards. An element may
   * be a view of a larger buffer read back: it stays valid, but take it before the next.
   */
  async *drain(): AsyncGenerator<Buffer> {
    if (!this.file) {
      const held = this.held;
      this.held = [];
      for (let i = 0; i < held.length; i++) {
        yield held[i];
        held[i] = EMPTY;
      }
      return;
    }
    const { dir, handle } = this.file;
    try {
      if (this.pendingBytes) await this.writePending();
      const size = this.file.size;
      let chunk = EMPTY;
      let at = 0;
      let position = 0;
      for (const length of this.lengths) {
        if (chunk.length - at < length) {
          // What is left of this chunk, then as much of the file as fits after it.
          const next = Buffer.allocUnsafe(Math.min(Math.max(CHUNK_BYTES, length), chunk.length - at + size - position));
          let filled = chunk.copy(next, 0, at);
          while (filled < next.length) {
            const { bytesRead } = await handle.read(next, filled, next.length - filled, position);
            if (bytesRead === 0) break;
            filled += bytesRead;
            position += bytesRead;
          }
          if (filled < length) throw new Error('the spooled documents could not be read back whole');
          chunk = next;
          at = 0;
        }
        yield chunk.subarray(at, at + length);
        at += length;
      }
    } finally {
      this.lengths = [];
      await handle.close().catch(() => undefined);
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}

const EMPTY = Buffer.alloc(0);
const NEWLINE = 0x0a;

/**
 * A document's element (UTF-8) with `"story"` after its path, as withStory orders the members:
 * the pieces to write in order.
 */
export function withStoryElement(element: Buffer, story: string | null): Buffer[] {
  // The element's first line is "    {", its second the path: `      "path": "…",` (JSON text
  // holds no raw line break inside a string).
  const first = element.indexOf(NEWLINE);
  const second = element.indexOf(NEWLINE, first + 1);
  return [element.subarray(0, second + 1), Buffer.from(`      "story": ${JSON.stringify(story)},`), element.subarray(second)];
}
