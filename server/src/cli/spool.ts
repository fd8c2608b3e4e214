// Finished documents waiting on disk. `sanad analyze` writes each document as soon as it is
// finished, but a document's story is known only once the whole corpus is in (stories/), so the
// documents' JSON waits in a temporary file, not in memory (10,000 articles make hundreds of
// megabytes of JSON), and is read back in order once the stories are known.
import { createReadStream, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Between two elements: JSON text never holds a raw NUL (JSON.stringify escapes it). */
const SEPARATOR = '\u0000';

export class Spool {
  private pending = '';
  private count = 0;

  private constructor(
    private readonly dir: string,
    private readonly file: fs.FileHandle,
  ) {}

  static async create(): Promise<Spool> {
    const dir = await fs.mkdtemp(join(tmpdir(), 'sanad-spool-'));
    return new Spool(dir, await fs.open(join(dir, 'documents'), 'w', 0o600));
  }

  /** Keeps one element; writes in chunks of about a megabyte. */
  push(element: string): Promise<void> | undefined {
    this.pending += (this.count++ ? SEPARATOR : '') + element;
    if (this.pending.length < 1 << 20) return undefined;
    const out = this.pending;
    this.pending = '';
    return this.file.write(out).then(() => undefined);
  }

  /** The elements in the order they came, then the spool is gone. */
  async *drain(): AsyncGenerator<string> {
    try {
      if (this.pending) await this.file.write(this.pending);
      this.pending = '';
      await this.file.close();
      if (this.count === 0) return;
      let rest = '';
      for await (const chunk of createReadStream(join(this.dir, 'documents'), { encoding: 'utf8', highWaterMark: 1 << 20 })) {
        const parts = (rest + (chunk as string)).split(SEPARATOR);
        rest = parts.pop() ?? '';
        for (const p of parts) yield p;
      }
      yield rest;
    } finally {
      await fs.rm(this.dir, { recursive: true, force: true });
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
