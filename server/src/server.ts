// The Sanad language server: LSP wiring only. The engine (./analysis) does the reading of the text;
// the workspace index keeps what it found; each feature module answers one kind of request.
// Speaks LSP over --stdio, --node-ipc or --socket (vscode-languageserver picks from argv).
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, FileChangeType, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import { WorkspaceIndex } from './workspaceIndex';
import { listArticles, readArticle } from './articleFiles';
import { matchesAny } from './glob';
import { semanticTokens } from './features/semanticTokens';
import { hover } from './features/hover';
import { DiagnosticsPublisher } from './features/diagnostics';
import { spansOf, statusOf, summaryOf } from './features/corpusViews';
import { definition, references, documentSymbols, workspaceSymbols } from './features/navigation';
import { actors, entityMentions, timeline, figures } from './features/panels';
import {
  LANGUAGE_ID, TOKEN_TYPES, TOKEN_MODIFIERS, DEFAULT_INCLUDE, DEFAULT_SETTINGS, type SanadSettings,
  documentSpansNotification, corpusStatusNotification, corpusSummaryRequest,
  actorsRequest, entityMentionsRequest, timelineRequest, figuresRequest,
} from './protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const index = new WorkspaceIndex();
let settings: SanadSettings = DEFAULT_SETTINGS;
const diagnostics = new DiagnosticsPublisher(connection, index, () => settings.maxProblems);

let folders: string[] = [];
let canConfigure = false;
let indexing = { active: false, done: 0, total: 0 };

connection.onInitialize((params): InitializeResult => {
  canConfigure = !!params.capabilities.workspace?.configuration;
  folders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
  index.setFolders(folders);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: { label: 'Sanad' },
      workspaceSymbolProvider: true,
      semanticTokensProvider: { legend: { tokenTypes: TOKEN_TYPES, tokenModifiers: TOKEN_MODIFIERS }, full: true },
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'sanad', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  await loadSettings();
  await indexWorkspace();
});

connection.onDidChangeConfiguration(async () => {
  const before = JSON.stringify(settings.files.include);
  await loadSettings();
  if (JSON.stringify(settings.files.include) !== before) await indexWorkspace();
  else diagnostics.refreshAll();
});

async function loadSettings(): Promise<void> {
  if (!canConfigure) return;
  try {
    const s = (await connection.workspace.getConfiguration('sanad')) as Partial<SanadSettings> | null;
    settings = {
      files: { include: Array.isArray(s?.files?.include) ? s!.files!.include.filter((g) => typeof g === 'string') : [] },
      maxFileSizeKB: positive(s?.maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB),
      debounceMs: typeof s?.debounceMs === 'number' && s.debounceMs >= 0 ? s.debounceMs : DEFAULT_SETTINGS.debounceMs,
      maxProblems: positive(s?.maxProblems, DEFAULT_SETTINGS.maxProblems),
    };
  } catch {
    settings = DEFAULT_SETTINGS;
  }
}

function positive(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}

function corpusGlobs(): string[] {
  return [...DEFAULT_INCLUDE, ...settings.files.include];
}

function isCorpusFile(uri: string): boolean {
  if (!uri.startsWith('file:')) return false;
  const fsPath = fileURLToPath(uri);
  return folders.some((f) => {
    const rel = relative(fileURLToPath(f), fsPath);
    return !rel.startsWith('..') && matchesAny(rel, corpusGlobs());
  });
}

const yieldToEvents = () => new Promise<void>((done) => setImmediate(done));

/** Reads and analyses every corpus file of the workspace, in slices, reporting progress. */
async function indexWorkspace(): Promise<void> {
  if (indexing.active) return;
  const progress = await connection.window.createWorkDoneProgress().catch(() => null);
  indexing = { active: true, done: 0, total: 0 };
  try {
    const files: string[] = [];
    for (const f of folders) if (f.startsWith('file:')) files.push(...(await listArticles(fileURLToPath(f), corpusGlobs())));
    indexing.total = files.length;
    progress?.begin('Sanad: indexing articles', 0, `0/${files.length}`, false);
    let lastReport = Date.now();
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      if (!documents.get(uri)) {
        const read = await readArticle(file, settings.maxFileSizeKB * 1024);
        if (read.ok) index.update(uri, read.text, null);
        else {
          index.markUnreadable(uri, read.reason);
          connection.console.warn(`${index.displayPath(uri)}: ${read.reason}`);
        }
      }
      indexing.done++;
      if (Date.now() - lastReport > 100) {
        lastReport = Date.now();
        progress?.report(Math.round((100 * indexing.done) / Math.max(1, files.length)), `${indexing.done}/${files.length}`);
        sendStatus();
        await yieldToEvents();
      }
    }
    // Names learnt from titles in any article are then found in all of them.
    await reanalyse(index.learn());
  } finally {
    indexing.active = false;
    progress?.done();
  }
  for (const doc of documents.all()) sendSpans(doc);
  diagnostics.refreshAll();
  sendStatus();
}

/** Analyses entries again (after the lexicon learnt names), in slices that leave room for typing. */
async function reanalyse(stale: Array<{ uri: string }>): Promise<void> {
  let sliceStart = Date.now();
  for (const { uri } of stale) {
    const entry = index.get(uri);
    if (!entry) continue;
    index.update(entry.uri, entry.text, entry.version);
    if (Date.now() - sliceStart > 50) {
      await yieldToEvents();
      sliceStart = Date.now();
    }
  }
}

let relearning = false;
/** After an edit: a name newly introduced by a title is taught to the corpus, in the background. */
async function learnFrom(uri: string): Promise<void> {
  const entry = index.get(uri);
  if (!entry || relearning || indexing.active) return;
  const stale = index.learn([entry]);
  if (stale.length === 0) return;
  relearning = true;
  try {
    await reanalyse(stale);
    for (const doc of documents.all()) sendSpans(doc);
    diagnostics.refreshAll();
    sendStatus();
  } finally {
    relearning = false;
  }
}

let statusTimer: NodeJS.Timeout | undefined;
function sendStatus(): void {
  if (statusTimer) return;
  statusTimer = setTimeout(() => {
    statusTimer = undefined;
    void connection.sendNotification(corpusStatusNotification, statusOf(index, indexing));
  }, 50);
}

function sendSpans(doc: TextDocument): void {
  const entry = index.get(doc.uri);
  if (entry && entry.version === doc.version) void connection.sendNotification(documentSpansNotification, spansOf(entry));
}

// Edits: each open document is re-analysed after a pause in typing, then the comparison across
// files is refreshed. Nothing here runs per keystroke but the timer reset.
const pending = new Map<string, NodeJS.Timeout>();
function schedule(doc: TextDocument, delay: number): void {
  clearTimeout(pending.get(doc.uri));
  pending.set(
    doc.uri,
    setTimeout(() => {
      pending.delete(doc.uri);
      const live = documents.get(doc.uri);
      if (!live || live.languageId !== LANGUAGE_ID) return;
      const { touched } = index.update(live.uri, live.getText(), live.version);
      sendSpans(live);
      diagnostics.refreshFiles(touched);
      sendStatus();
      void learnFrom(live.uri);
    }, delay),
  );
}

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => schedule(e.document, settings.debounceMs));
documents.onDidClose(async (e) => {
  clearTimeout(pending.get(e.document.uri));
  pending.delete(e.document.uri);
  // A closed corpus file stays in the corpus as it is on disk; any other file leaves it.
  let touched: string[];
  if (isCorpusFile(e.document.uri)) {
    const read = await readArticle(fileURLToPath(e.document.uri), settings.maxFileSizeKB * 1024);
    touched = read.ok ? index.update(e.document.uri, read.text, null).touched : index.markUnreadable(e.document.uri, read.reason);
  } else touched = index.remove(e.document.uri);
  diagnostics.refreshFiles([e.document.uri, ...touched]);
  sendStatus();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  const touched: string[] = [];
  for (const change of changes) {
    if (documents.get(change.uri) || !isCorpusFile(change.uri)) continue;
    touched.push(change.uri);
    if (change.type === FileChangeType.Deleted) touched.push(...index.remove(change.uri));
    else {
      const read = await readArticle(fileURLToPath(change.uri), settings.maxFileSizeKB * 1024);
      touched.push(...(read.ok ? index.update(change.uri, read.text, null).touched : index.markUnreadable(change.uri, read.reason)));
    }
  }
  if (touched.length) {
    diagnostics.refreshFiles(touched);
    sendStatus();
  }
});

function analysedDocument(uri: string): TextDocument | undefined {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const entry = index.get(uri);
  // A request may arrive before the debounced analysis: analyse now so answers match the text.
  if (!entry || entry.version !== doc.version) {
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    const { touched } = index.update(uri, doc.getText(), doc.version);
    sendSpans(doc);
    diagnostics.refreshFiles(touched);
  }
  return doc;
}

connection.onHover(({ textDocument, position }) => {
  const doc = analysedDocument(textDocument.uri);
  return doc ? hover(doc, doc.offsetAt(position), index) : null;
});

connection.languages.semanticTokens.on(({ textDocument }) => {
  const doc = analysedDocument(textDocument.uri);
  const entry = doc && index.get(doc.uri);
  return doc && entry ? semanticTokens(doc, entry.analysis.mentions) : { data: [] };
});

connection.onDefinition(({ textDocument, position }) => {
  const doc = analysedDocument(textDocument.uri);
  return doc ? definition(index, doc.uri, doc.offsetAt(position)) : null;
});

connection.onReferences(({ textDocument, position }) => {
  const doc = analysedDocument(textDocument.uri);
  return doc ? references(index, doc.uri, doc.offsetAt(position)) : null;
});

connection.onDocumentSymbol(({ textDocument }) => {
  const doc = analysedDocument(textDocument.uri);
  const entry = doc && index.get(doc.uri);
  return entry ? documentSymbols(entry) : [];
});

connection.onWorkspaceSymbol(({ query }) => workspaceSymbols(index, query));

connection.onRequest(corpusSummaryRequest, () => summaryOf(index));
connection.onRequest(actorsRequest, () => actors(index));
connection.onRequest(entityMentionsRequest, ({ entity }) => entityMentions(index, entity));
connection.onRequest(timelineRequest, () => timeline(index));
connection.onRequest(figuresRequest, () => figures(index));

// The server must outlive any bug: a failure in one request or timer is logged, not fatal.
process.on('uncaughtException', (err) => connection.console.error(`sanad: ${err.stack ?? String(err)}`));
process.on('unhandledRejection', (err) => connection.console.error(`sanad: ${err instanceof Error ? err.stack : String(err)}`));

documents.listen(connection);
connection.listen();
