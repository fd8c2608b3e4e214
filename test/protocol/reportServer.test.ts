// The language server's side of issue 16: the Figures view names measures for people (English and
// Arabic, never an engine key) and leaves durations out unless sanad.figures.showAll says so; and
// "Sanad: Write Corpus Report…" writes the same report as `sanad report`, beside the articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from './lspClient';
import { exportRequest, figuresRequest, labelRequest, reportRequest, type FigureMeasure } from '../../shared/src/protocol';

let workspace: string;
let session: LspSession;
// Mutable: the server asks for settings again after a change notification.
const settings = { labels: { annotator: 'tester' }, figures: { showAll: false } };

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'sanad-report-ws-'));
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  ({ session } = await LspSession.start(workspace, settings));
  await session.until('the corpus index', () => session.status && !session.status.indexing && session.status.documents === 5 && session.status, 30_000);
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('the Figures view names each measure in English and Arabic, and leaves durations out unless asked', async () => {
  const measures: FigureMeasure[] = await session.connection.sendRequest(figuresRequest);
  assert.ok(measures.length > 3);
  for (const m of measures) {
    assert.doesNotMatch(m.topic, /[|·]|\b(soldier|person|attacked|deployed)\b/, `an engine key in "${m.topic}"`);
    assert.match(m.topicAr ?? '', /[\u0600-\u06ff]/, m.topic);
  }
  assert.ok(
    measures.some((m) => m.topic.startsWith('attacks')),
    measures.map((m) => m.topic).join('; '),
  );
  // Seed 003 says "أقل من 24 ساعة": a duration, not a count anyone compares.
  assert.ok(!measures.some((m) => m.key?.startsWith('hour|')), 'no duration by default');

  settings.figures.showAll = true;
  await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  // The server reads the settings again when told they changed; ask until it has.
  let all: FigureMeasure[] = [];
  for (let i = 0; i < 50 && !all.some((m) => m.key?.startsWith('hour|')); i++) {
    await new Promise((r) => setTimeout(r, 100));
    all = await session.connection.sendRequest(figuresRequest);
  }
  assert.ok(
    all.some((m) => m.key?.startsWith('hour|') && m.topic.startsWith('hours')),
    'durations listed with showAll',
  );
  settings.figures.showAll = false;
});

test('"Write Corpus Report" writes a self-contained HTML report with relative links, and never over an article', async () => {
  const target = join(workspace, 'report.html');
  const r = await session.connection.sendRequest(reportRequest, { format: 'html', target });
  assert.ok(r.ok, r.message);
  const html = readFileSync(target, 'utf8');
  assert.match(html, /Content-Security-Policy/);
  const hrefs = [...html.matchAll(/href="([^"#][^"]*)"/g)].map((m) => decodeURIComponent(m[1]));
  assert.ok(hrefs.length >= 5);
  for (const h of hrefs) assert.ok(existsSync(join(workspace, h)), `${h} resolves from the report`);
  assert.ok(
    hrefs.every((h) => h.startsWith('seeds/')),
    'relative to the report',
  );
  const over = await session.connection.sendRequest(reportRequest, { format: 'md', target: join(workspace, 'seeds', '000_69a4e039fec93b87.txt') });
  assert.equal(over.ok, false);
  assert.match(over.message ?? '', /not written/);
});

test("a verdict on a figure is saved in its label file and exported as ClaimReview by the editor's Export", async () => {
  const path = join(workspace, 'seeds', '004_c60929020f56a472.txt');
  const uri = `file://${path}`;
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const quote = 'أكثر من 150 ضربة';
  const start = text.indexOf(quote);
  assert.ok(start >= 0);
  const r = await session.connection.sendRequest(labelRequest, { action: 'verdict', uri, start, end: start + quote.length, kind: 'quantity', verdict: 'misleading', note: 'strikes, not attacks' });
  assert.ok(r.ok, r.message);
  const file = join(workspace, '.sanad', 'labels', 'seeds', '004_c60929020f56a472.txt.yaml');
  const yaml = readFileSync(file, 'utf8');
  assert.match(yaml, /status: accepted/);
  assert.match(yaml, /verdict: misleading/);
  assert.match(yaml, /note: strikes, not attacks/);

  const target = join(workspace, 'reviews.jsonld');
  const refused = await session.connection.sendRequest(exportRequest, { format: 'claimreview', target, organization: 'Sanad desk' });
  assert.equal(refused.ok, false, 'no fact-check address');
  const done = await session.connection.sendRequest(exportRequest, { format: 'claimreview', target, organization: 'Sanad desk', url: 'https://factcheck.example/strikes' });
  assert.ok(done.ok, done.message);
  const reviews = JSON.parse(readFileSync(target, 'utf8')) as Array<{
    claimReviewed: string;
    reviewRating: { alternateName: string };
    author: { name: string };
    itemReviewed: { firstAppearance: { url: string } };
  }>;
  assert.equal(reviews.length, 1);
  assert.equal(reviews[0].claimReviewed, quote);
  assert.equal(reviews[0].reviewRating.alternateName, 'Misleading');
  assert.equal(reviews[0].author.name, 'Sanad desk');
  assert.equal(reviews[0].itemReviewed.firstAppearance.url, 'seeds/004_c60929020f56a472.txt');
});
