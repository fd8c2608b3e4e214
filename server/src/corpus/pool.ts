// The one corpus pipeline: the two passes of analysis/corpus.ts over a corpus, on worker threads
// when it is large, else on this thread, for `sanad analyze` and the language server alike. Each
// finished document is handed on in corpus order as soon as it and those before it are done, so
// that the caller can write it out or index it, and compare its figures, while the rest is
// analysed; nothing holds every analysis at once.
//
// On threads: the texts go to the workers once, in shared memory (texts.ts), and are only held
// there; each worker (worker.ts, its own bundle dist/worker.js) takes the next slice of documents
// as it gets free (an atomic counter), reads them (first pass) and keeps their readings. Only small
// things come back between the passes: the people each document names and its outlet. This thread
// puts the corpus together in corpus order: every lexicon (each worker's and this thread's)
// learns the same from the same list, the outlets' repeated lines are shared out group by group,
// and each worker finishes the documents it read, slice by slice, never more than a few slices
// ahead of the output. The finished documents come back as the JSON text of the output, or, for
// `sanad analyze --format json` (analyzeToOutput), as their claims and story profile read by the
// worker, which writes their element of the output to its file of the spool (output.ts,
// spool.ts): this thread then only compares.
//
// A worker that fails in any way makes the corpus be analysed again on this thread, with a
// warning; the documents already handed on are not handed on again, so the caller never misses
// or sees twice a document.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import {
  learnFrom,
  learningStandIn,
  lexiconFrom,
  newMentions,
  outletGroups,
  readFirst,
  readSecond,
  repeatedByCount,
  repeatedInGroup,
  shortLines,
  type DocumentAnalysis,
  type DocumentResult,
  type FirstPass,
  type Lexicon,
  type LexiconRecipe,
  type Mention,
  type NameToTeach,
} from '../analysis';
import { WORKER_TAG, sliceRange, type FromWorker, type Range, type SharedCorpus, type ToWorker } from './messages';
import { NO_VIEW, chunksBefore, textAt, type CorpusTexts } from './texts';
import { threadsFor } from './threads';
import { SharedStrings, claimsRead, documentOutput } from './output';
import type { Spool } from './spool';
import type { ClaimsRead } from '../analysis/claims/claimIndex';

/**
 * Called with each finished document in corpus order, with its text and, when a worker made it,
 * its element of the JSON output (prettyElement(doc)). The next document waits for the promise.
 */
export type OnDocument = (doc: DocumentResult, text: string, json: string | undefined) => void | Promise<void>;

/**
 * Called with each finished document's path and claims read, in corpus order, once its element
 * of the output is in the spool. The next waits for the promise.
 */
export type OnOutput = (path: string, read: ClaimsRead) => void | Promise<void>;

/** What the pipeline hands on: each document (analyzeEach) or each document's output (analyzeToOutput). */
type Sink = { finished: 'document'; on: OnDocument } | { finished: 'output'; on: OnOutput; spool: Spool; strings: SharedStrings };

/** A document finished on this thread, handed on as the sink takes it. */
function handOn(sink: Sink, doc: DocumentResult, text: string): void | Promise<void> {
  if (sink.finished === 'document') return sink.on(doc, text, undefined);
  const out = documentOutput(doc, text);
  const read = sink.strings.read(claimsRead(out.record));
  const kept = sink.spool.push(out.element);
  return kept ? kept.then(() => sink.on(out.path, read)) : sink.on(out.path, read);
}

export interface PipelineOptions {
  /** What every lexicon of the corpus is made of (the workspace's lexicon files). */
  recipe?: LexiconRecipe;
  /** The names annotators accepted, asked for between the passes (labels load while the first runs). */
  taught?: () => NameToTeach[] | Promise<NameToTeach[]>;
  /** Told when the workers failed and this thread did the rest of the work. */
  warn?: (line: string) => void;
  /** Work on this thread gives way every SLICE_MS (the language server answers requests then). */
  yieldToEvents?: () => Promise<void>;
  /** `done` of `total` documents through a pass. */
  progress?: (pass: 'reading' | 'finishing', done: number, total: number) => void;
  /** The workers' bundle; by default worker.js beside the running bundle. */
  workerScript?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * What the whole corpus teaches, when these texts are one share of it (`sanad analyze --shard`
   * with `--lexicon`): the people every share names, in corpus order, in place of this share's;
   * and per outlet, how many documents of every share hold each short line. A share is read on
   * this thread (a machine runs as many shares as it has cores).
   */
  corpus?: WholeCorpus;
  /**
   * Let go of each text once its document is handed on (on threads: the shared memory of the
   * texts is freed chunk by chunk as the output passes it): `texts` then no longer holds them.
   */
  releaseTexts?: boolean;
}

/** What every share of a sharded corpus teaches (cli/shard.ts reads it from the lexicon lines). */
export interface WholeCorpus {
  names: Mention[];
  lines: Map<string, Map<string, number>>;
}

export interface PipelineResult {
  /** This thread's lexicon, having learnt what the corpus teaches (for the edits that follow). */
  lexicon: Lexicon;
  /** How many worker threads read the corpus (1: none, or they failed). */
  threads: number;
}

/** Longest stretch of work on this thread before others get their turn, when they ask for it. */
const SLICE_MS = 20;

/**
 * The documents of analyzeCorpus(files), handed to `onDocument` one by one in corpus order, on
 * worker threads when there are enough files and cores (and `texts` are shared).
 */
export function analyzeEach(texts: CorpusTexts, onDocument: OnDocument, options: PipelineOptions = {}): Promise<PipelineResult> {
  return analyze(texts, { finished: 'document', on: onDocument }, options);
}

/**
 * analyzeEach for `sanad analyze --format json`: each document's element of the output (UTF-8)
 * put in `spool`, and its claims read for a ClaimIndex handed on, both made where it is finished.
 */
export function analyzeToOutput(texts: CorpusTexts, spool: Spool, onOutput: OnOutput, options: PipelineOptions = {}): Promise<PipelineResult> {
  return analyze(texts, { finished: 'output', on: onOutput, spool, strings: new SharedStrings() }, options);
}

async function analyze(texts: CorpusTexts, sink: Sink, options: PipelineOptions): Promise<PipelineResult> {
  const env = options.env ?? process.env;
  const recipe = options.recipe ?? { workspace: [] };
  const script = options.workerScript ?? join(__dirname, 'worker.js');
  const threads = threadsFor(texts.count, env);
  if (threads < 2 || !texts.shared || !existsSync(script) || options.corpus) return { lexicon: await analyzeHere(texts, recipe, sink, 0, options), threads: 1 };
  const corpus = share(texts, threads, recipe, !!options.releaseTexts, env.SANAD_TEST_WORKER_FAILURE);
  const progress: Progress = { emitted: 0, sinkFailed: false, sinkError: undefined, taught: null };
  try {
    const lexicon = await analyzeOnThreads(corpus, threads, script, sink, progress, options, (upTo) => texts.release(upTo));
    return { lexicon, threads };
  } catch (err) {
    if (progress.sinkFailed) throw progress.sinkError;
    options.warn?.(`worker thread failed (${err instanceof Error ? err.message : String(err)}); analysing in this thread instead`);
  }
  // Failed in the second pass: this thread finishes what is left with what the corpus taught
  // (the texts handed on may be gone); before it, this thread reads the whole corpus again.
  const lexicon = progress.taught ? await finishHere(texts, progress.taught, sink, progress.emitted, options) : await analyzeHere(texts, recipe, sink, progress.emitted, options);
  return { lexicon, threads: 1 };
}

/** Gives way to other work every SLICE_MS, when the caller asked for it. */
function slicer(options: PipelineOptions): () => Promise<void> | undefined {
  const yieldToEvents = options.yieldToEvents;
  if (!yieldToEvents) return () => undefined;
  let start = Date.now();
  return () => {
    if (Date.now() - start <= SLICE_MS) return undefined;
    return yieldToEvents().then(() => {
      start = Date.now();
    });
  };
}

/**
 * analyzeCorpus's steps on this thread, each document handed on as soon as it is finished;
 * the first `skip` documents (already handed on) are not handed on again.
 */
async function analyzeHere(texts: CorpusTexts, recipe: LexiconRecipe, sink: Sink, skip: number, options: PipelineOptions): Promise<Lexicon> {
  const lexicon = lexiconFrom(recipe).lexicon;
  // A large workspace lexicon takes a good part of a second to make: others' turn before reading.
  await options.yieldToEvents?.();
  const count = texts.count;
  const pause = slicer(options);
  const kept: Array<FirstPass | undefined> = new Array(count);
  const persons: DocumentAnalysis[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const first = readFirst(texts.file(i), lexicon);
    kept[i] = first.kept;
    persons[i] = first.persons;
    const wait = pause();
    if (wait) {
      options.progress?.('reading', i + 1, count);
      await wait;
    }
  }
  options.progress?.('reading', count, count);
  const whole = options.corpus;
  const learnt = learnFrom(lexicon, (await options.taught?.()) ?? [], whole ? [learningStandIn(whole.names)] : persons);
  const repeated: Array<Range[] | undefined> = new Array(count);
  if (whole) {
    // Lines counted over every share: what one run over the whole corpus would find repeated.
    persons.forEach((p, i) => {
      const counts = p.outlet ? whole.lines.get(p.outlet) : undefined;
      if (counts) repeated[i] = repeatedByCount(shortLines(texts.text(i)), (l) => counts.get(l) ?? 0);
    });
  } else {
    for (const members of outletGroups(persons)) {
      const found = repeatedInGroup(members.map((i) => texts.text(i)));
      members.forEach((doc, k) => (repeated[doc] = found[k]));
    }
  }
  // The stand-ins are let go before the second pass.
  persons.length = 0;
  for (let i = 0; i < count; i++) {
    const file = texts.file(i);
    const text = file.text;
    const doc = readSecond(file, kept[i]!, lexicon, learnt, repeated[i] ?? []);
    kept[i] = undefined;
    repeated[i] = undefined;
    if (i < skip) continue;
    const wait = handOn(sink, doc, text);
    if (wait) await wait;
    await giveWay(pause, options, i + 1, count);
  }
  options.progress?.('finishing', count, count);
  return lexicon;
}

/** Gives way to other work when this thread's slice is over, saying how far the second pass is. */
async function giveWay(pause: () => Promise<void> | undefined, options: PipelineOptions, done: number, count: number): Promise<void> {
  const pausing = pause();
  if (!pausing) return;
  options.progress?.('finishing', done, count);
  await pausing;
}

/** A finished document as a worker sends it. */
type Finished = Extract<FromWorker, { type: 'document' | 'output' }>;

/** What the corpus taught, as the workers learnt it before the second pass. */
interface Taught {
  /** This thread's lexicon, having learnt it. */
  lexicon: Lexicon;
  /** What learnFrom returned. */
  learnt: boolean;
  /** The repeated lines of each document that has any. */
  repeated: Map<number, Range[]>;
}

/**
 * The second pass of the documents from `skip` on, on this thread, with what the corpus taught:
 * what the workers would have made of them. A document's first pass is read again first, with the
 * lexicon that learnt already: its reading does not depend on the lexicon, and the actors the
 * second pass needs are found again with that lexicon either way.
 */
async function finishHere(texts: CorpusTexts, taught: Taught, sink: Sink, skip: number, options: PipelineOptions): Promise<Lexicon> {
  const { lexicon, learnt, repeated } = taught;
  const count = texts.count;
  const pause = slicer(options);
  for (let i = skip; i < count; i++) {
    const file = texts.file(i);
    const first = readFirst(file, lexicon);
    const doc = readSecond(file, first.kept, lexicon, learnt, repeated.get(i) ?? []);
    const wait = handOn(sink, doc, file.text);
    if (wait) await wait;
    if (options.releaseTexts) texts.release(i + 1);
    await giveWay(pause, options, i + 1, count);
  }
  options.progress?.('finishing', count, count);
  return lexicon;
}

interface Progress {
  /** Documents handed on so far. */
  emitted: number;
  /** Set once the second pass is under way. */
  taught: Taught | null;
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
  /** The spool file it appends the elements of the output to (analyzeToOutput). */
  elements: string | null = null;

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

/** Takes every worker's messages of one kind, each handed to `take`, until each says `done`. */
async function everyWorker<K extends FromWorker['type']>(helpers: Helper[], kind: K, done: FromWorker['type'], take: (h: Helper, m: Extract<FromWorker, { type: K }>) => void): Promise<void> {
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

/** The documents of the corpus analysed by `workers` worker threads, handed on in corpus order. */
async function analyzeOnThreads(corpus: SharedCorpus, workers: number, script: string, sink: Sink, progress: Progress, options: PipelineOptions, release: (upTo: number) => void): Promise<Lexicon> {
  const count = corpus.paths.length;
  const views: Buffer[] = corpus.chunks.map((c) => Buffer.from(c));
  const textOf = (i: number) => textAt(views, corpus.where, i);
  const helpers: Helper[] = [];
  // Documents are handed on one slice at a time, in order, as the workers send them.
  let emitting: Promise<void> = Promise.resolve();
  // Set once this gives up: a message still queued from a worker then hands nothing on.
  let closed = false;
  try {
    const limits = workerHeap(corpus, workers);
    for (let w = 0; w < workers; w++) helpers.push(new Helper(script, limits));
    for (const h of helpers) h.post({ type: 'first', corpus });

    // First pass: the workers take slices until none is left, and say each document's outlet and
    // the people named in each slice.
    const outlets: Array<string | null | undefined> = new Array(count);
    const named: Mention[][] = [];
    let read = 0;
    await everyWorker(helpers, 'first', 'firstDone', (h, m) => {
      h.slices.push(m.slice);
      const from = m.slice * corpus.sliceSize;
      m.outlets.forEach((o, k) => (outlets[from + k] = o));
      named[m.slice] = m.persons;
      read += m.outlets.length;
      options.progress?.('reading', read, count);
    });
    for (let i = 0; i < count; i++) if (outlets[i] === undefined) throw new Error(`document ${i + 1} was not read`);
    // What the lexicons learn from, in corpus order; this thread's lexicon learns it too.
    const seen = new Set<string>();
    const all = [learningStandIn(named.flatMap((mentions) => newMentions([{ mentions }], seen)))];
    named.length = 0;
    const taught = (await options.taught?.()) ?? [];
    const lexicon = lexiconFrom(corpus.recipe).lexicon;
    const learnt = learnFrom(lexicon, taught, all);

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
      if (sink.finished === 'output') h.elements = sink.spool.workerFile();
      h.post({ type: 'second', taught, persons: all, repeated: mine, elements: h.elements });
    });
    outlets.length = 0;
    progress.taught = { lexicon, learnt, repeated };

    // Each document as it comes, once those before it have been handed on.
    const pending = new Map<number, { m: Finished; from: Helper }>();
    const pause = slicer(options);
    const emitReady = async () => {
      for (let p = pending.get(progress.emitted); p !== undefined; p = pending.get(progress.emitted)) {
        const i = progress.emitted;
        pending.delete(i);
        const m = p.m;
        let wait: void | Promise<void>;
        if (sink.finished === 'document' && m.type === 'document') wait = sink.on(JSON.parse(m.json) as DocumentResult, textOf(i), m.json);
        else if (sink.finished === 'output' && m.type === 'output') {
          sink.spool.written(p.from.elements!, m.length);
          wait = sink.on(corpus.paths[i], sink.strings.read(claimsRead(m.record)));
        } else throw new Error(`a worker sent ${m.type} where ${sink.finished} was due`);
        if (wait) await wait;
        progress.emitted = i + 1;
        Atomics.store(corpus.emitted, 0, i + 1);
        Atomics.notify(corpus.emitted, 0);
        if (corpus.release) {
          release(i + 1);
          for (let c = chunksBefore(corpus.where, count, i + 1) - 1; c >= 0 && views[c] !== NO_VIEW; c--) views[c] = NO_VIEW;
        }
        await giveWay(pause, options, i + 1, count);
      }
    };
    const emit = () => {
      if (closed || progress.sinkFailed) return undefined;
      return emitReady().catch((err: unknown) => {
        progress.sinkFailed = true;
        progress.sinkError = err;
      });
    };
    await everyWorker(helpers, sink.finished, 'secondDone', (h, m) => {
      pending.set(m.index, { m, from: h });
      emitting = emitting.then(emit);
    });
    await emitting;
    if (progress.sinkFailed) throw progress.sinkError;
    if (progress.emitted !== count) throw new Error(`document ${progress.emitted + 1} was not finished`);
    options.progress?.('finishing', count, count);
    return lexicon;
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
 * only make this thread analyse the corpus itself. A smaller young generation than 16 MB costs
 * time: a document's temporaries would outlive it.
 */
function workerHeap(corpus: SharedCorpus, workers: number): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  const docs = Math.ceil(corpus.paths.length / workers);
  let units = 0;
  for (let i = 0; i < corpus.paths.length; i++) units += corpus.where[3 * i + 2];
  const textMb = (units * 2) / workers / (1 << 20);
  return { maxOldGenerationSizeMb: Math.max(256, Math.ceil(128 + docs / 64 + 4 * textMb)), maxYoungGenerationSizeMb: 16 };
}

/** The texts in shared memory, and the slices the threads take. */
function share(texts: CorpusTexts, threads: number, recipe: LexiconRecipe, release: boolean, fail: string | undefined): SharedCorpus {
  // Small enough slices that the threads finish together, large enough to be few.
  const sliceSize = Math.max(4, Math.min(64, Math.ceil(texts.count / (threads * 16))));
  return {
    chunks: texts.chunks,
    where: texts.where(),
    paths: texts.paths,
    metadata: texts.metadata,
    next: new Int32Array(new SharedArrayBuffer(4)),
    emitted: new Int32Array(new SharedArrayBuffer(4)),
    // Enough that a worker rarely waits for the others, few enough that little waits here.
    window: Math.max(4, 2 * threads) * sliceSize,
    sliceSize,
    recipe,
    release,
    fail,
  };
}

/** Outlet groups shared out between threads, the largest first to the least loaded. */
function shareGroups(groups: number[][], corpus: SharedCorpus, threads: number): number[][][] {
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
