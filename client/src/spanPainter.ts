// Paints the server's spans behind the text. VS Code draws every coloured part of a right-to-left
// line as an isolated run and lays the runs out left to right, so colouring a word scrambles an
// Arabic sentence; backgrounds and borders are drawn in an overlay layer and leave the line whole
// (docs/ARCHITECTURE.md, "Arabic comes first"). Only those properties are used here.
import * as vscode from 'vscode';
import type { DocumentSpansParams, LabelStatusName, PaintSpan, SpanKind } from '../../shared/src/protocol';
import { MENTION_KINDS } from '../../shared/src/protocol';

// How a decision shows: a suggestion has a thin border; an accepted label a thick one (three times
// as wide, so that it reads as decided at a glance); a label added by hand a double one; a
// rejected suggestion only a dashed outline, with no fill.
const STATUS_STYLE: Record<LabelStatusName, { border: string; fill: boolean }> = {
  suggested: { border: '1px solid', fill: true },
  accepted: { border: '3px solid', fill: true },
  manual: { border: '3px double', fill: true },
  rejected: { border: '1px dashed', fill: false },
};
const STATUSES = Object.keys(STATUS_STYLE) as LabelStatusName[];

function kindDecoration(kind: SpanKind, status: LabelStatusName): vscode.TextEditorDecorationType {
  const style = STATUS_STYLE[status];
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: style.fill ? new vscode.ThemeColor(`sanad.${kind}Background`) : undefined,
    border: style.border,
    borderColor: new vscode.ThemeColor(`sanad.${kind}Border`),
    borderRadius: '3px',
    overviewRulerColor: status === 'rejected' ? undefined : new vscode.ThemeColor(`sanad.${kind}Border`),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

const typeKey = (kind: SpanKind, status: LabelStatusName) => `${kind}/${status}`;

export class SpanPainter implements vscode.Disposable {
  private readonly kinds = new Map<string, vscode.TextEditorDecorationType>(MENTION_KINDS.flatMap((k) => STATUSES.map((st) => [typeKey(k, st), kindDecoration(k, st)] as const)));
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
    const byKind = new Map<string, vscode.Range[]>();
    const length = doc.getText().length;
    for (const s of params.spans) {
      if (s.end > length) continue;
      const key = typeKey(s.kind, s.status ?? 'suggested');
      byKind.set(key, [...(byKind.get(key) ?? []), new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end))]);
    }
    for (const [key, type] of this.kinds) editor.setDecorations(type, byKind.get(key) ?? []);
    editor.setDecorations(
      this.boilerplate,
      params.boilerplate.map((r) => new vscode.Range(doc.positionAt(r.start), doc.positionAt(Math.max(r.start, r.end - 1)))),
    );
  }

  /** Every span the server sent for a document (with its review status), in text order. */
  spansOf(doc: vscode.TextDocument): readonly PaintSpan[] {
    return [...(this.latest.get(doc.uri.toString())?.spans ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** The innermost painted span at an offset of a document, for commands that act on the cursor. */
  spanAt(doc: vscode.TextDocument, offset: number): PaintSpan | undefined {
    const params = this.latest.get(doc.uri.toString());
    let best: PaintSpan | undefined;
    for (const s of params?.spans ?? []) if (s.start <= offset && offset <= s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
    return best;
  }

  dispose(): void {
    for (const t of this.kinds.values()) t.dispose();
    this.boilerplate.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
