// Paints the server's spans behind the text. VS Code draws every coloured part of a right-to-left
// line as an isolated run and lays the runs out left to right, so colouring a word scrambles an
// Arabic sentence; backgrounds and borders are drawn in an overlay layer and leave the line whole
// (docs/ARCHITECTURE.md, "Arabic comes first"). Only those properties are used here.
import * as vscode from 'vscode';
import type { DocumentSpansParams, SpanKind } from '../../server/src/protocol';
import { MENTION_KINDS } from '../../server/src/protocol';

function kindDecoration(kind: SpanKind): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(`sanad.${kind}Background`),
    border: '1px solid',
    borderColor: new vscode.ThemeColor(`sanad.${kind}Border`),
    borderRadius: '3px',
    overviewRulerColor: new vscode.ThemeColor(`sanad.${kind}Border`),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

export class SpanPainter implements vscode.Disposable {
  private readonly kinds = new Map<SpanKind, vscode.TextEditorDecorationType>(MENTION_KINDS.map((k) => [k, kindDecoration(k)]));
  /** Boilerplate lines are dimmed as whole lines, which keeps them one run. */
  private readonly boilerplate = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('sanad.boilerplateBackground'),
  });
  private readonly latest = new Map<string, DocumentSpansParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.paint(e))),
      vscode.workspace.onDidCloseTextDocument((d) => this.latest.delete(d.uri.toString())),
    );
  }

  update(params: DocumentSpansParams): void {
    this.latest.set(params.uri, params);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === params.uri) this.paint(editor);
  }

  private paint(editor: vscode.TextEditor): void {
    const params = this.latest.get(editor.document.uri.toString());
    // Spans are offsets into one version; painting them on another would misplace them. Until the
    // server catches up, VS Code keeps the previous decorations moving with the edits.
    if (!params || (editor.document.uri.scheme === 'file' && params.version !== editor.document.version && params.version !== 0)) return;
    const doc = editor.document;
    const byKind = new Map<SpanKind, vscode.Range[]>(MENTION_KINDS.map((k) => [k, []]));
    for (const s of params.spans) {
      if (s.end > doc.getText().length) continue;
      byKind.get(s.kind)?.push(new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
    }
    for (const [kind, type] of this.kinds) editor.setDecorations(type, byKind.get(kind) ?? []);
    editor.setDecorations(
      this.boilerplate,
      params.boilerplate.map((r) => new vscode.Range(doc.positionAt(r.start), doc.positionAt(Math.max(r.start, r.end - 1)))),
    );
  }

  dispose(): void {
    for (const t of this.kinds.values()) t.dispose();
    this.boilerplate.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
