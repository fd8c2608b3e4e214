// The engine's data model. Field names follow the JSON contract of `sanad analyze`
// (docs/CONTRACT.md); the server, the CLI and the exports all use these types.

export type ActorKind = 'person' | 'organization' | 'place';
export type MentionKind = ActorKind | 'date' | 'quantity';

/** A closed interval of counts; `null` is an open end (for example "أكثر من 150" is {min: 151, max: null}). */
export interface Interval {
  min: number | null;
  max: number | null;
}

/** One span the engine found. Offsets are UTF-16 code units into the text as given. */
export interface Mention {
  id: string;
  kind: MentionKind;
  start: number;
  end: number;
  /** Always equal to text.slice(start, end). */
  text: string;
  /** Inside navigation, teasers for other stories, share prompts, copyright lines. */
  boilerplate: boolean;
  /** Actors: one canonical key shared by every spelling in every file. */
  entity?: string;
  /** Dates: ISO day, `YYYY-MM`, `YYYY`, or a range `A/B`. Quantities: an interval. */
  value?: string | Interval;
  /** Quantities: the counted noun reduced to a key (soldier, attack, strike …). */
  counted?: string;
  /** Quantities: what happened to what is counted (killed, wounded, attack, deployed …). */
  event?: string;
  /** Quantities: who says it, when the sentence names a source. */
  source?: string;
  /** Quantities: where, when the sentence says (a place entity key). */
  place?: string;
  /** Quantities: the time window the count covers (ISO range, or a single day for one event). */
  window?: string;
  /** Quantities: true for a running total ("منذ …"), false for one event. */
  cumulative?: boolean;
  /** Dates and quantities: how the value was reached, for hovers (English, short). */
  note?: string;
  /**
   * Quantities: how the figure is said, when it is not a count reported as fact: denied ("نفى
   * … مقتل"), a forecast or fear ("يُتوقع أن ترتفع", "قد تصل إلى"), an estimate ("تشير تقديرات"),
   * a figure of a past event ("زلزال عام 1960 الذي أودى بحياة …") or an earlier toll the article
   * itself updates ("بعد أن كانت 40"). Such figures are never compared with reported counts.
   */
  modality?: Modality;
}

export type Modality = 'denied' | 'forecast' | 'estimate' | 'past' | 'earlier';

/** A mention before the engine numbers it and marks boilerplate. */
export type Found = Omit<Mention, 'id' | 'boilerplate' | 'text'>;

export interface DocumentAnalysis {
  path: string;
  /** ISO day the article was published, when its metadata or its text says it. */
  published: string | null;
  /**
   * Where `published` came from: `labels` (a reviewer's correction in the label file),
   * `front-matter`, `manifest` (a file beside the articles), `url` (a date in the article's URL),
   * `text` (a dateline); null when undated. Optional in the type for stand-ins; the engine always sets it.
   */
  publishedFrom?: 'labels' | 'front-matter' | 'manifest' | 'url' | 'text' | null;
  /** The outlet, from the metadata, or when the dateline or a signature names it. */
  outlet: string | null;
  mentions: Mention[];
  /** Line ranges judged boilerplate, as offsets. */
  boilerplate: Array<{ start: number; end: number }>;
  /** The story the article belongs to (stories/storyIndex.ts), set by the corpus step; null when none. */
  story?: string | null;
}

/**
 * What a listed pair is: two figures that cannot both hold (`contradiction`), a toll that rose
 * between reports (`update`, information rather than a warning), or a disagreement inside one
 * article, headline against body or two named sources (`internal`).
 */
export type DiscrepancyKind = 'contradiction' | 'update' | 'internal';

export interface Contradiction {
  /** Always set by the engine; optional for readers of older output. */
  kind?: DiscrepancyKind;
  /** The story both figures belong to. */
  story?: string;
  topic: string;
  message: string;
  a: { path: string; start: number; end: number };
  b: { path: string; start: number; end: number };
}

export interface CorpusAnalysis {
  version: 1;
  documents: DocumentAnalysis[];
  contradictions: Contradiction[];
}
