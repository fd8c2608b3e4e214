// The first read of a workspace, in two passes. The first pass reads every article with the
// lexicon as it is and collects the people each one names; the lexicon then learns the names
// introduced by titles anywhere in the corpus (and those accepted in labels); the second pass
// finishes every article with them, redoing only what depends on names. In worker threads
// (analysisPool.ts) for a large workspace, else here in slices. The analyses are the ones
// `WorkspaceIndex.update` gives after the lexicon learnt: the unit and protocol tests compare.
import { pathToFileURL } from 'node:url';
import { readArticle } from '../corpus/articleFiles';
import type { AnalysisPool } from '../corpus/pool';
import type { DocumentAnalysis, DocumentResult, FirstPass } from '../analysis';
import type { TaughtName } from '../labels';
import type { WorkspaceIndex } from './workspaceIndex';

/** Files read ahead of the analysis, so the disk and the engine work at once. */
const READ_AHEAD = 16;
/** Longest stretch of work on this thread before requests get their turn. */
const SLICE_MS = 20;

export interface ArticleRead {
  uri: string;
  path: string;
  text: string;
  version: number | null;
}

export interface FirstReads {
  /** The articles read, in corpus order. */
  reads: ArticleRead[];
  /** The people each names (the lexicon's stand-ins), in the same order. */
  persons: DocumentAnalysis[];
  /** The first passes, when made in this thread (by URI). */
  kept: Map<string, FirstPass> | null;
}

export interface FirstReadContext {
  index: WorkspaceIndex;
  /** The editor's text of an open document. */
  open(uri: string): { text: string; version: number } | undefined;
  maxBytes: number;
  warn(message: string): void;
  /** Called with each article as soon as it is read (the server starts loading its labels). */
  onRead?(read: ArticleRead): void;
  /** Called as articles are done (`done` of `total` in the current pass). */
  progress(done: number, total: number): void;
  yieldToEvents(): Promise<void>;
}

/** Runs `work` on each item, giving requests their turn every SLICE_MS. */
export async function inSlices<T>(items: Iterable<T>, work: (item: T) => void, ctx: Pick<FirstReadContext, 'yieldToEvents'>): Promise<void> {
  let sliceStart = Date.now();
  for (const item of items) {
    work(item);
    if (Date.now() - sliceStart > SLICE_MS) {
      await ctx.yieldToEvents();
      sliceStart = Date.now();
    }
  }
}

/** The first pass over `files`: in the pool's workers when there is one, else here. */
export async function firstReads(files: string[], pool: AnalysisPool | null, ctx: FirstReadContext): Promise<FirstReads> {
  const { index } = ctx;
  const slots: Array<{ read: ArticleRead; persons: DocumentAnalysis | null } | null> = new Array(files.length).fill(null);
  const kept = pool ? null : new Map<string, FirstPass>();
  const pending = new Map<number, ReturnType<typeof readArticle>>();
  const readAhead = (i: number) => {
    if (i < files.length && !pending.has(i) && !ctx.open(pathToFileURL(files[i]).toString())) pending.set(i, readArticle(files[i], ctx.maxBytes));
  };
  let done = 0;
  const out = new Set<Promise<void>>();
  let failure: Error | null = null;
  let batch: number[] = [];
  const flush = () => {
    if (!pool || !batch.length) return;
    const mine = batch;
    batch = [];
    const sent: Promise<void> = pool
      .first(mine.map((i) => ({ path: slots[i]!.read.path, text: slots[i]!.read.text })))
      .then(
        (persons) => {
          persons.forEach((p, k) => (slots[mine[k]]!.persons = p));
          done += mine.length;
          ctx.progress(done, files.length);
        },
        (err: unknown) => {
          failure ??= err instanceof Error ? err : new Error(String(err));
        },
      )
      .finally(() => out.delete(sent));
    out.add(sent);
  };
  for (let k = 0; k < READ_AHEAD; k++) readAhead(k);
  let sliceStart = Date.now();
  for (let i = 0; i < files.length; i++) {
    readAhead(i + READ_AHEAD);
    const uri = pathToFileURL(files[i]).toString();
    const open = ctx.open(uri);
    const reading = pending.get(i);
    pending.delete(i);
    let read: ArticleRead;
    if (open) read = { uri, path: index.displayPath(uri), text: open.text, version: open.version };
    else {
      const r = await (reading ?? readArticle(files[i], ctx.maxBytes));
      if (!r.ok) {
        index.markUnreadable(uri, r.reason);
        ctx.warn(`${index.displayPath(uri)}: skipped, ${r.reason}`);
        done++;
        continue;
      }
      read = { uri, path: index.displayPath(uri), text: r.text, version: null };
    }
    ctx.onRead?.(read);
    if (pool) {
      slots[i] = { read, persons: null };
      batch.push(i);
      if (batch.length >= pool.batchSize) flush();
      // Enough work out to keep every worker busy; more would only hold texts in memory.
      while (out.size >= 2 * pool.size) await Promise.race(out);
      if (failure) throw failure;
      continue;
    }
    const first = index.firstRead(read.path, read.text);
    kept!.set(uri, first.kept);
    slots[i] = { read, persons: first.persons };
    done++;
    if (Date.now() - sliceStart > SLICE_MS) {
      ctx.progress(done, files.length);
      await ctx.yieldToEvents();
      sliceStart = Date.now();
    }
  }
  flush();
  await Promise.all(out);
  if (failure) throw failure;
  ctx.progress(done, files.length);
  const reads: ArticleRead[] = [];
  const persons: DocumentAnalysis[] = [];
  for (const slot of slots) {
    if (!slot || !slot.persons) continue;
    reads.push(slot.read);
    persons.push(slot.persons);
  }
  return { reads, persons, kept };
}

/**
 * The second pass, once the index's lexicon has learnt (`learnt`: whether it learnt anything,
 * taught names included). Each analysis is kept unless the document changed meanwhile, and its
 * figures compared. Without first passes at hand (after a worker failed) the articles are
 * analysed afresh, which gives the same.
 */
export async function secondReads(firsts: FirstReads, learnt: boolean, ctx: FirstReadContext): Promise<void> {
  const { index } = ctx;
  let done = 0;
  await inSlices(
    firsts.reads,
    (r) => {
      const kept = firsts.kept?.get(r.uri);
      if (kept) index.adopt(r.uri, r.text, r.version, index.secondRead(r.path, r.text, kept, learnt));
      else if (!index.get(r.uri) || index.get(r.uri)!.text === r.text) index.update(r.uri, r.text, r.version);
      if (++done % 200 === 0) ctx.progress(done, firsts.reads.length);
    },
    ctx,
  );
  ctx.progress(done, firsts.reads.length);
}

/** The second pass in the pool's workers, which replay what the index's lexicon learnt. */
export async function secondReadsInPool(pool: AnalysisPool, firsts: FirstReads, taught: TaughtName[], learnt: boolean, ctx: FirstReadContext): Promise<void> {
  const { index } = ctx;
  const byPath = new Map(firsts.reads.map((r) => [r.path, r]));
  // Batches often arrive several at once; they wait in a queue worked through in slices, so a
  // request is never held up by more than one slice.
  const queue: DocumentResult[] = [];
  let next = 0;
  let done = 0;
  let working: Promise<void> | null = null;
  const work = async () => {
    // Starts on the next turn, so `working` is set before anything here can clear it.
    await ctx.yieldToEvents();
    let sliceStart = Date.now();
    while (next < queue.length) {
      const result = queue[next++];
      const r = byPath.get(result.path);
      const kept = r && index.adopt(r.uri, r.text, r.version, result);
      if (kept) index.compare(kept.entry);
      if (++done % 200 === 0) ctx.progress(done, firsts.reads.length);
      if (Date.now() - sliceStart > SLICE_MS) {
        await ctx.yieldToEvents();
        sliceStart = Date.now();
      }
    }
    working = null;
  };
  await pool.second(taught, firsts.persons, learnt, firsts.reads.map((r) => r.path), (results) => {
    queue.push(...results);
    working ??= work();
  });
  while (working) await working;
  ctx.progress(done, firsts.reads.length);
}
