// The Agreement view (Compare Annotators…): the figures per type between two label folders and
// the list of their disagreements, each showing its place in the article; and Settle
// Disagreements…, which walks the reviewer through them one quick pick at a time and writes one
// settled label set. The Markdown report stays one click away (the view's title bar).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  compareRequest,
  settlePlanRequest,
  settleRequest,
  type AgreementFigures,
  type CompareResult,
  type PlainRange,
  type SettleChoice,
  type SettleItem,
  type SettleSide,
  type SpanKind,
} from '../../../shared/src/protocol';
import { AGREEMENT_COMMANDS, COMMANDS } from '../../../shared/src/commands';
import { fsi, joinIsolated, ltr } from '../../../shared/src/bidi';
import { count, t, uiLanguage } from '../uiLanguage';

const KIND_NAME: Record<SpanKind, () => string> = {
  person: () => t('Person'),
  organization: () => t('Organisation'),
  place: () => t('Place'),
  date: () => t('Date'),
  quantity: () => t('Figure'),
};

const WHAT_DIFFERS: Record<SettleItem['kind'], () => string> = {
  type: () => t('the type differs'),
  value: () => t('the value differs'),
  boundary: () => t('the span differs'),
  'only-a': () => t('only A labelled it'),
  'only-b': () => t('only B labelled it'),
};

const figure = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));

/** "F1 0.67 · κ 0.52 · P 0.70 · R 0.64 · A 12 · B 11 · both 8", each value read left to right. */
function figuresText(g: AgreementFigures): string {
  return joinIsolated(ltr(`F1 ${figure(g.f1)}`), ltr(`κ ${figure(g.kappa)}`), ltr(`P ${figure(g.precision)}`), ltr(`R ${figure(g.recall)}`), `A ${g.a}`, `B ${g.b}`, t('both {0}', g.both));
}

type Row =
  | { kind: 'figures'; label: string; figures: AgreementFigures }
  | { kind: 'disagreements'; items: NonNullable<CompareResult['disagreements']> }
  | { kind: 'disagreement'; d: NonNullable<CompareResult['disagreements']>[number] };

class AgreementTree implements vscode.TreeDataProvider<Row> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  result: CompareResult | null = null;

  set(result: CompareResult): void {
    this.result = result;
    this.changed.fire();
  }

  getChildren(row?: Row): Row[] {
    const r = this.result;
    if (!r?.agreement) return [];
    if (row?.kind === 'disagreements') return row.items.map((d) => ({ kind: 'disagreement', d }));
    if (row) return [];
    return [
      { kind: 'figures', label: t('All types'), figures: r.agreement.overall },
      ...r.agreement.byType.map((g): Row => ({ kind: 'figures', label: KIND_NAME[g.type](), figures: g })),
      { kind: 'disagreements', items: r.disagreements ?? [] },
    ];
  }

  getTreeItem(row: Row): vscode.TreeItem {
    if (row.kind === 'figures') {
      const item = new vscode.TreeItem(row.label);
      item.description = figuresText(row.figures);
      item.tooltip = t(
        'A {0} labels, B {1}, both (same span and type) {2}; precision, recall and F1 take A as the reference; kappa is over the spans either labelled.',
        row.figures.a,
        row.figures.b,
        row.figures.both,
      );
      item.iconPath = new vscode.ThemeIcon('graph');
      return item;
    }
    if (row.kind === 'disagreements') {
      const item = new vscode.TreeItem(
        count(row.items.length, '{0} disagreement', '{0} disagreements'),
        row.items.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
      );
      item.iconPath = new vscode.ThemeIcon('diff');
      item.contextValue = 'sanad.disagreements';
      return item;
    }
    const d = row.d;
    const item = new vscode.TreeItem(fsi(d.text ?? d.summary));
    item.description = joinIsolated(d.kind ? WHAT_DIFFERS[d.kind as SettleItem['kind']]?.() : undefined, d.path ? ltr(d.path) : undefined);
    item.tooltip = d.summary;
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    item.command = { command: COMMANDS.reveal, title: t('Show'), arguments: [d.uri, d.range] };
    return item;
  }
}

function sideText(who: string, s: SettleSide | null): string {
  if (!s) return t('{0}: no label', who);
  const value = s.value ? ` = ${ltr(s.value)}` : '';
  const what = s.status === 'rejected' ? t('{0} rejected', KIND_NAME[s.type]()) : KIND_NAME[s.type]();
  return `${who}: ${what} “${fsi(s.text)}”${value}`;
}

async function reveal(uri: string | undefined, range: PlainRange | undefined): Promise<void> {
  if (!uri || !range) return;
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: r, preserveFocus: true, preview: true });
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

type Pick = vscode.QuickPickItem & { choice: SettleChoice | 'back' };

/** One disagreement as a quick pick: A's label, B's label, neither (and back). Undefined: stopped. */
async function ask(item: SettleItem, at: number, total: number, names: { a: string; b: string }, previous: SettleChoice | undefined): Promise<Pick['choice'] | undefined> {
  const who = { a: `A · ${fsi(names.a)}`, b: `B · ${fsi(names.b)}` };
  const picks: Pick[] = [
    { label: sideText(who.a, item.a), description: item.a?.note ? fsi(item.a.note) : undefined, choice: 'a' },
    { label: sideText(who.b, item.b), description: item.b?.note ? fsi(item.b.note) : undefined, choice: 'b' },
    { label: t('Neither: no label here'), choice: 'neither' },
  ];
  if (at > 0) picks.push({ label: t('Back to the previous disagreement'), choice: 'back' });
  const qp = vscode.window.createQuickPick<Pick>();
  qp.title = `${t('Settle {0} of {1}', at + 1, total)} · ${WHAT_DIFFERS[item.kind]()} · ${ltr(item.path)}`;
  qp.placeholder = fsi(item.context);
  qp.items = picks;
  qp.ignoreFocusOut = true;
  const chosen = picks.find((p) => p.choice === previous);
  if (chosen) qp.activeItems = [chosen];
  return new Promise((done) => {
    let answered = false;
    qp.onDidAccept(() => {
      answered = true;
      done(qp.selectedItems[0]?.choice ?? qp.activeItems[0]?.choice);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!answered) done(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

export function registerAgreementView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const tree = new AgreementTree();
  const view = vscode.window.createTreeView('sanad.agreement', { treeDataProvider: tree });
  if (uiLanguage() === 'ar') view.title = t('Agreement');
  let folders: { a: string; b: string } | undefined;

  const pickFolders = async (): Promise<{ a: string; b: string } | undefined> => {
    const pickFolder = async (title: string) => (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title, openLabel: t('Choose') }))?.[0];
    const a = await pickFolder(t('The reference annotator’s label folder (A)'));
    const b = a && (await pickFolder(t('The other annotator’s label folder (B)')));
    return a && b ? { a: a.fsPath, b: b.fsPath } : undefined;
  };

  const compare = async (given?: { a: string; b: string }) => {
    const c = client();
    if (!c) return;
    const pair = given ?? (await pickFolders());
    if (!pair) return;
    const result = await c.sendRequest(compareRequest, pair);
    if (!result.ok || !result.agreement) {
      void vscode.window.showErrorMessage(`Sanad: ${result.message}`);
      return;
    }
    folders = pair;
    tree.set(result);
    const g = result.agreement;
    view.message = `${t('{0} (A) and {1} (B)', fsi(g.annotatorA), fsi(g.annotatorB))} — ${count(g.compared, '{0} article compared', '{0} articles compared')}${
      g.onlyInA + g.onlyInB ? ` · ${t('{0} only in A, {1} only in B', g.onlyInA, g.onlyInB)}` : ''
    }`;
    await vscode.commands.executeCommand('setContext', 'sanad.hasAgreement', true);
    await vscode.commands.executeCommand('sanad.agreement.focus');
  };

  const settle = async () => {
    const c = client();
    if (!c) return;
    const pair = folders ?? (await pickFolders());
    if (!pair) return;
    const plan = await c.sendRequest(settlePlanRequest, pair);
    if (!plan.ok || !plan.items || !plan.key) {
      void vscode.window.showErrorMessage(`Sanad: ${plan.message}`);
      return;
    }
    const names = { a: plan.annotatorA ?? 'A', b: plan.annotatorB ?? 'B' };
    const choices: SettleChoice[] = [];
    for (let i = 0; i < plan.items.length;) {
      const item = plan.items[i];
      await reveal(item.uri, item.range);
      const choice = await ask(item, i, plan.items.length, names, choices[i]);
      if (choice === undefined) {
        void vscode.window.showInformationMessage(t('Sanad: settling stopped; nothing was written.'));
        return;
      }
      if (choice === 'back') {
        i--;
        continue;
      }
      choices[i++] = choice;
    }
    for (;;) {
      const annotator = await vscode.window.showInputBox({
        title: t('Name of the settled label set'),
        prompt: t('Written as the annotator of every settled label, in a new folder labels-NAME beside folder A.'),
        value: 'settled',
        validateInput: (v) => (/^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u.test(v.trim()) ? undefined : t('Letters, digits, "-", "_" or "." (no spaces).')),
      });
      if (annotator === undefined) {
        void vscode.window.showInformationMessage(t('Sanad: settling stopped; nothing was written.'));
        return;
      }
      const result = await c.sendRequest(settleRequest, { ...pair, key: plan.key, choices, annotator: annotator.trim() });
      if (result.ok) {
        void vscode.window.showInformationMessage(`Sanad: ${result.message}`);
        return;
      }
      // A name already taken: ask again; anything else ends here.
      const again = t('Choose Another Name');
      if ((await vscode.window.showErrorMessage(`Sanad: ${result.message}`, again)) !== again) return;
    }
  };

  const markdown = async () => {
    if (!tree.result?.report) return;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: tree.result.report });
    await vscode.window.showTextDocument(doc, { preview: true });
  };

  context.subscriptions.push(
    view,
    vscode.commands.registerCommand(COMMANDS.compareAnnotators, (a?: unknown, b?: unknown) => compare(typeof a === 'string' && typeof b === 'string' ? { a, b } : undefined)),
    vscode.commands.registerCommand(AGREEMENT_COMMANDS.settleAnnotators, settle),
    vscode.commands.registerCommand(AGREEMENT_COMMANDS.agreementReport, markdown),
  );
}
