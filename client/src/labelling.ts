// The annotation workflow in the editor: accept or reject the suggestion under the cursor, label a
// selection as a type, notes, contradiction reviews, and export, import and comparison of labels.
// Labels are kept by the server (it sees every edit); these commands ask it and report back.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  labelRequest,
  reviewContradictionRequest,
  exportRequest,
  importRequest,
  reportRequest,
  VERDICT_NAMES,
  type VerdictName,
  type LabelAction,
  type LabelActionResult,
  type LabelSnapshot,
  type SpanKind,
  type PaintSpan,
} from '../../shared/src/protocol';
import { t } from './uiLanguage';
import { COMMANDS, type CommandArgs, type SpanArgs } from '../../shared/src/commands';
import { isAbsolute } from 'node:path';

const DEFAULT_BRAT_FOLDER = '.sanad/brat';
const DEFAULT_EXPORT_FOLDER = '.sanad/exports';

type ClientRef = () => LanguageClient | undefined;

const TYPES: Array<{ kind: SpanKind; label: () => string; key: string }> = [
  { kind: 'person', label: () => t('Person'), key: '1' },
  { kind: 'organization', label: () => t('Organisation'), key: '2' },
  { kind: 'place', label: () => t('Place'), key: '3' },
  { kind: 'date', label: () => t('Date'), key: '4' },
  { kind: 'quantity', label: () => t('Figure'), key: '5' },
];

/** One decision, and the span's label before it: what Ctrl+Alt+Z puts back. */
interface Decision {
  uri: string;
  start: number;
  end: number;
  previous: LabelSnapshot | null;
  what: string;
}

/**
 * The decisions of this session, newest last. Offsets are those of the text as it was; once the
 * article is edited they may point elsewhere, so an edit drops that article's entries.
 */
const decisions: Decision[] = [];
const MAX_DECISIONS = 100;

/** The quoted span, short, for the status bar. */
function quote(uri: string, start: number, end: number): string {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  const text = doc ? doc.getText().slice(start, end).replace(/\s+/g, ' ').trim() : '';
  return text.length > 30 ? `“${text.slice(0, 29)}…”` : `“${text}”`;
}

function feedback(action: LabelAction, what: string): string {
  switch (action.action) {
    case 'accept':
      return t('Sanad: accepted {0}', what);
    case 'reject':
      return t('Sanad: rejected {0}', what);
    case 'label':
      return t('Sanad: labelled {0} as {1}', what, TYPES.find((x) => x.kind === action.kind)?.label() ?? action.kind);
    case 'note':
      return t('Sanad: note saved on {0}', what);
    case 'clear':
      return t('Sanad: removed the label on {0}', what);
    case 'restore':
      return t('Sanad: undid the decision on {0}', what);
    case 'verdict':
      return t('Sanad: verdict saved on {0}', what);
  }
}

/** Sends a label action; on success says so in the status bar and remembers it for undo. */
async function send(client: ClientRef, action: LabelAction): Promise<boolean> {
  const c = client();
  if (!c) return false;
  const result: LabelActionResult = await c.sendRequest(labelRequest, action);
  if (!result.ok) {
    void vscode.window.showWarningMessage(`Sanad: ${result.message ?? t('the label was not saved.')}`);
    return false;
  }
  const what = quote(action.uri, action.start, action.end);
  if (action.action !== 'restore' && result.previous !== undefined) {
    decisions.push({ uri: action.uri, start: action.start, end: action.end, previous: result.previous, what });
    if (decisions.length > MAX_DECISIONS) decisions.shift();
  }
  const undo = action.action === 'restore' ? '' : ` — ${t('Ctrl+Alt+Z to undo')}`;
  vscode.window.setStatusBarMessage(`$(check) ${feedback(action, what)}${undo}`, 5000);
  return true;
}

async function undoLast(client: ClientRef): Promise<void> {
  const last = decisions.pop();
  if (!last) {
    vscode.window.setStatusBarMessage(t('Sanad: no label decision to undo'), 4000);
    return;
  }
  await send(client, { action: 'restore', uri: last.uri, start: last.start, end: last.end, previous: last.previous });
}

/**
 * The folder for a brat export: .sanad/brat unless the user names another. Asked as text rather
 * than through a folder dialog, which would start at the workspace folder, the one place a brat
 * export must never go (its .txt copies would replace the articles; the server refuses it too).
 */
async function bratFolder(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const answer = await vscode.window.showInputBox({
    title: t('Export as brat standoff into…'),
    prompt: folder ? t('A folder for the .txt copies and .ann files, relative to the workspace folder (or absolute)') : t('An absolute folder for the .txt copies and .ann files'),
    value: folder ? DEFAULT_BRAT_FOLDER : '',
    validateInput: (v) => (v.trim() ? undefined : t('Name a folder')),
  });
  if (!answer?.trim()) return undefined;
  const value = answer.trim();
  if (isAbsolute(value)) return vscode.Uri.file(value);
  return folder ? vscode.Uri.joinPath(folder, ...value.split(/[\\/]/).filter(Boolean)) : undefined;
}

/** A YAML or JSON Lines file, through the save dialog, starting in .sanad/exports. */
async function exportFile(ext: string, label: string, name = 'sanad-export'): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  let start: vscode.Uri | undefined;
  if (folder) {
    start = vscode.Uri.joinPath(folder, ...DEFAULT_EXPORT_FOLDER.split('/'));
    await Promise.resolve(vscode.workspace.fs.createDirectory(start)).catch(() => (start = folder));
  }
  return vscode.window.showSaveDialog({ defaultUri: start && vscode.Uri.joinPath(start, `${name}.${ext}`), filters: { [label]: [ext] } });
}

/** The reviewing organisation (setting, asked for once) and the fact check's address (remembered per workspace). */
async function claimReviewDetails(context: vscode.ExtensionContext): Promise<{ organization: string; url: string } | undefined> {
  const config = vscode.workspace.getConfiguration('sanad');
  let organization = config.get<string>('claimReview.organization', '').trim();
  if (!organization) {
    organization =
      (
        await vscode.window.showInputBox({
          title: t('ClaimReview'),
          prompt: t('The fact-checking organisation publishing the verdicts (saved as sanad.claimReview.organization)'),
          ignoreFocusOut: true,
        })
      )?.trim() ?? '';
    if (!organization) return undefined;
    await config.update('claimReview.organization', organization, vscode.ConfigurationTarget.Workspace);
  }
  const url = await vscode.window.showInputBox({
    title: t('ClaimReview'),
    prompt: t('The address of the page the fact check is published on'),
    value: context.workspaceState.get<string>('sanad.claimReview.url') ?? 'https://',
    ignoreFocusOut: true,
    validateInput: (v) => (/^https?:\/\/\S+\.\S+$/i.test(v.trim()) ? undefined : t('An http(s) address')),
  });
  if (!url) return undefined;
  await context.workspaceState.update('sanad.claimReview.url', url.trim());
  return { organization, url: url.trim() };
}

export function registerLabelling(context: vscode.ExtensionContext, client: ClientRef, spansAt: (doc: vscode.TextDocument, offset: number) => PaintSpan | undefined): void {
  const atCursor = (): (SpanArgs & { kind: SpanKind }) | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const span = spansAt(editor.document, editor.document.offsetAt(editor.selection.active));
    if (!span) {
      void vscode.window.showInformationMessage(t('Sanad: put the cursor on a highlighted span first.'));
      return undefined;
    }
    return { uri: editor.document.uri.toString(), start: span.start, end: span.end, kind: span.kind };
  };

  const labelSelection = async (args?: SpanArgs, kind?: SpanKind) => {
    const editor = vscode.window.activeTextEditor;
    const target =
      args ??
      (editor && !editor.selection.isEmpty
        ? { uri: editor.document.uri.toString(), start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) }
        : undefined);
    if (!target) {
      void vscode.window.showInformationMessage(t('Sanad: select the words to label first.'));
      return;
    }
    let chosen: SpanKind | undefined = kind;
    if (!chosen) {
      const pick = await vscode.window.showQuickPick(
        TYPES.map((x) => ({ label: x.label(), description: `Ctrl+Alt+${x.key}`, spanKind: x.kind })),
        { title: t('Label selection as…'), placeHolder: t('The type of what is selected') },
      );
      if (!pick) return;
      chosen = pick.spanKind;
    }
    let value: string | undefined;
    if (chosen === 'quantity' || chosen === 'date') {
      value = await vscode.window.showInputBox({
        title: t('Value (optional)'),
        prompt:
          chosen === 'quantity'
            ? t('The figure: 3, 151+ or 20-99; leave empty to keep it unspecified')
            : t('The date: 2024-01-25, 2024-01 or 2024-01-01/2024-01-10; leave empty to keep it unspecified'),
      });
      if (value === undefined) return;
    }
    await send(client, { action: 'label', ...target, kind: chosen, value: value || undefined });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.labelApply, (action: LabelAction) => send(client, action)),
    vscode.commands.registerCommand(COMMANDS.undoDecision, () => undoLast(client)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      const uri = e.document.uri.toString();
      for (let i = decisions.length - 1; i >= 0; i--) if (decisions[i].uri === uri) decisions.splice(i, 1);
    }),
    vscode.commands.registerCommand(COMMANDS.acceptSuggestion, () => {
      const s = atCursor();
      return s && send(client, { action: 'accept', ...s });
    }),
    vscode.commands.registerCommand(COMMANDS.rejectSuggestion, () => {
      const s = atCursor();
      return s && send(client, { action: 'reject', ...s });
    }),
    vscode.commands.registerCommand(COMMANDS.labelSelection, (args?: SpanArgs) => labelSelection(args)),
    ...TYPES.map((x) => vscode.commands.registerCommand(`${COMMANDS.labelAsPrefix}${x.kind}`, () => labelSelection(undefined, x.kind))),
    vscode.commands.registerCommand(COMMANDS.labelNote, async (args?: SpanArgs) => {
      const s = args ?? atCursor();
      if (!s) return;
      const note = await vscode.window.showInputBox({ title: t('Note on this label'), prompt: t('Empty to remove the note') });
      if (note !== undefined) await send(client, { action: 'note', uri: s.uri, start: s.start, end: s.end, note });
    }),
    vscode.commands.registerCommand(COMMANDS.giveVerdict, async () => {
      const c = client();
      const editor = vscode.window.activeTextEditor;
      const s = atCursor();
      if (!c || !editor || !s) return;
      if (s.kind !== 'quantity') {
        void vscode.window.showInformationMessage(t('Sanad: put the cursor on a figure to give it a verdict.'));
        return;
      }
      // A figure in a contradiction: the verdict may be on the figure alone or on the pair.
      const here = editor.selection.active;
      const clash = vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.code === 'contradiction' && d.range.contains(here));
      let onPair = false;
      if (clash) {
        const what = await vscode.window.showQuickPick(
          [
            { label: t('This figure'), pair: false },
            { label: t('The contradiction'), description: clash.message.slice(0, 80), pair: true },
          ],
          { title: t('Give a verdict on…') },
        );
        if (!what) return;
        onPair = what.pair;
      }
      const VERDICT_LABELS: Record<VerdictName, string> = { accurate: t('Accurate'), misleading: t('Misleading'), false: t('False'), unproven: t('Unproven') };
      const verdict = await vscode.window.showQuickPick(
        [...VERDICT_NAMES.map((v) => ({ label: VERDICT_LABELS[v], verdict: v })), ...(onPair ? [] : [{ label: t('Remove the verdict'), verdict: null }])],
        { title: t('Verdict (exported as ClaimReview)') },
      );
      if (!verdict) return;
      const note = verdict.verdict ? await vscode.window.showInputBox({ title: t('Why this verdict?'), prompt: t('A note published with the verdict (empty: keep the current note)') }) : '';
      if (note === undefined) return;
      if (!onPair) {
        await send(client, { action: 'verdict', ...s, verdict: verdict.verdict, note: note || undefined });
        return;
      }
      const result = await c.sendRequest(reviewContradictionRequest, { uri: s.uri, start: s.start, end: s.end, decision: 'confirmed', verdict: verdict.verdict ?? undefined, note: note || undefined });
      if (!result.ok) void vscode.window.showWarningMessage(`Sanad: ${result.message}`);
    }),
    vscode.commands.registerCommand(COMMANDS.contradictionReview, async (...[args]: CommandArgs[typeof COMMANDS.contradictionReview]) => {
      const c = client();
      if (!c) return;
      let note: string | undefined;
      if (args.decision === 'explained') {
        note = await vscode.window.showInputBox({
          title: args.pair ? `${t('Why do these figures not contradict each other?')} ${args.pair}` : t('Why do these figures not contradict each other?'),
          prompt: t('A note for the other reviewers (different period, place, or way of counting)'),
        });
        if (note === undefined) return;
      }
      const result = await c.sendRequest(reviewContradictionRequest, { ...args, note });
      if (!result.ok) void vscode.window.showWarningMessage(`Sanad: ${result.message}`);
      else
        vscode.window.setStatusBarMessage(
          `$(check) ${args.decision === 'explained' ? t('Sanad: marked as explained') : args.decision === 'confirmed' ? t('Sanad: contradiction confirmed') : t('Sanad: review removed')}${args.pair ? ` — ${args.pair}` : ''}`,
          5000,
        );
    }),
    vscode.commands.registerCommand(COMMANDS.showFigureSources, async (...[uri, position, locations]: CommandArgs[typeof COMMANDS.showFigureSources]) => {
      const toPos = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
      await vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        toPos(position),
        locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPos(l.range.start), toPos(l.range.end)))),
      );
    }),
    vscode.commands.registerCommand(COMMANDS.exportAnnotations, async () => {
      const c = client();
      if (!c) return;
      const format = await vscode.window.showQuickPick(
        [
          { label: 'YAML', description: t('one file: documents, labels, claims, contradictions and reviews'), format: 'yaml' as const },
          { label: 'JSON Lines', description: t('one document per line'), format: 'jsonl' as const },
          { label: 'brat standoff', description: t('a folder of .txt and .ann files for other annotation tools'), format: 'brat' as const },
          { label: 'ClaimReview', description: t('schema.org JSON-LD of the verdicts, to publish with a fact check'), format: 'claimreview' as const },
        ],
        { title: t('Export annotations') },
      );
      if (!format) return;
      let claimReview: { organization: string; url: string } | undefined;
      if (format.format === 'claimreview') {
        claimReview = await claimReviewDetails(context);
        if (!claimReview) return;
      }
      const target =
        format.format === 'brat' ? await bratFolder() : format.format === 'claimreview' ? await exportFile('jsonld', 'JSON-LD', 'claimreview') : await exportFile(format.format, format.label);
      if (!target) return;
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Sanad: exporting annotations…') }, () =>
        c.sendRequest(exportRequest, { format: format.format, target: target.fsPath, ...claimReview }),
      );
      if (result.ok) void vscode.window.showInformationMessage(`Sanad: ${result.message}`);
      else void vscode.window.showErrorMessage(`Sanad: ${result.message}`);
    }),
    vscode.commands.registerCommand(COMMANDS.writeReport, async () => {
      const c = client();
      if (!c) return;
      const format = await vscode.window.showQuickPick(
        [
          { label: 'HTML', description: t('one self-contained page with timeline charts, to open in a browser'), format: 'html' as const },
          { label: 'Markdown', description: t('the same report as text, timelines as tables'), format: 'md' as const },
        ],
        { title: t('Write corpus report') },
      );
      if (!format) return;
      const target = await exportFile(format.format, format.label, 'sanad-report');
      if (!target) return;
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Sanad: writing the corpus report…') }, () =>
        c.sendRequest(reportRequest, { format: format.format, target: target.fsPath }),
      );
      if (!result.ok) {
        void vscode.window.showErrorMessage(`Sanad: ${result.message}`);
        return;
      }
      const open = t('Open');
      const pick = await vscode.window.showInformationMessage(`Sanad: ${result.message}`, open);
      if (pick === open) await (format.format === 'html' ? vscode.env.openExternal(target) : vscode.window.showTextDocument(target));
    }),
    vscode.commands.registerCommand(COMMANDS.importAnnotations, async () => {
      const c = client();
      if (!c) return;
      const source = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Sanad export': ['yaml', 'yml'] }, openLabel: t('Import') }))?.[0];
      if (!source) return;
      const result = await c.sendRequest(importRequest, { source: source.fsPath });
      if (result.ok) void vscode.window.showInformationMessage(`Sanad: ${result.message}`);
      else void vscode.window.showErrorMessage(`Sanad: ${result.message}`);
    }),
  );
}
