// Registers the Sanad panel: its trees, the filter, and the reveal command the trees' items run.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PlainRange } from '../../../shared/src/protocol';
import { PanelFilter } from './filter';
import { t } from '../uiLanguage';
import { ActorsTree, FiguresTree, TimelineTree, SourcesTree, LegendTree } from './trees';

export class SanadPanel implements vscode.Disposable {
  private readonly filter = new PanelFilter();
  private readonly trees: Array<{ refresh(): void }>;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(client: () => LanguageClient | undefined) {
    const actors = new ActorsTree(client, this.filter);
    const figures = new FiguresTree(client, this.filter);
    const timeline = new TimelineTree(client, this.filter);
    const sources = new SourcesTree(client, this.filter);
    this.trees = [actors, figures, timeline, sources];
    this.disposables.push(
      this.filter,
      vscode.window.createTreeView('sanad.actors', { treeDataProvider: actors, showCollapseAll: true }),
      vscode.window.createTreeView('sanad.figures', { treeDataProvider: figures, showCollapseAll: true }),
      vscode.window.createTreeView('sanad.timeline', { treeDataProvider: timeline }),
      vscode.window.createTreeView('sanad.sources', { treeDataProvider: sources }),
      vscode.window.registerTreeDataProvider('sanad.legend', new LegendTree()),
      this.filter.onDidChange(() => this.refreshNow()),
      vscode.commands.registerCommand('sanad.reveal', async (uri: string, range: PlainRange) => {
        const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
        const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: r, preserveFocus: false });
        editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }),
      vscode.commands.registerCommand('sanad.filter', async (preset?: string) => {
        const text = typeof preset === 'string' ? preset : await vscode.window.showInputBox({
          title: t('Filter the Sanad panel'),
          prompt: t('An actor, a file name or a phrase (empty to clear)'),
          value: this.filter.text,
        });
        if (text !== undefined) this.filter.set(text);
      }),
      vscode.commands.registerCommand('sanad.clearFilter', () => this.filter.set('')),
      vscode.commands.registerCommand('sanad.filterByActor', (node?: { item?: vscode.TreeItem }) => {
        const label = node?.item?.label;
        if (typeof label === 'string') this.filter.set(label);
      }),
    );
  }

  /** Called on every corpus change; the trees refresh at most every half second. */
  refresh(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.refreshNow(), 500);
  }

  private refreshNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.trees.forEach((t) => t.refresh());
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}
