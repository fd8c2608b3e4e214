// "Sanad: Set Publication Date and Outlet…": a reviewer sets or corrects an article's publication
// date and outlet. Two input boxes show the current value and where it came from (the dateline,
// a manifest, the front matter, the URL, or a reviewer), the date is checked as it is typed, and
// the correction is saved in the article's label file, where it wins over every other source.
// The server analyses the article again at once: its relative dates and comparisons follow.
// Reached from the palette (Ctrl+Alt+D in an article), the code action on the article's first
// line, and the inline action of an article's row in the Sources and Stories views.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { publicationRequest, setPublicationRequest, type SetPublicationParams } from '../../shared/src/protocol';
import { COMMANDS, type CommandArgs } from '../../shared/src/commands';
import { fsi, ltr } from '../../shared/src/bidi';
import { t } from './uiLanguage';
import { publishedFromText } from './views/publishedFrom';

/** A calendar day written YYYY-MM-DD (the label file's form; docs/LABELS.md). */
function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] && +m[1] >= 1900 && +m[1] <= 2100;
}

/** The article a command was started on: a URI (code action), a tree row (inline action), or the active editor. */
function targetOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof vscode.Uri) return arg.toString();
  // A row of the Sources or Stories view: its command's first argument is the article's URI.
  const row = (arg as { item?: vscode.TreeItem } | undefined)?.item;
  const first: unknown = row?.command?.arguments?.[0];
  if (typeof first === 'string') return first;
  return vscode.window.activeTextEditor?.document.uri.toString();
}

export function registerPublication(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, refreshPanel: () => void): void {
  const run = async (...[arg]: CommandArgs[typeof COMMANDS.setPublication] | [unknown]) => {
    const c = client();
    const uri = targetOf(arg);
    if (!c?.isRunning() || !uri) {
      void vscode.window.showInformationMessage(t('Sanad: open an article first.'));
      return;
    }
    const info = await c.sendRequest(publicationRequest, { uri });
    if (!info) {
      void vscode.window.showInformationMessage(t('Sanad: this file is not an indexed article.'));
      return;
    }
    const name = info.path.split('/').pop() ?? info.path;
    const date = await vscode.window.showInputBox({
      title: t('Publication date of {0} (1/2)', name),
      prompt: t('Now: {0}. Write YYYY-MM-DD; leave empty to drop a correction.', publishedFromText(info.published, info.publishedFrom)),
      placeHolder: 'YYYY-MM-DD',
      value: info.corrected?.published ?? info.published ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' || isCalendarDay(v.trim()) ? null : t('Write the day as YYYY-MM-DD, such as 2024-01-26.')),
    });
    if (date === undefined) return;
    const outlet = await vscode.window.showInputBox({
      title: t('Outlet of {0} (2/2)', name),
      prompt: info.corrected?.outlet
        ? t('Now: {0}, set by a reviewer. Leave empty to drop the correction.', fsi(info.corrected.outlet))
        : info.outlet
          ? t('Now: {0}, as the article or its metadata names it. Leave empty to keep it.', fsi(info.outlet))
          : t('No outlet is known. Leave empty to keep it unknown.'),
      value: info.corrected?.outlet ?? info.outlet ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => (v.length > 120 ? t('The outlet is one short line of text.') : null),
    });
    if (outlet === undefined) return;
    // Only what the reviewer changed becomes a correction: a value left as the engine read it is
    // not written, and an emptied box takes a correction back.
    const params: SetPublicationParams = { uri };
    const d = date.trim();
    if (d === '') params.published = null;
    else if (d !== (info.corrected?.published ?? info.published)) params.published = d;
    const o = outlet.trim();
    if (o === '') params.outlet = null;
    else if (o !== (info.corrected?.outlet ?? info.outlet)) params.outlet = o;
    const result = await c.sendRequest(setPublicationRequest, params);
    if (!result.ok) {
      void vscode.window.showWarningMessage(t('Sanad: the publication was not saved. {0}', result.message ?? ''));
      return;
    }
    const now = result.info;
    vscode.window.setStatusBarMessage(t('Sanad: {0} — {1}, {2}', name, now?.published ? ltr(now.published) : t('undated'), now?.outlet ? fsi(now.outlet) : t('outlet unknown')), 5000);
    refreshPanel();
  };
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.setPublication, run));
}
