// The Sanad language server: LSP wiring only. The engine (./analysis) reads the text; the
// workspace index keeps what it found; the label service keeps the annotators' decisions; each
// module in ./features answers one kind of request.
// Speaks LSP over --stdio, --node-ipc or --socket (vscode-languageserver picks from argv).
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, FileChangeType, DiagnosticSeverity, type InitializeResult, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { WorkspaceIndex } from './workspaceIndex';
import { DocumentThread } from '../corpus/documentThread';
import { WorkspaceReader } from './workspaceReader';
import { LabelService } from './labelService';
import { listArticles, readArticle, tooLargeToAnalyse } from '../corpus/articleFiles';
import { isWithin } from '../corpus/regularFile';
import { MANIFEST_NAMES } from '../corpus/manifest';
import { basename } from 'node:path';
import { unwatchFile, watchFile } from 'node:fs';
import { inHiddenFolder, isCorpusPath } from '../corpus/glob';
import { loadSettings, gitUserName } from './settings';
import { readWorkspaceLexicon, WORKSPACE_LEXICON } from '../corpus/workspaceLexicon';
import { lexiconFrom, teach, type LexiconRecipe } from '../analysis';
import { semanticTokens } from './features/semanticTokens';
import { hover } from './features/hover';
import { DiagnosticsPublisher } from './features/diagnostics';
import { spansOf, statusOf, summaryOf } from './features/corpusViews';
import { definition, references, documentSymbols, workspaceSymbols } from './features/navigation';
import { actors, entityMentions, timeline, figures } from './features/panels';
import { writeReport } from './features/reporting';
import { figureLenses } from './features/figureLens';
import { labelCodeActions, applyLabelAction, reviewContradiction, reviewOf, explainedOf } from './features/labelling';
import { exportCorpus, importExport, compareFolders, labelRootOf } from './features/exporting';
import { settle, settlePlan } from './features/settling';
import { claimDetails } from './features/claimView';
import { claimRequest } from '../../../shared/src/protocol';
import { figureTimeline } from './features/figureTimeline';
import { offsetAt } from './features/locations';
import { figureTimelineRequest } from '../../../shared/src/protocol';
import { say, setUiLanguage } from './uiText';
import { stories } from './features/stories';
import { publicationCodeActions, publicationInfo, savePublication } from './features/publication';
import { reviewedOf } from '../corpus/reviewedPublication';
import { storiesRequest, publicationRequest, setPublicationRequest } from '../../../shared/src/protocol';
import {
  LANGUAGE_ID,
  TOKEN_TYPES,
  TOKEN_MODIFIERS,
  DEFAULT_INCLUDE,
  DEFAULT_SETTINGS,
  type SanadSettings,
  type InitializationOptions,
  documentSpansNotification,
  corpusStatusNotification,
  corpusSummaryRequest,
  trustNotification,
  actorsRequest,
  entityMentionsRequest,
  timelineRequest,
  figuresRequest,
  reportRequest,
  labelRequest,
  reviewContradictionRequest,
  exportRequest,
  importRequest,
  compareRequest,
  corpusAnalysisRequest,
  settlePlanRequest,
  settleRequest,
} from '../../../shared/src/protocol';

const connection = createConnection(ProposedFeatures.all);
const index = new WorkspaceIndex();
/** Documents this large are analysed on a thread of their own: the server answers meanwhile. */
const OFF_THREAD_CHARS = Number(process.env.SANAD_OFF_THREAD_CHARS) || 100_000;
const documentThread = new DocumentThread((line) => connection.console.warn(`sanad: ${line}`));
let settings: SanadSettings = DEFAULT_SETTINGS;
let folders: string[] = [];
let trusted = true;
let gitName = '';
let canConfigure = false;
let indexing = { active: false, done: 0, total: 0 };

/** Label files whose problems are shown, so that a fixed file's problems are cleared. */
const labelFileProblems = new Set<string>();
const labels = new LabelService({
  rootOf: (uri) => labelRootOf(uri, folders),
  pathOf: (uri) => index.displayPath(uri),
  folder: () => settings.labels.folder,
  annotator: () => settings.labels.annotator || gitName,
  trusted: () => trusted,
  warn: (line) => connection.console.warn(`sanad: ${line}`),
  onProblems: (uri, problems) => {
    // Most articles have no label file: nothing to say, and nothing said before to clear.
    if (problems.length === 0 && !labelFileProblems.delete(uri)) return;
    if (problems.length) labelFileProblems.add(uri);
    void connection.sendDiagnostics({
      uri,
      diagnostics: problems.map<Diagnostic>((p) => ({
        range: { start: { line: p.line, character: p.column }, end: { line: p.endLine ?? p.line, character: p.endColumn ?? p.column + 1 } },
        severity: DiagnosticSeverity.Error,
        source: 'sanad',
        code: 'label-file',
        message: `${p.message} Sanad will not change this label file until it is fixed.`,
      })),
    });
  },
});

// Labels follow the text: every change the editor sends moves them before the document updates.
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update: (doc, changes, version) => {
    labels.edit(doc.uri, doc.getText(), changes);
    return TextDocument.update(doc, changes, version);
  },
});

const diagnostics = new DiagnosticsPublisher(
  connection,
  index,
  () => settings.maxProblems,
  (c) => reviewOf(c, index, labels),
);

connection.onInitialize((params): InitializeResult => {
  canConfigure = !!params.capabilities.workspace?.configuration;
  folders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
  index.setFolders(folders);
  const init = params.initializationOptions as Partial<InitializationOptions> | undefined;
  trusted = init?.trusted !== false;
  setUiLanguage(init?.uiLanguage);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: { label: 'Sanad' },
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      codeLensProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: { tokenTypes: TOKEN_TYPES, tokenModifiers: TOKEN_MODIFIERS }, full: true },
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'sanad', version: '0.1.0' },
  };
});

const roots = () => folders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));

connection.onInitialized(async () => {
  settings = await loadSettings(connection, canConfigure);
  gitName = await gitUserName(roots()[0], trusted);
  await indexWorkspace();
});

connection.onDidChangeConfiguration(async () => {
  const before = JSON.stringify([settings.files.include, settings.labels.folder]);
  settings = await loadSettings(connection, canConfigure);
  if (JSON.stringify([settings.files.include, settings.labels.folder]) !== before) await indexWorkspace();
  else void diagnostics.refreshAll();
});

connection.onNotification(trustNotification, async ({ trusted: now }) => {
  if (now === trusted) return;
  trusted = now;
  gitName = await gitUserName(roots()[0], trusted);
  // Trust brings in the workspace lexicon; losing it takes it out.
  await rebuildLexicon();
});

function corpusGlobs(): string[] {
  return [...DEFAULT_INCLUDE, ...settings.files.include];
}

function isCorpusFile(uri: string): boolean {
  if (!uri.startsWith('file:')) return false;
  const fsPath = fileURLToPath(uri);
  return roots().some((root) => isWithin(fsPath, root) && isCorpusPath(root, fsPath, corpusGlobs()));
}

/**
 * A document in a hidden folder of the workspace (`.sanad/brat/seeds/…`, the tool's own output):
 * never an article, even when the editor opens it as Arabic News (its path still matches
 * `**\/seeds/**\/*.txt`). It is not analysed, gets no labels, spans or problems, and stays out of
 * the panel, so a copy can never take its article's place.
 */
function isHiddenCopy(uri: string): boolean {
  if (!uri.startsWith('file:')) return false;
  const fsPath = fileURLToPath(uri);
  return roots().some((root) => inHiddenFolder(root, fsPath));
}

const yieldToEvents = () => new Promise<void>((done) => setImmediate(done));

/** Runs `work` on each item, giving requests their turn every 20 ms. */
async function inSlices<T>(items: Iterable<T>, work: (item: T) => void): Promise<void> {
  let sliceStart = Date.now();
  for (const item of items) {
    work(item);
    if (Date.now() - sliceStart > 20) {
      await yieldToEvents();
      sliceStart = Date.now();
    }
  }
}

/** The workspace lexicon, as the recipe of every lexicon of the corpus; its problems published. */
let recipe: LexiconRecipe = { workspace: [] };
async function readLexiconFiles(): Promise<void> {
  const read = await readWorkspaceLexicon(roots(), trusted, (text) => documentThread.checkLexicon(text));
  recipe = read.recipe;
  for (const [uri, problems] of read.problems) {
    void connection.sendDiagnostics({
      uri,
      diagnostics: problems.map<Diagnostic>((p) => ({
        range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: p.character + 1 } },
        severity: DiagnosticSeverity.Error,
        source: 'sanad',
        message: p.message,
      })),
    });
  }
}

/**
 * Reads and analyses every corpus file of the workspace through the corpus pipeline (in worker
 * threads when it is large), compares the figures and publishes every file's problems, reporting
 * progress.
 */
async function indexWorkspace(): Promise<void> {
  if (indexing.active) return;
  const progress = await connection.window.createWorkDoneProgress().catch(() => null);
  indexing = { active: true, done: 0, total: 0 };
  let reader: WorkspaceReader | undefined;
  try {
    await readLexiconFiles();
    const files: string[] = [];
    for (const root of roots()) files.push(...(await listArticles(root, corpusGlobs())));
    indexing.total = files.length;
    progress?.begin('Sanad: indexing articles', 0, `0/${files.length}`, false);
    // Each article's labels are looked up as soon as it is read, while the engine works.
    const labelLoads: Array<Promise<unknown>> = [];
    reader = new WorkspaceReader({
      index,
      open: (uri) => {
        const doc = documents.get(uri);
        return doc && { text: doc.getText(), version: doc.version };
      },
      maxBytes: settings.maxFileSizeKB * 1024,
      within: roots(),
      recipe,
      onRead: (uri, text) => labelLoads.push(labels.load(uri, text)),
      taught: async () => {
        progress?.report(100, 'reading labels');
        await Promise.all(labelLoads);
        return labels.taught();
      },
      progress: (what, done, total) => {
        indexing.done = done;
        progress?.report(Math.round((100 * done) / Math.max(1, total)), `${what} ${done}/${total}`);
        sendStatus();
      },
      warn: (message) => connection.console.warn(message),
      info: (message) => connection.console.info(message),
      yieldToEvents,
      largeChars: OFF_THREAD_CHARS,
    });
    await reader.read(files);
    // The large pages, on the document thread, with what the corpus taught; then what they teach
    // reaches the rest as an edit's names do.
    if (reader.deferred.length) {
      for (const d of reader.deferred) await refresh(d.uri, d.text, d.version);
      const stale = index.learn(reader.deferred.map((d) => index.get(d.uri)).filter((e) => e !== undefined));
      await reanalyse(stale);
    }
    // Publication dates and outlets reviewers set in the label files (loaded with the articles).
    await applyReviewed(index.all().map((e) => e.uri));
    for (const doc of documents.all()) sendSpans(doc);
    // Still "indexing" for the status bar until every file's problems are out.
    progress?.report(100, 'publishing problems');
    await diagnostics.refreshAll();
  } finally {
    indexing.active = false;
    progress?.done();
    sendStatus();
  }
  const summary = `Sanad: indexed ${index.size} articles (${[...(reader?.stages ?? []), 'problems published'].join(', ')})`;
  connection.console.info(summary);
  if (process.env.SANAD_TIMINGS) process.stderr.write(summary + '\n');
  // The outlets' repeated lines, in the background: the first edit of an article then costs its own lines.
  void index.learnOutlets(yieldToEvents);
}

/** A new lexicon (workspace lexicon or trust changed): every article is analysed again. */
async function rebuildLexicon(): Promise<void> {
  await readLexiconFiles();
  index.lexicon = lexiconFrom(recipe).lexicon;
  teach(index.lexicon, labels.taught());
  index.learn();
  await reanalyse(index.all());
  for (const doc of documents.all()) sendSpans(doc);
  void diagnostics.refreshAll();
  sendStatus();
}

/** Analyses entries again, in slices that leave room for typing. */
async function reanalyse(stale: Array<{ uri: string }>): Promise<void> {
  const large: Array<Promise<unknown>> = [];
  await inSlices(stale, ({ uri }) => {
    const entry = index.get(uri);
    if (entry) large.push(refresh(entry.uri, entry.text, entry.version));
  });
  await Promise.all(large);
}

/**
 * Analyses a document again and keeps it (WorkspaceIndex.update); returns the URIs whose
 * contradictions changed. A small document is analysed at once, before this returns its promise;
 * a large one on the document thread, while the server answers other requests.
 */
async function refresh(uri: string, text: string, version: number | null): Promise<string[]> {
  if (text.length < OFF_THREAD_CHARS) return index.update(uri, text, version).touched;
  const running = inFlight.get(uri);
  if (running && running.text === text && running.version === version) return running.touched;
  const touched = index.updateWith(uri, text, version, (path, t, options) => documentThread.analyse(path, t, options), yieldToEvents).then((r) => r?.touched ?? []);
  const mine = { text, version, touched };
  inFlight.set(uri, mine);
  void touched.finally(() => {
    if (inFlight.get(uri) === mine) inFlight.delete(uri);
  });
  return touched;
}
/** The large documents being analysed on the document thread. */
const inFlight = new Map<string, { text: string; version: number | null; touched: Promise<string[]> }>();

let relearning = false;
/** After an edit or a label: a newly known name is taught to the whole corpus, in the background. */
async function spreadNames(uri: string | null): Promise<void> {
  if (relearning || indexing.active) return;
  const entry = uri ? index.get(uri) : undefined;
  let stale = entry ? index.learn([entry]) : [];
  if (!uri) {
    if (teach(index.lexicon, labels.taught())) stale = index.all();
  }
  if (stale.length === 0) return;
  relearning = true;
  try {
    await reanalyse(stale);
    for (const doc of documents.all()) sendSpans(doc);
    void diagnostics.refreshAll();
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
    void connection.sendNotification(corpusStatusNotification, statusOf(index, indexing, explainedOf(index, labels)));
  }, 50);
}

function sendSpans(doc: TextDocument): void {
  const entry = index.get(doc.uri);
  if (entry && entry.version === doc.version) void connection.sendNotification(documentSpansNotification, spansOf(entry, labels));
}

// Edits: each open document is re-analysed after a pause in typing, then the files whose
// contradictions changed are refreshed. Nothing here runs per keystroke but the timer reset.
const pending = new Map<string, NodeJS.Timeout>();
function schedule(doc: TextDocument, delay: number): void {
  if (isHiddenCopy(doc.uri)) return;
  clearTimeout(pending.get(doc.uri));
  pending.set(
    doc.uri,
    setTimeout(() => void analyseEdited(doc.uri), delay),
  );
}

/** The debounced analysis of an open document's text. */
async function analyseEdited(uri: string): Promise<void> {
  pending.delete(uri);
  const live = documents.get(uri);
  if (!live || live.languageId !== LANGUAGE_ID || tooLarge(live)) return;
  const text = live.getText();
  const touched = index.sameText(live.uri, text, live.version) ? [] : await refresh(live.uri, text, live.version);
  // After a large page, requests get their turn between the steps that follow.
  if (text.length >= OFF_THREAD_CHARS) await yieldToEvents();
  sendSpans(live);
  if (text.length >= OFF_THREAD_CHARS) await yieldToEvents();
  diagnostics.refreshSoon(live.uri, touched);
  sendStatus();
  void spreadNames(live.uri);
}

// The label files of open articles are also watched here, by their modification time: the
// editor's own file watcher misses changes in folders created after it started (a first label
// saved into a new .sanad/labels/…), and an open article must never be painted from stale labels.
const labelWatches = new Map<string, string>();
function watchLabelFile(uri: string): void {
  const path = labels.labelFileOf(uri);
  if (!path || labelWatches.get(uri) === path) return;
  unwatchLabelFile(uri);
  labelWatches.set(uri, path);
  watchFile(path, { interval: 1000, persistent: false }, (now, before) => {
    if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) void labelFileChanged(uri);
  });
}
function unwatchLabelFile(uri: string): void {
  const path = labelWatches.get(uri);
  if (path) unwatchFile(path);
  labelWatches.delete(uri);
}

/**
 * Takes in the publication corrections of the label files loaded for `uris` (docs/LABELS.md,
 * `publication`): an article whose correction changed is analysed again, so its relative dates
 * and comparisons follow at once. Returns the URIs whose contradictions changed.
 */
async function applyReviewed(uris: string[]): Promise<string[]> {
  const touched: string[] = [];
  for (const uri of uris) {
    if (!index.setReviewed(uri, reviewedOf({ publication: labels.publication(uri) }))) continue;
    const entry = index.get(uri);
    if (entry) touched.push(...(await refresh(entry.uri, entry.text, entry.version)));
  }
  return touched;
}

/** A label file changed on disk (git pull, another window, a hand edit): read it again. */
async function labelFileChanged(article: string): Promise<void> {
  labels.forget(article);
  const entry = index.get(article);
  const open = documents.get(article);
  if (entry || open) await labels.load(article, open?.getText() ?? entry!.text);
  const moved = await applyReviewed([article]);
  if (open) sendSpans(open);
  diagnostics.refreshFiles([article, ...moved]);
  sendStatus();
}

documents.onDidOpen(async (e) => {
  if (isHiddenCopy(e.document.uri)) return;
  schedule(e.document, 0);
  // The article's labels, placed on the text as it is now; then paint again with them.
  await labels.load(e.document.uri, e.document.getText());
  watchLabelFile(e.document.uri);
  const moved = await applyReviewed([e.document.uri]);
  if (moved.length) diagnostics.refreshFiles(moved);
  const live = documents.get(e.document.uri);
  if (live && index.get(live.uri)?.version === live.version) sendSpans(live);
});
documents.onDidChangeContent((e) => schedule(e.document, settings.debounceMs));
documents.onDidSave(async (e) => {
  // Labels moved by the edits are written with the article, so offsets match the file on disk.
  const saved = await labels.save(e.document.uri);
  if (!saved.ok) void connection.window.showWarningMessage(`Sanad: the labels of ${index.displayPath(e.document.uri)} were not saved. ${saved.message}`);
});
documents.onDidClose(async (e) => {
  clearTimeout(pending.get(e.document.uri));
  pending.delete(e.document.uri);
  unwatchLabelFile(e.document.uri);
  // Unsaved edits are gone with the editor; the labels are read again against the file on disk.
  labels.forget(e.document.uri);
  let touched: string[];
  if (isCorpusFile(e.document.uri)) {
    const read = await readArticle(fileURLToPath(e.document.uri), settings.maxFileSizeKB * 1024, { within: roots() });
    touched = read.ok ? await refresh(e.document.uri, read.text, null) : index.markUnreadable(e.document.uri, read.reason);
    const entry = index.get(e.document.uri);
    if (entry) await labels.load(entry.uri, entry.text);
  } else touched = index.remove(e.document.uri);
  diagnostics.refreshFiles([e.document.uri, ...touched]);
  sendStatus();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  const touched: string[] = [];
  let lexiconChanged = false;
  let manifestChanged = false;
  for (const change of changes) {
    const path = change.uri.startsWith('file:') ? fileURLToPath(change.uri) : '';
    if (MANIFEST_NAMES.includes(basename(path)) && roots().some((r) => isWithin(path, r))) {
      // Dates and outlets of many articles may change: the workspace is read again.
      manifestChanged = true;
      continue;
    }
    if (path.endsWith(WORKSPACE_LEXICON.split('/').join(process.platform === 'win32' ? '\\' : '/'))) {
      lexiconChanged = true;
      continue;
    }
    const article = labels.articleOfLabelFile(change.uri);
    if (article) {
      await labelFileChanged(article);
      continue;
    }
    if (documents.get(change.uri) || !isCorpusFile(change.uri)) continue;
    touched.push(change.uri);
    labels.forget(change.uri);
    if (change.type === FileChangeType.Deleted) touched.push(...index.remove(change.uri));
    else {
      const read = await readArticle(fileURLToPath(change.uri), settings.maxFileSizeKB * 1024, { within: roots() });
      touched.push(...(read.ok ? await refresh(change.uri, read.text, null) : index.markUnreadable(change.uri, read.reason)));
      const entry = index.get(change.uri);
      if (entry) await labels.load(entry.uri, entry.text);
    }
  }
  if (manifestChanged) return indexWorkspace();
  if (lexiconChanged) await rebuildLexicon();
  if (touched.length) {
    diagnostics.refreshFiles(touched);
    sendStatus();
  }
});

/** Open documents over sanad.maxFileSizeKB, told once: they are not analysed (one took 1.9 GB). */
const tooLargeTold = new Set<string>();
function tooLarge(doc: TextDocument): boolean {
  const reason = tooLargeToAnalyse(doc.getText(), settings.maxFileSizeKB * 1024);
  if (!reason) return false;
  if (index.unreadable.get(doc.uri) !== reason) diagnostics.refreshFiles([doc.uri, ...index.markUnreadable(doc.uri, reason)]);
  if (!tooLargeTold.has(doc.uri)) {
    tooLargeTold.add(doc.uri);
    void connection.window.showWarningMessage(`Sanad: ${index.displayPath(doc.uri)} is not analysed: ${reason}.`);
  }
  return true;
}

async function analysedDocument(uri: string): Promise<TextDocument | undefined> {
  // A request may arrive before the debounced analysis: analyse now so answers match the text.
  // A large document is analysed on its thread meanwhile; typing may make it newer again, so a
  // few turns at most.
  for (let turn = 0; turn < 3; turn++) {
    const doc = documents.get(uri);
    if (!doc || isHiddenCopy(uri) || tooLarge(doc)) return undefined;
    if (index.get(uri)?.version === doc.version) return doc;
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    const touched = index.sameText(uri, doc.getText(), doc.version) ? [] : await refresh(uri, doc.getText(), doc.version);
    sendSpans(doc);
    diagnostics.refreshSoon(uri, touched);
  }
  const doc = documents.get(uri);
  return doc && index.get(uri)?.version === doc.version ? doc : undefined;
}

connection.onHover(async ({ textDocument, position }) => {
  const doc = await analysedDocument(textDocument.uri);
  return doc ? hover(doc, doc.offsetAt(position), index, labels) : null;
});

connection.languages.semanticTokens.on(async ({ textDocument }) => {
  const doc = await analysedDocument(textDocument.uri);
  const entry = doc && index.get(doc.uri);
  return doc && entry ? semanticTokens(doc, entry.analysis.mentions) : { data: [] };
});

connection.onDefinition(async ({ textDocument, position }) => {
  const doc = await analysedDocument(textDocument.uri);
  return doc ? definition(index, doc.uri, doc.offsetAt(position)) : null;
});

connection.onReferences(async ({ textDocument, position }) => {
  const doc = await analysedDocument(textDocument.uri);
  return doc ? references(index, doc.uri, doc.offsetAt(position)) : null;
});

connection.onDocumentSymbol(async ({ textDocument }) => {
  const doc = await analysedDocument(textDocument.uri);
  const entry = doc && index.get(doc.uri);
  return entry ? documentSymbols(entry) : [];
});

connection.onWorkspaceSymbol(({ query }) => workspaceSymbols(index, query));

connection.onCodeLens(async ({ textDocument }) => {
  const doc = await analysedDocument(textDocument.uri);
  const entry = doc && index.get(doc.uri);
  return entry ? figureLenses(entry, index) : [];
});

connection.onCodeAction(async ({ textDocument, range, context }) => {
  const doc = await analysedDocument(textDocument.uri);
  return doc ? [...labelCodeActions(doc, range, index, labels, context.diagnostics), ...publicationCodeActions(doc, range, index)] : [];
});

connection.onRequest(labelRequest, async (action) => {
  const doc = await analysedDocument(action.uri);
  const entry = index.get(action.uri);
  const text = doc?.getText() ?? entry?.text;
  if (text === undefined) return { ok: false, message: 'Open the article first.' };
  const result = await applyLabelAction(action, text, index, labels);
  if (doc) sendSpans(doc);
  sendStatus();
  if (result.ok && (action.action === 'accept' || action.action === 'label') && ['person', 'organization', 'place'].includes(action.kind)) void spreadNames(null);
  return result;
});

connection.onRequest(reviewContradictionRequest, async (params) => {
  const result = await reviewContradiction(params, index, labels, settings.labels.annotator || gitName);
  if (result.touched) diagnostics.refreshFiles(result.touched);
  sendStatus();
  return { ok: result.ok, message: result.message };
});

connection.onRequest(exportRequest, (params) => exportCorpus(params, index, labels, roots(), settings.labels.folder));
connection.onRequest(importRequest, async ({ source }) => {
  const result = await importExport(source, index, labels);
  for (const doc of documents.all()) sendSpans(doc);
  sendStatus();
  void spreadNames(null);
  return result;
});
connection.onRequest(compareRequest, ({ a, b }) => compareFolders(a, b, index));
connection.onRequest(settlePlanRequest, ({ a, b }) => settlePlan(a, b, index));
connection.onRequest(settleRequest, (params) => (trusted ? settle(params, roots()) : { ok: false, message: say('Sanad writes no labels in Restricted Mode.') }));

connection.onRequest(corpusSummaryRequest, () => summaryOf(index, labels));
connection.onRequest(claimRequest, async ({ uri, position }) => {
  const doc = await analysedDocument(uri);
  return doc ? claimDetails(uri, doc.offsetAt(position), index, labels) : null;
});
connection.onRequest(figureTimelineRequest, async ({ uri, position }) => {
  // From the Figures view the article may not be open: its indexed text answers then.
  const doc = documents.get(uri) && (await analysedDocument(uri));
  const entry = index.get(uri);
  if (doc) return figureTimeline(uri, doc.offsetAt(position), index);
  return entry ? figureTimeline(uri, offsetAt(entry, position), index) : null;
});
connection.onRequest(corpusAnalysisRequest, () => index.corpusAnalysis());
connection.onRequest(actorsRequest, () => actors(index));
connection.onRequest(entityMentionsRequest, ({ entity }) => entityMentions(index, entity));
connection.onRequest(timelineRequest, () => timeline(index));
connection.onRequest(figuresRequest, () => figures(index, settings.figures.showAll));
connection.onRequest(reportRequest, (params) => writeReport(params, index, labels, roots(), settings.labels.folder));

// The server must outlive any bug: a failure in one request or timer is logged, not fatal.
process.on('uncaughtException', (err) => connection.console.error(`sanad: ${err.stack ?? String(err)}`));
process.on('unhandledRejection', (err) => connection.console.error(`sanad: ${err instanceof Error ? err.stack : String(err)}`));

// Stories and publication corrections (issue 13).
connection.onRequest(storiesRequest, () => stories(index, settings.figures.showAll));
connection.onRequest(publicationRequest, ({ uri }) => publicationInfo(uri, index, labels));
connection.onRequest(setPublicationRequest, async (params) => {
  const doc = await analysedDocument(params.uri);
  const text = doc?.getText() ?? index.get(params.uri)?.text;
  if (text === undefined) return { ok: false, message: 'Open the article first.' };
  const saved = await savePublication(params, text, labels);
  if (!saved.ok) return saved;
  diagnostics.refreshFiles([params.uri, ...(await applyReviewed([params.uri]))]);
  if (doc) sendSpans(doc);
  sendStatus();
  return { ok: true, info: publicationInfo(params.uri, index, labels) ?? undefined };
});

documents.listen(connection);
connection.listen();
