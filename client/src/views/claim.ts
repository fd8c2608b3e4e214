// The Claim view: every source's figure on the measure of the figure under the cursor, side by
// side (outlet, value, date, verdict), opened from the code lens, Ctrl+Alt+C or the command
// palette. A row shows its figure in the editor and keeps the focus in the view.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { claimRequest, type ClaimDetails, type ClaimRow } from '../../../shared/src/protocol';
import { COMMANDS, type CommandArgs } from '../../../shared/src/commands';
import { fsi, joinIsolated, ltr } from '../../../shared/src/bidi';
import { count, t, uiLanguage } from '../uiLanguage';

const VERDICT_ICON: Record<ClaimRow['verdict'], vscode.ThemeIcon> = {
  this: new vscode.ThemeIcon('circle-filled'),
  agrees: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  contradicts: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
};

function verdictText(r: ClaimRow): string {
  if (r.verdict === 'this') return t('this figure');
  if (r.verdict === 'agrees') return t('agrees');
  const review = r.review === 'explained' ? t('explained') : r.review === 'confirmed' ? t('confirmed') : undefined;
  return review ? `${t('contradicts')} (${review})` : t('contradicts');
}

class ClaimTree implements vscode.TreeDataProvider<ClaimRow> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  details: ClaimDetails | null = null;

  set(details: ClaimDetails | null): void {
    this.details = details;
    this.changed.fire();
  }

  getChildren(row?: ClaimRow): ClaimRow[] {
    return row ? [] : (this.details?.rows ?? []);
  }

  getTreeItem(r: ClaimRow): vscode.TreeItem {
    const item = new vscode.TreeItem(fsi(r.outlet ?? r.path.split('/').pop() ?? r.path));
    // Value, date and verdict each isolated: they sit after an Arabic outlet in a left-to-right row.
    item.description = joinIsolated(r.value, r.date ? ltr(r.date) : t('undated'), verdictText(r));
    item.tooltip = new vscode.MarkdownString([`**${fsi(r.text)}** — ${fsi(r.label)}`, r.path, r.reason ? fsi(r.reason) : ''].filter(Boolean).join('\n\n'));
    item.iconPath = VERDICT_ICON[r.verdict];
    item.command = { command: COMMANDS.reveal, title: t('Show'), arguments: [r.uri, r.range] };
    item.contextValue = 'sanad.figure';
    return item;
  }
}

export function registerClaimView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const tree = new ClaimTree();
  const view = vscode.window.createTreeView('sanad.claim', { treeDataProvider: tree });
  if (uiLanguage() === 'ar') view.title = t('Claim');
  const show = async (...[uri, position]: CommandArgs[typeof COMMANDS.showClaim]) => {
    const c = client();
    const editor = vscode.window.activeTextEditor;
    const target = uri && position ? { uri, position } : editor ? { uri: editor.document.uri.toString(), position: editor.selection.active } : undefined;
    if (!c || !target) return;
    const details = await c.sendRequest(claimRequest, { uri: target.uri, position: { line: target.position.line, character: target.position.character } });
    if (!details) {
      vscode.window.setStatusBarMessage(t('Sanad: no figure other sources report here'), 4000);
      return;
    }
    tree.set(details);
    view.message = `${fsi(details.topic)} — ${count(details.rows.length, '{0} source', '{0} sources')}`;
    await vscode.commands.executeCommand('sanad.claim.focus');
  };
  context.subscriptions.push(view, vscode.commands.registerCommand(COMMANDS.showClaim, show));
}
