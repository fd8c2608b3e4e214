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
}

/** A mention before the engine numbers it and marks boilerplate. */
export type Found = Omit<Mention, 'id' | 'boilerplate' | 'text'>;

export interface DocumentAnalysis {
  path: string;
  /** ISO day the article was published, when its metadata or its text says it. */
  published: string | null;
  /**
   * Where `published` came from: `front-matter`, `manifest` (a file beside the articles), `url` (a
   * date in the article's URL), `text` (a dateline); null when undated. Optional in the type for
   * stand-ins; the engine always sets it.
   */
  publishedFrom?: 'front-matter' | 'manifest' | 'url' | 'text' | null;
  /** The outlet, from the metadata, or when the dateline or a signature names it. */
  outlet: string | null;
  mentions: Mention[];
  /** Line ranges judged boilerplate, as offsets. */
  boilerplate: Array<{ start: number; end: number }>;
}

export interface Contradiction {
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
