// Issue 13 over LSP and on the command line: a reviewer sets an article's publication date and
// outlet from the editor (sanad/setPublication), the correction is saved in its label file and
// wins over the dateline, the article's relative dates and the comparisons follow at once, and
// `sanad analyze` reads the same label file to the same result. The Stories view's request lists
// the seeds' story with a readable name, its articles, figures and conflicts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync, rmSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification, HoverRequest, CodeActionRequest, type Hover, type CodeAction } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from './lspClient';
import { corpusAnalysisRequest, publicationRequest, setPublicationRequest, storiesRequest, corpusSummaryRequest, type StorySummary } from '../../shared/src/protocol';
import { COMMANDS } from '../../shared/src/commands';
import type { CorpusAnalysis, DocumentAnalysis } from '../../server/src/analysis';

const UNDATED = 'seeds/004_c60929020f56a472.txt';
const DATED = 'seeds/000_69a4e039fec93b87.txt';
let workspace: string;
let session: LspSession;
let uri: string;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'sanad-publication-ws-'));
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  uri = pathToFileURL(join(workspace, UNDATED)).toString();
  ({ session } = await LspSession.start(workspace, { labels: { annotator: 'tester' } }));
  await session.until('the corpus index', () => session.status && !session.status.indexing && session.status.documents === 5 && session.status, 30_000);
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

async function analysis(): Promise<CorpusAnalysis> {
  return (await session.connection.sendRequest(corpusAnalysisRequest)) as unknown as CorpusAnalysis;
}

const docOf = (a: CorpusAnalysis, path: string) => a.documents.find((d) => d.path === path) as DocumentAnalysis;
const thursdays = (d: DocumentAnalysis) => d.mentions.filter((m) => m.kind === 'date' && m.text === 'الخميس').map((m) => m.value ?? null);
const pairsWith = (a: CorpusAnalysis, path: string, other: string) => a.contradictions.filter((c) => [c.a.path, c.b.path].includes(path) && [c.a.path, c.b.path].includes(other));

test("the Stories view lists the seeds' story, named by its kind of event, place and day, with its articles, figures and conflicts", async () => {
  const stories: StorySummary[] = await session.connection.sendRequest(storiesRequest);
  const seeds = stories.find((s) => s.articles.length === 5);
  assert.ok(seeds, JSON.stringify(stories.map((s) => [s.title.en, s.articles.length])));
  assert.equal(seeds.id, docOf(await analysis(), DATED).story);
  // Readable, never the id: attacks, where, and the first day an article was published.
  assert.match(seeds.title.en, /attacks/);
  assert.match(seeds.title.en, /2024-01-26/);
  assert.match(seeds.title.ar, /هجمات/);
  assert.doesNotMatch(seeds.title.en, /\bs[0-9a-f]{8}\b/);
  assert.deepEqual(
    seeds.articles.map((a) => a.path.slice(0, 'seeds/000'.length)),
    ['seeds/000', 'seeds/001', 'seeds/002', 'seeds/003', 'seeds/004'],
  );
  assert.ok(seeds.articles.every((a) => a.headline.length > 0 && a.uri.startsWith('file:')));
  assert.ok(seeds.measures.some((m) => m.conflicts > 0 && m.claims.length >= 2));
  assert.ok(seeds.conflicts.length >= 2 && seeds.conflicts.every((c) => c.kind === 'contradiction' && c.a.uri && c.b.uri));
});

test("setting an undated article's date resolves its relative dates, changes its comparisons and shows where the date came from", async () => {
  const before = await analysis();
  const doc = docOf(before, UNDATED);
  assert.equal(doc.published, null);
  assert.deepEqual(thursdays(doc), [null, null], 'without a date "الخميس" cannot be placed');
  assert.equal(pairsWith(before, UNDATED, DATED).length, 1, 'seed 000 (26 Jan) contradicts the undated 004');

  // Code action on the article's first line opens the command.
  const text = readFileSync(join(workspace, UNDATED), 'utf8');
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
  const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [] },
  })) as CodeAction[];
  const action = actions.find((a) => a.command?.command === COMMANDS.setPublication);
  assert.ok(action, actions.map((a) => a.title).join('; '));
  assert.deepEqual(action.command?.arguments, [uri]);

  // A date that is not a calendar day is refused, and nothing is written.
  const bad = await session.connection.sendRequest(setPublicationRequest, { uri, published: '2024-02-30' });
  assert.equal(bad.ok, false);
  assert.match(bad.message ?? '', /YYYY-MM-DD/);
  const labelFile = join(workspace, '.sanad', 'labels', `${UNDATED}.yaml`);
  assert.equal(existsSync(labelFile), false);

  const set = await session.connection.sendRequest(setPublicationRequest, { uri, published: '2024-02-20', outlet: 'إيلاف' });
  assert.equal(set.ok, true, set.message);
  assert.deepEqual(set.info?.corrected, { published: '2024-02-20', outlet: 'إيلاف' });
  assert.equal(set.info?.publishedFrom, 'labels');
  const saved = readFileSync(labelFile, 'utf8');
  assert.match(saved, /publication:\n {2}published: ["']?2024-02-20["']?\n {2}outlet: إيلاف\n {2}annotator: tester/);

  // At once: no save of the article, no re-index.
  const after = await analysis();
  const now = docOf(after, UNDATED);
  assert.equal(now.published, '2024-02-20');
  assert.equal(now.publishedFrom, 'labels');
  assert.deepEqual(thursdays(now), ['2024-02-15', '2024-02-15'], 'Thursday counted back from the date set');
  assert.equal(pairsWith(after, UNDATED, DATED).length, 0, '"dozens" on 26 Jan against "more than 150" on 20 Feb is no longer a contradiction');
  const info = await session.connection.sendRequest(publicationRequest, { uri });
  assert.equal(info?.published, '2024-02-20');
  const summary = await session.connection.sendRequest(corpusSummaryRequest);
  assert.equal(summary.find((d) => d.path === UNDATED)?.publishedFrom, 'labels');

  // The figure's hover names its story.
  const figure = now.mentions.find((m) => m.kind === 'quantity' && m.text === 'أكثر من 150 ضربة')!;
  const line = text.slice(0, figure.start).split('\n').length - 1;
  const character = figure.start - (text.lastIndexOf('\n', figure.start - 1) + 1);
  const hover = (await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: character + 2 } })) as Hover;
  assert.match(JSON.stringify(hover.contents), /Story:.*attacks.*5 articles/);

  // The CLI reads the same label file and agrees (run from the workspace folder, as the editor's root).
  const cli = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'analyze', 'seeds'], { cwd: workspace, encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const printed = JSON.parse(cli.stdout) as CorpusAnalysis;
  assert.deepEqual(
    { published: docOf(printed, UNDATED).published, from: docOf(printed, UNDATED).publishedFrom, thursdays: thursdays(docOf(printed, UNDATED)), pairs: pairsWith(printed, UNDATED, DATED).length },
    { published: '2024-02-20', from: 'labels', thursdays: ['2024-02-15', '2024-02-15'], pairs: 0 },
  );

  // Cleared: the article is undated again and the contradiction is back.
  const cleared = await session.connection.sendRequest(setPublicationRequest, { uri, published: null, outlet: null });
  assert.equal(cleared.ok, true, cleared.message);
  const again = await analysis();
  assert.equal(docOf(again, UNDATED).published, null);
  assert.equal(pairsWith(again, UNDATED, DATED).length, 1);
  assert.doesNotMatch(readFileSync(labelFile, 'utf8'), /publication/);
});

test("sanad analyze honours a label file's publication date and outlet, from .sanad/labels or --labels, and names a broken one", () => {
  const dir = mkdtempSync(join(tmpdir(), 'sanad-publication-cli-'));
  try {
    cpSync(join(repoRoot, 'seeds'), join(dir, 'seeds'), { recursive: true });
    const run = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'analyze', 'seeds', ...args], { cwd: dir, encoding: 'utf8' });
    const plain = JSON.parse(run().stdout) as CorpusAnalysis;
    assert.deepEqual([docOf(plain, DATED).published, docOf(plain, DATED).publishedFrom], ['2024-01-26', 'text']);

    // The dated seed 000 says 26 January in its dateline; a reviewer corrects it to 2 February.
    mkdirSync(join(dir, '.sanad', 'labels', 'seeds'), { recursive: true });
    writeFileSync(join(dir, '.sanad', 'labels', `${DATED}.yaml`), 'schema: 1\narticle: seeds/000_69a4e039fec93b87.txt\npublication:\n  published: 2024-02-02\n  outlet: إرم نيوز (مصحح)\nlabels: []\n');
    const out = run();
    assert.equal(out.status, 0, out.stderr);
    const doc = docOf(JSON.parse(out.stdout) as CorpusAnalysis, DATED);
    assert.deepEqual([doc.published, doc.publishedFrom, doc.outlet], ['2024-02-02', 'labels', 'إرم نيوز (مصحح)']);
    // "أمس الخميس" is Thursday 1 February now, not 25 January.
    assert.equal(doc.mentions.find((m) => m.text === 'أمس الخميس')?.value, '2024-02-01');

    // Another labels folder, named: the default one is not read then.
    mkdirSync(join(dir, 'review', 'seeds'), { recursive: true });
    writeFileSync(join(dir, 'review', `${DATED}.yaml`), 'schema: 1\npublication:\n  published: 2024-01-20\n');
    const named = docOf(JSON.parse(run('--labels', 'review').stdout) as CorpusAnalysis, DATED);
    assert.deepEqual([named.published, named.publishedFrom, named.outlet], ['2024-01-20', 'labels', 'إرم نيوز']);

    // A broken label file is named with its line and column; the article keeps its own date.
    writeFileSync(join(dir, '.sanad', 'labels', `${DATED}.yaml`), 'schema: 1\npublication:\n  published: 2024-02-31\n');
    const broken = run();
    assert.equal(broken.status, 0);
    assert.match(broken.stderr, /\.sanad\/labels\/seeds\/000_69a4e039fec93b87\.txt\.yaml:3:14: "published" must be a calendar day/);
    assert.equal(docOf(JSON.parse(broken.stdout) as CorpusAnalysis, DATED).publishedFrom, 'text');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
