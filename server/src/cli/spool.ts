// Finished documents waiting for their stories. `sanad analyze` writes each document as soon as
// it is finished, but a document's story is known only once the whole corpus is in (stories/), so
// the documents' JSON waits: in memory while it is small, in a temporary file beyond
// IN_MEMORY_UNITS (10,000 articles make hundreds of megabytes of JSON), read back in order once
// the stories are known.
import { createReadStream, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Between two elements on disk: JSON text never holds a raw NUL (JSON.stringify escapes it). */
const SEPARATOR = '\u0000';
/** UTF-16 units of JSON held in memory before the spool spills to disk (about 64 MB). */
const IN_MEMORY_UNITS = 32 * 1024 * 1024;

export class Spool {
  private held: string[] = [];
  private heldUnits = 0;
  private file: { dir: string; handle: fs.FileHandle; count: number } | null = null;
  private pending = '';

  /** Keeps one element; past the memory limit, writes in chunks of about a megabyte. */
  async push(element: string): Promise<void> {
    if (!this.file) {
      this.held.push(element);
      this.heldUnits += element.length;
      if (this.heldUnits <= IN_MEMORY_UNITS) return;
      const dir = await fs.mkdtemp(join(tmpdir(), 'sanad-spool-'));
      this.file = { dir, handle: await fs.open(join(dir, 'documents'), 'w', 0o600), count: 0 };
      const held = this.held;
      this.held = [];
      for (const e of held) await this.toDisk(e);
      return;
    }
    await this.toDisk(element);
  }

  private async toDisk(element: string): Promise<void> {
    const f = this.file!;
    this.pending += (f.count++ ? SEPARATOR : '') + element;
    if (this.pending.length < 1 << 20) return;
    const out = this.pending;
    this.pending = '';
    await f.handle.write(out);
  }

  /** The elements in the order they came; a spool on disk is removed afterwards. */
  async *drain(): AsyncGenerator<string> {
    if (!this.file) {
      const held = this.held;
      this.held = [];
      for (let i = 0; i < held.length; i++) {
        yield held[i];
        held[i] = '';
      }
      return;
    }
    const { dir, handle } = this.file;
    try {
      if (this.pending) await handle.write(this.pending);
      this.pending = '';
      await handle.close();
      let rest = '';
      for await (const chunk of createReadStream(join(dir, 'documents'), { encoding: 'utf8', highWaterMark: 1 << 20 })) {
        const parts = (rest + (chunk as string)).split(SEPARATOR);
        rest = parts.pop() ?? '';
        for (const p of parts) yield p;
      }
      yield rest;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}

/** A document's element with `"story"` after its path, as withStory orders the members. */
export function withStoryElement(element: string, story: string | null): string {
  // The element's first line is "    {", its second the path: `      "path": "…",`.
  const first = element.indexOf('\n');
  const second = element.indexOf('\n', first + 1);
  return `${element.slice(0, second + 1)}      "story": ${JSON.stringify(story)},${element.slice(second)}`;
}
