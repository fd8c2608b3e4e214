// The panel's filter: one text that narrows every tree to an actor, a file or a phrase. Matching is
// on the folded form, so "السودانی" finds "السوداني".
import * as vscode from 'vscode';
import { searchKey } from '../../../shared/src/searchKey';

export class PanelFilter implements vscode.Disposable {
  private folded = '';
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  text = '';

  set(text: string): void {
    this.text = text.trim();
    this.folded = searchKey(this.text);
    void vscode.commands.executeCommand('setContext', 'sanad.filtered', this.text.length > 0);
    this.changed.fire();
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
