// A worker thread of the corpus pipeline (pool.ts), for `sanad analyze` and the language server
// alike: its own bundle (dist/worker.js), with the engine and nothing of the LSP. It takes slices
// of the corpus as it gets free, reads them (first pass) and keeps their readings; between the
// passes it learns what the whole corpus teaches, exactly as every other lexicon of the corpus
// does; then it finishes the documents it read, slice by slice, never more than a window ahead of
// the output, and sends each back as the JSON text of the output (or, for `sanad analyze`, writes
// its element of the output to its file of the spool and sends back its claims read: output.ts).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  analyzeText,
  claimRecord,
  Lexicon,
  learnFrom,
  lexiconFrom,
  workspaceData,
  newMentions,
  readFirst,
  readSecond,
  repeatedInGroup,
  type CorpusFile,
  type DocumentAnalysis,
  type DocumentResult,
  type FirstPass,
  type Mention,
  type NameToTeach,
} from '../analysis';
import { prettyElement } from '../format/json';
import {
  DOCUMENT_TAG,
  WORKER_TAG,
  sliceRange,
  type AnalyseReply,
  type AnalyseRequest,
  type FromWorker,
  type LexiconReply,
  type LexiconRequest,
  type Range,
  type SharedCorpus,
  type ToWorker,
} from './messages';
import { NO_CHUNK, NO_VIEW, chunksBefore, textAt } from './texts';
import { ElementFile } from './output';

/** What one worker does with the slices it takes: read them, keep the readings, finish them. */
class Shard {
  private readonly lexicon: Lexicon;
  private readonly views: Buffer[];
  /** The chunks before this one were let go. */
  private released = 0;
  private readonly kept = new Map<number, FirstPass>();
  /** The slices read, in the order they were taken. */
  readonly slices: number[] = [];

  constructor(
    private readonly corpus: SharedCorpus,
    private readonly report: (slice: number, outlets: Array<string | null>, persons: Mention[]) => void,
  ) {
    this.lexicon = lexiconFrom(corpus.recipe).lexicon;
    this.views = corpus.chunks.map((c) => Buffer.from(c));
  }

  file(i: number): CorpusFile {
    return { path: this.corpus.paths[i], text: textAt(this.views, this.corpus.where, i), metadata: this.corpus.metadata[i] };
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
        // The actors are not kept: the second pass finds them again (the corpus teaches the lexicon).
        const first = readFirst(this.file(i), this.lexicon, undefined, false);
        this.kept.set(i, first.kept);
        outlets.push(first.persons.outlet);
        persons.push(first.persons);
      }
      this.slices.push(slice);
      this.report(slice, outlets, newMentions(persons, new Set()));
    }
  }

  /** Teaches this thread's lexicon what the corpus teaches (every lexicon learns the same). */
  learn(taught: NameToTeach[], persons: DocumentAnalysis[]): boolean {
    return learnFrom(this.lexicon, taught, persons);
  }

  /**
   * The second pass over every slice read, slice by slice, each slice once the output is near
   * enough to it; the readings are let go as it goes.
   */
  finishAll(learnt: boolean, repeated: (i: number) => Range[], done: (i: number, doc: DocumentResult, text: string) => void): void {
    for (const [k, slice] of this.slices.entries()) {
      if (this.corpus.fail === 'late' && k === 1) process.exit(7);
      // The slices come in corpus order: no text before this one is needed here any more.
      this.release(slice * this.corpus.sliceSize);
      this.waitFor(slice * this.corpus.sliceSize);
      for (const i of sliceRange(this.corpus, slice)) {
        const file = this.file(i);
        const doc = readSecond(file, this.kept.get(i)!, this.lexicon, learnt, repeated(i));
        this.kept.delete(i);
        // Sent at once: documents that wait grow old in the heap.
        done(i, doc, file.text);
      }
    }
  }

  /** Lets go of the chunks of shared memory that hold only texts before `upTo`, when asked to. */
  release(upTo: number): void {
    if (!this.corpus.release) return;
    const done = chunksBefore(this.corpus.where, this.corpus.paths.length, upTo);
    for (; this.released < done; this.released++) {
      this.views[this.released] = NO_VIEW;
      this.corpus.chunks[this.released] = NO_CHUNK;
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

/** A worker's side: answers the pool's messages. */
function serve(): void {
  const port = parentPort!;
  let shard: Shard | null = null;
  let corpus: SharedCorpus | null = null;
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
      const learnt = shard!.learn(m.taught, m.persons);
      m.persons.length = 0;
      const file = m.elements === null ? null : new ElementFile(m.elements);
      shard!.finishAll(
        learnt,
        (i) => repeated.get(i) ?? [],
        file
          ? (index, doc, text) => {
              // The element first, as documentOutput: the claims are read from the same objects.
              const length = file.append(doc);
              send({ type: 'output', index, length, record: claimRecord(doc, text, 0) });
            }
          : (index, doc) => send({ type: 'document', index, json: prettyElement(doc) }),
      );
      file?.close();
      shard!.release(corpus!.paths.length);
      send({ type: 'secondDone' });
    }
  });
}

/**
 * The document thread's side (documentThread.ts): analyses one document at a time with a copy of
 * the server's lexicon, kept in step by the changes sent with each request.
 */
function serveDocuments(): void {
  const port = parentPort!;
  let lexicon = Lexicon.builtin();
  port.on('message', (m: AnalyseRequest | LexiconRequest) => {
    if (m.type === 'lexicon') {
      const reply: LexiconReply = { id: m.id, data: workspaceData(m.text), problems: lexiconFrom({ workspace: [m.text] }).problems[0] };
      port.postMessage(reply);
      return;
    }
    let reply: AnalyseReply;
    try {
      if (m.reset) lexicon = Lexicon.replay(m.steps);
      else lexicon.apply(m.steps);
      const doc = analyzeText(m.path, m.text, { lexicon, metadata: m.metadata, boilerplate: m.boilerplate });
      reply = { id: m.id, doc, record: claimRecord(doc, m.text, 0) };
    } catch (err) {
      reply = { id: m.id, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}

const tag = isMainThread ? undefined : (workerData as { tag?: string } | null)?.tag;
if (tag === WORKER_TAG) serve();
else if (tag === DOCUMENT_TAG) serveDocuments();
