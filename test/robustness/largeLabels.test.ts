// Issue 14 #10, the label files' part: parsing and rewriting a large label file held the server's
// thread for seconds (a 3.2 MB file 5.4 s per save; the 3.8 MB one below takes 4 s to read and
// more than 10 s to save on a busy machine), and every request waited. Such files are now read
// and saved on the label thread (labels/labelThread.ts): the server answers meanwhile, and the
// save still lands whole.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { DidOpenTextDocumentNotification, SemanticTokensRequest } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from '../protocol/lspClient';
import { labelRequest } from '../../shared/src/protocol';
import { createLabel, emptyLabelFile } from '../../server/src/labels';
import { renderLabelFile } from '../../server/src/labels/labelRender';
import { LabelThread } from '../../server/src/labels/labelThread';

const S004 = '004_c60929020f56a472.txt';
const S000 = '000_69a4e039fec93b87.txt';
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A label file of `n` distinct place labels on `text`. */
function manyLabels(article: string, text: string, n: number): string {
  const file = emptyLabelFile(article);
  for (let i = 0; i < n; i++) {
    const len = 1 + (i % 12);
    const start = Math.floor(i / 12) % (text.length - len);
    file.labels.push({ ...createLabel(text, start, start + len, 'place', 'manual', { annotator: 'T', now: '2024-03-01T10:00:00Z' }), id: `l${i}` });
  }
  return renderLabelFile(file);
}

test('the label thread reads and saves as the calling thread does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sanad-label-thread-'));
  dirs.push(dir);
  const text = readFileSync(join(repoRoot, 'seeds', S004), 'utf8');
  const yaml = manyLabels(`seeds/${S004}`, text, 300);
  const [a, b] = [join(dir, 'a.yaml'), join(dir, 'b.yaml')];
  writeFileSync(a, yaml);
  writeFileSync(b, yaml);
  let warned = '';
  // Every file counts as large: all goes through the thread (the bundle dist/labelWorker.js).
  const thread = new LabelThread((line) => (warned += line), join(repoRoot, 'dist', 'labelWorker.js'), 0);
  const here = new LabelThread(() => undefined, join(dir, 'no-such-bundle.js'), 0);
  try {
    const [ra, rb] = [await thread.read(a), await here.read(b)];
    assert.ok(ra.ok && rb.ok);
    assert.deepEqual(ra, { ...rb });
    const changed = { ...ra.file, labels: ra.file.labels.map((l) => (l.id === 'l0' ? { ...l, status: 'rejected' as const } : l)) };
    const [sa, sb] = [await thread.save(a, changed, { base: ra.file }), await here.save(b, changed, { base: rb.file })];
    assert.ok(sa.ok && sb.ok && sa.written && sb.written);
    assert.deepEqual(sa, sb);
    assert.equal(readFileSync(a, 'utf8'), readFileSync(b, 'utf8'), 'the same file written');
    assert.equal(YAML.parse(readFileSync(a, 'utf8')).labels.find((l: { id: string }) => l.id === 'l0').status, 'rejected');
    assert.equal(warned, '', 'the thread ran');
  } finally {
    thread.close();
  }
});

test('the server answers within a second while a 3.8 MB label file is read and saved', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sanad-large-labels-'));
  dirs.push(dir);
  cpSync(join(repoRoot, 'seeds'), join(dir, 'seeds'), { recursive: true });
  const text = readFileSync(join(dir, 'seeds', S004), 'utf8');
  const labelFile = join(dir, '.sanad', 'labels', 'seeds', `${S004}.yaml`);
  mkdirSync(join(dir, '.sanad', 'labels', 'seeds'), { recursive: true });
  writeFileSync(labelFile, manyLabels(`seeds/${S004}`, text, 12_000));
  assert.ok(statSync(labelFile).size > 3_000_000);
  const { session } = await LspSession.start(dir, { labels: { annotator: 'T' } }, {});
  try {
    const small = `file://${join(dir, 'seeds', S000)}`;
    const uri = `file://${join(dir, 'seeds', S004)}`;
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: small, languageId: 'arabic-news', version: 1, text: readFileSync(join(dir, 'seeds', S000), 'utf8') },
    });
    const waits: number[] = [];
    let stop = false;
    const asking = (async () => {
      while (!stop) {
        const t0 = Date.now();
        const tokens = await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: small } });
        waits.push(Date.now() - t0);
        assert.ok(tokens && tokens.data.length > 0);
        await new Promise((done) => setTimeout(done, 50));
      }
    })();
    await session.until('indexed', () => session.status && !session.status.indexing && session.status.documents === 5, 120_000);
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
    const spans = await session.until(
      'spans with the labels read',
      () => session.spans.get(uri)?.spans.some((s) => s.status === 'accepted' || s.status === 'manual') && session.spans.get(uri),
      120_000,
    );
    const figure = spans.spans.find((s) => s.kind === 'quantity')!;
    const result = await session.connection.sendRequest(labelRequest, { action: 'reject', uri, start: figure.start, end: figure.end, kind: 'quantity' });
    stop = true;
    await asking;
    assert.equal(result.ok, true, JSON.stringify(result));
    const saved = YAML.parse(readFileSync(labelFile, 'utf8')) as { labels: Array<{ start: number; end: number; status: string }> };
    assert.equal(saved.labels.length, 12_001, 'every label kept, and the new one');
    assert.ok(saved.labels.some((l) => l.start === figure.start && l.end === figure.end && l.status === 'rejected'));
    assert.ok(waits.length >= 10, `requests were made meanwhile (${waits.length})`);
    const longest = Math.max(...waits);
    assert.ok(longest < 1000, `the longest answer took ${longest} ms (${waits.length} requests)`);
    assert.ok(!session.logs.some((l) => /label thread/.test(l)), 'the label thread ran');
  } finally {
    await session.stop();
  }
});
