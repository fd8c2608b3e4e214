// "Sanad: Show Timeline of This Figure": a webview with the chart of a figure's measure across
// the sources, by date. The language server draws the chart (the corpus report's own SVG, with
// one mark per report); this side only frames it: the theme's colours, the legend with Arabic
// outlet names isolated, and a small script (media/figureTimeline.js) that opens a mark's article
// on click or Enter and saves the chart as SVG or PNG through the editor's save dialog.
// The page runs under a strict content security policy: nothing remote, one nonce'd script, its
// style sheets by the same nonce, no inline style attribute.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { LanguageClient } from 'vscode-languageclient/node';
import { figureTimelineRequest, type FigureTimeline, type PlainRange } from '../../../shared/src/protocol';
import { COMMANDS, type CommandArgs } from '../../../shared/src/commands';
import { count, t, uiLanguage } from '../uiLanguage';

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Text isolated in its own direction, so an Arabic name keeps its word order among Latin text and digits. */
const bidi = (s: string) => (ARABIC.test(s) ? `<bdi dir="rtl" lang="ar">${esc(s)}</bdi>` : `<bdi dir="ltr">${esc(s)}</bdi>`);

type Position = { line: number; character: number };
/** A row of the Figures view, as VS Code hands it to a context-menu command: a figure's row has a command revealing it; a measure's row has the figures as children. */
interface FiguresRow {
  item?: { command?: { arguments?: unknown[] } };
  children?: () => unknown;
}

function isPosition(p: unknown): p is Position {
  return !!p && typeof p === 'object' && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';
}

/** The figure the command is about: its arguments (hover link), a row of the Figures or Claim view, or the cursor. */
async function targetOf(args: unknown[]): Promise<{ uri: string; position: Position } | undefined> {
  const [a, b] = args;
  if (typeof a === 'string' && isPosition(b)) return { uri: a, position: b };
  // A row of the Claim view: a source's figure.
  if (a && typeof a === 'object' && typeof (a as { uri?: unknown }).uri === 'string' && isPosition((a as { range?: PlainRange }).range?.start)) {
    const row = a as { uri: string; range: PlainRange };
    return { uri: row.uri, position: row.range.start };
  }
  if (a && typeof a === 'object' && 'item' in a) {
    let row = a as FiguresRow;
    // A measure's row: the chart of its first figure (every figure of the row shares the measure).
    if (!row.item?.command && row.children) row = ((await row.children()) as FiguresRow[] | undefined)?.[0] ?? row;
    const [uri, range] = row.item?.command?.arguments ?? [];
    if (typeof uri === 'string' && range && isPosition((range as PlainRange).start)) return { uri, position: (range as PlainRange).start };
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri.toString(), position: { line: editor.selection.active.line, character: editor.selection.active.character } } : undefined;
}

/** "2 contradictions", "1 update": what the lines between the marks are, counted. */
function linkCount(kind: FigureTimeline['links'][number]['kind'], n: number): string {
  if (kind === 'update') return count(n, '{0} update', '{0} updates');
  if (kind === 'internal') return count(n, '{0} contradiction within one article', '{0} contradictions within one article');
  return count(n, '{0} contradiction', '{0} contradictions');
}

function pageHtml(webview: vscode.Webview, media: vscode.Uri, pageCss: string, tl: FigureTimeline): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    // The PNG is drawn from the SVG through an image: a data: URL made in the page.
    'img-src data: blob:',
    // Both style sheets are in the page, by nonce: the chart's (from the server) and the page's.
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const lang = uiLanguage();
  const [name, other] = lang === 'ar' ? [tl.measure.ar, tl.measure.en] : [tl.measure.en, tl.measure.ar];
  const outlets = new Set(tl.marks.map((m) => m.outlet ?? m.path)).size;
  const legend = tl.legend.map((s) => `<li>${s.swatch} ${bidi(s.name)}</li>`).join('');
  const lines = tl.links.map((l) => `<li><span class="line ${l.kind}" aria-hidden="true"></span> ${esc(linkCount(l.kind, l.count))}</li>`).join('');
  const rows = tl.marks
    .map(
      (m) =>
        `<tr><td><bdi dir="ltr">${esc(m.date ?? t('undated'))}</bdi></td><td>${bidi(m.outlet ?? m.path)}</td><td><bdi dir="ltr">${esc(m.value)}</bdi></td><td dir="rtl" lang="ar">${esc(m.text)}</td><td><button class="open" data-id="${esc(m.id)}">${esc(t('Open'))}</button></td></tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${pageCss}</style>
<style nonce="${nonce}" id="chart-css">${tl.css}</style>
<title>${esc(name)}</title>
</head>
<body data-focus="${esc(tl.focus)}" data-name="${esc(tl.measure.en)}">
<header>
<h1>${bidi(name)}</h1>
<p class="meta">${bidi(other)} · ${esc(count(tl.marks.length, '{0} report', '{0} reports'))} · ${esc(count(outlets, '{0} source', '{0} sources'))}</p>
<div class="actions"><button id="save-svg">${esc(t('Save as SVG…'))}</button> <button id="save-png">${esc(t('Save as PNG…'))}</button></div>
</header>
<main>
<figure id="chart" dir="ltr">${tl.svg}<figcaption><ul class="legend">${legend}${lines}</ul></figcaption></figure>
<p class="hint">${esc(t('Click a mark, or move to it with Tab and press Enter, to open the article at the figure.'))}</p>
<details><summary>${esc(t('Reports'))}</summary><table><thead><tr><th>${esc(t('Date'))}</th><th>${esc(t('Outlet'))}</th><th>${esc(t('Value'))}</th><th>${esc(t('Quote'))}</th><th></th></tr></thead><tbody>${rows}</tbody></table></details>
</main>
<script nonce="${nonce}" src="${webview.asWebviewUri(vscode.Uri.joinPath(media, 'figureTimeline.js')).toString()}"></script>
</body>
</html>`;
}

/** What the page sends: open a mark's figure, or save the chart. */
type PageMessage = { type: 'open'; id: string } | { type: 'save'; format: 'svg' | 'png'; data: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function fileName(measure: string, ext: string): string {
  const base = measure.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'timeline';
  return `${base.slice(0, 60)}-timeline.${ext}`;
}

async function save(tl: FigureTimeline, format: 'svg' | 'png', data: string): Promise<void> {
  const bytes = format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data, 'base64');
  // Only what the page is expected to send is written: an SVG document, or a PNG by its signature.
  const valid = format === 'svg' ? /^<svg[\s>]/.test(data) : PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  if (!valid) {
    void vscode.window.showErrorMessage(t('Sanad: the chart could not be saved: the picture was not made.'));
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName(tl.measure.en, format)) : undefined,
    filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
    title: format === 'svg' ? t('Save the Chart as SVG') : t('Save the Chart as PNG'),
  });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
    vscode.window.setStatusBarMessage(t('Sanad: saved the chart to {0}', vscode.workspace.asRelativePath(target)), 5000);
  } catch (err) {
    void vscode.window.showErrorMessage(t('Sanad: the chart could not be saved: {0}', err instanceof Error ? err.message : String(err)));
  }
}

export function registerFigureTimeline(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  let panel: vscode.WebviewPanel | undefined;
  let shown: FigureTimeline | undefined;
  /** The editor group the figure was asked from: a mark's article opens there, beside the chart. */
  let articleColumn = vscode.ViewColumn.One;

  const open = async (id: string) => {
    const mark = shown?.marks.find((m) => m.id === id);
    if (!mark) return;
    const r = mark.range;
    const selection = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(mark.uri), { viewColumn: articleColumn, selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  let pageCss: string | undefined;
  const show = async (...args: CommandArgs[typeof COMMANDS.showTimeline] | unknown[]) => {
    const c = client();
    const target = await targetOf(args);
    if (!c || !target) {
      vscode.window.setStatusBarMessage(t('Sanad: put the cursor on a figure to see its timeline'), 4000);
      return;
    }
    const tl = await c.sendRequest(figureTimelineRequest, target);
    if (!tl) {
      vscode.window.setStatusBarMessage(t('Sanad: no timeline for a figure here'), 4000);
      return;
    }
    const from = vscode.window.activeTextEditor;
    if (from?.viewColumn && (!panel || from.viewColumn !== panel.viewColumn)) articleColumn = from.viewColumn;
    const title = t('Timeline: {0}', uiLanguage() === 'ar' ? tl.measure.ar : tl.measure.en);
    if (!panel) {
      panel = vscode.window.createWebviewPanel('sanad.figureTimeline', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, { enableScripts: true, localResourceRoots: [media] });
      panel.iconPath = vscode.Uri.joinPath(media, 'sanad.svg');
      panel.onDidDispose(() => {
        panel = undefined;
        shown = undefined;
      });
      panel.webview.onDidReceiveMessage((m: PageMessage) => {
        if (m?.type === 'open' && typeof m.id === 'string') void open(m.id);
        else if (m?.type === 'save' && (m.format === 'svg' || m.format === 'png') && typeof m.data === 'string' && shown) void save(shown, m.format, m.data);
      });
    } else panel.reveal(undefined, false);
    panel.title = title;
    // The same chart again (the command run twice) keeps the page, and the keyboard's place in it.
    if (shown && JSON.stringify(shown) === JSON.stringify(tl)) return;
    shown = tl;
    pageCss ??= new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(media, 'figureTimeline.css')));
    panel.webview.html = pageHtml(panel.webview, media, pageCss, tl);
  };
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.showTimeline, show), { dispose: () => panel?.dispose() });
}
