// Registers the Sanad panel: its trees, the filter, and the reveal command the trees' items run.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { actorsRequest, corpusSummaryRequest, type PlainRange } from '../../../shared/src/protocol';
import { fsi } from '../../../shared/src/bidi';
import { COMMANDS } from '../../../shared/src/commands';
import { PanelFilter } from './filter';
import { t, uiLanguage } from '../uiLanguage';
import { ActorsTree, FiguresTree, TimelineTree, SourcesTree, LegendTree } from './trees';
import { StoriesTree } from './stories';

export class SanadPanel implements vscode.Disposable {
  private readonly filter = new PanelFilter();
  private readonly trees: Array<{ refresh(): void }>;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    const actors = new ActorsTree(client, this.filter);
    const figures = new FiguresTree(client, this.filter);
    const timeline = new TimelineTree(client, this.filter);
    const sources = new SourcesTree(client, this.filter);
    const stories = new StoriesTree(client, this.filter);
    this.trees = [actors, figures, timeline, sources, stories];
    const views = [
      vscode.window.createTreeView('sanad.actors', { treeDataProvider: actors, showCollapseAll: true }),
      vscode.window.createTreeView('sanad.figures', { treeDataProvider: figures, showCollapseAll: true }),
      vscode.window.createTreeView('sanad.timeline', { treeDataProvider: timeline }),
      vscode.window.createTreeView('sanad.sources', { treeDataProvider: sources }),
      vscode.window.createTreeView('sanad.stories', { treeDataProvider: stories, showCollapseAll: true }),
    ];
    const legend = vscode.window.createTreeView('sanad.legend', { treeDataProvider: new LegendTree() });
    // View titles come from package.nls.<lang>.json, which VS Code loads only in its own UI
    // language (never Arabic): with sanad.uiLanguage = ar they are set here.
    if (uiLanguage() === 'ar') {
      const names = ['Actors', 'Figures', 'Timeline', 'Sources', 'Stories'];
      views.forEach((v, i) => (v.title = t(names[i])));
      legend.title = t('Legend');
    }
    // Each filtered view says so above its rows, so a narrowed tree is never taken for the corpus.
    // (A message, not the header's description: that would also rename the view for screen readers.)
    const showFilter = () => views.forEach((v) => (v.message = this.filter.text ? t('Filtered by “{0}” (Ctrl+Alt+F to change)', fsi(this.filter.text)) : undefined));
    this.disposables.push(
      this.filter,
      ...views,
      legend,
      this.filter.onDidChange(showFilter),
      this.filter.onDidChange(() => this.refreshNow()),
      // The server reads the setting on its own change notification; ask again a moment later.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sanad.figures.showAll')) this.refresh();
      }),
      // A row shows its span and keeps the focus in the panel, so that the arrow keys and Enter go on
      // walking the tree and never type into the article (Ctrl+1 moves into the editor).
      vscode.commands.registerCommand(COMMANDS.reveal, async (uri: string, range: PlainRange) => {
        const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
        const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: r, preserveFocus: true, preview: true });
        editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }),
      vscode.commands.registerCommand(COMMANDS.openArticle, (uri: string) => vscode.window.showTextDocument(vscode.Uri.parse(uri), { preserveFocus: true, preview: true })),
      vscode.commands.registerCommand(COMMANDS.filter, async (preset?: string) => {
        const text =
          typeof preset === 'string'
            ? preset
            : await vscode.window.showInputBox({
                title: t('Filter the Sanad panel'),
                prompt: t('An actor, a file name or a phrase (empty to clear)'),
                value: this.filter.text,
              });
        if (text !== undefined) await this.filter.set(text, this.filesOf);
      }),
      vscode.commands.registerCommand(COMMANDS.clearFilter, () => this.filter.set('')),
      vscode.commands.registerCommand(COMMANDS.filterByActor, async (node?: { item?: vscode.TreeItem }) => {
        const label = node?.item?.label;
        if (typeof label === 'string') await this.filter.set(label, this.filesOf);
      }),
    );
  }

  /** The articles a filter reaches: by path or outlet, or because they name an actor it matches. */
  private readonly filesOf = async (matches: (...values: Array<string | undefined | null>) => boolean): Promise<string[]> => {
    const c = this.client();
    if (!c?.isRunning()) return [];
    const [docs, actors] = await Promise.all([c.sendRequest(corpusSummaryRequest), c.sendRequest(actorsRequest)]);
    const files = docs.filter((d) => matches(d.path, d.outlet)).map((d) => d.path);
    for (const a of actors) if (matches(a.entity, a.name)) files.push(...a.paths);
    return files;
  };

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
