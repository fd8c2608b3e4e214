// A corpus read as one: a name introduced by a title in one article is recognised in all of
// them, lines an outlet repeats in every article are boilerplate, and figures are compared across
// sources. The steps are pure and exported so that the one corpus pipeline (server/src/corpus/)
// can run them on one thread or share them out between worker threads, for the CLI and the
// language server alike, with the same result:
//   1. readFirst on every document (any order, any number of lexicons made alike by lexiconFrom);
//   2. in corpus order, each lexicon learns: teach(taught names), then learnFrom(persons);
//   3. outletGroups, and repeatedInGroup for each group (the outlets' repeated lines);
//   4. readSecond on every document with the lexicon that read it first;
//   5. corpusResult (or a ClaimIndex fed in corpus order) compares the figures.
// analyzeCorpus does them all on this thread.
import { Shadow } from './text/normalize';
import { findRepeatedLines, repeatedAmong, shortLines, type ShortLine } from './boilerplate/boilerplate';
import { findActors, Lexicon } from './actors/actors';
import type { DocumentAnalysis, Found, Mention, CorpusAnalysis } from './types';
import { compareCorpus } from './claims/contradictions';
import { failed, finish, prepare, readingKey, readText, safely, type AnalyzeOptions, type DocumentResult, type ReadingCache, type TextReading } from './document';
import type { ArticleMetadata } from './metadata/fields';

/** A document of a corpus: its path, its text, and what a manifest says of it. */
export interface CorpusFile {
  path: string;
  text: string;
  metadata?: ArticleMetadata | null;
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

/** How many of an outlet's documents must hold a short line for it to be furniture (repeatedAmong's). */
const REPEATED_MIN_DOCS = 3;

/**
 * A document's repeated lines from `holders`, how many documents of its outlet in the whole corpus
 * hold each short line (each document counted once per line text): what repeatedInGroup gives it
 * when the counts are its group's. A corpus read in shards adds up the shards' counts
 * (cli/shard.ts), since no shard holds every text of an outlet.
 */
export function repeatedByCount(lines: readonly ShortLine[], holders: (line: string) => number): Array<{ start: number; end: number }> {
  return lines.filter((l) => holders(l.text) >= REPEATED_MIN_DOCS).map((l) => ({ start: l.s, end: l.e }));
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
export function analyzeCorpus(files: CorpusFile[], options: AnalyzeOptions = {}): CorpusAnalysis {
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
  const { contradictions, stories } = compareCorpus(documents, new Map(files.map((f) => [f.path, f.text])));
  return { version: 1, documents: documents.map((d) => withStory(d, stories.get(d.path) || null)), contradictions };
}

/**
 * A document with its story, which only the whole corpus tells (stories/): `story` follows `path`,
 * in every output, so that a streamed document can be given it afterwards (cli.ts).
 */
export function withStory<D extends DocumentAnalysis>(doc: D, story: string | null): D {
  const { path, ...rest } = doc;
  return { path, story, ...rest } as D;
}

/**
 * What the first pass keeps of a document for the second: what it read whatever the lexicon, and
 * the actors the lexicon knew before the corpus taught it. No shadow, no tokens: a few kilobytes.
 */
export interface FirstPass {
  /** Null when the document could not be read at all (then `fatal` says why). */
  reading: TextReading | null;
  /**
   * Null when not kept (readFirst's `keepActors`): the second pass then finds them again, as it
   * does anyway once the corpus taught the lexicon anything.
   */
  actors: Found[] | null;
  problems: string[];
  fatal: string | null;
}

/**
 * The first pass over one document: its reading and its actors, and `persons`, the stand-in the
 * lexicon learns from (its outlet and the people it names). Without `keepActors` the actors are
 * not kept for the second pass: about half of what is kept (some 4.5 KB of a generated article),
 * and needed only when the corpus teaches the lexicon nothing and the document has no repeated
 * line, which a large corpus, whose first passes are what is kept, hardly ever is.
 */
export function readFirst(f: CorpusFile, lexicon: Lexicon, readings?: ReadingCache, keepActors = true): { kept: FirstPass; persons: DocumentAnalysis } {
  const { kept, persons } = firstPass(f, lexicon, readings, false);
  return { kept: keepActors ? kept : { ...kept, actors: null }, persons };
}

/**
 * readFirst, and with `keep` the document's shadow (null if it failed) and its short lines for
 * the repeated lines (null when not read from this shadow: see findBoilerplate).
 */
function firstPass(
  f: CorpusFile,
  lexicon: Lexicon,
  readings: ReadingCache | undefined,
  keep: boolean,
): { kept: FirstPass; persons: DocumentAnalysis; shadow: Shadow | null; short: ShortLine[] | null } {
  const problems: string[] = [];
  let reading: TextReading | null;
  let actors: Found[] = [];
  let fatal: string | null = null;
  let kept: Shadow | null = null;
  const short: { lines: ShortLine[] | null } = { lines: null };
  try {
    const prepared = prepare(f.text, f.metadata);
    const shadow = new Shadow(prepared.body);
    const key = readingKey(f.text, f.metadata);
    reading = readings?.get(f.path, key) ?? null;
    if (!reading) {
      reading = readText(shadow, short, prepared);
      readings?.set(f.path, key, reading);
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
export function readSecond(f: CorpusFile, first: FirstPass, lexicon: Lexicon, learnt: boolean, repeated: Array<{ start: number; end: number }>): DocumentResult {
  return secondPass(f, first, lexicon, learnt, repeated, null);
}

/** readSecond, over the shadow the first pass made of this very text if it was kept. */
function secondPass(f: CorpusFile, first: FirstPass, lexicon: Lexicon, learnt: boolean, repeated: Array<{ start: number; end: number }>, kept: Shadow | null): DocumentResult {
  const reading = first.reading;
  if (!reading) return failed(f.path, new Error(first.fatal ?? ''));
  try {
    const shadow = kept ?? new Shadow(prepare(f.text, f.metadata).body);
    const unchanged = !learnt && !repeated.length;
    if (unchanged && first.actors) return finish(f.path, shadow, reading, first.actors, first.problems, undefined);
    // When the lexicon learnt nothing, it finds what it found in the first pass (with the same problems).
    const problems: string[] = [];
    const actors = safely('actors', [] as Found[], () => findActors(shadow, lexicon), problems);
    return finish(f.path, shadow, reading, actors, problems, unchanged ? undefined : repeated);
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

// ---- The lexicon every reader of one corpus starts from ----------------------------------------

/** A name an annotator accepted (labels' TaughtName has this shape). */
export interface NameToTeach {
  kind: 'person' | 'organization' | 'place';
  /** The name as written in the article. */
  name: string;
  /** The entity key: the label's value, or the name itself. */
  entity: string;
}

/**
 * What a corpus's lexicon is made of besides the shipped lists: the text of each workspace lexicon
 * file (.sanad/lexicon.yaml). Plain data, so that worker threads make the same lexicon.
 */
export interface LexiconRecipe {
  /** Each workspace lexicon: its YAML text, or the data it holds (workspaceData: a large one is parsed once). */
  workspace: unknown[];
}

/** The lexicon a recipe makes, with the problems of each workspace file (by index). */
export function lexiconFrom(recipe: LexiconRecipe): { lexicon: Lexicon; problems: Array<ReturnType<Lexicon['addWorkspace']>> } {
  const lexicon = Lexicon.builtin();
  const problems = recipe.workspace.map((text) => lexicon.addWorkspace(text));
  return { lexicon, problems };
}

/** Adds the names annotators accepted; true when the lexicon learnt anything new. */
export function teach(lexicon: Lexicon, names: readonly NameToTeach[]): boolean {
  // A corrected entity key makes the accepted spelling an alias of that entity. All at once: the
  // lexicon's indexes are rebuilt once, not once per name (10,000 names took 82 s one by one).
  return lexicon.addAll(names.map((t) => ({ kind: t.kind, name: t.entity, aliases: t.entity !== t.name ? [t.name] : [] })));
}

/**
 * The mentions of first-pass stand-ins not `seen` before, in order, each as it first appears:
 * what a lexicon learns from (learnFrom asks which names the corpus uses, not where or how often),
 * a few dozen mentions where a corpus has hundreds of thousands. `seen` is updated.
 */
export function newMentions(docs: ReadonlyArray<Pick<DocumentAnalysis, 'mentions'>>, seen: Set<string>): Mention[] {
  const out: Mention[] = [];
  for (const doc of docs) {
    for (const m of doc.mentions) {
      const key = JSON.stringify({ ...m, start: 0, end: 0 });
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(m);
    }
  }
  return out;
}

/** One stand-in for a corpus whose distinct mentions, in corpus order, are `mentions`. */
export function learningStandIn(mentions: Mention[]): DocumentAnalysis {
  return { path: '', published: null, outlet: null, mentions, boilerplate: [] };
}

/**
 * Between the passes: a lexicon learns what the corpus teaches, the names annotators accepted and
 * then the people the first pass found. Every lexicon of one corpus does this with the same
 * arguments (or the same distinct mentions, newMentions) and so learns the same; the result says
 * whether anything was learnt, which readSecond needs.
 */
export function learnFrom(lexicon: Lexicon, taught: readonly NameToTeach[], persons: DocumentAnalysis[]): boolean {
  const accepted = teach(lexicon, taught);
  return lexicon.learnFrom(persons) || accepted;
}
