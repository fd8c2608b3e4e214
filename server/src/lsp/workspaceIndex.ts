// The corpus as the server knows it: every article in the workspace folders, read from disk, with
// the open documents' live text taking precedence. Each entry keeps its last analysis; an edit
// re-analyses that document only, updates the claims buckets it touches, and adjusts the corpus
// counts by the difference, so the cost of an edit does not grow with the corpus.
import { isWithin } from '../corpus/regularFile';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import { analyzeText, readFirst, readSecond, Lexicon, ReadingCache, type DocumentAnalysis, type DocumentResult, type Contradiction, type FirstPass } from '../analysis';
import { ClaimIndex } from '../analysis/claims/contradictions';

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
  /**
   * While the workspace is first read, figures are compared once per document (`compare`, then
   * whatever is left at `endBulk`) rather than after every analysis: the first read finishes
   * each article only after the corpus taught names, and comparing earlier would be wasted.
   */
  private bulk = false;
  /** Entries compared during the bulk read already (see `compare`). */
  private readonly compared = new Set<string>();

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
   * changed (this one included).
   */
  update(uri: string, text: string, version: number | null): { entry: IndexEntry; touched: string[] } {
    const path = this.displayPath(uri);
    return this.keep(uri, path, text, version, analyzeText(path, text, { lexicon: this.lexicon, readings: this.readings }));
  }

  /**
   * The first pass of a first read, before the corpus teaches names: what does not depend on
   * them, and the people the document names. `secondRead` then gives what `update` would give
   * once the lexicon has learnt from every document's people.
   */
  firstRead(path: string, text: string): { kept: FirstPass; persons: DocumentAnalysis } {
    return readFirst({ path, text }, this.lexicon, this.readings);
  }

  secondRead(path: string, text: string, kept: FirstPass, learnt: boolean): DocumentResult {
    return readSecond({ path, text }, kept, this.lexicon, learnt, []);
  }

  /**
   * Keeps an analysis made elsewhere (a worker thread) with the same lexicon. Skipped, and null
   * returned, when the document has meanwhile changed to another text (an edit during the read).
   */
  adopt(uri: string, text: string, version: number | null, analysis: DocumentResult): { entry: IndexEntry; touched: string[] } | null {
    const old = this.entries.get(uri);
    if (old && old.text !== text) return null;
    return this.keep(uri, this.displayPath(uri), text, version ?? old?.version ?? null, analysis);
  }

  private keep(uri: string, path: string, text: string, version: number | null, analysis: DocumentResult): { entry: IndexEntry; touched: string[] } {
    const old = this.entries.get(uri);
    if (old) this.tally(old, -1);
    const entry: IndexEntry = { uri, path, version, text, analysis };
    this.entries.set(uri, entry);
    this.uriByPath.set(path, uri);
    this.unreadable.delete(uri);
    this.tally(entry, 1);
    if (this.bulk) {
      this.compared.delete(uri);
      return { entry, touched: [uri] };
    }
    const touched = this.claims.update(entry.analysis, text).map((p) => this.uriOfPath(p));
    return { entry, touched };
  }

  /** From now until `endBulk`, documents are analysed but their figures compared only by `compare`. */
  beginBulk(): void {
    this.bulk = true;
  }

  /**
   * Ends the bulk read: documents are compared as they change again. Returns the entries still
   * to compare, for the caller to pass to `compare` (in slices, if it likes).
   */
  endBulk(): IndexEntry[] {
    this.bulk = false;
    const rest = this.all().filter((e) => !this.compared.has(e.uri));
    this.compared.clear();
    return rest;
  }

  /**
   * Compares one entry's figures with the corpus, unless a newer analysis replaced it meanwhile.
   * During the bulk read an entry compared here is not compared again at its end.
   */
  compare(entry: IndexEntry): void {
    if (this.entries.get(entry.uri) !== entry) return;
    this.claims.update(entry.analysis, entry.text);
    if (this.bulk) this.compared.add(entry.uri);
  }
  /** Forgets a document; returns the URIs whose contradictions changed. */
  remove(uri: string): string[] {
    this.unreadable.delete(uri);
    const old = this.entries.get(uri);
    if (!old) return [];
    this.tally(old, -1);
    this.entries.delete(uri);
    this.uriByPath.delete(old.path);
    this.readings.delete(old.path);
    return [uri, ...this.claims.remove(old.path).map((p) => this.uriOfPath(p))];
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
