// Large label files are read and written on a thread of their own. Parsing and rewriting YAML is
// slow in proportion to the file (a 3.8 MB label file took 4 s to read and 14 s to save), and on
// the language server's thread every request would wait for it. Files under LARGE_BYTES, the
// usual case, stay on the caller's thread: a thread's round trip would only add to each label
// click. The thread (labelWorker.ts, its own bundle dist/labelWorker.js) runs the same
// readLabelFile and saveLabelFile, with the same lock, so saves from both sides, other windows
// and `sanad import` still wait for one another.
//
// The thread is a speed-up, never a requirement: without its bundle, or once it failed, every
// file is read and saved here.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { readLabelFile, saveLabelFile, type ReadResult, type SaveOptions, type SaveResult } from './labelFs';
import type { LabelFile } from './labelTypes';

/** Label files this large (bytes on disk) go to the thread. */
const LARGE_BYTES = 256 * 1024;

/** What the options of a read or save may hold to cross to the thread (no injected file system). */
type Portable = Pick<SaveOptions, 'base' | 'within' | 'maxBytes'>;

export type LabelJob = { id: number; op: 'read'; path: string; options: Portable } | { id: number; op: 'save'; path: string; file: LabelFile; options: Portable };
export type LabelReply = { id: number; result: ReadResult | SaveResult } | { id: number; error: string };

/** The tag in workerData of the label thread. */
export const LABEL_TAG = 'sanad-label-worker';

export class LabelThread {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: ReadResult | SaveResult) => void; here: () => Promise<ReadResult | SaveResult> }>();

  constructor(
    private readonly warn: (line: string) => void = () => undefined,
    private readonly script = join(__dirname, 'labelWorker.js'),
    private readonly largeBytes = LARGE_BYTES,
  ) {}

  read(path: string, options: Portable = {}): Promise<ReadResult> {
    return this.run({ id: 0, op: 'read', path, options }, () => readLabelFile(path, options)) as Promise<ReadResult>;
  }

  save(path: string, file: LabelFile, options: Portable = {}): Promise<SaveResult> {
    return this.run({ id: 0, op: 'save', path, file, options }, () => saveLabelFile(path, file, options)) as Promise<SaveResult>;
  }

  /** Stops the thread; what waits on it is done here. */
  close(): void {
    const worker = this.worker;
    this.worker = null;
    this.failed = true;
    void worker?.terminate();
    this.drain();
  }

  private async run(job: LabelJob, here: () => Promise<ReadResult | SaveResult>): Promise<ReadResult | SaveResult> {
    if (!(await this.large(job.path))) return here();
    const worker = this.thread();
    if (!worker) return here();
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, here });
      worker.postMessage({ ...job, id });
    });
  }

  private async large(path: string): Promise<boolean> {
    try {
      return (await stat(path)).size >= this.largeBytes;
    } catch {
      // No file yet (or none to read): the small case, done here, where its problem is named.
      return false;
    }
  }

  private thread(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    if (!existsSync(this.script)) {
      this.failed = true;
      return null;
    }
    const worker = new Worker(this.script, { workerData: { tag: LABEL_TAG } });
    worker.unref();
    worker.on('message', (reply: LabelReply) => {
      const wait = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!wait) return;
      if ('result' in reply) wait.resolve(reply.result);
      else {
        this.warn(`label thread: ${reply.error}; done on the server's thread`);
        void wait.here().then(wait.resolve);
      }
    });
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failed = true;
      this.warn(`label thread failed (${why}); label files are read and saved on the server's thread`);
      this.drain();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`exit ${code}`));
    this.worker = worker;
    return worker;
  }

  private drain(): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) void w.here().then(w.resolve);
  }
}
