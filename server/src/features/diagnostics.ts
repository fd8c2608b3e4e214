// All of Sanad's diagnostics, published per file: contradictions between sources (a warning on both
// spans, each pointing at the other) and hidden characters in the text. One publish per file
// carries both, since a publish replaces what that file had; files that no longer have any are
// cleared.
import { DiagnosticSeverity, type Diagnostic, type Connection } from 'vscode-languageserver/node';
import { findHiddenText, type HiddenRun, type HiddenTier } from '../analysis/hiddenText';
import type { IndexEntry, WorkspaceIndex } from '../workspaceIndex';
import { locationOf, rangeOf } from './locations';

const hiddenCache = new WeakMap<IndexEntry, HiddenRun[]>();

export function hiddenRunsOf(entry: IndexEntry): HiddenRun[] {
  let runs = hiddenCache.get(entry);
  if (!runs) hiddenCache.set(entry, (runs = findHiddenText(entry.text)));
  return runs;
}

const HIDDEN_SEVERITY: Record<HiddenTier, DiagnosticSeverity> = {
  suspicious: DiagnosticSeverity.Warning,
  joiner: DiagnosticSeverity.Information,
  mark: DiagnosticSeverity.Hint,
};

export function hiddenTextMessage(run: HiddenRun): string {
  const what = run.tier === 'suspicious' ? 'Invisible characters that can change how this text reads' : run.tier === 'joiner' ? 'Zero-width joiners' : 'Direction marks';
  return `${what}: ${run.names.join(', ')}`;
}

export class DiagnosticsPublisher {
  /** What each file was last sent, so that an edit re-sends only the files whose problems changed. */
  private published = new Map<string, string>();

  constructor(private readonly connection: Connection, private readonly index: WorkspaceIndex) {}

  refresh(maxProblems: number): void {
    const byUri = new Map<string, Diagnostic[]>();
    const add = (uri: string, d: Diagnostic) => {
      const list = byUri.get(uri) ?? [];
      if (list.length < maxProblems) list.push(d);
      byUri.set(uri, list);
    };
    for (const c of this.index.contradictions()) {
      const a = this.index.get(this.index.uriOfPath(c.a.path));
      const b = this.index.get(this.index.uriOfPath(c.b.path));
      if (!a || !b) continue;
      const la = locationOf(a, c.a.start, c.a.end);
      const lb = locationOf(b, c.b.start, c.b.end);
      const diagnostic = (here: typeof la, there: typeof la, otherPath: string): Diagnostic => ({
        range: here.range,
        severity: DiagnosticSeverity.Warning,
        source: 'sanad',
        code: 'contradiction',
        message: `${c.topic}: ${c.message}`,
        relatedInformation: [{ location: there, message: `The other figure (${otherPath})` }],
      });
      add(a.uri, diagnostic(la, lb, b.path));
      add(b.uri, diagnostic(lb, la, a.path));
    }
    for (const entry of this.index.all()) {
      for (const run of hiddenRunsOf(entry)) {
        add(entry.uri, { range: rangeOf(entry, run.start, run.end), severity: HIDDEN_SEVERITY[run.tier], source: 'sanad', code: 'hidden-text', message: hiddenTextMessage(run) });
      }
    }
    for (const uri of this.published.keys()) if (!byUri.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    const next = new Map<string, string>();
    for (const [uri, diagnostics] of byUri) {
      const key = JSON.stringify(diagnostics);
      next.set(uri, key);
      if (this.published.get(uri) !== key) void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    this.published = next;
  }
}
