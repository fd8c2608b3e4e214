// Issue 14 (robustness, round two) over the built server and CLI: a hostile workspace (links to
// devices, pipes, links out of it, odd names) and a careless user (a full disk, a bad setting, an
// impossible value). Each test reproduces an attack that used to succeed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, openSync, closeSync, lstatSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, ShowMessageRequest } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from './lspClient';
import { exportRequest, labelRequest } from '../../shared/src/protocol';

const cli = join(repoRoot, 'dist', 'cli.js');
const dirs: string[] = [];
const temp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `sanad-${name}-`));
  dirs.push(d);
  return d;
};
// rm -rf, which also removes paths longer than the system allows (the unreadable folder below).
after(() => dirs.forEach((d) => spawnSync('rm', ['-rf', d])));
const ARTICLE = 'قال المتحدث إن 150 شخصا وصلوا إلى بغداد مساء الأحد.\n';
const open = (session: LspSession, uri: string, text: string) =>
  session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
const indexed = (session: LspSession, n: number) =>
  session.until(`${n} documents indexed`, () => session.status && !session.status.indexing && session.status.documents === n && session.status, 30_000);

test('issue 14 #6 #9: label files linked to /dev/zero and pipes at label and lexicon paths neither block nor kill the server', async () => {
  const ws = temp('devices');
  mkdirSync(join(ws, 'seeds'));
  mkdirSync(join(ws, '.sanad', 'labels', 'seeds'), { recursive: true });
  for (let i = 0; i < 10; i++) {
    writeFileSync(join(ws, 'seeds', `z${i}.txt`), ARTICLE);
    symlinkSync(i % 2 ? '/dev/urandom' : '/dev/zero', join(ws, '.sanad', 'labels', 'seeds', `z${i}.txt.yaml`));
  }
  for (let i = 0; i < 4; i++) {
    writeFileSync(join(ws, 'seeds', `p${i}.txt`), ARTICLE);
    execFileSync('mkfifo', [join(ws, '.sanad', 'labels', 'seeds', `p${i}.txt.yaml`)]);
  }
  execFileSync('mkfifo', [join(ws, '.sanad', 'lexicon.yaml')]);
  const { session } = await LspSession.start(ws);
  try {
    await indexed(session, 14);
    const uri = `file://${join(ws, 'seeds', 'p0.txt')}`;
    await open(session, uri, ARTICLE);
    const started = Date.now();
    const r = await session.connection.sendRequest(labelRequest, { action: 'label', uri, start: ARTICLE.indexOf('بغداد'), end: ARTICLE.indexOf('بغداد') + 5, kind: 'place' });
    assert.equal(r.ok, false, 'a label file that is a pipe is not written over');
    assert.ok(Date.now() - started < 2000);
    // Another article's labels are saved, the pipes notwithstanding.
    writeFileSync(join(ws, 'seeds', 'fine.txt'), ARTICLE);
    const fine = `file://${join(ws, 'seeds', 'fine.txt')}`;
    await open(session, fine, ARTICLE);
    const ok = await session.connection.sendRequest(labelRequest, { action: 'label', uri: fine, start: ARTICLE.indexOf('بغداد'), end: ARTICLE.indexOf('بغداد') + 5, kind: 'place' });
    assert.ok(ok.ok, ok.message);
    assert.ok(lstatSync(join(ws, '.sanad', 'lexicon.yaml')).isFIFO());
  } finally {
    await session.stop();
  }
});

test('issue 14 #2: a figure value min > max is refused, and labelling that article still works after', async () => {
  const ws = temp('value');
  mkdirSync(join(ws, 'seeds'));
  writeFileSync(join(ws, 'seeds', 'a.txt'), ARTICLE);
  const { session } = await LspSession.start(ws);
  try {
    await indexed(session, 1);
    const uri = `file://${join(ws, 'seeds', 'a.txt')}`;
    await open(session, uri, ARTICLE);
    const at = ARTICLE.indexOf('150');
    const bad = await session.connection.sendRequest(labelRequest, { action: 'label', uri, start: at, end: at + 3, kind: 'quantity', value: '99-1' });
    assert.equal(bad.ok, false);
    const good = await session.connection.sendRequest(labelRequest, { action: 'label', uri, start: ARTICLE.indexOf('بغداد'), end: ARTICLE.indexOf('بغداد') + 5, kind: 'place' });
    assert.ok(good.ok, good.message);
    const yaml = readFileSync(join(ws, '.sanad', 'labels', 'seeds', 'a.txt.yaml'), 'utf8');
    assert.match(yaml, /بغداد/);
    assert.doesNotMatch(yaml, /max: 1\b/);
  } finally {
    await session.stop();
  }
});

test('issue 14 #11: an opened document over sanad.maxFileSizeKB is not analysed, and the user is told', async () => {
  const ws = temp('big');
  const { session } = await LspSession.start(ws, { maxFileSizeKB: 4 });
  const shown: string[] = [];
  // showWarningMessage is a request (it may carry buttons).
  session.connection.onRequest(ShowMessageRequest.type, (m) => {
    shown.push(m.message);
    return null;
  });
  try {
    await indexed(session, 0);
    const uri = `file://${join(ws, 'big.news.txt')}`;
    const text = ARTICLE.repeat(200);
    await open(session, uri, text);
    await session
      .until('the warning', () => shown.find((m) => /maxFileSizeKB/.test(m)), 5000)
      .catch((err) => {
        throw new Error(`${err.message}\nlogs: ${session.logs.join('\n')}\nshown: ${shown.join('\n')}`);
      });
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 40 } });
    assert.equal(hover, null, 'nothing analysed');
    assert.equal(session.spans.get(uri), undefined);
  } finally {
    await session.stop();
  }
});

test('issue 14: root files named ..x.news.txt are in the workspace and can be labelled', async () => {
  const ws = temp('dots');
  writeFileSync(join(ws, '..x.news.txt'), ARTICLE);
  const { session } = await LspSession.start(ws);
  try {
    await indexed(session, 1);
    const uri = `file://${join(ws, '..x.news.txt')}`;
    await open(session, uri, ARTICLE);
    const r = await session.connection.sendRequest(labelRequest, { action: 'label', uri, start: ARTICLE.indexOf('بغداد'), end: ARTICLE.indexOf('بغداد') + 5, kind: 'place' });
    assert.ok(r.ok, r.message);
    assert.ok(existsSync(join(ws, '.sanad', 'labels', '..x.news.txt.yaml')));
  } finally {
    await session.stop();
  }
});

test('issue 14: an invalid sanad.labels.folder is named as such', async () => {
  const ws = temp('folder');
  mkdirSync(join(ws, 'seeds'));
  writeFileSync(join(ws, 'seeds', 'a.txt'), ARTICLE);
  const { session } = await LspSession.start(ws, { labels: { folder: '../elsewhere' } });
  try {
    await indexed(session, 1);
    const uri = `file://${join(ws, 'seeds', 'a.txt')}`;
    await open(session, uri, ARTICLE);
    const r = await session.connection.sendRequest(labelRequest, { action: 'label', uri, start: ARTICLE.indexOf('بغداد'), end: ARTICLE.indexOf('بغداد') + 5, kind: 'place' });
    assert.equal(r.ok, false);
    assert.match(r.message ?? '', /sanad\.labels\.folder/);
  } finally {
    await session.stop();
  }
});

test('issue 14 #12 #13: a linked article outside the workspace is not read on a watcher event, and brat exports stay in their folder', async () => {
  const ws = temp('escape');
  const outside = temp('outside');
  const secret = 'سر من خارج مساحة العمل لا ينبغي تصديره\n';
  writeFileSync(join(outside, 'secret.txt'), secret);
  mkdirSync(join(ws, 'seeds'));
  writeFileSync(join(ws, 'seeds', 'a.txt'), ARTICLE);
  const { session } = await LspSession.start(ws);
  try {
    await indexed(session, 1);
    symlinkSync(join(outside, 'secret.txt'), join(ws, 'seeds', 'leak.txt'));
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${join(ws, 'seeds', 'leak.txt')}`, type: FileChangeType.Created }] });
    // A document whose display path climbs out of any folder.
    await open(session, 'untitled:../../pwned/pwned.txt', ARTICLE);
    await session.until('the untitled document analysed', () => session.spans.get('untitled:../../pwned/pwned.txt'));
    const yaml = join(ws, 'export.yaml');
    const r = await session.connection.sendRequest(exportRequest, { format: 'yaml', target: yaml });
    assert.ok(r.ok, r.message);
    assert.doesNotMatch(readFileSync(yaml, 'utf8'), /سر من خارج/, 'the linked file outside is not exported');
    const target = join(ws, 'brat', 'deep');
    const b = await session.connection.sendRequest(exportRequest, { format: 'brat', target });
    assert.ok(b.ok, b.message);
    assert.ok(existsSync(join(target, 'seeds', 'a.ann')));
    assert.ok(!existsSync(join(ws, 'pwned')) && !existsSync(join(ws, 'brat', 'pwned')), 'nothing written outside the chosen folder');
    assert.match(b.message ?? '', /left out/);
  } finally {
    await session.stop();
  }
});

// ---- the CLI -------------------------------------------------------------------------------

function corpus(): string {
  const dir = temp('cli');
  mkdirSync(join(dir, 'news'));
  writeFileSync(join(dir, 'news', 'a.txt'), ARTICLE);
  return dir;
}

test('issue 14 #3: analyze, export and compare exit 1 when stdout cannot be written (a full disk)', () => {
  const dir = corpus();
  mkdirSync(join(dir, 'la'));
  mkdirSync(join(dir, 'lb'));
  writeFileSync(join(dir, 'la', 'x.txt.yaml'), 'schema: 1\nlabels: []\n');
  writeFileSync(join(dir, 'lb', 'x.txt.yaml'), 'schema: 1\nlabels: []\n');
  for (const args of [
    ['analyze', 'news'],
    ['analyze', 'news', '--format', 'table'],
    ['export', 'news'],
    ['compare', 'la', 'lb'],
  ]) {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'], timeout: 30_000 });
      assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /writing the output failed: .*ENOSPC/);
    } finally {
      closeSync(full);
    }
  }
  // A reader that stops early is still no failure.
  const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" analyze news | head -c 1 >/dev/null`], { cwd: dir, encoding: 'utf8' });
  assert.equal(piped.stderr, '');
});

test('issue 14 #4: export refuses to replace a link or a pipe, even with --overwrite', () => {
  const dir = corpus();
  writeFileSync(join(dir, 'real.yaml'), 'mine\n');
  symlinkSync(join(dir, 'real.yaml'), join(dir, 'link.yaml'));
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
  for (const out of ['link.yaml', 'pipe.yaml']) {
    const r = spawnSync(process.execPath, [cli, 'export', 'news', '--out', out, '--overwrite'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /not a regular file/);
  }
  assert.ok(lstatSync(join(dir, 'link.yaml')).isSymbolicLink());
  assert.equal(readFileSync(join(dir, 'real.yaml'), 'utf8'), 'mine\n');
  assert.ok(lstatSync(join(dir, 'pipe.yaml')).isFIFO());
});

test('issue 14: the CLI names unreadable folders and the file limit, exits 1, and prints odd names escaped', () => {
  const dir = corpus();
  // A folder whose path is longer than the system allows cannot be read, even by root.
  const deep = "const fs = require('node:fs'); for (let i = 0; i < 20; i++) { fs.mkdirSync('d'.repeat(250)); process.chdir('d'.repeat(250)); } fs.writeFileSync('deep.txt', 'x');";
  execFileSync(process.execPath, ['-e', deep], { cwd: join(dir, 'news') });
  writeFileSync(join(dir, 'news', 'b.txt'), ARTICLE);
  writeFileSync(join(dir, 'news', 'evil\nsanad: all fine.txt'), Buffer.from([0x61, 0, 0x62]));
  writeFileSync(join(dir, 'news', 'x\u202Etxt.exe.txt'), Buffer.from([0x61, 0, 0x62]));
  const r = spawnSync(process.execPath, [cli, 'analyze', 'news', '--format', 'table'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /folder skipped, it cannot be read \(ENAMETOOLONG\)/);
  assert.ok(r.stderr.includes('evil\\nsanad: all fine.txt'), r.stderr);
  assert.ok(r.stderr.includes('x\\u202etxt.exe.txt'));
  assert.ok(!r.stderr.includes('\u202E') && !/^sanad: all fine/m.test(r.stderr), 'no raw control characters');
  const limited = spawnSync(process.execPath, [cli, 'analyze', 'news'], { cwd: dir, encoding: 'utf8', env: { ...process.env, SANAD_MAX_FILES: '1' }, timeout: 60_000 });
  assert.equal(limited.status, 1);
  assert.match(limited.stderr, /stopped after 1 files/);
  assert.equal(readdirSync(join(dir, 'news')).length, 5);
});
