// The corpus as the server knows it: every article in the workspace folders, read from disk, with
// the open documents' live text taking precedence. Each entry keeps its last analysis; an edit
// re-analyses that document only, updates the claims buckets it touches, and adjusts the corpus
// counts by the difference, so the cost of an edit does not grow with the corpus.
//
// The analyses are the ones the corpus pipeline gives (`sanad analyze`): the first read adopts
// them (workspaceReader.ts), and an edit gives what the pipeline would give for the edited corpus:
// the lexicon has learnt from the whole corpus, and the lines an outlet repeats in its articles
// are boilerplate (RepeatedLines, kept per outlet as articles change).
import { isWithin } from '../corpus/regularFile';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import {
  analyzeText,
  withStory,
  withReviewed,
  Lexicon,
  ReadingCache,
  RepeatedLines,
  shortLines,
  type ArticleMetadata,
  type ReviewedPublication,
  type CorpusAnalysis,
  type DocumentResult,
  type Contradiction,
} from '../analysis';
import { ClaimIndex } from '../analysis/claims/contradictions';
import type { ClaimsRead } from '../analysis/claims/claimIndex';
import { SharedStrings } from './sharedStrings';

type Range = { start: number; end: number };

/** Analyses a document as analyzeText would (documentThread.ts does it on another thread). */
export type Analyse = (path: string, text: string, options: { lexicon: Lexicon; metadata: ArticleMetadata | null; boilerplate: Range[] }) => Promise<{ doc: DocumentResult; read?: ClaimsRead }>;

/** An update under way (see WorkspaceIndex.plan). */
interface Plan {
  uri: string;
  path: string;
  turn: number;
  /** The outlet whose repeated lines the document's text is counted in. */
  outlet: string | null;
  /** Other articles whose repeated lines changed. */
  others: Set<string>;
  ranges: Range[];
}

export interface IndexEntry {
  uri: string;
  /** The path shown to people and used in contradiction messages (relative to its folder). */
  path: string;
  /** The editor's version while open; null for a file read from disk. */
  version: number | null;
  text: string;
  analysis: DocumentResult;
}

/** Counts over the corpus outside boilerplate, kept up to date entry by entry. */
export interface CorpusCounts {
  actors: number;
  dates: number;
  figures: number;
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly uriByPath = new Map<string, string>();
  private readonly folders: string[] = [];
  /** How many live mentions each actor has across the corpus; its size is the distinct actors. */
  private readonly entityMentions = new Map<string, number>();
  private dateCount = 0;
  private figureCount = 0;
  readonly claims = new ClaimIndex();
  /** What the engine read of each text that does not depend on the lexicon: a re-analysis after
   *  the lexicon learnt a name redoes only the actors. */
  private readonly readings = new ReadingCache();
  private readonly paths = new Map<string, string>();
  readonly unreadable = new Map<string, string>();
  lexicon = Lexicon.builtin();
  /** The lines each outlet repeats, for the outlets whose articles have changed since the first read. */
  private readonly repeated = new RepeatedLines();
  /** Outlets whose articles are all in `repeated`. */
  private readonly outletsKnown = new Set<string>();
  /** One copy of each string the analyses repeat (entity keys, ids, notes…). */
  private readonly strings = new SharedStrings();
  /** What the scrapers' manifests say of each article (by URI). */
  private readonly metadata = new Map<string, ArticleMetadata>();

  /** A reviewer's publication date and outlet from each article's label file (by URI). */
  private readonly reviewed = new Map<string, ReviewedPublication>();

  /**
   * Sets the publication correction of an article's label file (null: none); its next analysis
   * reads it. True when it changed (the article is then to be analysed again).
   */
  setReviewed(uri: string, reviewed: ReviewedPublication | null): boolean {
    const before = JSON.stringify(this.reviewed.get(uri) ?? null);
    if (reviewed) this.reviewed.set(uri, reviewed);
    else this.reviewed.delete(uri);
    return JSON.stringify(reviewed ?? null) !== before;
  }

  /** What a manifest says of an article and what its label file corrects, as the engine takes them. */
  metadataFor(uri: string): ArticleMetadata | null {
    return withReviewed(this.metadata.get(uri) ?? null, this.reviewed.get(uri));
  }

  /** Sets what a manifest says of an article (null: nothing); its next analysis reads it. */
  setMetadata(uri: string, meta: ArticleMetadata | null): void {
    if (meta) this.metadata.set(uri, meta);
    else this.metadata.delete(uri);
  }

  /** The options of an analysis of `uri` as the corpus pipeline makes it. */
  private optionsFor(uri: string, boilerplate?: Array<{ start: number; end: number }>): Parameters<typeof analyzeText>[2] {
    return { lexicon: this.lexicon, readings: this.readings, metadata: this.metadataFor(uri), boilerplate };
  }

  setFolders(uris: string[]): void {
    this.folders.length = 0;
    this.paths.clear();
    for (const u of uris) if (u.startsWith('file:')) this.folders.push(fileURLToPath(u));
  }

  displayPath(uri: string): string {
    let path = this.paths.get(uri);
    if (path === undefined) this.paths.set(uri, (path = this.computePath(uri)));
    return path;
  }

  private computePath(uri: string): string {
    if (!uri.startsWith('file:')) return uri;
    const fsPath = fileURLToPath(uri);
    for (const f of this.folders) {
      // By path components: a root file named `..x.news.txt` is inside.
      if (isWithin(fsPath, f)) return relative(f, fsPath).split('\\').join('/');
    }
    return fsPath;
  }

  uriOfPath(path: string): string {
    return this.uriByPath.get(path) ?? pathToFileURL(path).toString();
  }

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(uri);
  }

  byPath(path: string): IndexEntry | undefined {
    const uri = this.uriByPath.get(path);
    return uri ? this.entries.get(uri) : undefined;
  }

  all(): IndexEntry[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }

  counts(): CorpusCounts {
    return { actors: this.entityMentions.size, dates: this.dateCount, figures: this.figureCount };
  }

  private tally(entry: IndexEntry, sign: 1 | -1): void {
    for (const m of entry.analysis.mentions) {
      if (m.boilerplate) continue;
      if (m.entity) {
        const n = (this.entityMentions.get(m.entity) ?? 0) + sign;
        if (n > 0) this.entityMentions.set(m.entity, n);
        else this.entityMentions.delete(m.entity);
      } else if (m.kind === 'date') this.dateCount += sign;
      else if (m.kind === 'quantity') this.figureCount += sign;
    }
  }

  /**
   * Analyses a document's text and keeps it. Returns the entry and the URIs whose contradictions
   * changed (this one included, and any article of its outlet whose repeated lines changed).
   */
  update(uri: string, text: string, version: number | null): { entry: IndexEntry; touched: string[] } {
    const plan = this.plan(uri, text);
    let analysis = analyzeText(plan.path, text, this.optionsFor(uri, plan.ranges));
    for (let again = this.settle(plan, text, analysis); again; again = this.settle(plan, text, analysis)) analysis = analyzeText(plan.path, text, this.optionsFor(uri, again));
    return this.commit(uri, text, version, plan, analysis)!;
  }

  /**
   * update(), with the document analysed by `analyse` (on another thread: documentThread.ts), so
   * that a large document does not hold the caller while it is read. Null when the document was
   * updated again meanwhile (that update keeps it).
   */
  async updateWith(uri: string, text: string, version: number | null, analyse: Analyse, pause: () => Promise<void>): Promise<{ entry: IndexEntry; touched: string[] } | null> {
    const plan = this.plan(uri, text);
    const options = (ranges: Range[]) => ({ lexicon: this.lexicon, metadata: this.metadataFor(uri), boilerplate: ranges });
    let done = await analyse(plan.path, text, options(plan.ranges));
    for (let again = this.current(plan) ? this.settle(plan, text, done.doc) : null; again; again = this.current(plan) ? this.settle(plan, text, done.doc) : null) {
      done = await analyse(plan.path, text, options(again));
    }
    // The strings of a large page made one a slice at a time, before it goes into the index at once.
    if (this.current(plan)) await this.strings.shareInSlices(done.doc, pause);
    return this.commit(uri, text, version, plan, done.doc, done.read, true);
  }

  /**
   * When the document's analysis is already of this very text (a file opened as it is on disk),
   * takes the editor's version for it and returns true: nothing to analyse again. An update of
   * another text under way is dropped.
   */
  sameText(uri: string, text: string, version: number | null): boolean {
    const entry = this.entries.get(uri);
    if (!entry || entry.text !== text) return false;
    this.turns.delete(uri);
    entry.version = version;
    return true;
  }

  /** Each update's turn per document: an update that finds a later one began is dropped. */
  private readonly turns = new Map<string, number>();
  private lastTurn = 0;
  /** Articles whose repeated lines changed under a dropped update: the next update analyses them again. */
  private readonly owed = new Set<string>();

  /**
   * The first step of an update: the outlet's repeated lines take in the new text, under the
   * outlet the document had (it rarely changes; settle() corrects it when it does), so that one
   * analysis usually suffices.
   */
  private plan(uri: string, text: string): Plan {
    const path = this.displayPath(uri);
    const before = this.entries.get(uri)?.analysis.outlet ?? null;
    const others = new Set(this.trackLines(path, text, before, before));
    const turn = ++this.lastTurn;
    this.turns.set(uri, turn);
    return { uri, path, turn, outlet: before, others, ranges: this.repeated.rangesOf(path) };
  }

  /** Whether no later update of the document began since `plan`. */
  private current(plan: Plan): boolean {
    return this.turns.get(plan.uri) === plan.turn;
  }

  /**
   * When the analysis found another outlet than the plan assumed: the repeated lines move to it.
   * Returns the boilerplate ranges to analyse again with, or null when the analysis stands.
   */
  private settle(plan: Plan, text: string, analysis: DocumentResult): Range[] | null {
    if (analysis.outlet === plan.outlet) return null;
    for (const p of this.trackLines(plan.path, text, analysis.outlet, plan.outlet)) plan.others.add(p);
    plan.outlet = analysis.outlet;
    const ranges = this.repeated.rangesOf(plan.path);
    if (JSON.stringify(ranges) === JSON.stringify(plan.ranges)) return null;
    plan.ranges = ranges;
    return ranges;
  }

  /** Keeps the analysis of a plan, and analyses again the articles whose repeated lines changed. */
  private commit(uri: string, text: string, version: number | null, plan: Plan, analysis: DocumentResult, read?: ClaimsRead, shared = false): { entry: IndexEntry; touched: string[] } | null {
    if (!this.current(plan)) {
      for (const p of plan.others) this.owed.add(p);
      return null;
    }
    this.turns.delete(uri);
    const kept = this.keep(uri, plan.path, text, version, analysis, read, shared);
    const touched = new Set(kept.touched);
    const others = new Set([...this.owed, ...plan.others]);
    this.owed.clear();
    others.delete(plan.path);
    for (const p of others) {
      const e = this.byPath(p);
      if (!e) continue;
      const again = analyzeText(e.path, e.text, this.optionsFor(e.uri, this.repeated.rangesOf(e.path)));
      for (const u of this.keep(e.uri, e.path, e.text, e.version, again).touched) touched.add(u);
    }
    return { entry: kept.entry, touched: [...touched] };
  }

  /**
   * Keeps the repeated lines of `path`'s outlet up to date with its new text; returns the other
   * articles whose repeated lines changed. An outlet's articles are all taken in the first time
   * one of them changes (the first read found their repeated lines already).
   */
  private trackLines(path: string, text: string, outlet: string | null, before: string | null): string[] {
    const changed: string[] = [];
    if (before && before !== outlet) {
      if (!this.outletsKnown.has(before)) this.learnOutlet(before);
      changed.push(...this.repeated.remove(path));
    }
    if (outlet) {
      if (!this.outletsKnown.has(outlet)) this.learnOutlet(outlet);
      changed.push(...this.repeated.set(path, outlet, shortLines(text)));
    }
    return changed;
  }

  /** Takes in an outlet's articles as they are now (an article being changed still has its old text). */
  private learnOutlet(outlet: string): void {
    this.outletsKnown.add(outlet);
    for (const e of this.entries.values()) {
      if (e.analysis.outlet === outlet) this.repeated.set(e.path, outlet, shortLines(e.text));
    }
  }

  /**
   * Takes in the repeated lines of every outlet with three articles or more, a slice at a time
   * (`pause` between outlets), so that the first edit of an article does not pay for it.
   */
  async learnOutlets(pause: () => Promise<void>): Promise<void> {
    const sizes = new Map<string, number>();
    for (const e of this.entries.values()) if (e.analysis.outlet) sizes.set(e.analysis.outlet, (sizes.get(e.analysis.outlet) ?? 0) + 1);
    for (const [outlet, n] of sizes) {
      if (n < 3 || this.outletsKnown.has(outlet)) continue;
      this.learnOutlet(outlet);
      await pause();
    }
  }

  /** Analyses an article without keeping anything: warms this thread's compiled engine. */
  warmUp(entry: IndexEntry): void {
    analyzeText(entry.path, entry.text, { lexicon: this.lexicon, metadata: this.metadataFor(entry.uri) });
  }

  /**
   * Keeps an analysis the corpus pipeline made. Skipped, and null returned, when the document
   * has meanwhile changed to another text (an edit during the read).
   */
  adopt(uri: string, text: string, version: number | null, analysis: DocumentResult): { entry: IndexEntry; touched: string[] } | null {
    const old = this.entries.get(uri);
    if (old && old.text !== text) return null;
    const path = this.displayPath(uri);
    if (analysis.outlet && this.outletsKnown.has(analysis.outlet)) this.repeated.set(path, analysis.outlet, shortLines(text));
    return this.keep(uri, path, text, version ?? old?.version ?? null, analysis);
  }

  private keep(uri: string, path: string, text: string, version: number | null, analysis: DocumentResult, read?: ClaimsRead, shared = false): { entry: IndexEntry; touched: string[] } {
    const old = this.entries.get(uri);
    if (old) this.tally(old, -1);
    const entry: IndexEntry = { uri, path, version, text, analysis: shared ? analysis : this.strings.share(analysis) };
    this.entries.set(uri, entry);
    this.uriByPath.set(path, uri);
    this.unreadable.delete(uri);
    this.tally(entry, 1);
    const touched = this.claims.update(entry.analysis, text, read).map((p) => this.uriOfPath(p));
    return { entry, touched };
  }

  /** Everything the index knows, as `sanad analyze` prints it (documents in path order). */
  corpusAnalysis(): CorpusAnalysis {
    const documents = this.all()
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map(({ analysis }) => {
        const { problems: _problems, ...doc } = analysis;
        return withStory(doc, this.claims.storyOf(doc.path) || null);
      });
    return { version: 1, documents, contradictions: this.contradictions() };
  }

  /** Forgets a document; returns the URIs whose contradictions changed. */
  remove(uri: string): string[] {
    this.unreadable.delete(uri);
    // An update of it under way is dropped when it ends.
    this.turns.delete(uri);
    const old = this.entries.get(uri);
    if (!old) return [];
    const outlet = old.analysis.outlet;
    if (outlet && !this.outletsKnown.has(outlet)) this.learnOutlet(outlet);
    this.tally(old, -1);
    this.entries.delete(uri);
    this.uriByPath.delete(old.path);
    this.readings.delete(old.path);
    const touched = [uri, ...this.claims.remove(old.path).map((p) => this.uriOfPath(p))];
    // The articles of its outlet may lose a repeated line with it.
    for (const p of this.repeated.remove(old.path)) {
      const e = this.byPath(p);
      if (!e) continue;
      const again = analyzeText(e.path, e.text, this.optionsFor(e.uri, this.repeated.rangesOf(e.path)));
      touched.push(...this.keep(e.uri, e.path, e.text, e.version, again).touched);
    }
    return touched;
  }

  markUnreadable(uri: string, reason: string): string[] {
    const touched = this.remove(uri);
    this.unreadable.set(uri, reason);
    return touched;
  }

  /**
   * Teaches the lexicon the names introduced by titles in the given entries (all by default).
   * Returns the entries whose analysis is now stale: all of them when anything new was learnt.
   */
  learn(from: IndexEntry[] = this.all()): IndexEntry[] {
    const learnt = this.lexicon.learnFrom(from.map((e) => e.analysis));
    return learnt ? this.all() : [];
  }

  contradictions(): Contradiction[] {
    return this.claims.contradictions();
  }

  get contradictionCount(): number {
    return this.claims.count;
  }
}
