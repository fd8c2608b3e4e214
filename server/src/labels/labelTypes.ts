// The data model of annotators' decisions. A label file holds one article's labels and the
// contradiction reviews filed under it; docs/LABELS.md describes the YAML form. Field names are
// part of that file format: renaming one breaks every label folder already written.
import type { Interval, MentionKind } from '../analysis/types';

/** Version of the label file format; a file with a higher number is refused, never rewritten. */
export const LABEL_SCHEMA = 1;

export type LabelType = MentionKind;
export const LABEL_TYPES: readonly LabelType[] = ['person', 'organization', 'place', 'date', 'quantity'];

/**
 * accepted: an engine suggestion the annotator confirmed (possibly with a corrected value);
 * rejected: a suggestion the annotator turned down, kept so it is not suggested again;
 * manual:   a span the engine missed, labelled by hand.
 */
export type LabelStatus = 'accepted' | 'rejected' | 'manual';
export const LABEL_STATUSES: readonly LabelStatus[] = ['accepted', 'rejected', 'manual'];

/** Actors: the entity key; dates: an ISO day, month, year or `A/B` range; quantities: an interval. */
export type LabelValue = string | Interval;

export interface Label {
  id: string;
  type: LabelType;
  status: LabelStatus;
  /** The quoted text; equals the article's text.slice(start, end) whenever the label is placed. */
  text: string;
  /** UTF-16 offsets into the article as the editor holds it (byte-order mark removed). */
  start: number;
  end: number;
  value?: LabelValue;
  note?: string;
  /** A reviewer's verdict on the figure as a claim (ClaimReview exports); `note` explains it. */
  verdict?: Verdict;
  /** About 30 characters either side of the quote, used to place the label again after outside edits. */
  before: string;
  after: string;
  annotator?: string;
  /** ISO times. `updated` decides between two saves of the same label. */
  created?: string;
  updated?: string;
  /** The quote could not be found in the article any more; offsets are the last known ones. */
  orphaned?: boolean;
}

/** The order of a label's keys in the file, so rewrites give small diffs. */
export const LABEL_KEYS: readonly (keyof Label)[] = ['id', 'type', 'status', 'text', 'start', 'end', 'value', 'verdict', 'note', 'before', 'after', 'annotator', 'created', 'updated', 'orphaned'];

/** explained: the two figures do not really conflict (different window, place, or counting);
 *  confirmed: the reviewer agrees the sources contradict each other. */
export type ReviewDecision = 'explained' | 'confirmed';
export const REVIEW_DECISIONS: readonly ReviewDecision[] = ['explained', 'confirmed'];

/**
 * A fact-checker's verdict on a claim, exported as a ClaimReview rating: accurate (the claim
 * holds), misleading (true in part, or framed to mislead), false, unproven (cannot be established).
 */
export type Verdict = 'accurate' | 'misleading' | 'false' | 'unproven';
export const VERDICTS: readonly Verdict[] = ['accurate', 'misleading', 'false', 'unproven'];

export interface ContradictionReview {
  /** Stable key of the contradiction: both paths and both quotes (see reviews.ts). */
  key: string;
  decision: ReviewDecision;
  /** A verdict on the pair's claims (ClaimReview exports), beside the decision. */
  verdict?: Verdict;
  note?: string;
  /** The engine's topic when the decision was made, for people reading the file. */
  topic?: string;
  reviewer?: string;
  updated?: string;
}

export const REVIEW_KEYS: readonly (keyof ContradictionReview)[] = ['key', 'decision', 'verdict', 'topic', 'note', 'reviewer', 'updated'];

/**
 * A reviewer's correction of the article's publication date and outlet. It takes precedence over
 * the front matter, a manifest, the URL and the dateline (docs/CONTRACT.md, `publishedFrom: labels`).
 * Optional: files written before it existed read as they did.
 */
export interface PublicationCorrection {
  /** ISO day, YYYY-MM-DD. */
  published?: string;
  outlet?: string;
  annotator?: string;
  /** ISO time; decides between two saves, as for labels. */
  updated?: string;
}

export const PUBLICATION_KEYS: readonly (keyof PublicationCorrection)[] = ['published', 'outlet', 'annotator', 'updated'];

export interface LabelFile {
  schema: typeof LABEL_SCHEMA;
  /** The article's path relative to the workspace folder, for people and for exports. */
  article?: string;
  /** The publication date and outlet a reviewer set, if any. */
  publication?: PublicationCorrection;
  labels: Label[];
  reviews: ContradictionReview[];
}

export const FILE_KEYS: readonly (keyof LabelFile)[] = ['schema', 'article', 'publication', 'labels', 'reviews'];

/** Where a label file or an import is wrong. Line and column are 0-based, as LSP wants. */
export interface Problem {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type LabelFileResult = { ok: true; file: LabelFile } | { ok: false; problems: Problem[] };

/** Label files keyed by the article path they belong to (workspace-relative, `/`-separated). */
export type LabelsByPath = ReadonlyMap<string, LabelFile>;

export function emptyLabelFile(article?: string): LabelFile {
  const file: LabelFile = { schema: LABEL_SCHEMA, labels: [], reviews: [] };
  if (article !== undefined) file.article = article;
  return file;
}

/** Labels in file order: by position, then longer first, then id; orphans keep their last place. */
export function compareLabels(a: Label, b: Label): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Milliseconds of an ISO time; a missing or unreadable time counts as older than any other. */
export function timeOf(iso: string | undefined): number {
  if (iso === undefined) return -Infinity;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}
