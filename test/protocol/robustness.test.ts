// Robustness over the built artifacts: no network, Restricted Mode, hostile files for the CLI,
// and a server that survives hostile text.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from './lspClient';
import { labelRequest } from '../../shared/src/protocol';

const guard = join(repoRoot, 'test', 'protocol', 'noNetwork.cjs');
const dirs: string[] = [];
const temp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `sanad-${name}-`));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('the CLI makes no network request, even on a whole corpus', () => {
  const r = spawnSync(process.execPath, ['--require', guard, join(repoRoot, 'dist', 'cli.js'), 'analyze', join(repoRoot, 'seeds'), '--format', 'table'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /SANAD-NETWORK-ATTEMPT/);
  // The guard itself works: a request is seen.
  const probe = spawnSync(process.execPath, ['--require', guard, '-e', "require('node:http').get('http://127.0.0.1:9')"], { encoding: 'utf8' });
  assert.match(probe.stderr, /SANAD-NETWORK-ATTEMPT/);
});

test('the language server makes no network request while indexing, analysing and labelling', async () => {
  const ws = temp('net');
  cpSync(join(repoRoot, 'seeds'), join(ws, 'seeds'), { recursive: true });
  const { session } = await LspSession.start(ws, {}, { execArgv: ['--require', guard] });
  try {
    await session.until('indexing', () => session.status && !session.status.indexing && session.status.documents === 5 && session.status, 30_000);
    const uri = `file://${join(ws, 'seeds', '001_7a6252f0c71d3e79.txt')}`;
    const text = readFileSync(join(ws, 'seeds', '001_7a6252f0c71d3e79.txt'), 'utf8');
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
    const spans = await session.until('spans', () => session.spans.get(uri));
    const s = spans.spans[0];
    await session.connection.sendRequest(labelRequest, { action: 'accept', uri, start: s.start, end: s.end, kind: s.kind });
    assert.doesNotMatch(session.stderr, /SANAD-NETWORK-ATTEMPT/);
  } finally {
    await session.stop();
  }
});

test('Restricted Mode: analysis works, labels and the workspace lexicon are not touched', async () => {
  const ws = temp('untrusted');
  cpSync(join(repoRoot, 'seeds'), join(ws, 'seeds'), { recursive: true });
  mkdirSync(join(ws, '.sanad'));
  // A workspace lexicon that would make the invented place "قرطبيلا" known if it were read.
  writeFileSync(join(ws, '.sanad', 'lexicon.yaml'), 'places:\n  - name: قرطبيلا\n');
  writeFileSync(join(ws, 'seeds', 'extra.txt'), 'وصل الوفد إلى قرطبيلا ثم إلى بغداد.\n');
  const { session } = await LspSession.start(ws, {}, { initializationOptions: { trusted: false } });
  try {
    await session.until('indexing', () => session.status && !session.status.indexing && session.status.documents === 6 && session.status, 30_000);
    const uri = `file://${join(ws, 'seeds', 'extra.txt')}`;
    const text = readFileSync(join(ws, 'seeds', 'extra.txt'), 'utf8');
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
    const spans = await session.until('spans', () => session.spans.get(uri));
    assert.ok(
      spans.spans.some((s) => text.slice(s.start, s.end) === 'بغداد'),
      'analysis and highlighting work',
    );
    assert.ok(!spans.spans.some((s) => text.slice(s.start, s.end).includes('قرطبيلا')), 'the workspace lexicon is not read');
    const r = await session.connection.sendRequest(labelRequest, { action: 'label', uri, start: text.indexOf('قرطبيلا'), end: text.indexOf('قرطبيلا') + 7, kind: 'place' });
    assert.equal(r.ok, false);
    assert.match(r.message ?? '', /Restricted Mode/);
    assert.ok(!existsSync(join(ws, '.sanad', 'labels')), 'no label file was written');
  } finally {
    await session.stop();
  }
});

test('the server survives hostile text and still answers', async () => {
  const ws = temp('hostile');
  const { session } = await LspSession.start(ws);
  try {
    const uri = `file://${join(ws, 'x.news.txt')}`;
    let junk = '';
    for (let i = 0; i < 20_000; i++) junk += String.fromCharCode((i * 7919) % 0xffff);
    const text = `${junk}\n\u202e\ud800 قتل 3 جنود أمس\n${'ـ'.repeat(10_000)}`;
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
    await session.until('spans', () => session.spans.get(uri), 20_000);
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 8 } });
    assert.ok(hover === null || typeof hover === 'object');
    assert.doesNotMatch(session.stderr, /Error|exception/i);
  } finally {
    await session.stop();
  }
});

test('the CLI names every file it cannot read and analyses the rest', () => {
  const dir = temp('files');
  writeFileSync(join(dir, 'ok.txt'), 'قال الجيش العراقي إن 3 جنود قتلوا في بغداد.\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x41, 0xa9, 0x20, 0xb0, 0x42]));
  // "بغداد" in Windows-1256.
  writeFileSync(join(dir, 'cp1256.txt'), Buffer.from([0xc8, 0xda, 0xcf, 0xc7, 0xcf]));
  writeFileSync(join(dir, 'big.txt'), 'أ'.repeat(1_200_000));
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'analyze', dir, '--max-file-size', '1024'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /binary\.txt: skipped, binary file/);
  assert.match(r.stderr, /latin1\.txt: skipped, not valid UTF-8/);
  assert.match(r.stderr, /big\.txt: skipped, too large/);
  assert.match(r.stderr, /cp1256\.txt: skipped, not UTF-8: it looks like Windows-1256 Arabic/);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.documents.map((d: { path: string }) => d.path.split('/').pop()).sort(), ['empty.txt', 'ok.txt']);
});
