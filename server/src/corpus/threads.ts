// `sanad analyze`: the corpus analysed document by document, each finished document handed on in
// corpus order as soon as it and those before it are done, so that the output can be written and
// the figures compared while the rest is analysed, and nothing holds every document at once.
//
// On many files the analysis runs on worker threads. The threads are the same bundle
// (dist/cli.js) started with workerData, so nothing else has to ship. The texts go to the workers
// once, in one SharedArrayBuffer, and are only held there; each worker takes the next slice of
// documents as it gets free (an atomic counter), reads them (first pass) and keeps their readings.
// Only small things come back between the passes: the people each document names and its outlet.
// This thread puts the corpus together in corpus order: every worker replays the lexicon's
// learning from the same list, the outlets' repeated lines are shared out group by group, and each
// worker finishes the documents it read, slice by slice, never more than a few slices ahead of
// the output. The finished documents come back as the JSON text of the output (made on the
// workers; parsed here to compare the figures). This thread does no analysis of its own: writing
// and comparing keep it busy, and the system shares the cores between it and the workers.
//
// A worker that fails in any way makes the corpus be analysed again in this process, with a
// message on stderr; the documents already handed on are not handed on again, so the output never
// misses or repeats a document.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  Lexicon,
  outletGroups,
  readFirst,
  readSecond,
  repeatedInGroup,
  type CorpusAnalysis,
  type DocumentAnalysis,
  type DocumentResult,
  type FirstPass,
  type Mention,
} from '../analysis';
import { ClaimIndex } from '../analysis/claims/contradictions';
import { prettyElement } from '../format/json';

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

/**
 * Called with each finished document in corpus order, with its text and, when a worker made it,
 * its element of the JSON output (prettyElement(doc)). The next document waits for the promise.
 */
export type OnDocument = (doc: DocumentResult, text: string, json: string | undefined) => void | Promise<void>;

/** Shared chunks of texts are this many UTF-16 code units (8 MB), or one text when it is longer. */
const CHUNK_UNITS = 1 << 22;

/**
 * The texts of a corpus as they are read, held once: as strings while there are too few for
 * threads, then in shared memory (chunks the workers read too), so that the strings die young.
 */
export class CorpusTexts {
  readonly paths: string[] = [];
  private strings: string[] | null = [];
  readonly chunks: SharedArrayBuffer[] = [];
  private readonly views: Buffer[] = [];
  /** Where each text lies once shared: chunk, start and length (code units), three numbers a text. */
  private places: number[] = [];
  private used = 0;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  get count(): number {
    return this.paths.length;
  }

  /** Whether the texts are in shared memory (they are from the count at which threads are used). */
  get shared(): boolean {
    return this.strings === null;
  }

  add(path: string, text: string): void {
    this.paths.push(path);
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
    return this.strings ? this.strings[i] : textAt(this.views, this.places, i);
  }

  /** Length of text i in code units. */
  size(i: number): number {
    return this.strings ? this.strings[i].length : this.places[3 * i + 2];
  }

  where(): Int32Array {
    return Int32Array.from(this.places);
  }

  /** Every text as a string, for one thread to analyse. */
  files(): File[] {
    return this.paths.map((path, i) => ({ path, text: this.text(i) }));
  }
}

function textAt(views: readonly Buffer[], places: ArrayLike<number>, i: number): string {
  const start = places[3 * i + 1];
  return views[places[3 * i]].toString('utf16le', start * 2, (start + places[3 * i + 2]) * 2);
}

interface Corpus {
  /** The texts, in chunks of UTF-16 code units. */
  chunks: SharedArrayBuffer[];
  /** Text i: chunk where[3i], from code unit where[3i + 1], where[3i + 2] long. */
  where: Int32Array;
  paths: string[];
  /** The next slice to take (an index into slices, taken with Atomics.add). */
  next: Int32Array;
  /** How many documents were handed on (in corpus order); workers finish slices up to `window` documents past it. */
  emitted: Int32Array;
  window: number;
  sliceSize: number;
  /** Test hook (SANAD_TEST_WORKER_FAILURE): make the worker fail. */
  fail?: string;
}

type ToWorker =
  | { type: 'first'; corpus: Corpus }
  | { type: 'repeat'; groups: number[][] }
  | { type: 'second'; persons: DocumentAnalysis[]; repeated: Array<[number, Range[]]> };

type FromWorker =
  | { type: 'first'; slice: number; outlets: Array<string | null>; persons: Mention[] }
  | { type: 'firstDone' }
  | { type: 'repeated'; found: Array<Range[][]> }
  | { type: 'document'; index: number; json: string }
  | { type: 'secondDone' };

/** Takes every worker's messages of one kind, each handed to `take`, until each says `done`. */
async function everyWorker<K extends FromWorker['type']>(
  helpers: Helper[],
  kind: K,
  done: FromWorker['type'],
  take: (h: Helper, m: Extract<FromWorker, { type: K }>) => void,
): Promise<void> {
  await Promise.all(
    helpers.map(async (h) => {
      for (;;) {
        const m = await h.next();
        if (m.type === done) return;
        if (m.type !== kind) throw new Error(`a worker said ${m.type} where ${kind} was due`);
        take(h, m as Extract<FromWorker, { type: K }>);
      }
    }),
  );
}

/**
 * The mentions of first-pass stand-ins not `seen` before, in order, each as it first appears:
 * what a lexicon learns from (learnFrom asks which names the corpus uses, not where or how often),
 * a few dozen mentions where a corpus has hundreds of thousands. `seen` is updated.
 */
export function newMentions(docs: ReadonlyArray<Pick<DocumentAnalysis, 'mentions'>>, seen: Set<string>): Mention[] {
  const out: Mention[] = [];
  for (const doc of docs) {
    for (const m of doc.mentions) {
      const key = JSON.stringify({ ...m, start: 0, end: 0 });
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(m);
    }
  }
  return out;
}

/** One stand-in for a corpus whose distinct mentions, in corpus order, are `mentions`. */
export function learningStandIn(mentions: Mention[]): DocumentAnalysis {
  return { path: '', published: null, outlet: null, mentions, boilerplate: [] };
}

/** How many worker threads to analyse `count` files with; 1 means none (this thread does it all). */
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
 * analyzeCorpus(files) whole: the same result to the byte, on threads when there are enough
 * files and cores.
 */
export async function analyzeFiles(texts: CorpusTexts, warn: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<CorpusAnalysis> {
  const documents: DocumentResult[] = [];
  const index = new ClaimIndex();
  await analyzeEach(
    texts,
    warn,
    (doc, text) => {
      documents.push(doc);
      index.update(doc, text);
    },
    env,
  );
  // What corpusResult gives: the index lists what findContradictions lists.
  return { version: 1, documents, contradictions: index.contradictions() };
}

/**
 * The documents of analyzeCorpus(files), handed to `onDocument` one by one in corpus order, on
 * worker threads when there are enough files and cores (and `texts` are shared). `warn` is told
 * when the workers failed and this process did the rest of the work.
 */
export async function analyzeEach(texts: CorpusTexts, warn: (line: string) => void, onDocument: OnDocument, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const threads = threadsFor(texts.count, env);
  if (threads < 2 || !texts.shared) return analyzeInOrder(texts.files(), onDocument, 0);
  const corpus = share(texts, threads, env.SANAD_TEST_WORKER_FAILURE);
  const progress: Progress = { emitted: 0, sinkFailed: false, sinkError: undefined };
  try {
    await analyzeOnThreads(corpus, threads, onDocument, progress);
    return;
  } catch (err) {
    if (progress.sinkFailed) throw progress.sinkError;
    warn(`worker thread failed (${err instanceof Error ? err.message : String(err)}); analysing in this process instead`);
  }
  await analyzeInOrder(texts.files(), onDocument, progress.emitted);
}

/**
 * analyzeCorpus's steps on this thread, each document handed on as soon as it is finished;
 * the first `skip` documents (already handed on) are not handed on again.
 */
async function analyzeInOrder(files: File[], onDocument: OnDocument, skip: number): Promise<void> {
  const lexicon = Lexicon.builtin();
  const kept: Array<FirstPass | undefined> = new Array(files.length);
  let persons: DocumentAnalysis[] = new Array(files.length);
  for (let i = 0; i < files.length; i++) {
    const first = readFirst(files[i], lexicon);
    kept[i] = first.kept;
    persons[i] = first.persons;
  }
  const learnt = lexicon.learnFrom(persons);
  const repeated: Array<Range[] | undefined> = new Array(files.length);
  for (const members of outletGroups(persons)) {
    const found = repeatedInGroup(members.map((i) => files[i].text));
    members.forEach((doc, k) => (repeated[doc] = found[k]));
  }
  persons = [];
  for (let i = 0; i < files.length; i++) {
    const doc = readSecond(files[i], kept[i]!, lexicon, learnt, repeated[i] ?? []);
    kept[i] = undefined;
    repeated[i] = undefined;
    if (i < skip) continue;
    const wait = onDocument(doc, files[i].text, undefined);
    if (wait) await wait;
  }
}

interface Progress {
  /** Documents handed on so far. */
  emitted: number;
  /** Whether onDocument threw (then that error is the caller's, not a worker's). */
  sinkFailed: boolean;
  sinkError: unknown;
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

  constructor(file: string, resourceLimits: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number }) {
    this.worker = new Worker(file, { workerData: { tag: WORKER_TAG }, resourceLimits });
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

/** The documents of the corpus analysed by `workers` worker threads, handed on in corpus order. */
async function analyzeOnThreads(corpus: Corpus, workers: number, onDocument: OnDocument, progress: Progress): Promise<void> {
  const count = corpus.paths.length;
  const views = corpus.chunks.map((c) => Buffer.from(c));
  const textOf = (i: number) => textAt(views, corpus.where, i);
  const helpers: Helper[] = [];
  // Documents are handed on one slice at a time, in order, as the workers send them.
  let emitting: Promise<void> = Promise.resolve();
  // Set once this gives up: a message still queued from a worker then hands nothing on.
  let closed = false;
  try {
    const limits = workerHeap(corpus, workers);
    for (let w = 0; w < workers; w++) helpers.push(new Helper(__filename, limits));
    for (const h of helpers) h.post({ type: 'first', corpus });

    // First pass: the workers take slices until none is left, and say each document's outlet and
    // the people named in each slice.
    const outlets: Array<string | null | undefined> = new Array(count);
    const named: Mention[][] = [];
    await everyWorker(helpers, 'first', 'firstDone', (h, m) => {
      h.slices.push(m.slice);
      const from = m.slice * corpus.sliceSize;
      m.outlets.forEach((o, k) => (outlets[from + k] = o));
      named[m.slice] = m.persons;
    });
    for (let i = 0; i < count; i++) if (outlets[i] === undefined) throw new Error(`document ${i + 1} was not read`);
    // What the lexicons learn from, in corpus order.
    const seen = new Set<string>();
    const all = [learningStandIn(named.flatMap((mentions) => newMentions([{ mentions }], seen)))];
    named.length = 0;

    // Repeated lines, one outlet at a time, the outlets shared out by size.
    const shares = shareGroups(outletGroups(outlets.map((outlet) => ({ outlet: outlet ?? null }))), corpus, workers);
    helpers.forEach((h, w) => h.post({ type: 'repeat', groups: shares[w] }));
    const repeated = new Map<number, Range[]>();
    const found = await Promise.all(helpers.map((h) => h.expect('repeated')));
    found.forEach((m, w) => shares[w].forEach((members, g) => members.forEach((doc, k) => m.found[g][k].length && repeated.set(doc, m.found[g][k]))));

    // Second pass: each worker finishes what it read, and this thread hands the documents on.
    helpers.forEach((h) => {
      const mine: Array<[number, Range[]]> = [];
      for (const slice of h.slices) for (const i of sliceRange(corpus, slice)) if (repeated.has(i)) mine.push([i, repeated.get(i)!]);
      h.post({ type: 'second', persons: all, repeated: mine });
    });
    outlets.length = 0;
    repeated.clear();

    // Each document as it comes, once those before it have been handed on.
    const pending = new Map<number, string>();
    const emitReady = async () => {
      for (let json = pending.get(progress.emitted); json !== undefined; json = pending.get(progress.emitted)) {
        const i = progress.emitted;
        pending.delete(i);
        const wait = onDocument(JSON.parse(json) as DocumentResult, textOf(i), json);
        if (wait) await wait;
        progress.emitted = i + 1;
        Atomics.store(corpus.emitted, 0, i + 1);
        Atomics.notify(corpus.emitted, 0);
      }
    };
    const emit = () => {
      if (closed || progress.sinkFailed) return undefined;
      return emitReady().catch((err: unknown) => {
        progress.sinkFailed = true;
        progress.sinkError = err;
      });
    };
    await everyWorker(helpers, 'document', 'secondDone', (_, m) => {
      pending.set(m.index, m.json);
      emitting = emitting.then(emit);
    });
    await emitting;
    if (progress.sinkFailed) throw progress.sinkError;
    if (progress.emitted !== count) throw new Error(`document ${progress.emitted + 1} was not finished`);
  } finally {
    // After a failure, what was being handed on is finished, and nothing more.
    closed = true;
    await emitting;
    for (const h of helpers) h.stop();
  }
}

/**
 * A worker's heap. V8 lets a heap grow to several times what it holds live when its limit is far
 * (by default a quarter of the machine's memory), and a worker's garbage would then be most of
 * the memory used; a nearer limit makes it collect sooner (V8 grows small heaps by smaller
 * factors). The limit stays well above what a worker holds live (its readings, a few kilobytes a
 * document and about its share of the text, until the second pass); a worker that ran out would
 * only make this process analyse the corpus itself. A smaller young generation than 16 MB costs
 * time: a document's temporaries would outlive it.
 */
function workerHeap(corpus: Corpus, workers: number): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  const docs = Math.ceil(corpus.paths.length / workers);
  let units = 0;
  for (let i = 0; i < corpus.paths.length; i++) units += corpus.where[3 * i + 2];
  const textMb = (units * 2) / workers / (1 << 20);
  return { maxOldGenerationSizeMb: Math.max(256, Math.ceil(128 + docs / 64 + 4 * textMb)), maxYoungGenerationSizeMb: 16 };
}

/** The texts in shared memory, and the slices the threads take. */
function share(texts: CorpusTexts, threads: number, fail: string | undefined): Corpus {
  // Small enough slices that the threads finish together, large enough to be few.
  const sliceSize = Math.max(4, Math.min(64, Math.ceil(texts.count / (threads * 16))));
  return {
    chunks: texts.chunks,
    where: texts.where(),
    paths: texts.paths,
    next: new Int32Array(new SharedArrayBuffer(4)),
    emitted: new Int32Array(new SharedArrayBuffer(4)),
    // Enough that a worker rarely waits for the others, few enough that little waits here.
    window: Math.max(4, 2 * threads) * sliceSize,
    sliceSize,
    fail,
  };
}

function sliceRange(corpus: Corpus, slice: number): number[] {
  const out: number[] = [];
  const end = Math.min(corpus.paths.length, (slice + 1) * corpus.sliceSize);
  for (let i = slice * corpus.sliceSize; i < end; i++) out.push(i);
  return out;
}

/** Outlet groups shared out between threads, the largest first to the least loaded. */
function shareGroups(groups: number[][], corpus: Corpus, threads: number): number[][][] {
  const out: number[][][] = Array.from({ length: threads }, () => []);
  const load = new Array(threads).fill(0);
  const sized = groups.map((members) => ({ members, size: members.reduce((s, i) => s + corpus.where[3 * i + 2], 0) }));
  sized.sort((a, b) => b.size - a.size);
  for (const g of sized) {
    let t = 0;
    for (let k = 1; k < threads; k++) if (load[k] < load[t]) t = k;
    out[t].push(g.members);
    load[t] += g.size;
  }
  return out;
}

/** What one worker does with the slices it takes: read them, keep the readings, finish them. */
class Shard {
  private readonly lexicon = Lexicon.builtin();
  private readonly views: Buffer[];
  private readonly kept = new Map<number, FirstPass>();
  /** The slices read, in the order they were taken. */
  readonly slices: number[] = [];

  constructor(
    private readonly corpus: Corpus,
    private readonly report: (slice: number, outlets: Array<string | null>, persons: Mention[]) => void,
  ) {
    this.views = corpus.chunks.map((c) => Buffer.from(c));
  }

  file(i: number): File {
    return { path: this.corpus.paths[i], text: textAt(this.views, this.corpus.where, i) };
  }

  /** Takes slices until none is left, and reads them. */
  readAll(): void {
    const count = Math.ceil(this.corpus.paths.length / this.corpus.sliceSize);
    for (;;) {
      const slice = Atomics.add(this.corpus.next, 0, 1);
      if (slice >= count) return;
      const outlets: Array<string | null> = [];
      const persons: DocumentAnalysis[] = [];
      for (const i of sliceRange(this.corpus, slice)) {
        const first = readFirst(this.file(i), this.lexicon);
        this.kept.set(i, first.kept);
        outlets.push(first.persons.outlet);
        persons.push(first.persons);
      }
      this.slices.push(slice);
      this.report(slice, outlets, newMentions(persons, new Set()));
    }
  }

  /** Teaches this thread's lexicon what the corpus names (every thread learns the same). */
  learn(persons: DocumentAnalysis[]): boolean {
    return this.lexicon.learnFrom(persons);
  }

  /**
   * The second pass over every slice read, slice by slice, each slice once the output is near
   * enough to it; the readings are let go as it goes.
   */
  finishAll(learnt: boolean, repeated: (i: number) => Range[], done: (i: number, doc: DocumentResult) => void): void {
    for (const slice of this.slices) {
      this.waitFor(slice * this.corpus.sliceSize);
      for (const i of sliceRange(this.corpus, slice)) {
        const doc = readSecond(this.file(i), this.kept.get(i)!, this.lexicon, learnt, repeated(i));
        this.kept.delete(i);
        // Sent at once: documents that wait grow old in the heap.
        done(i, doc);
      }
    }
  }

  /**
   * Blocks until document `first` is within the window past the documents handed on. The
   * document the output waits for is always within it, so some thread can always go on.
   */
  private waitFor(first: number): void {
    const emitted = this.corpus.emitted;
    for (;;) {
      const now = Atomics.load(emitted, 0);
      if (first < now + this.corpus.window) return;
      // A timeout, so that a worker being stopped is never stuck here.
      Atomics.wait(emitted, 0, now, 200);
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
      shard = new Shard(corpus, (slice, outlets, persons) => send({ type: 'first', slice, outlets, persons }));
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
      shard!.finishAll(learnt, (i) => repeated.get(i) ?? [], (index, doc) => send({ type: 'document', index, json: prettyElement(doc) }));
      send({ type: 'secondDone' });
    }
  });
}
