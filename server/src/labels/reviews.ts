// Reviewers' decisions on contradictions. A contradiction has no id of its own (the engine
// recomputes them on every change), so a decision is filed under a key made of both articles'
// paths and both quoted figures, folded as the engine folds text and put in a fixed order: the
// key survives edits elsewhere in either article, re-analysis, and the engine swapping sides.
// The decision is stored in the label file of the contradiction's side `a`; lookups read both
// sides' files, so a decision is still found when the engine later reports the pair the other
// way round.
import type { Contradiction, CorpusAnalysis } from '../analysis/types';
import { fold } from '../analysis/text/normalize';
import { timeOf, type ContradictionReview, type LabelFile, type LabelsByPath, type ReviewDecision } from './labelTypes';

export interface Side {
  path: string;
  start: number;
  end: number;
}

/** The quoted text of one side of a contradiction. */
export type QuoteOf = (side: Side) => string | undefined;

/** Quotes from the analysed corpus: the mention on that span, else the article's text when given. */
export function quotesFromCorpus(corpus: CorpusAnalysis, texts?: ReadonlyMap<string, string>): QuoteOf {
  const byPath = new Map(corpus.documents.map((d) => [d.path, d] as const));
  return (side) => {
    const m = byPath.get(side.path)?.mentions.find((x) => x.start === side.start && x.end === side.end);
    return m?.text ?? texts?.get(side.path)?.slice(side.start, side.end);
  };
}

/** `path|folded quote` of each side, the two in sorted order, joined by " <> ". */
export function contradictionKey(c: Pick<Contradiction, 'a' | 'b'>, quoteOf: QuoteOf): string {
  const part = (s: Side): string => `${s.path}|${fold(quoteOf(s) ?? '')}`;
  const [x, y] = [part(c.a), part(c.b)].sort();
  return `${x} <> ${y}`;
}

export interface ReviewOptions {
  reviewer?: string;
  note?: string;
  now?: string;
}

export function makeReview(c: Contradiction, quoteOf: QuoteOf, decision: ReviewDecision, options: ReviewOptions = {}): ContradictionReview {
  const review: ContradictionReview = { key: contradictionKey(c, quoteOf), decision, topic: c.topic };
  if (options.note) review.note = options.note;
  if (options.reviewer) review.reviewer = options.reviewer;
  review.updated = options.now ?? new Date().toISOString();
  return review;
}

/** The label file with the review added, or replacing the one with the same key. */
export function setReview(file: LabelFile, review: ContradictionReview): LabelFile {
  return { ...file, reviews: [...file.reviews.filter((r) => r.key !== review.key), review] };
}

/** The label file without the review of that key (the contradiction is open again). */
export function clearReview(file: LabelFile, key: string): LabelFile {
  return { ...file, reviews: file.reviews.filter((r) => r.key !== key) };
}

/** The decision on a contradiction, from either side's label file; the later one if both hold one. */
export function findReview(c: Contradiction, labelsByPath: LabelsByPath, quoteOf: QuoteOf): ContradictionReview | undefined {
  const key = contradictionKey(c, quoteOf);
  let best: ContradictionReview | undefined;
  for (const path of new Set([c.a.path, c.b.path])) {
    const r = labelsByPath.get(path)?.reviews.find((x) => x.key === key);
    if (r && (!best || timeOf(r.updated) > timeOf(best.updated))) best = r;
  }
  return best;
}
