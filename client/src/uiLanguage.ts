// The extension's UI language. VS Code loads an extension's Arabic bundle only when VS Code itself
// runs in Arabic, and no Arabic language pack for VS Code exists; so Sanad has its own setting
// (sanad.uiLanguage) and loads l10n/bundle.l10n.ar.json with @vscode/l10n when Arabic is chosen.
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { countNoun } from '../../shared/src/plural';

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

/** A bundle entry, or undefined when the bundle has none (l10n.t then gives the key back). */
const lookup = (key: string): string | undefined => {
  const v = l10n.t(key);
  return v === key ? undefined : v;
};

/** N with its noun agreeing in the UI language: count(3, '{0} source', '{0} sources'). */
export function count(n: number, one: string, other: string): string {
  return countNoun(n, one, other, uiLanguage(), lookup);
}
