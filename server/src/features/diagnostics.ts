// Cross-file diagnostics: each contradiction is a warning on both spans, each pointing at the
// other. Files that no longer take part are cleared.
import { DiagnosticSeverity, type Diagnostic, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceIndex } from '../workspaceIndex';

export class ContradictionDiagnostics {
  private published = new Set<string>();

  constructor(private readonly connection: Connection, private readonly index: WorkspaceIndex) {}

  refresh(maxProblems: number): void {
    const byUri = new Map<string, Diagnostic[]>();
    const docs = new Map<string, TextDocument>();
    const docOf = (uri: string): TextDocument | undefined => {
      let d = docs.get(uri);
      const entry = this.index.get(uri);
      if (!d && entry) docs.set(uri, (d = TextDocument.create(uri, 'arabic-news', entry.version ?? 0, entry.text)));
      return d;
    };
    for (const c of this.index.contradictions()) {
      const a = this.index.uriOfPath(c.a.path);
      const b = this.index.uriOfPath(c.b.path);
      const da = docOf(a);
      const db = docOf(b);
      if (!da || !db) continue;
      const ra = { start: da.positionAt(c.a.start), end: da.positionAt(c.a.end) };
      const rb = { start: db.positionAt(c.b.start), end: db.positionAt(c.b.end) };
      const push = (uri: string, range: typeof ra, otherUri: string, otherRange: typeof ra, otherPath: string) => {
        const list = byUri.get(uri) ?? [];
        if (list.length >= maxProblems) return;
        list.push({
          range,
          severity: DiagnosticSeverity.Warning,
          source: 'sanad',
          code: 'contradiction',
          message: `${c.topic}: ${c.message}`,
          relatedInformation: [{ location: { uri: otherUri, range: otherRange }, message: `The other figure (${otherPath})` }],
        });
        byUri.set(uri, list);
      };
      push(a, ra, b, rb, c.b.path);
      push(b, rb, a, ra, c.a.path);
    }
    for (const uri of this.published) if (!byUri.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) void this.connection.sendDiagnostics({ uri, diagnostics });
    this.published = new Set(byUri.keys());
  }
}
