// One status bar item: the corpus at a glance, and indexing progress while it runs.
import * as vscode from 'vscode';
import type { CorpusStatus } from '../../server/src/protocol';

export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sanad.corpus', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Sanad corpus';
    this.item.text = 'Sanad $(sync~spin)';
    this.item.command = 'workbench.actions.view.problems';
    this.item.show();
  }

  update(s: CorpusStatus): void {
    if (s.indexing) {
      this.item.text = `Sanad $(sync~spin) ${s.done}/${s.total}`;
      this.item.tooltip = 'Sanad is reading the articles of this workspace';
      return;
    }
    const conflicts = s.contradictions > 0 ? ` $(warning) ${s.contradictions}` : '';
    this.item.text = `Sanad: ${s.documents} docs · ${s.actors} actors · ${s.dates} dates · ${s.figures} figures${conflicts}`;
    const lines = [
      `${s.documents} articles indexed`,
      `${s.actors} distinct actors, ${s.dates} dates, ${s.figures} figures (outside boilerplate)`,
      `${s.contradictions} contradiction(s) between sources — click for the Problems view`,
    ];
    if (s.unreadable.length) {
      lines.push('', `${s.unreadable.length} file(s) skipped:`, ...s.unreadable.slice(0, 10).map((u) => `• ${u.path}: ${u.reason}`));
    }
    this.item.tooltip = lines.join('\n');
  }

  dispose(): void {
    this.item.dispose();
  }
}
