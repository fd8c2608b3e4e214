// The extension's UI language. VS Code loads an extension's Arabic bundle only when VS Code itself
// runs in Arabic, and no Arabic language pack for VS Code exists; so Sanad has its own setting
// (sanad.uiLanguage) and loads l10n/bundle.l10n.ar.json with @vscode/l10n when Arabic is chosen.
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';

export function uiLanguage(): 'en' | 'ar' {
  const setting = vscode.workspace.getConfiguration('sanad').get<string>('uiLanguage', 'auto');
  if (setting === 'ar' || setting === 'en') return setting;
  return vscode.env.language.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function initUiLanguage(context: vscode.ExtensionContext): void {
  if (uiLanguage() === 'ar') l10n.config({ fsPath: context.asAbsolutePath('l10n/bundle.l10n.ar.json') });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('sanad.uiLanguage')) return;
      const reload = l10n.t('Reload Window');
      const pick = await vscode.window.showInformationMessage(l10n.t('Sanad will use the new UI language after the window reloads.'), reload);
      if (pick === reload) await vscode.commands.executeCommand('workbench.action.reloadWindow');
    }),
  );
}

export const t = l10n.t;
