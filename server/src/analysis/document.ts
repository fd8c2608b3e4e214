// One document: text in, mentions out. Pure: no I/O, no editor APIs, and it never throws on text
// (an extractor that fails on some input loses its own findings, not the rest). The corpus steps
// (corpus.ts) read a document in two halves: what does not depend on the lexicon (readText), and
// the actors plus what follows from them (finish).
import { Shadow } from './text/normalize';
import { findBoilerplate, type ShortLine } from './boilerplate/boilerplate';
import { datesOf } from './dates/dates';
import { readPublication, type Publication } from './dates/dateline';
import { scanShadow, type Scan } from './dates/scan';
import { attributeFigures, findFigures, type Figures } from './figures/figures';
import { findActors, Lexicon } from './actors/actors';
import type { DocumentAnalysis, Found, Mention } from './types';
import { blankFrontMatter, frontMatterOf, type FrontMatter } from './metadata/frontMatter';
import { publicationOf, type ArticleMetadata, type PublishedFrom } from './metadata/fields';

/**
 * A document's text as the engine reads it: the file's text with a front-matter block blanked
 * (offsets unchanged), and what that block and a manifest beside the file say of it.
 */
export interface Prepared {
  body: string;
  frontMatter: FrontMatter | null;
  manifest: ArticleMetadata | null;
}

export function prepare(text: string, manifest: ArticleMetadata | null | undefined): Prepared {
  const frontMatter = frontMatterOf(text);
  return { body: frontMatter ? blankFrontMatter(text, frontMatter.end) : text, frontMatter, manifest: manifest ?? null };
}

/** What a reading cache keys a document on: its text, and its metadata when it has some. */
export function readingKey(text: string, manifest: ArticleMetadata | null | undefined): string {
  return manifest ? `${text}\u0000${JSON.stringify(manifest)}` : text;
}

export interface AnalyzeOptions {
  /** What a manifest beside the file says of it (corpus/manifest.ts). */
  metadata?: ArticleMetadata | null;
  /** Names and aliases known to the corpus or the workspace; shared across documents. */
  lexicon?: Lexicon;
  /** More boilerplate ranges, found across the corpus (lines an outlet repeats in every article). */
  boilerplate?: Array<{ start: number; end: number }>;
  /**
   * What earlier analyses read from each document whatever the lexicon (boilerplate, dates,
   * figures). With it, analysing a document again with the same text, as after the lexicon has
   * learnt new names, only reads its actors again.
   */
  readings?: ReadingCache;
}

/**
 * The lexicon-independent part of the last analysis of each path, while its text is unchanged.
 * A few kilobytes per document; the owner removes the documents it forgets.
 */
export class ReadingCache {
  private readonly byPath = new Map<string, { text: string; reading: TextReading }>();

  /** The reading of `path` if it was made from this very text. */
  get(path: string, text: string): TextReading | undefined {
    const kept = this.byPath.get(path);
    return kept && kept.text === text ? kept.reading : undefined;
  }

  set(path: string, text: string, reading: TextReading): void {
    // The tokens are large and quick to make again; they are not kept.
    this.byPath.set(path, { text, reading: reading.figures.toks ? { ...reading, figures: { drafts: reading.figures.drafts, toks: null } } : reading });
  }

  delete(path: string): void {
    this.byPath.delete(path);
  }

  clear(): void {
    this.byPath.clear();
  }

  get size(): number {
    return this.byPath.size;
  }
}

/** Strips a byte-order mark the way VS Code does before offsets are counted. */
export function editorText(raw: string): string {
  return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}

export function safely<T>(what: string, fallback: T, run: () => T, problems: string[]): T {
  try {
    return run();
  } catch (err) {
    problems.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
    return fallback;
  }
}

export interface DocumentResult extends DocumentAnalysis {
  /** Internal failures of an extractor; empty on healthy input. Never part of the JSON contract. */
  problems?: string[];
}

export function analyzeText(path: string, text: string, options: AnalyzeOptions = {}): DocumentResult {
  try {
    const prepared = prepare(text, options.metadata);
    const shadow = new Shadow(prepared.body);
    const lexicon = options.lexicon ?? Lexicon.builtin();
    const cache = options.readings;
    const key = readingKey(text, options.metadata);
    let reading = cache?.get(path, key);
    if (!reading) {
      reading = readText(shadow, undefined, prepared);
      cache?.set(path, key, reading);
    }
    const actorProblems: string[] = [];
    const actors = safely('actors', [] as Found[], () => findActors(shadow, lexicon), actorProblems);
    return finish(path, shadow, reading, actors, actorProblems, options.boilerplate);
  } catch (err) {
    return failed(path, err);
  }
}

/** Only a bug gets here (each extractor is guarded on its own); the document loses its findings. */
export function failed(path: string, err: unknown): DocumentResult {
  return { path, published: null, publishedFrom: null, outlet: null, mentions: [], boilerplate: [], problems: [`analysis: ${err instanceof Error ? err.message : String(err)}`] };
}

/**
 * What a document says whatever the lexicon knows: its boilerplate, publication, dates and
 * figures. A corpus analysis reads it once, though the actors may be read twice.
 */
export interface TextReading {
  boilerplate: Array<{ start: number; end: number }>;
  published: string | null;
  publishedFrom: PublishedFrom | null;
  outlet: string | null;
  dates: Found[];
  figures: Figures;
  /** Problems of the steps before the actors. */
  problems: string[];
  /** A failure while finding the figures, reported after the actors' problems. */
  figureProblem: string | null;
}

/**
 * `short`, when given, receives the short lines that findRepeatedLines compares (findBoilerplate);
 * `sources`, what the front matter and a manifest say of the document (prepare).
 */
export function readText(shadow: Shadow, short?: { lines: ShortLine[] | null }, sources?: Pick<Prepared, 'frontMatter' | 'manifest'>): TextReading {
  const problems: string[] = [];
  const found = safely('boilerplate', [], () => findBoilerplate(shadow, short), problems);
  // The front matter is shown dimmed, as the page furniture it is.
  const fm = sources?.frontMatter;
  const boilerplate = fm ? [{ start: 0, end: Math.max(0, fm.end - 1) }, ...found] : found;
  // One scan of the dates serves the publication date and the date mentions.
  let scan: Scan | null = null;
  let own: Publication | null = null;
  const pub = safely(
    'publication',
    { published: null as string | null, publishedFrom: null as PublishedFrom | null, outlet: null as string | null },
    () => {
      scan = scanShadow(shadow);
      own = readPublication(shadow, scan);
      return publicationOf(own, fm?.meta ?? null, sources?.manifest ?? null);
    },
    problems,
  );
  const dates = safely(
    'dates',
    [] as Found[],
    () => {
      const s = scan ?? scanShadow(shadow);
      return datesOf(shadow, pub.published, s, own ?? readPublication(shadow, s));
    },
    problems,
  );
  // The dates' tokens are not needed again: let them go before the figures make theirs (on a
  // page of a million short lines each set weighs about a hundred megabytes).
  scan = null;
  const figureProblems: string[] = [];
  const noFigures: Figures = { drafts: [], toks: null };
  const figures = safely('quantities', noFigures, () => findFigures(shadow, dates), figureProblems);
  return { boilerplate, published: pub.published, publishedFrom: pub.publishedFrom, outlet: pub.outlet, dates, figures, problems, figureProblem: figureProblems[0] ?? null };
}

/** The document's analysis from its reading and its actors: figures attributed, mentions numbered. */
export function finish(path: string, shadow: Shadow, r: TextReading, actors: Found[], actorProblems: string[], extra: Array<{ start: number; end: number }> | undefined): DocumentResult {
  const text = shadow.text;
  const problems = [...r.problems, ...actorProblems];
  const boilerplate = mergeRanges(extra && extra.length ? [...r.boilerplate, ...extra] : r.boilerplate);
  let quantities: Found[] = [];
  if (r.figureProblem) problems.push(r.figureProblem);
  else quantities = safely('quantities', [] as Found[], () => attributeFigures(shadow, r.figures, { published: r.published, dates: r.dates, actors }), problems);

  const found = [...actors, ...r.dates, ...quantities].filter((f) => f.start >= 0 && f.end <= text.length && f.end > f.start);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: Mention[] = found.map((f, i) => ({
    ...f,
    id: `${f.kind[0]}${i + 1}`,
    text: text.slice(f.start, f.end),
    boilerplate: inRanges(boilerplate, f.start, f.end),
  }));
  const result: DocumentResult = { path, published: r.published, publishedFrom: r.publishedFrom, outlet: r.outlet, mentions, boilerplate };
  if (problems.length) result.problems = problems;
  return result;
}

function mergeRanges(ranges: Array<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/**
 * Whether [start, end) lies inside one of `ranges`, which mergeRanges made sorted and apart: only
 * the last range starting at or before `start` can hold it, found by binary search (a page of
 * many boilerplate ranges and many mentions made a scan of every range for every mention quadratic).
 */
function inRanges(ranges: Array<{ start: number; end: number }>, start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && end <= ranges[lo - 1].end;
}
