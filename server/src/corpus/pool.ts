// Worker threads for the first read of a large workspace. Analysing ten thousand articles is
// seconds of work; spread over the machine's cores it takes less, and this thread stays free to
// answer the editor. Texts go out in batches; the first pass sends back only the people each
// document names, the second pass (after the corpus taught names) the analyses, as JSON text
// (quicker to parse than a structured clone). Anything that goes wrong makes the caller analyse
// in this thread instead: the pool is a speed-up, never a requirement.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentAnalysis, DocumentResult } from '../analysis';
import type { TaughtName } from '../labels';

export interface PoolWorkerData {
  roots: string[];
  trusted: boolean;
}

export type ToPoolWorker =
  | { type: 'first'; batch: number; items: Array<{ path: string; text: string }> }
  | { type: 'learn'; batch: number; taught: TaughtName[]; persons: DocumentAnalysis[]; learnt: boolean }
  | { type: 'again'; batch: number; paths: string[] };

export type FromPoolWorker = { type: 'results'; batch: number; json: string } | { type: 'failed'; batch: number; message: string };

/** Below this many files one thread is quicker than starting others. */
export const POOL_MIN_FILES = Number(process.env.SANAD_POOL_MIN_FILES) || 300;
const BATCH = 40;

interface Pending {
  resolve: (results: unknown[]) => void;
  reject: (err: Error) => void;
}

export class AnalysisPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  /** Which worker read each path: it holds the readings for the second pass. */
  private readonly owner = new Map<string, number>();
  private readonly load: number[] = [];
  private nextBatch = 0;
  private broken: Error | null = null;

  /** A pool beside `script` (dist/analysisWorker.js), or null when there is nothing to gain or no script. */
  static create(script: string, data: PoolWorkerData, files: number): AnalysisPool | null {
    // One core gains nothing from threads; the tests ask for them anyway (SANAD_POOL_MIN_FILES).
    const size = Math.min(4, Math.max(2, availableParallelism()));
    if (files < POOL_MIN_FILES || (availableParallelism() < 2 && !process.env.SANAD_POOL_MIN_FILES) || !existsSync(script)) return null;
    try {
      return new AnalysisPool(script, data, size);
    } catch {
      return null;
    }
  }

  private constructor(script: string, data: PoolWorkerData, size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(script, { workerData: data });
      w.on('message', (msg: FromPoolWorker) => this.settle(i, msg));
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => code !== 0 && this.fail(new Error(`analysis worker stopped (exit code ${code})`)));
      this.workers.push(w);
      this.load.push(0);
    }
  }

  /** The script's usual place: beside the bundle that is running. */
  static scriptBeside(dir: string): string {
    return join(dir, 'analysisWorker.js');
  }

  get size(): number {
    return this.workers.length;
  }

  private settle(worker: number, msg: FromPoolWorker): void {
    const p = this.pending.get(msg.batch);
    if (!p) return;
    this.pending.delete(msg.batch);
    this.load[worker]--;
    if (msg.type === 'failed') p.reject(new Error(msg.message));
    else {
      try {
        p.resolve(JSON.parse(msg.json) as unknown[]);
      } catch (err) {
        p.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
  }

  private fail(err: Error): void {
    this.broken ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private send(worker: number, msg: ToPoolWorker): Promise<unknown[]> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.pending.set(msg.batch, { resolve, reject });
      this.load[worker]++;
      this.workers[worker].postMessage(msg);
    });
  }

  /** Batch size that keeps every worker busy without holding many texts in flight. */
  get batchSize(): number {
    return BATCH;
  }

  /** First pass over a batch of documents, on the least busy worker: the people each names. */
  async first(items: Array<{ path: string; text: string }>): Promise<DocumentAnalysis[]> {
    let worker = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i] < this.load[worker]) worker = i;
    for (const item of items) this.owner.set(item.path, worker);
    return (await this.send(worker, { type: 'first', batch: this.nextBatch++, items })) as DocumentAnalysis[];
  }

  /**
   * Second pass: every worker learns what the server's lexicon learnt (the same taught names,
   * then the same people in the same order), then reads `paths` of its own documents again, in
   * batches handed to `onBatch` as they come, so the caller can work on them meanwhile.
   */
  async second(taught: TaughtName[], persons: DocumentAnalysis[], learnt: boolean, paths: string[], onBatch: (results: DocumentResult[]) => void): Promise<void> {
    await Promise.all(this.workers.map((_, w) => this.send(w, { type: 'learn', batch: this.nextBatch++, taught, persons, learnt })));
    const mine: string[][] = this.workers.map(() => []);
    for (const p of paths) mine[this.owner.get(p) ?? 0].push(p);
    const batches: Array<Promise<void>> = [];
    mine.forEach((ps, w) => {
      for (let i = 0; i < ps.length; i += BATCH) batches.push(this.send(w, { type: 'again', batch: this.nextBatch++, paths: ps.slice(i, i + BATCH) }).then((r) => onBatch(r as DocumentResult[])));
    });
    await Promise.all(batches);
  }

  dispose(): void {
    for (const w of this.workers) void w.terminate();
    this.workers.length = 0;
  }
}
