// Sanad's client: starts the language server and connects what it finds to the editor. Each piece
// of the window (highlights, status bar, language association, commands) lives in its own module.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID, documentSpansNotification, corpusStatusNotification, trustNotification, type InitializationOptions } from '../../shared/src/protocol';
import { SpanPainter } from './spanPainter';
import { CorpusStatusBar } from './statusBar';
import { registerLanguageAssociation } from './languageAssociation';
import { registerCommands } from './commands';
import { SanadPanel } from './views/panel';
import { initUiLanguage, uiLanguage } from './uiLanguage';
import { RestartingErrorHandler } from './serverHealth';
import { registerLabelling } from './labelling';
import { registerClaimView } from './views/claim';
import { registerReview } from './review';
import { registerFigureTimeline } from './views/figureTimeline';
import { COMMANDS } from '../../shared/src/commands';
import { registerPublication } from './publication';
import { registerAgreementView } from './views/agreement';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  initUiLanguage(context);
  const output = vscode.window.createOutputChannel('Sanad', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: {
      configurationSection: 'sanad',
      // Articles, label files and the workspace lexicon, changed outside the editor.
      // Articles, label files and the lexicon (.yaml), and the scrapers' manifests beside the articles.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{txt,yaml,yml,jsonl,json,csv}'),
    },
    initializationOptions: { trusted: vscode.workspace.isTrusted, uiLanguage: uiLanguage() } satisfies InitializationOptions,
    // The hover of a figure links to its timeline; only that command may run from the server's Markdown.
    markdown: { isTrusted: { enabledCommands: [COMMANDS.showTimeline] } },
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
  };
  client = new LanguageClient('sanad', 'Sanad', serverOptions, clientOptions);

  const painter = new SpanPainter();
  const status = new CorpusStatusBar();
  const panel = new SanadPanel(() => client);
  context.subscriptions.push(painter, status, panel, output);
  // The panel is rebuilt only when something it shows may have changed: the corpus counts, or the
  // review status of an open article's spans. A rebuild for nothing (opening an article sends the
  // same status again) replaces the rows' commands under the keyboard, and an Enter that lands in
  // between finds no command ("Actual command not found").
  let lastStatus = '';
  let reviewChanged = false;
  const reviewKeys = new Map<string, string>();
  context.subscriptions.push(
    client.onNotification(documentSpansNotification, (p) => {
      painter.update(p);
      const key = p.spans.map((x) => `${x.start}:${x.end}:${x.status ?? ''}`).join(',');
      if (reviewKeys.has(p.uri) && reviewKeys.get(p.uri) !== key) reviewChanged = true;
      reviewKeys.set(p.uri, key);
    }),
  );
  context.subscriptions.push(
    client.onNotification(corpusStatusNotification, (s) => {
      status.update(s);
      const key = JSON.stringify(s);
      if (!s.indexing && (key !== lastStatus || reviewChanged)) panel.refresh();
      lastStatus = key;
      reviewChanged = false;
    }),
  );
  registerLanguageAssociation(context);
  registerCommands(context, () => client);
  registerLabelling(
    context,
    () => client,
    (doc, offset) => painter.spanAt(doc, offset),
  );
  registerClaimView(context, () => client);
  registerFigureTimeline(context, () => client);
  registerAgreementView(context, () => client);
  registerReview(
    context,
    () => client,
    (doc) => painter.spansOf(doc),
  );
  // Stories and publication corrections (issue 13).
  registerPublication(
    context,
    () => client,
    () => panel.refresh(),
  );
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(trustNotification, { trusted: true })));

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
