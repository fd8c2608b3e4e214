// Review navigation: "next unreviewed" walks the suggestions no one has decided yet, in this
// article and then the next article that has some, and says how far the review has come ("12 of
// 40 reviewed in this article · 96 of 520 in the corpus"); "accept all of one type" decides every
// suggestion of the chosen type inside the selection at once.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { corpusSummaryRequest, type PaintSpan, type SpanKind } from '../../shared/src/protocol';
import { COMMANDS } from '../../shared/src/commands';
import { count, t } from './uiLanguage';

type Spans = (doc: vscode.TextDocument) => readonly PaintSpan[];

const KIND_NAME: Record<SpanKind, () => string> = {
  person: () => t('Person'),
  organization: () => t('Organisation'),
  place: () => t('Place'),
  date: () => t('Date'),
  quantity: () => t('Figure'),
};

const open = (s: PaintSpan) => (s.status ?? 'suggested') === 'suggested' && !s.boilerplate;

/** "Reviewed n of N in this article · m of M in the corpus". */
async function progress(client: LanguageClient, uri: string): Promise<string> {
  const docs = await client.sendRequest(corpusSummaryRequest);
  const here = docs.find((d) => d.uri === uri);
  const total = docs.reduce((n, d) => n + d.reviewable, 0);
  const left = docs.reduce((n, d) => n + d.unreviewed, 0);
  const article = here ? t('{0} of {1} reviewed in this article', here.reviewable - here.unreviewed, here.reviewable) : '';
  return [article, t('{0} of {1} in the corpus', total - left, total)].filter(Boolean).join(' · ');
}

export function registerReview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, spansOf: Spans): void {
  const next = async () => {
    const c = client();
    const editor = vscode.window.activeTextEditor;
    if (!c || !editor) return;
    const doc = editor.document;
    const from = doc.offsetAt(editor.selection.active);
    const here = spansOf(doc).filter(open);
    let target = here.find((s) => s.start > from) ?? undefined;
    let targetDoc = doc;
    if (!target) {
      // This article is done from the cursor on: the next article (in path order) with suggestions left.
      const docs = await c.sendRequest(corpusSummaryRequest);
      const i = docs.findIndex((d) => d.uri === doc.uri.toString());
      const after = [...docs.slice(i + 1), ...docs.slice(0, Math.max(i, 0))].find((d) => d.unreviewed > 0);
      if (!after && here.length) target = here[0];
      else if (after) {
        targetDoc = await vscode.workspace.openTextDocument(vscode.Uri.parse(after.uri));
        await vscode.window.showTextDocument(targetDoc, { preview: false });
        // The server sends its spans once the article is open; wait for them briefly.
        for (let i = 0; i < 40 && !spansOf(targetDoc).some(open); i++) await new Promise((r) => setTimeout(r, 100));
        target = spansOf(targetDoc).find(open);
      }
    }
    if (!target) {
      vscode.window.setStatusBarMessage(`$(check) ${t('Sanad: nothing left to review')} — ${await progress(c, doc.uri.toString())}`, 6000);
      return;
    }
    const shown = await vscode.window.showTextDocument(targetDoc, { preview: false });
    const range = new vscode.Range(targetDoc.positionAt(target.start), targetDoc.positionAt(target.end));
    shown.selection = new vscode.Selection(range.start, range.start);
    shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    vscode.window.setStatusBarMessage(`${t('Sanad: next unreviewed')} — ${await progress(c, targetDoc.uri.toString())}`, 6000);
  };

  const acceptAll = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage(t('Sanad: select the passage first.'));
      return;
    }
    const doc = editor.document;
    const from = doc.offsetAt(editor.selection.start);
    const to = doc.offsetAt(editor.selection.end);
    const inside = spansOf(doc).filter((s) => open(s) && s.start >= from && s.end <= to);
    const kinds = [...new Set(inside.map((s) => s.kind))];
    if (!kinds.length) {
      vscode.window.setStatusBarMessage(t('Sanad: no suggestion to accept in the selection'), 4000);
      return;
    }
    const pick = await vscode.window.showQuickPick(
      kinds.map((k) => ({ label: KIND_NAME[k](), description: count(inside.filter((s) => s.kind === k).length, '{0} suggestion', '{0} suggestions'), spanKind: k })),
      { title: t('Accept all suggestions of one type in the selection') },
    );
    if (!pick) return;
    let done = 0;
    for (const s of inside.filter((x) => x.kind === pick.spanKind)) {
      const ok = await vscode.commands.executeCommand<boolean>(COMMANDS.labelApply, { action: 'accept', uri: doc.uri.toString(), start: s.start, end: s.end, kind: s.kind });
      if (ok) done++;
    }
    vscode.window.setStatusBarMessage(`$(check) ${t('Sanad: accepted {0} ({1})', count(done, '{0} suggestion', '{0} suggestions'), pick.label)}`, 6000);
  };

  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.nextUnreviewed, next), vscode.commands.registerCommand(COMMANDS.acceptAllInSelection, acceptAll));
}
