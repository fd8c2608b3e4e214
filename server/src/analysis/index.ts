// The engine's front door: text in, mentions out. Pure: no I/O, no editor APIs, and it never
// throws on text (an extractor that fails on some input loses its own findings, not the rest).
import { Shadow } from './normalize';
import { findBoilerplate, findRepeatedLines } from './boilerplate';
import { findPublication, findDates } from './dates';
import { findQuantities } from './quantities';
import { findActors, Lexicon } from './actors';
import type { DocumentAnalysis, Found, Mention, CorpusAnalysis } from './types';
import { findContradictions } from './contradictions';

export * from './types';
export { Shadow, fold } from './normalize';
export { Lexicon } from './actors';
export { findContradictions } from './contradictions';

export interface AnalyzeOptions {
  /** Names and aliases known to the corpus or the workspace; shared across documents. */
  lexicon?: Lexicon;
  /** More boilerplate ranges, found across the corpus (lines an outlet repeats in every article). */
  boilerplate?: Array<{ start: number; end: number }>;
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
    return analyzeUnguarded(path, text, options);
  } catch (err) {
    // Only a bug gets here (each extractor is guarded on its own); the document loses its findings.
    return { path, published: null, outlet: null, mentions: [], boilerplate: [], problems: [`analysis: ${err instanceof Error ? err.message : String(err)}`] };
  }
}

function analyzeUnguarded(path: string, text: string, options: AnalyzeOptions): DocumentResult {
  const problems: string[] = [];
  const shadow = new Shadow(text);
  const lexicon = options.lexicon ?? Lexicon.builtin();
  const boilerplate = mergeRanges([...safely('boilerplate', [], () => findBoilerplate(shadow), problems), ...(options.boilerplate ?? [])]);
  const pub = safely('publication', { published: null, outlet: null }, () => findPublication(shadow), problems);
  const dates = safely('dates', [] as Found[], () => findDates(shadow, pub.published), problems);
  const actors = safely('actors', [] as Found[], () => findActors(shadow, lexicon), problems);
  const quantities = safely('quantities', [] as Found[], () => findQuantities(shadow, { published: pub.published, dates, actors }), problems);

  const found = [...actors, ...dates, ...quantities].filter((f) => f.start >= 0 && f.end <= text.length && f.end > f.start);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: Mention[] = found.map((f, i) => ({
    ...f,
    id: `${f.kind[0]}${i + 1}`,
    text: text.slice(f.start, f.end),
    boilerplate: inRanges(boilerplate, f.start, f.end),
  }));
  const result: DocumentResult = { path, published: pub.published, outlet: pub.outlet, mentions, boilerplate };
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
  const out: Array<Array<{ start: number; end: number }>> = docs.map(() => []);
  const byOutlet = new Map<string, number[]>();
  docs.forEach((d, i) => d.outlet && byOutlet.set(d.outlet, [...(byOutlet.get(d.outlet) ?? []), i]));
  for (const members of byOutlet.values()) {
    if (members.length < 3) continue;
    const found = findRepeatedLines(members.map((i) => texts[i]));
    members.forEach((docIndex, k) => (out[docIndex] = found[k]));
  }
  return out;
}

function inRanges(ranges: Array<{ start: number; end: number }>, start: number, end: number): boolean {
  for (const r of ranges) if (start >= r.start && end <= r.end) return true;
  return false;
}

/**
 * Analyses a set of documents as one corpus: a name introduced by a title in one article is then
 * recognised in all of them, and figures are compared across sources.
 */
export function analyzeCorpus(files: Array<{ path: string; text: string }>, options: AnalyzeOptions = {}): CorpusAnalysis {
  const lexicon = options.lexicon ?? Lexicon.builtin();
  const first = files.map((f) => analyzeText(f.path, f.text, { lexicon }));
  // Names learnt from titles ("اللواء يحيى رسول") are known from now on; a second pass finds them
  // alone and in the documents read before they were learnt, and leaves out the lines an outlet
  // repeats in every article.
  const learnt = lexicon.learnFrom(first);
  const repeated = repeatedBoilerplate(first, files.map((f) => f.text));
  const documents = files.map((f, i) => (learnt || repeated[i].length ? analyzeText(f.path, f.text, { lexicon, boilerplate: repeated[i] }) : first[i]));
  return { version: 1, documents, contradictions: findContradictions(documents, new Map(files.map((f) => [f.path, f.text]))) };
}
