// The corpus as the server knows it: every article in the workspace folders, read from disk, with
// the open documents' live text taking precedence. Each entry keeps its last analysis; an edit
// re-analyses that document only, and the claims comparison is refreshed from the kept analyses.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import { analyzeText, Lexicon, type DocumentResult, type Contradiction } from './analysis';
import { findContradictions } from './analysis/contradictions';

export interface IndexEntry {
  uri: string;
  /** The path shown to people and used in contradiction messages (relative to its folder). */
  path: string;
  /** The editor's version while open; null for a file read from disk. */
  version: number | null;
  text: string;
  analysis: DocumentResult;
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly folders: string[] = [];
  private contradictionsCache: Contradiction[] | null = null;
  readonly unreadable = new Map<string, string>();
  lexicon = Lexicon.builtin();

  setFolders(uris: string[]): void {
    this.folders.length = 0;
    for (const u of uris) if (u.startsWith('file:')) this.folders.push(fileURLToPath(u));
  }

  displayPath(uri: string): string {
    if (!uri.startsWith('file:')) return uri;
    const fsPath = fileURLToPath(uri);
    for (const f of this.folders) {
      const rel = relative(f, fsPath);
      if (!rel.startsWith('..')) return rel.split('\\').join('/');
    }
    return fsPath;
  }

  uriOfPath(path: string): string {
    for (const e of this.entries.values()) if (e.path === path) return e.uri;
    return pathToFileURL(path).toString();
  }

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(uri);
  }

  all(): IndexEntry[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }

  /** Analyses a document's text and keeps it; returns the new entry. */
  update(uri: string, text: string, version: number | null): IndexEntry {
    const path = this.displayPath(uri);
    const entry: IndexEntry = { uri, path, version, text, analysis: analyzeText(path, text, { lexicon: this.lexicon }) };
    this.entries.set(uri, entry);
    this.unreadable.delete(uri);
    this.contradictionsCache = null;
    return entry;
  }

  remove(uri: string): boolean {
    this.unreadable.delete(uri);
    this.contradictionsCache = null;
    return this.entries.delete(uri);
  }

  markUnreadable(uri: string, reason: string): void {
    this.entries.delete(uri);
    this.unreadable.set(uri, reason);
    this.contradictionsCache = null;
  }

  /**
   * Teaches the lexicon the names introduced by titles anywhere in the corpus. Returns the entries
   * whose analysis is now stale (all of them when anything new was learnt).
   */
  learn(): IndexEntry[] {
    const learnt = this.lexicon.learnFrom(this.all().map((e) => e.analysis));
    return learnt ? this.all() : [];
  }

  contradictions(): Contradiction[] {
    this.contradictionsCache ??= findContradictions(this.all().map((e) => e.analysis));
    return this.contradictionsCache;
  }
}
