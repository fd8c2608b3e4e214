// What happens when the language server dies. The analysis lives in the server only, so nothing a
// user typed or labelled is lost with it; the client restarts it and says so once per session.
// After five crashes in three minutes it stops trying and offers a manual restart.
import * as vscode from 'vscode';
import { COMMANDS } from '../../shared/src/commands';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';
import { t } from './uiLanguage';

const WINDOW_MS = 3 * 60_000;
const MAX_RESTARTS = 5;

export class RestartingErrorHandler implements ErrorHandler {
  private crashes: number[] = [];
  private told = false;

  constructor(private readonly output: vscode.OutputChannel) {}

  error(): { action: ErrorAction; handled: boolean } {
    // A broken message is not a dead server; keep the connection unless it closes.
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): { action: CloseAction; handled: boolean } {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t0) => now - t0 < WINDOW_MS), now];
    this.output.appendLine(`[${new Date(now).toISOString()}] the Sanad language server stopped (${this.crashes.length} time(s) in the last 3 minutes)`);
    if (this.crashes.length > MAX_RESTARTS) {
      const restart = t('Restart');
      void vscode.window.showErrorMessage(t('The Sanad language server keeps stopping, so it was not restarted. See the Sanad output for details.'), restart).then((pick) => {
        if (pick === restart) void vscode.commands.executeCommand(COMMANDS.restartServer);
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage(t('The Sanad language server stopped unexpectedly and was restarted. Your labels and edits are safe.'));
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
