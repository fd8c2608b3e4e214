// The panel's filter: one text that narrows every tree to an actor, a file or a phrase. Matching is
// on the folded form, so "السودانی" finds "السوداني".
import * as vscode from 'vscode';
import { searchKey } from '../../../shared/src/searchKey';

export class PanelFilter implements vscode.Disposable {
  private folded = '';
  /** The articles the filter reaches: those whose path or outlet holds it, or that name a matching actor. */
  private files: ReadonlySet<string> | null = null;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  text = '';

  /**
   * Sets the filter. `filesOf` is asked, once, which articles the text reaches, so that a filter
   * on an actor also keeps the sources and figures of the articles that name it.
   */
  async set(text: string, filesOf?: (matches: (...values: Array<string | undefined | null>) => boolean) => Promise<Iterable<string>>): Promise<void> {
    this.text = text.trim();
    this.folded = searchKey(this.text);
    this.files = null;
    if (this.folded && filesOf) {
      const files = new Set(await filesOf((...v) => this.matches(...v)).catch(() => []));
      this.files = files;
    }
    void vscode.commands.executeCommand('setContext', 'sanad.filtered', this.text.length > 0);
    this.changed.fire();
  }

  /** True when no filter is set, or the article at PATH is one the filter reaches. */
  matchesFile(path: string): boolean {
    return !this.folded || (this.files ? this.files.has(path) : this.matches(path));
  }

  /** True when no filter is set or any of the given strings holds it. */
  matches(...values: Array<string | undefined | null>): boolean {
    if (!this.folded) return true;
    return values.some((v) => !!v && searchKey(v).includes(this.folded));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
