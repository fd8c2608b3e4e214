// `sanad analyze` on many files: the corpus shared out between worker threads and this one. The
// threads are the same bundle (dist/cli.js) started with workerData, so nothing else has to ship.
//
// The texts go to the workers once, in one SharedArrayBuffer; each thread takes the next slice of
// documents as it gets free (an atomic counter), reads them (first pass) and keeps their readings.
// Only small things come back between the passes: the people each document names and its outlet.
// This thread then puts the corpus together in corpus order: every thread replays the lexicon's
// learning from the same list, the outlets' repeated lines are shared out group by group, and
// each thread finishes the documents it read. The finished documents come back as JSON text
// (quicker to parse here than a structured clone) and the figures are compared here, as before.
//
// A worker that fails in any way makes the whole corpus be analysed again in this process, with
// a message on stderr: the output never misses a document.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  analyzeCorpus,
  corpusResult,
  Lexicon,
  outletGroups,
  readFirst,
  readSecond,
  repeatedInGroup,
  type CorpusAnalysis,
  type DocumentAnalysis,
  type DocumentResult,
  type FirstPass,
} from './analysis';

type Range = { start: number; end: number };
type File = { path: string; text: string };

/**
 * Below this many files one thread is as quick: each thread warms its own JIT, and on the 2-vCPU
 * machine of docs/PERFORMANCE.md two threads of analysis give about 1.2× the work of one.
 * SANAD_PARALLEL_MIN_FILES and SANAD_THREADS override it and the number of cores.
 */
export const PARALLEL_MIN_FILES = 2000;

const WORKER_TAG = 'sanad-analyze-worker';
const MAX_THREADS = 8;

interface Corpus {
  /** Every text, one after the other, as UTF-16 code units. */
  texts: SharedArrayBuffer;
  /** Where text i starts and ends: offsets[i] to offsets[i + 1], in code units. */
  offsets: Int32Array;
  paths: string[];
  /** The next slice to take (an index into slices, taken with Atomics.add). */
  next: Int32Array;
  sliceSize: number;
  /** Test hook (SANAD_TEST_WORKER_FAILURE): make the worker fail. */
  fail?: string;
}

type ToWorker =
  | { type: 'first'; corpus: Corpus }
  | { type: 'repeat'; groups: number[][] }
  | { type: 'second'; persons: DocumentAnalysis[]; repeated: Array<[number, Range[]]> };

type FromWorker =
  | { type: 'first'; slice: number; persons: DocumentAnalysis[] }
  | { type: 'firstDone' }
  | { type: 'repeated'; found: Array<Range[][]> }
  | { type: 'documents'; slice: number; json: string }
  | { type: 'secondDone' };

/** How many threads to analyse `count` files with (this one included); 1 means no workers. */
export function threadsFor(count: number, env: NodeJS.ProcessEnv = process.env): number {
  const min = intFrom(env.SANAD_PARALLEL_MIN_FILES) ?? PARALLEL_MIN_FILES;
  const cores = Math.max(1, availableParallelism());
  // Each thread is a V8 heap of its own with its share of the readings: a few are plenty.
  const wanted = intFrom(env.SANAD_THREADS) ?? Math.min(cores, MAX_THREADS);
  if (count < Math.max(min, 2) || wanted < 2) return 1;
  return Math.min(wanted, count);
}

function intFrom(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * analyzeCorpus(files), on several threads when there are enough files and cores: the same result
 * to the byte. `warn` is told when the workers failed and this process did all the work again.
 */
export async function analyzeFiles(files: File[], warn: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<CorpusAnalysis> {
  const threads = threadsFor(files.length, env);
  if (threads < 2) return analyzeCorpus(files);
  let documents: DocumentResult[];
  try {
    documents = await analyzeOnThreads(files, threads - 1, env.SANAD_TEST_WORKER_FAILURE);
  } catch (err) {
    warn(`worker thread failed (${err instanceof Error ? err.message : String(err)}); analysing in this process instead`);
    return analyzeCorpus(files);
  }
  return corpusResult(files, documents);
}

/** One worker, seen from here: its messages in order, its end, its failure. */
class Helper {
  readonly worker: Worker;
  private queue: FromWorker[] = [];
  private waiting: ((m: FromWorker) => void) | null = null;
  private failure: Error | null = null;
  private onFailure: ((err: Error) => void) | null = null;
  /** The slices it read in the first pass, in the order it reported them. */
  readonly slices: number[] = [];

  constructor(file: string) {
    this.worker = new Worker(file, { workerData: { tag: WORKER_TAG } });
    this.worker.on('message', (m: FromWorker) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(m);
      } else this.queue.push(m);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('messageerror', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`a worker stopped (exit code ${code})`)));
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    this.onFailure?.(err);
  }

  post(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  /** The next message; rejects if the worker failed before sending one. */
  next(): Promise<FromWorker> {
    const m = this.queue.shift();
    if (m) return Promise.resolve(m);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.onFailure = (err) => {
        this.waiting = null;
        reject(err);
      };
    });
  }

  async expect<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
    const m = await this.next();
    if (m.type !== type) throw new Error(`a worker said ${m.type} where ${type} was expected`);
    return m as Extract<FromWorker, { type: T }>;
  }

  stop(): void {
    this.onFailure = null;
    this.failure ??= new Error('stopped');
    void this.worker.terminate();
  }
}

/** The documents of `files` analysed by `workers` worker threads and this one, in corpus order. */
async function analyzeOnThreads(files: File[], workers: number, fail: string | undefined): Promise<DocumentResult[]> {
  const corpus = share(files, workers + 1, fail);
  const helpers: Helper[] = [];
  try {
    for (let w = 0; w < workers; w++) helpers.push(new Helper(__filename));
    for (const h of helpers) h.post({ type: 'first', corpus });

    // First pass: this thread takes slices too, while the workers start up and after.
    const me = new Shard(corpus, undefined);
    const persons: Array<DocumentAnalysis | undefined> = new Array(files.length);
    me.readAll();
    me.persons.forEach((p, i) => (persons[i] = p));
    me.persons.clear();
    await Promise.all(
      helpers.map(async (h) => {
        for (;;) {
          const m = await h.next();
          if (m.type === 'firstDone') return;
          if (m.type !== 'first') throw new Error(`a worker said ${m.type} in the first pass`);
          h.slices.push(m.slice);
          const from = m.slice * corpus.sliceSize;
          m.persons.forEach((p, k) => (persons[from + k] = p));
        }
      }),
    );
    for (let i = 0; i < files.length; i++) if (!persons[i]) throw new Error(`document ${i + 1} was not read`);
    const all = persons as DocumentAnalysis[];

    // Repeated lines, one outlet at a time, the outlets shared out by size.
    const groups = outletGroups(all);
    const shares = shareGroups(groups, files, workers + 1);
    helpers.forEach((h, w) => h.post({ type: 'repeat', groups: shares[w] }));
    const repeated: Range[][] = files.map(() => []);
    const place = (gs: number[][], found: Range[][][]) => gs.forEach((members, g) => members.forEach((doc, k) => (repeated[doc] = found[g][k])));
    place(shares[workers], shares[workers].map((members) => repeatedInGroup(members.map((i) => files[i].text))));
    const found = await Promise.all(helpers.map((h) => h.expect('repeated')));
    found.forEach((m, w) => place(shares[w], m.found));

    // Second pass: each thread finishes what it read.
    helpers.forEach((h) => {
      const mine: Array<[number, Range[]]> = [];
      for (const slice of h.slices) for (const i of sliceRange(corpus, slice)) if (repeated[i].length) mine.push([i, repeated[i]]);
      h.post({ type: 'second', persons: all, repeated: mine });
    });
    // The people named are not needed once learnt from; the second pass makes the documents.
    const learnt = me.learn(all);
    persons.length = 0;
    const documents: Array<DocumentResult | undefined> = new Array(files.length);
    me.finishAll(learnt, (i) => repeated[i], (slice, docs) => docs.forEach((d, k) => (documents[slice * corpus.sliceSize + k] = d)));
    await Promise.all(
      helpers.map(async (h) => {
        for (;;) {
          const m = await h.next();
          if (m.type === 'secondDone') return;
          if (m.type !== 'documents') throw new Error(`a worker said ${m.type} in the second pass`);
          const docs = JSON.parse(m.json) as DocumentResult[];
          const from = m.slice * corpus.sliceSize;
          docs.forEach((d, k) => (documents[from + k] = d));
        }
      }),
    );
    for (let i = 0; i < files.length; i++) if (!documents[i]) throw new Error(`document ${i + 1} was not finished`);
    return documents as DocumentResult[];
  } finally {
    for (const h of helpers) h.stop();
  }
}

/** The texts in shared memory, and the slices the threads take. */
function share(files: File[], threads: number, fail: string | undefined): Corpus {
  const offsets = new Int32Array(files.length + 1);
  for (let i = 0; i < files.length; i++) offsets[i + 1] = offsets[i] + files[i].text.length;
  const texts = new SharedArrayBuffer(offsets[files.length] * 2);
  const buf = Buffer.from(texts);
  for (let i = 0; i < files.length; i++) buf.write(files[i].text, offsets[i] * 2, 'utf16le');
  // Small enough slices that the threads finish together, large enough to be few.
  const sliceSize = Math.max(4, Math.min(64, Math.ceil(files.length / (threads * 16))));
  return { texts, offsets, paths: files.map((f) => f.path), next: new Int32Array(new SharedArrayBuffer(4)), sliceSize, fail };
}

function sliceRange(corpus: Corpus, slice: number): number[] {
  const out: number[] = [];
  const end = Math.min(corpus.paths.length, (slice + 1) * corpus.sliceSize);
  for (let i = slice * corpus.sliceSize; i < end; i++) out.push(i);
  return out;
}

/** Outlet groups shared out between threads, the largest first to the least loaded. */
function shareGroups(groups: number[][], files: File[], threads: number): number[][][] {
  const out: number[][][] = Array.from({ length: threads }, () => []);
  const load = new Array(threads).fill(0);
  const sized = groups.map((members) => ({ members, size: members.reduce((s, i) => s + files[i].text.length, 0) }));
  sized.sort((a, b) => b.size - a.size);
  for (const g of sized) {
    let t = 0;
    for (let k = 1; k < threads; k++) if (load[k] < load[t]) t = k;
    out[t].push(g.members);
    load[t] += g.size;
  }
  return out;
}

/** What one thread does with the slices it takes: read them, keep the readings, finish them. */
class Shard {
  private readonly lexicon = Lexicon.builtin();
  private readonly decoded: Buffer;
  private readonly kept = new Map<number, FirstPass>();
  /** First-pass stand-ins of the documents read, by corpus index (when nothing reports them). */
  readonly persons = new Map<number, DocumentAnalysis>();
  /** The slices read, in the order they were taken. */
  readonly slices: number[] = [];

  constructor(
    private readonly corpus: Corpus,
    private readonly report: ((slice: number, persons: DocumentAnalysis[]) => void) | undefined,
  ) {
    this.decoded = Buffer.from(corpus.texts);
  }

  file(i: number): File {
    const o = this.corpus.offsets;
    return { path: this.corpus.paths[i], text: this.decoded.toString('utf16le', o[i] * 2, o[i + 1] * 2) };
  }

  /** Takes slices until none is left, and reads them. */
  readAll(): void {
    const count = Math.ceil(this.corpus.paths.length / this.corpus.sliceSize);
    for (;;) {
      const slice = Atomics.add(this.corpus.next, 0, 1);
      if (slice >= count) return;
      const persons: DocumentAnalysis[] = [];
      for (const i of sliceRange(this.corpus, slice)) {
        const first = readFirst(this.file(i), this.lexicon);
        this.kept.set(i, first.kept);
        // A worker sends them on; this thread keeps its own.
        if (!this.report) this.persons.set(i, first.persons);
        persons.push(first.persons);
      }
      this.slices.push(slice);
      this.report?.(slice, persons);
    }
  }

  /** Teaches this thread's lexicon what the corpus names (every thread learns the same). */
  learn(persons: DocumentAnalysis[]): boolean {
    return this.lexicon.learnFrom(persons);
  }

  /** The second pass over every slice read, slice by slice; the readings are let go as it goes. */
  finishAll(learnt: boolean, repeated: (i: number) => Range[], done: (slice: number, docs: DocumentResult[]) => void): void {
    for (const slice of this.slices) {
      const docs: DocumentResult[] = [];
      for (const i of sliceRange(this.corpus, slice)) {
        docs.push(readSecond(this.file(i), this.kept.get(i)!, this.lexicon, learnt, repeated(i)));
        this.kept.delete(i);
      }
      done(slice, docs);
    }
  }
}

/** Whether this thread was started by analyzeFiles to be one of its workers. */
export function isAnalyzeWorker(): boolean {
  return !isMainThread && (workerData as { tag?: string } | null)?.tag === WORKER_TAG;
}

/** A worker's side: answers the messages of analyzeOnThreads. */
export function runAnalyzeWorker(): void {
  const port = parentPort!;
  let shard: Shard | null = null;
  let corpus: Corpus | null = null;
  const send = (m: FromWorker) => port.postMessage(m);
  port.on('message', (m: ToWorker) => {
    if (m.type === 'first') {
      corpus = m.corpus;
      if (corpus.fail === 'first') throw new Error('failing on purpose (SANAD_TEST_WORKER_FAILURE=first)');
      shard = new Shard(corpus, (slice, persons) => send({ type: 'first', slice, persons }));
      shard.readAll();
      send({ type: 'firstDone' });
    } else if (m.type === 'repeat') {
      const s = shard!;
      send({ type: 'repeated', found: m.groups.map((members) => repeatedInGroup(members.map((i) => s.file(i).text))) });
    } else if (m.type === 'second') {
      if (corpus?.fail === 'second') process.exit(7);
      const repeated = new Map(m.repeated);
      const learnt = shard!.learn(m.persons);
      m.persons.length = 0;
      shard!.finishAll(learnt, (i) => repeated.get(i) ?? [], (slice, docs) => send({ type: 'documents', slice, json: JSON.stringify(docs) }));
      send({ type: 'secondDone' });
    }
  });
}
