// One document analysed on a thread of its own, for the language server: a large article being
// edited (about 1.8 s of CPU per MB of figure-dense text) would otherwise hold every request
// while it is read. The thread runs the pool's worker bundle (worker.ts), so it reads text with
// the very engine the corpus pipeline uses; its lexicon is a copy of the caller's, kept in step by
// sending the lexicon's changes (Lexicon.steps) with each request, so the analysis is the one the
// caller's own thread would make.
//
// The thread is a speed-up, never a requirement: without the bundle, or after the thread failed,
// documents are analysed on the calling thread, and `warn` says so once.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { analyzeText, fromClaimRecord, lexiconFrom, workspaceData, type ArticleMetadata, type DocumentResult, type Lexicon, type LexiconProblem } from '../analysis';
import type { ClaimsRead } from '../analysis/claims/claimIndex';
import { DOCUMENT_TAG, type AnalyseReply, type AnalyseRequest, type LexiconReply, type LexiconRequest, type Range } from './messages';

export interface AnalyseOptions {
  lexicon: Lexicon;
  metadata: ArticleMetadata | null;
  boilerplate: Range[];
}

/** An analysis, with the comparison's reading of it when the thread made that too. */
export interface Analysed {
  doc: DocumentResult;
  read?: ClaimsRead;
}

export class DocumentThread {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (done: never) => void; fallback: () => void }>();
  /** The lexicon the thread's copy follows, and how many of its steps the thread has. */
  private lexicon: Lexicon | null = null;
  private stepsSent = 0;

  constructor(
    private readonly warn: (line: string) => void = () => undefined,
    private readonly script = join(__dirname, 'worker.js'),
  ) {}

  /**
   * analyzeText(path, text, options), on the thread when it can; then also the claims and story
   * profile ClaimIndex.update reads from it (on a large page that reading costs as much again).
   */
  analyse(path: string, text: string, options: AnalyseOptions): Promise<Analysed> {
    const here = (): Analysed => ({ doc: analyzeText(path, text, options) });
    const worker = this.thread();
    if (!worker) return Promise.resolve(here());
    const reset = this.lexicon !== options.lexicon;
    const request: AnalyseRequest = {
      id: this.nextId++,
      reset,
      steps: options.lexicon.steps(reset ? 0 : this.stepsSent),
      path,
      text,
      metadata: options.metadata,
      boilerplate: options.boilerplate,
    };
    this.lexicon = options.lexicon;
    this.stepsSent = options.lexicon.stepCount;
    return new Promise<Analysed>((resolve) => {
      this.waiting.set(request.id, { resolve, fallback: () => resolve(here()) });
      worker.postMessage(request);
    });
  }

  /**
   * A workspace lexicon's text as plain data, with its problems (what lexiconFrom finds), parsed
   * on the thread when it can: YAML of 40,000 names takes seconds to parse.
   */
  checkLexicon(text: string): Promise<{ data: unknown; problems: LexiconProblem[] }> {
    const here = () => ({ data: workspaceData(text), problems: lexiconFrom({ workspace: [text] }).problems[0] });
    const worker = this.thread();
    if (!worker) return Promise.resolve(here());
    const request: LexiconRequest = { type: 'lexicon', id: this.nextId++, text };
    return new Promise((resolve) => {
      this.waiting.set(request.id, { resolve, fallback: () => resolve(here()) });
      worker.postMessage(request);
    });
  }

  private thread(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    if (!existsSync(this.script)) {
      this.failed = true;
      return null;
    }
    const worker = new Worker(this.script, { workerData: { tag: DOCUMENT_TAG } });
    // The thread never keeps the process alive on its own.
    worker.unref();
    worker.on('message', (reply: AnalyseReply | LexiconReply) => {
      const wait = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!wait) return;
      if ('problems' in reply) wait.resolve({ data: reply.data, problems: reply.problems } as never);
      else if ('doc' in reply) {
        const read = fromClaimRecord(reply.record);
        wait.resolve({ doc: reply.doc, read: typeof read === 'string' ? undefined : read.read } as never);
      } else {
        this.warn(`document thread: ${reply.error}; analysing on the server's thread`);
        wait.fallback();
      }
    });
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failed = true;
      this.warn(`document thread failed (${why}); large documents are analysed on the server's thread`);
      this.drain();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`exit ${code}`));
    this.worker = worker;
    this.lexicon = null;
    this.stepsSent = 0;
    return worker;
  }

  /** Answers every request still waiting on this thread. */
  private drain(): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.fallback();
  }
}
