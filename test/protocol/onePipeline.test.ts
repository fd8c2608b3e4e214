// One corpus pipeline: the same articles give the same analysis whichever way they are read. The
// seeds, variants of them (so that an outlet has the three articles its repeated lines need) and
// a generated corpus are analysed by `sanad analyze` on one thread and on worker threads, and by
// the language server over LSP on one thread and on worker threads; every document's mentions,
// boilerplate, date and outlet, and every contradiction, must be the same. Then an edit: the
// server's analysis of the edited workspace must be what the CLI prints for the edited files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { corpusAnalysisRequest, type CorpusAnalysisJson } from '../../shared/src/protocol';
import { LspSession, repoRoot } from './lspClient';

const cli = join(repoRoot, 'dist', 'cli.js');
let workspace: string;
const ONE_THREAD = { SANAD_PARALLEL_MIN_FILES: '100000' };
const THREADS = { SANAD_PARALLEL_MIN_FILES: '2', SANAD_THREADS: '2' };
const SEED = '000_69a4e039fec93b87.txt';
const SHARED_LINE = 'تغطية خاصة من مراسلينا في المنطقة';

before(async () => {
  const generator = pathToFileURL(join(repoRoot, 'bench', 'generate.mjs')).href;
  const { generateCorpus } = (await import(generator)) as { generateCorpus: (dir: string, n: number, seedsDir: string, seed?: number) => number };
  workspace = mkdtempSync(join(tmpdir(), 'sanad-one-pipeline-'));
  const corpus = join(workspace, 'seeds');
  cpSync(join(repoRoot, 'seeds'), corpus, { recursive: true });
  // Three more articles of each seed's outlet: their menus and footers repeat, their figures differ.
  for (const name of readdirSync(corpus).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(corpus, name), 'utf8');
    for (let v = 1; v <= 3; v++)
      writeFileSync(
        join(corpus, `v${v}_${name}`),
        text.replace(/[0-9]+/g, (n) => String(Number(n) + v)),
      );
  }
  // A line that three of one outlet's articles hold, and so repeats; the edit below takes it out of one.
  // (Between two paragraphs of article text, so that it is no other boilerplate's neighbour.)
  for (const name of [SEED, `v1_${SEED}`, `v2_${SEED}`]) {
    const lines = readFileSync(join(corpus, name), 'utf8').split('\n');
    const at = lines.findIndex((l, i) => i > 1 && l.length > 100 && lines[i - 1].trim() === '' && lines[i - 2].length > 100);
    assert.ok(at > 0);
    lines.splice(at, 0, SHARED_LINE);
    writeFileSync(join(corpus, name), lines.join('\n'));
  }
  generateCorpus(join(corpus, 'generated'), 40, join(repoRoot, 'seeds'), 7);
  // A scraper's manifest gives ten of them a date and an outlet; one a date in its URL only.
  const records = Array.from({ length: 10 }, (_, i) => ({
    path: `generated/batch000/article${String(i).padStart(5, '0')}.txt`,
    date: `2024-02-${String(i + 1).padStart(2, '0')}`,
    sitename: i % 2 ? 'الصباح' : 'المدى',
  }));
  records.push({ path: 'generated/batch000/article00010.txt', url: 'https://x.example/2024/03/01/story', sitename: 'المدى' } as never);
  writeFileSync(join(corpus, 'manifest.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
});

after(() => rmSync(workspace, { recursive: true, force: true }));

function analyze(env: Record<string, string>, cwd = workspace): CorpusAnalysisJson {
  const r = spawnSync(process.execPath, [cli, 'analyze', 'seeds'], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as CorpusAnalysisJson;
}

/** An analysis in a form two readers must agree on: documents by path, contradictions as a sorted set. */
function canonical(a: CorpusAnalysisJson): { documents: unknown[]; contradictions: string[] } {
  return {
    documents: [...a.documents].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)),
    contradictions: a.contradictions.map((c) => JSON.stringify(c)).sort(),
  };
}

async function serverAnalysis(env: Record<string, string>, edit?: { file: string; text: string }): Promise<{ analysis: CorpusAnalysisJson; logs: string }> {
  const { session } = await LspSession.start(workspace, {}, { env });
  try {
    const total = 5 * 4 + 40;
    await session.until('the corpus index', () => session.status && !session.status.indexing && session.status.documents === total, 60_000);
    if (edit) {
      const uri = pathToFileURL(join(workspace, 'seeds', edit.file)).toString();
      const before = readFileSync(join(workspace, 'seeds', edit.file), 'utf8');
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'arabic-news', version: 1, text: before } });
      await session.until('spans of the opened article', () => session.spans.get(uri)?.version === 1);
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: edit.text }] });
      await session.until('spans of the edited article', () => session.spans.get(uri)?.version === 2);
    }
    const analysis = await session.connection.sendRequest(corpusAnalysisRequest);
    return { analysis, logs: session.logs.join('\n') };
  } finally {
    await session.stop();
  }
}

test('the CLI and the language server, on one thread or on worker threads, give the same analysis', async () => {
  const cliOne = analyze({ ...ONE_THREAD });
  assert.equal(cliOne.documents.length, 60);
  const repeated = cliOne.documents.filter((d) => (d as unknown as { boilerplate: unknown[] }).boilerplate.length > 3);
  assert.ok(repeated.length >= 4, 'outlets with three articles or more have repeated lines');
  assert.ok(cliOne.contradictions.length > 0);
  const from = (a: CorpusAnalysisJson, kind: string) => a.documents.filter((d) => (d as unknown as { publishedFrom: string }).publishedFrom === kind).length;
  assert.equal(from(cliOne, 'manifest'), 10);
  assert.equal(from(cliOne, 'url'), 1);
  const expected = canonical(cliOne);
  assert.deepEqual(canonical(analyze({ ...THREADS })), expected, 'CLI on worker threads');

  const one = await serverAnalysis(ONE_THREAD);
  assert.doesNotMatch(one.logs, /worker threads/);
  assert.deepEqual(canonical(one.analysis), expected, 'server on one thread');

  const pooled = await serverAnalysis(THREADS);
  assert.match(pooled.logs, /read 60 articles in 2 worker threads/);
  assert.deepEqual(canonical(pooled.analysis), expected, 'server on worker threads');
});

test('after an edit the server knows what the CLI prints for the edited files', async () => {
  // The line three of the outlet's articles shared is taken out of one: it repeats no more, in
  // the other two either; and a new figure comes in.
  const file = `v1_${SEED}`;
  const original = readFileSync(join(workspace, 'seeds', file), 'utf8');
  assert.ok(original.includes(SHARED_LINE));
  const edited = original.replace(SHARED_LINE, 'قتل 12 شخصاً في الهجوم على القاعدة أمس.');
  const before = canonical(analyze(ONE_THREAD));
  const served = await serverAnalysis(ONE_THREAD, { file, text: edited });
  const copy = mkdtempSync(join(tmpdir(), 'sanad-one-pipeline-edited-'));
  try {
    cpSync(join(workspace, 'seeds'), join(copy, 'seeds'), { recursive: true });
    mkdirSync(join(copy, 'seeds'), { recursive: true });
    writeFileSync(join(copy, 'seeds', file), edited);
    const expected = canonical(analyze(ONE_THREAD, copy));
    const other = (a: ReturnType<typeof canonical>) => a.documents.find((d) => (d as { path: string }).path === `seeds/v2_${SEED}`);
    assert.notDeepEqual(other(expected), other(before), 'the edit changed what repeats in another article');
    assert.deepEqual(canonical(served.analysis), expected);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
