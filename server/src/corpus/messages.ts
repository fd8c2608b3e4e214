// What the pool (pool.ts) and its worker threads (worker.ts) say to each other.
import type { ArticleMetadata, DocumentAnalysis, LexiconRecipe, Mention, NameToTeach } from '../analysis';
import type { ClaimsRead } from '../analysis/claims/claimIndex';

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
  | { type: 'output'; index: number; length: number; read: ClaimsRead }
  | { type: 'secondDone' };

/** The tag in workerData that marks a thread as one of the pool's workers. */
export const WORKER_TAG = 'sanad-corpus-worker';

export function sliceRange(corpus: Pick<SharedCorpus, 'paths' | 'sliceSize'>, slice: number): number[] {
  const out: number[] = [];
  const end = Math.min(corpus.paths.length, (slice + 1) * corpus.sliceSize);
  for (let i = slice * corpus.sliceSize; i < end; i++) out.push(i);
  return out;
}
