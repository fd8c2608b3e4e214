// What the pool (pool.ts) and its worker threads (worker.ts) say to each other.
import type { ArticleMetadata, DocumentAnalysis, DocumentResult, LexiconProblem, LexiconRecipe, LexiconStep, Mention, NameToTeach } from '../analysis';

export type Range = { start: number; end: number };

/** The corpus as the workers see it: texts in shared memory, and the counters they share. */
export interface SharedCorpus {
  /** The texts, in chunks of UTF-16 code units. */
  chunks: SharedArrayBuffer[];
  /** Text i: chunk where[3i], from code unit where[3i + 1], where[3i + 2] long. */
  where: Int32Array;
  paths: string[];
  /** What a manifest says of each document. */
  metadata: Array<ArticleMetadata | null>;
  /** The next slice to take (an index into slices, taken with Atomics.add). */
  next: Int32Array;
  /** How many documents were handed on (in corpus order); workers finish slices up to `window` documents past it. */
  emitted: Int32Array;
  window: number;
  sliceSize: number;
  /** How every worker makes its lexicon. */
  recipe: LexiconRecipe;
  /**
   * Whether each thread lets go of the texts it no longer needs during the second pass (the
   * chunks of shared memory are freed once every thread has: PipelineOptions.releaseTexts).
   */
  release: boolean;
  /** Test hook (SANAD_TEST_WORKER_FAILURE=first|second|late): make the worker fail. */
  fail?: string;
}

export type ToWorker =
  | { type: 'first'; corpus: SharedCorpus }
  | { type: 'repeat'; groups: number[][] }
  | {
      type: 'second';
      taught: NameToTeach[];
      persons: DocumentAnalysis[];
      repeated: Array<[number, Range[]]>;
      /**
       * Null: each finished document comes back as its JSON text ('document'). Else the spool file
       * its element of the output is appended to (UTF-8), and it comes back as the element's
       * length and its claims and story profile read ('output': analyzeToOutput).
       */
      elements: string | null;
    };

export type FromWorker =
  | { type: 'first'; slice: number; outlets: Array<string | null>; persons: Mention[] }
  | { type: 'firstDone' }
  | { type: 'repeated'; found: Array<Range[][]> }
  | { type: 'document'; index: number; json: string }
  | { type: 'output'; index: number; length: number; record: unknown }
  | { type: 'secondDone' };

/** The tag in workerData that marks a thread as one of the pool's workers. */
export const WORKER_TAG = 'sanad-corpus-worker';

/** The tag in workerData that marks the thread analysing single documents (documentThread.ts). */
export const DOCUMENT_TAG = 'sanad-document-worker';

/**
 * One document to analyse: the lexicon's steps since the last request (all of them, and `reset`,
 * when the lexicon is another one), then what analyzeText is given.
 */
export interface AnalyseRequest {
  type?: 'analyse';
  id: number;
  reset: boolean;
  steps: LexiconStep[];
  path: string;
  text: string;
  metadata: ArticleMetadata | null;
  boilerplate: Range[];
}

/** A workspace lexicon's text to parse and check (a large one: parsing takes seconds). */
export interface LexiconRequest {
  type: 'lexicon';
  id: number;
  text: string;
}

/** What a workspace lexicon's text holds (workspaceData) and its problems (lexiconFrom). */
export type LexiconReply = { id: number; data: unknown; problems: LexiconProblem[] };

/** The analysis, and its claims record (claimRecord): the comparison's reading of it, done there too. */
export type AnalyseReply = { id: number; doc: DocumentResult; record: unknown } | { id: number; error: string };

export function sliceRange(corpus: Pick<SharedCorpus, 'paths' | 'sliceSize'>, slice: number): number[] {
  const out: number[] = [];
  const end = Math.min(corpus.paths.length, (slice + 1) * corpus.sliceSize);
  for (let i = slice * corpus.sliceSize; i < end; i++) out.push(i);
  return out;
}
