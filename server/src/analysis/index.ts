// The engine's front door: text in, mentions out. Pure: no I/O, no editor APIs, and it never
// throws on text (an extractor that fails on some input loses its own findings, not the rest).
import { Shadow } from './text/normalize';
import { findBoilerplate, findRepeatedLines, repeatedAmong, shortLines, type ShortLine } from './boilerplate/boilerplate';
import { datesOf } from './dates/dates';
import { readPublication, type Publication } from './dates/dateline';
import { scanShadow, type Scan } from './dates/scan';
import { attributeFigures, findFigures, type Figures } from './figures/figures';
import { findActors, Lexicon } from './actors/actors';
import type { DocumentAnalysis, Found, Mention, CorpusAnalysis } from './types';
import { findContradictions } from './claims/contradictions';

export * from './types';
export { Shadow, fold } from './text/normalize';
export { Lexicon } from './actors/actors';
export { findContradictions } from './claims/contradictions';

export interface AnalyzeOptions {
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

function safely<T>(what: string, fallback: T, run: () => T, problems: string[]): T {
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
    const shadow = new Shadow(text);
    const lexicon = options.lexicon ?? Lexicon.builtin();
    const cache = options.readings;
    let reading = cache?.get(path, text);
    if (!reading) {
      reading = readText(shadow);
      cache?.set(path, text, reading);
    }
    const actorProblems: string[] = [];
    const actors = safely('actors', [] as Found[], () => findActors(shadow, lexicon), actorProblems);
    return finish(path, shadow, reading, actors, actorProblems, options.boilerplate);
  } catch (err) {
    return failed(path, err);
  }
}

/** Only a bug gets here (each extractor is guarded on its own); the document loses its findings. */
function failed(path: string, err: unknown): DocumentResult {
  return { path, published: null, outlet: null, mentions: [], boilerplate: [], problems: [`analysis: ${err instanceof Error ? err.message : String(err)}`] };
}

/**
 * What a document says whatever the lexicon knows: its boilerplate, publication, dates and
 * figures. A corpus analysis reads it once, though the actors may be read twice.
 */
export interface TextReading {
  boilerplate: Array<{ start: number; end: number }>;
  published: string | null;
  outlet: string | null;
  dates: Found[];
  figures: Figures;
  /** Problems of the steps before the actors. */
  problems: string[];
  /** A failure while finding the figures, reported after the actors' problems. */
  figureProblem: string | null;
}

/** `short`, when given, receives the short lines that findRepeatedLines compares (findBoilerplate). */
function readText(shadow: Shadow, short?: { lines: ShortLine[] | null }): TextReading {
  const problems: string[] = [];
  const boilerplate = safely('boilerplate', [], () => findBoilerplate(shadow, short), problems);
  // One scan of the dates serves the publication date and the date mentions.
  let scan: Scan | null = null;
  let own: Publication | null = null;
  const pub = safely('publication', { published: null as string | null, outlet: null as string | null }, () => {
    scan = scanShadow(shadow);
    own = readPublication(shadow, scan);
    return { published: own.published, outlet: own.outlet };
  }, problems);
  const dates = safely('dates', [] as Found[], () => {
    const s = scan ?? scanShadow(shadow);
    return datesOf(shadow, pub.published, s, own ?? readPublication(shadow, s));
  }, problems);
  const figureProblems: string[] = [];
  const figures = safely('quantities', { drafts: [], toks: null } as Figures, () => findFigures(shadow, dates), figureProblems);
  return { boilerplate, published: pub.published, outlet: pub.outlet, dates, figures, problems, figureProblem: figureProblems[0] ?? null };
}

/** The document's analysis from its reading and its actors: figures attributed, mentions numbered. */
function finish(path: string, shadow: Shadow, r: TextReading, actors: Found[], actorProblems: string[], extra: Array<{ start: number; end: number }> | undefined): DocumentResult {
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
  const result: DocumentResult = { path, published: r.published, outlet: r.outlet, mentions, boilerplate };
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

/** Short lines that one outlet repeats in at least three of its articles: menus, footers, slogans. */
export function repeatedBoilerplate(docs: DocumentAnalysis[], texts: string[]): Array<Array<{ start: number; end: number }>> {
  return repeatedByOutlet(docs, (i) => shortLines(texts[i]));
}

/** repeatedBoilerplate with each document's short lines from `linesOf` (which may have kept them). */
function repeatedByOutlet(docs: DocumentAnalysis[], linesOf: (i: number) => ShortLine[]): Array<Array<{ start: number; end: number }>> {
  const out: Array<Array<{ start: number; end: number }>> = docs.map(() => []);
  for (const members of outletGroups(docs)) {
    const found = repeatedAmong(members.map(linesOf));
    members.forEach((docIndex, k) => (out[docIndex] = found[k]));
  }
  return out;
}

/**
 * The documents whose repeated lines are looked for, as groups of indices in corpus order: those
 * of each outlet that has at least three. Each group is read on its own (repeatedInGroup), so the
 * groups may be shared out between threads.
 */
export function outletGroups(docs: ReadonlyArray<Pick<DocumentAnalysis, 'outlet'>>): number[][] {
  const byOutlet = new Map<string, number[]>();
  docs.forEach((d, i) => {
    if (!d.outlet) return;
    const members = byOutlet.get(d.outlet);
    if (members) members.push(i);
    else byOutlet.set(d.outlet, [i]);
  });
  return [...byOutlet.values()].filter((members) => members.length >= 3);
}

/** The repeated lines of one outlet group's texts (given in the group's order), per text. */
export function repeatedInGroup(texts: string[]): Array<Array<{ start: number; end: number }>> {
  return findRepeatedLines(texts);
}

function inRanges(ranges: Array<{ start: number; end: number }>, start: number, end: number): boolean {
  for (const r of ranges) if (start >= r.start && end <= r.end) return true;
  return false;
}

/**
 * Analyses a set of documents as one corpus: a name introduced by a title in one article is then
 * recognised in all of them, and figures are compared across sources.
 *
 * The steps are exported so that the corpus can be shared out between threads (the CLI does):
 * readFirst on every document, in any order and on any number of lexicons made alike; then, in
 * corpus order, learnFrom(persons) on each of those lexicons (it is deterministic) and
 * repeatedBoilerplate (or outletGroups and repeatedInGroup, group by group); then readSecond on
 * every document with the lexicon that read it first; last, corpusResult with every document.
 */
export function analyzeCorpus(files: Array<{ path: string; text: string }>, options: AnalyzeOptions = {}): CorpusAnalysis {
  const lexicon = options.lexicon ?? Lexicon.builtin();
  // First pass: everything but the figures' sentences, which wait for the final actors. The
  // readings and the actors are kept, and the shadows (with their words) while they fit in
  // KEPT_SHADOW_UNITS: making a shadow again and cutting it into words again is a good share of
  // the second pass, but each costs some 12 bytes per character of text to keep.
  const kept: FirstPass[] = [];
  const persons: DocumentAnalysis[] = [];
  const shadows: Array<Shadow | null> = [];
  const short: Array<ShortLine[] | null> = [];
  let keptUnits = 0;
  for (const f of files) {
    const keep = keptUnits + f.text.length <= KEPT_SHADOW_UNITS;
    if (keep) keptUnits += f.text.length;
    const first = firstPass(f, lexicon, options.readings, keep);
    kept.push(first.kept);
    persons.push(first.persons);
    shadows.push(first.shadow);
    short.push(first.short);
  }
  // Names learnt from titles ("اللواء يحيى رسول") are known from now on; a second pass finds them
  // alone and in the documents read before they were learnt, and leaves out the lines an outlet
  // repeats in every article.
  const learnt = lexicon.learnFrom(persons);
  const repeated = repeatedByOutlet(persons, (i) => short[i] ?? shortLines(files[i].text));
  short.length = 0;
  const documents = files.map((f, i) => {
    const doc = secondPass(f, kept[i], lexicon, learnt, repeated[i], shadows[i]);
    kept[i] = DONE; // the reading and the shadow are not needed any more
    shadows[i] = null;
    return doc;
  });
  return corpusResult(files, documents);
}

/**
 * UTF-16 units of text whose shadows analyzeCorpus keeps between its passes: about 50 MB, some
 * 1,200 articles of 6 KB. The documents beyond are shadowed again in the second pass.
 */
const KEPT_SHADOW_UNITS = 4_000_000;

const DONE: FirstPass = { reading: null, actors: [], problems: [], fatal: null };

/** The corpus analysis of documents analysed in full (in the order of `files`): figures compared. */
export function corpusResult(files: ReadonlyArray<{ path: string; text: string }>, documents: DocumentResult[]): CorpusAnalysis {
  return { version: 1, documents, contradictions: findContradictions(documents, new Map(files.map((f) => [f.path, f.text]))) };
}

/**
 * What the first pass keeps of a document for the second: what it read whatever the lexicon, and
 * the actors the lexicon knew before the corpus taught it. No shadow, no tokens: a few kilobytes.
 */
export interface FirstPass {
  /** Null when the document could not be read at all (then `fatal` says why). */
  reading: TextReading | null;
  actors: Found[];
  problems: string[];
  fatal: string | null;
}

/**
 * The first pass over one document: its reading and its actors, and `persons`, the stand-in the
 * lexicon learns from (its outlet and the people it names).
 */
export function readFirst(f: { path: string; text: string }, lexicon: Lexicon, readings?: ReadingCache): { kept: FirstPass; persons: DocumentAnalysis } {
  const { kept, persons } = firstPass(f, lexicon, readings, false);
  return { kept, persons };
}

/**
 * readFirst, and with `keep` the document's shadow (null if it failed) and its short lines for
 * the repeated lines (null when not read from this shadow: see findBoilerplate).
 */
function firstPass(
  f: { path: string; text: string },
  lexicon: Lexicon,
  readings: ReadingCache | undefined,
  keep: boolean,
): { kept: FirstPass; persons: DocumentAnalysis; shadow: Shadow | null; short: ShortLine[] | null } {
  const problems: string[] = [];
  let reading: TextReading | null = null;
  let actors: Found[] = [];
  let fatal: string | null = null;
  let kept: Shadow | null = null;
  const short: { lines: ShortLine[] | null } = { lines: null };
  try {
    const shadow = new Shadow(f.text);
    reading = readings?.get(f.path, f.text) ?? null;
    if (!reading) {
      reading = readText(shadow, short);
      readings?.set(f.path, f.text, reading);
    }
    actors = safely('actors', [] as Found[], () => findActors(shadow, lexicon), problems);
    // The second pass makes the tokens again rather than keep every document's.
    if (reading.figures.toks) reading = { ...reading, figures: { drafts: reading.figures.drafts, toks: null } };
    if (keep) kept = shadow;
  } catch (err) {
    reading = null;
    fatal = err instanceof Error ? err.message : String(err);
  }
  return { kept: { reading, actors, problems, fatal }, persons: summary(f.path, reading, actors, f.text), shadow: kept, short: short.lines };
}

/**
 * The second pass over one document, once `lexicon` has learnt from the whole corpus (`learnt`
 * is what learnFrom returned) and its repeated lines are known: the document's analysis.
 */
export function readSecond(
  f: { path: string; text: string },
  first: FirstPass,
  lexicon: Lexicon,
  learnt: boolean,
  repeated: Array<{ start: number; end: number }>,
): DocumentResult {
  return secondPass(f, first, lexicon, learnt, repeated, null);
}

/** readSecond, over the shadow the first pass made of this very text if it was kept. */
function secondPass(
  f: { path: string; text: string },
  first: FirstPass,
  lexicon: Lexicon,
  learnt: boolean,
  repeated: Array<{ start: number; end: number }>,
  kept: Shadow | null,
): DocumentResult {
  const reading = first.reading;
  if (!reading) return failed(f.path, new Error(first.fatal ?? ''));
  try {
    const shadow = kept ?? new Shadow(f.text);
    if (!learnt && !repeated.length) return finish(f.path, shadow, reading, first.actors, first.problems, undefined);
    const problems: string[] = [];
    const actors = safely('actors', [] as Found[], () => findActors(shadow, lexicon), problems);
    return finish(f.path, shadow, reading, actors, problems, repeated);
  } catch (err) {
    return failed(f.path, err);
  }
}

/** A first-pass stand-in for a document's analysis: its outlet and the people it names. */
function summary(path: string, reading: TextReading | null, actors: Found[], text: string): DocumentAnalysis {
  const mentions: Mention[] = [];
  for (const a of actors) {
    if (a.kind !== 'person' || !(a.start >= 0 && a.end <= text.length && a.end > a.start)) continue;
    // The actor finder's Found has these four fields only; written out, not spread (spreading is
    // slow), in the same order.
    mentions.push({ kind: a.kind, start: a.start, end: a.end, entity: a.entity, id: '', text: text.slice(a.start, a.end), boilerplate: false });
  }
  return { path, published: reading?.published ?? null, outlet: reading?.outlet ?? null, mentions, boilerplate: [] };
}
