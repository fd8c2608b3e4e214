// One status bar item: the corpus at a glance, and indexing progress while it runs.
import * as vscode from 'vscode';
import type { CorpusStatus } from '../../shared/src/protocol';
import { count, t } from './uiLanguage';

export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sanad.corpus', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = t('Sanad corpus');
    this.item.text = 'Sanad $(sync~spin)';
    this.item.command = 'workbench.actions.view.problems';
    this.item.show();
  }

  update(s: CorpusStatus): void {
    if (s.indexing) {
      this.item.text = `Sanad $(sync~spin) ${s.done}/${s.total}`;
      this.item.tooltip = t('Sanad is reading the articles of this workspace');
      return;
    }
    const conflicts = s.contradictions > 0 ? ` $(warning) ${s.contradictions}` : '';
    this.item.text =
      t(
        'Sanad: {0} · {1} · {2} · {3}',
        count(s.documents, '{0} doc', '{0} docs'),
        count(s.actors, '{0} actor', '{0} actors'),
        count(s.dates, '{0} date', '{0} dates'),
        count(s.figures, '{0} figure', '{0} figures'),
      ) + conflicts;
    const lines = [
      t('{0} articles indexed', s.documents),
      t('{0} distinct actors, {1} dates, {2} figures (outside boilerplate)', s.actors, s.dates, s.figures),
      t('{0} contradiction(s) between sources — click for the Problems view', s.contradictions),
    ];
    if (s.unreadable.length) {
      lines.push('', t('{0} file(s) skipped:', s.unreadable.length), ...s.unreadable.slice(0, 10).map((u) => `• ${u.path}: ${u.reason}`));
    }
    this.item.tooltip = lines.join('\n');
  }

  dispose(): void {
    this.item.dispose();
  }
}
