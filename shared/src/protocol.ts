// Everything the client and the server say to each other beyond standard LSP. Both sides import
// this module, so a method name or a payload shape is written once.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export const LANGUAGE_ID = 'arabic-news';

/** The kinds the engine reports, in the order of the semantic token legend. */
export const MENTION_KINDS = ['person', 'organization', 'place', 'date', 'quantity'] as const;
export type SpanKind = (typeof MENTION_KINDS)[number];

/** Semantic token types of our own (other editors colour them; VS Code paints decorations). */
export const TOKEN_TYPES = MENTION_KINDS.map((k) => `sanad${k[0].toUpperCase()}${k.slice(1)}`);
export const TOKEN_MODIFIERS = ['boilerplate'];

/** One highlighted span, in UTF-16 offsets of the document version it was computed for. */
export interface PaintSpan {
  kind: SpanKind;
  start: number;
  end: number;
  boilerplate: boolean;
  /** The annotators' decision on the span; 'suggested' until someone decides. */
  status: LabelStatusName;
}

export type LabelStatusName = 'suggested' | 'accepted' | 'rejected' | 'manual';

/** A reviewer's verdict on a claim, as label files store it and ClaimReview exports rate it. */
export type VerdictName = 'accurate' | 'misleading' | 'false' | 'unproven';
export const VERDICT_NAMES: readonly VerdictName[] = ['accurate', 'misleading', 'false', 'unproven'];

export interface DocumentSpansParams {
  uri: string;
  version: number;
  spans: PaintSpan[];
  /** Whole lines judged boilerplate, as offset ranges, to dim. */
  boilerplate: Array<{ start: number; end: number }>;
}

/** Sent after each analysis of an open document: what the client paints behind the text. */
export const documentSpansNotification = new NotificationType<DocumentSpansParams>('sanad/documentSpans');

export interface CorpusStatus {
  indexing: boolean;
  /** Files indexed so far and in all (while indexing). */
  done: number;
  total: number;
  documents: number;
  actors: number;
  dates: number;
  figures: number;
  contradictions: number;
  /** Files that could not be read, with the reason. */
  unreadable: Array<{ path: string; reason: string }>;
}

/** Sent whenever the corpus counts change; feeds the status bar. */
export const corpusStatusNotification = new NotificationType<CorpusStatus>('sanad/corpusStatus');

export interface CorpusSummaryDocument {
  uri: string;
  path: string;
  /** Suggestions outside boilerplate that no annotator has accepted or rejected yet. */
  unreviewed: number;
  published: string | null;
  /** Where the date came from: labels (a reviewer's correction), front-matter, manifest, url, text. */
  publishedFrom?: PublishedFromName | null;
  outlet: string | null;
  counts: Record<SpanKind, number>;
  /** Spans outside boilerplate an annotator can decide on (suggestions and labels): N in "n of N". */
  reviewable: number;
}

/** One source's figure in the claim view. */
export interface ClaimRow {
  uri: string;
  path: string;
  outlet: string | null;
  /** "150+", "dozens". */
  value: string;
  /** "more than 150", "dozens (20–99)". */
  label: string;
  date: string | null;
  /** The figure as the article words it. */
  text: string;
  range: PlainRange;
  /** The figure asked about, or how another source's figure stands against it. */
  verdict: 'this' | 'agrees' | 'contradicts';
  reason?: string;
  /** A reviewer's decision on the contradiction, if any. */
  review?: 'explained' | 'confirmed';
}

/** Every source's figure on one measure, side by side. */
export interface ClaimDetails {
  topic: string;
  rows: ClaimRow[];
}

export const claimRequest = new RequestType<{ uri: string; position: { line: number; character: number } }, ClaimDetails | null, void>('sanad/claim');

/** The documents the server knows, for views and the demo summary. */
export const corpusSummaryRequest = new RequestType0<CorpusSummaryDocument[], void>('sanad/corpusSummary');

/**
 * The whole corpus analysis the server holds, in the shape `sanad analyze` prints
 * (docs/CONTRACT.md; documents in path order): the same articles give the same analysis either way.
 */
export interface CorpusAnalysisJson {
  version: number;
  documents: Array<{ path: string }>;
  contradictions: unknown[];
}
export const corpusAnalysisRequest = new RequestType0<CorpusAnalysisJson, void>('sanad/corpusAnalysis');

/** Settings under `sanad.*`, as the server reads them (defaults in package.json). */
export interface SanadSettings {
  files: { include: string[] };
  labels: { folder: string; annotator: string };
  maxFileSizeKB: number;
  debounceMs: number;
  maxProblems: number;
  /** The Figures view also lists figures nobody compares (durations). */
  figures: { showAll: boolean };
  /** The reviewing organisation named as the author of ClaimReview exports. */
  claimReview: { organization: string };
}

export const DEFAULT_INCLUDE = ['**/seeds/**/*.txt', '**/*.news.txt'];

export const DEFAULT_SETTINGS: SanadSettings = {
  files: { include: [] },
  labels: { folder: '.sanad/labels', annotator: '' },
  maxFileSizeKB: 2048,
  debounceMs: 200,
  maxProblems: 200,
  figures: { showAll: false },
  claimReview: { organization: '' },
};

// ---- The Sanad panel's trees --------------------------------------------------------------------

export interface PlainRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** One span somewhere in the corpus, with enough around it to show in a tree. */
export interface CorpusLocation {
  uri: string;
  /** The path shown to people (relative to the workspace folder). */
  path: string;
  range: PlainRange;
  text: string;
  /** The line around the span, trimmed. */
  context: string;
  boilerplate: boolean;
}

export interface ActorSummary {
  /** The canonical key shared by every spelling. */
  entity: string;
  /** The fullest spelling the articles use, for people. */
  name: string;
  /** The articles that name it (workspace-relative paths), so the panel filter can match a file. */
  paths: string[];
  kind: 'person' | 'organization' | 'place';
  mentions: number;
  files: number;
}

export const actorsRequest = new RequestType0<ActorSummary[], void>('sanad/actors');
export const entityMentionsRequest = new RequestType<{ entity: string }, CorpusLocation[], void>('sanad/entityMentions');

export interface TimelineEntry {
  /** ISO day, month, year or range, as the engine resolved it. */
  value: string;
  note?: string;
  location: CorpusLocation;
  published: string | null;
}

export const timelineRequest = new RequestType0<TimelineEntry[], void>('sanad/timeline');

export interface FigureClaim {
  location: CorpusLocation;
  /** The interval for people: "151+", "20–99", "3". */
  value: string;
  published: string | null;
  outlet: string | null;
  source?: string;
  /** True when this claim takes part in a contradiction. */
  conflict: boolean;
}

export interface FigureMeasure {
  /** What is measured, readable, in English: "soldiers killed in Iraq" (format/measureNames.ts). */
  topic: string;
  /** The same in Arabic: "الجنود القتلى في العراق". */
  topicAr?: string;
  /** The internal key (counted|event|place): stable, for filters and tests; not shown. */
  key?: string;
  claims: FigureClaim[];
  conflicts: number;
}

export const figuresRequest = new RequestType0<FigureMeasure[], void>('sanad/figures');

// ---- Labelling ----------------------------------------------------------------------------------

/** What the client passes when starting the server. */
export interface InitializationOptions {
  /** VS Code's workspace trust: in Restricted Mode labels and workspace lexicons are not written or read. */
  trusted: boolean;
  /** sanad.uiLanguage as resolved by the client: the server writes hovers, problems and quick fixes in it. */
  uiLanguage?: 'en' | 'ar';
}

export const trustNotification = new NotificationType<{ trusted: boolean }>('sanad/trust');

export type LabelAction =
  /** Accept or reject the engine's suggestion on exactly this span. */
  | { action: 'accept' | 'reject'; uri: string; start: number; end: number; kind: SpanKind; note?: string; value?: string }
  /** Label a span by hand (the engine missed it, or it has another type). */
  | { action: 'label'; uri: string; start: number; end: number; kind: SpanKind; note?: string; value?: string }
  /** Set or clear the note of the decision on this span. */
  | { action: 'note'; uri: string; start: number; end: number; note: string }
  /** Give the figure on this span a verdict (ClaimReview); null takes it back. The figure is accepted if it was a suggestion. */
  | { action: 'verdict'; uri: string; start: number; end: number; kind: SpanKind; verdict: VerdictName | null; note?: string }
  /** Take back the decision on this span. */
  | { action: 'clear'; uri: string; start: number; end: number }
  /** Undo: put the span's label back as it was before a decision (none: no label). */
  | { action: 'restore'; uri: string; start: number; end: number; previous: LabelSnapshot | null };

/** A label as it stood, enough to put it back. */
export interface LabelSnapshot {
  status: 'accepted' | 'rejected' | 'manual';
  type: SpanKind;
  value?: string | { min: number | null; max: number | null };
  note?: string;
}

export interface LabelActionResult {
  ok: boolean;
  /** Why it did not happen, for the user. */
  message?: string;
  /** The span's label before this action (null: none), for the client's undo. */
  previous?: LabelSnapshot | null;
}

export const labelRequest = new RequestType<LabelAction, LabelActionResult, void>('sanad/label');

export interface ReviewContradictionParams {
  /** The diagnostic's file and range, as the code action saw it. */
  uri: string;
  start: number;
  end: number;
  decision: 'explained' | 'confirmed' | 'clear';
  note?: string;
  /** A verdict on the pair's claims (ClaimReview), kept beside the decision. */
  verdict?: VerdictName;
  /** The other figure of the pair: a figure may contradict several, and this names which. */
  other?: { path: string; start: number; end: number };
}

/** What a contradiction diagnostic carries (its `data`), so a code action knows its pair. */
export interface ContradictionData {
  /** The same for both sides of the pair. */
  pair: string;
  /** "150+ (إيلاف) vs dozens (إرم نيوز)". */
  title: string;
  other: { path: string; start: number; end: number };
}

export const reviewContradictionRequest = new RequestType<ReviewContradictionParams, LabelActionResult, void>('sanad/reviewContradiction');

export interface ExportParams {
  format: 'yaml' | 'jsonl' | 'brat' | 'claimreview';
  /** A file (yaml, jsonl, claimreview) or folder (brat) the user picked. */
  target: string;
  /** claimreview: the reviewing organisation (sanad.claimReview.organization). */
  organization?: string;
  /** claimreview: the http(s) address of the page the fact check is published on. */
  url?: string;
}

export const exportRequest = new RequestType<ExportParams, LabelActionResult & { written?: number }, void>('sanad/export');
export const importRequest = new RequestType<{ source: string }, LabelActionResult & { labels?: number }, void>('sanad/import');

export interface CompareParams {
  /** Two label folders, absolute. */
  a: string;
  b: string;
}

export interface CompareResult extends LabelActionResult {
  /** A Markdown report: agreement per type and the disagreements. */
  report?: string;
  disagreements?: Array<{ uri: string; range: PlainRange; summary: string; /** What differs, and where (new). */ kind?: string; path?: string; text?: string }>;
  /** The figures for the Agreement view (new). */
  agreement?: AgreementSummary;
}

export interface ReportParams {
  format: 'html' | 'md';
  /** The file the user picked; links to the articles are made relative to it. */
  target: string;
}

/** Writes the corpus report (`sanad report`): per story, contradictions, decisions, figures and charts. */
export const reportRequest = new RequestType<ReportParams, LabelActionResult & { written?: number }, void>('sanad/report');

export const compareRequest = new RequestType<CompareParams, CompareResult, void>('sanad/compareAnnotators');

// ---- A figure's timeline (issue 16) ------------------------------------------------------------

/** One report on the chart: a mark, and where its figure is. */
export interface TimelineMark {
  /** The mark's data-id in the SVG ("path#start"). */
  id: string;
  uri: string;
  path: string;
  range: PlainRange;
  outlet: string | null;
  date: string | null;
  /** The interval for people: "151+", "20–99". */
  value: string;
  /** The figure as the article words it. */
  text: string;
}

/** The chart of a figure's measure in its story, drawn by the server as the report draws it. */
export interface FigureTimeline {
  /** The measure's name in English and Arabic. */
  measure: { en: string; ar: string };
  /** The story's readable name (kind of event, place, first day), or the report's title for a story of one. */
  story: string;
  /** The chart (server/src/format/timelineSvg.ts): one `.mark` per report, its `data-id` a mark's id; no script, no style attribute. */
  svg: string;
  /** The chart's style sheet: classes, with colours as CSS variables the page sets (--chart-s0 …). */
  css: string;
  /** One entry per outlet, in the chart's order: its name and a small SVG of its mark. */
  legend: Array<{ name: string; swatch: string }>;
  /** How many contradictions, updates and internal contradictions are drawn between the marks. */
  links: Array<{ kind: 'contradiction' | 'update' | 'internal'; count: number }>;
  marks: TimelineMark[];
  /** The id of the mark of the figure asked about. */
  focus: string;
}

export const figureTimelineRequest = new RequestType<{ uri: string; position: { line: number; character: number } }, FigureTimeline | null, void>('sanad/figureTimeline');

// ---- Stories and publication corrections (issue 13) ---------------------------------------------

/** Where an article's publication date came from (docs/CONTRACT.md, `publishedFrom`). */
export type PublishedFromName = 'labels' | 'front-matter' | 'manifest' | 'url' | 'text';

/** One article of a story, its row opening the article's first line. */
export interface StoryArticle {
  uri: string;
  path: string;
  outlet: string | null;
  published: string | null;
  publishedFrom: PublishedFromName | null;
  /** The article's headline (its first line of text), trimmed. */
  headline: string;
  range: PlainRange;
}

/** A listed pair inside a story: contradiction, update, or internal (one article). */
export interface StoryConflict {
  kind: 'contradiction' | 'update' | 'internal';
  topic: string;
  message: string;
  a: CorpusLocation;
  b: CorpusLocation;
}

/** One story: the same event told by several articles (the engine's `story`). */
export interface StorySummary {
  id: string;
  /** "fire · Baghdad · 2021-04-25" / "حريق · بغداد · 2021-04-25": kind of event, place and first day. */
  title: { en: string; ar: string };
  articles: StoryArticle[];
  /** Its figures by what they measure (as the Figures view groups them). */
  measures: FigureMeasure[];
  conflicts: StoryConflict[];
}

export const storiesRequest = new RequestType0<StorySummary[], void>('sanad/stories');

/** An article's publication as the engine reads it, and the reviewer's correction if any. */
export interface PublicationInfo {
  uri: string;
  path: string;
  published: string | null;
  publishedFrom: PublishedFromName | null;
  outlet: string | null;
  /** What the label file sets (it wins over every other source). */
  corrected: { published?: string; outlet?: string } | null;
}

export const publicationRequest = new RequestType<{ uri: string }, PublicationInfo | null, void>('sanad/publication');

/** Sets or clears (null) the reviewer's publication date (YYYY-MM-DD) and outlet; undefined keeps a field. */
export interface SetPublicationParams {
  uri: string;
  published?: string | null;
  outlet?: string | null;
}

/** Saves the correction in the article's label file; the article is analysed again at once. */
export const setPublicationRequest = new RequestType<SetPublicationParams, LabelActionResult & { info?: PublicationInfo }, void>('sanad/setPublication');

// ---- The Agreement view and settling two annotators into one label set.

/** Agreement figures of one type, or of all: counts, precision, recall, F1, kappa (null where undefined). */
export interface AgreementFigures {
  /** Labels A has, B has, and both (exact matches). */
  a: number;
  b: number;
  both: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  kappa: number | null;
  tokenKappa?: number | null;
}

export interface AgreementSummary {
  /** The two label folders, absolute, and the annotators named in their files (or the folders' names). */
  a: string;
  b: string;
  annotatorA: string;
  annotatorB: string;
  compared: number;
  onlyInA: number;
  onlyInB: number;
  overall: AgreementFigures;
  byType: Array<{ type: SpanKind } & AgreementFigures>;
}

/** One annotator's side of a disagreement. */
export interface SettleSide {
  type: SpanKind;
  status: 'accepted' | 'rejected' | 'manual';
  text: string;
  /** The label's value as read: an entity key, an ISO date, an interval "20–99". */
  value?: string;
  note?: string;
}

export interface SettleItem {
  path: string;
  /** The article in this workspace, when it is indexed. */
  uri?: string;
  range?: PlainRange;
  kind: 'type' | 'boundary' | 'only-a' | 'only-b' | 'value';
  /** The words around the span, from the article. */
  context: string;
  a: SettleSide | null;
  b: SettleSide | null;
}

export interface SettlePlan extends LabelActionResult {
  /** Names the list of disagreements: the choices are applied only to the same list. */
  key?: string;
  annotatorA?: string;
  annotatorB?: string;
  items?: SettleItem[];
  /** Labels both annotators agreed on (carried over), articles only one of them labelled. */
  agreed?: number;
  onlyInA?: number;
  onlyInB?: number;
}

export type SettleChoice = 'a' | 'b' | 'neither';

export interface SettleParams extends CompareParams {
  key: string;
  /** One per item of the plan, in order. */
  choices: SettleChoice[];
  /** The settled set's annotator name; its folder is labels-NAME beside folder A. */
  annotator: string;
}

/** The disagreements between two label folders, to walk through. */
export const settlePlanRequest = new RequestType<CompareParams, SettlePlan, void>('sanad/settlePlan');
/** Writes the settled label set; neither annotator's folder is touched. */
export const settleRequest = new RequestType<SettleParams, LabelActionResult & { folder?: string; files?: number }, void>('sanad/settle');
