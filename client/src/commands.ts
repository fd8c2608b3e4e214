// Commands from the palette and the editor's context menu.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../../shared/src/protocol';
import { t } from './uiLanguage';
import { COMMANDS } from '../../shared/src/commands';

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openAsArabicNews, async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage(t('Sanad: open a .txt article first.'));
        return;
      }
      if (doc.languageId === LANGUAGE_ID) return;
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      await client()?.restart();
    }),
  );
}
