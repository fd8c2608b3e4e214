// Protocol layer: a copy of an article in a hidden folder of the workspace (a brat export under
// .sanad/brat/seeds mirrors seeds/, so its path still matches **/seeds/**/*.txt) is never part of
// the corpus, however it arrives: on disk at the first read, reported by the file watcher, or
// opened in the editor as Arabic News. It gets no spans, problems, lenses or labels, and the
// article it copies keeps its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, mkdirSync, readFileSync, rmSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification, DidChangeWatchedFilesNotification, CodeLensRequest, FileChangeType, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from './lspClient';
import { corpusSummaryRequest, labelRequest } from '../../shared/src/protocol';

const S004 = '004_c60929020f56a472.txt';
let workspace: string;
let session: LspSession;
let copy: string;
const uri = (path: string) => `file://${path}`;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'sanad-hidden-'));
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  // Already on disk at the first read, as after an earlier export.
  mkdirSync(join(workspace, '.sanad', 'brat', 'seeds'), { recursive: true });
  copy = join(workspace, '.sanad', 'brat', 'seeds', S004);
  copyFileSync(join(workspace, 'seeds', S004), copy);
  ({ session } = await LspSession.start(workspace, { labels: { annotator: 'tester' } }));
  await session.until('the corpus index', () => session.status && !session.status.indexing && session.status.documents === 5 && session.status, 30_000);
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('a copy under .sanad/ is neither read, nor taken from the watcher, nor analysed when opened', async () => {
  const text = readFileSync(copy, 'utf8');
  await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(copy), type: FileChangeType.Created }] });
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(copy), languageId: 'arabic-news', version: 1, text } });
  // The article itself, opened after the copy, is analysed and painted: the server has caught up.
  const article = join(workspace, 'seeds', S004);
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(article), languageId: 'arabic-news', version: 1, text } });
  await session.until('the article painted', () => session.spans.get(uri(article))?.spans.length);

  const summary = await session.connection.sendRequest(corpusSummaryRequest);
  assert.deepEqual(
    summary.map((d) => d.path).filter((p) => !p.startsWith('seeds/')),
    [],
  );
  assert.equal(summary.length, 5);
  assert.equal(session.status?.documents, 5);
  assert.equal(session.spans.get(uri(copy)), undefined, 'the copy was painted');
  assert.ok(!session.diagnostics.get(uri(copy))?.diagnostics.length, 'the copy has problems');
  assert.deepEqual(await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri(copy) } }), []);
  const at = text.indexOf('أكثر من 150 ضربة');
  const before = text.slice(0, at + 2);
  const position = { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
  assert.equal(await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(copy) }, position }), null);

  // A decision on the copy is refused and writes no label file anywhere.
  const result = await session.connection.sendRequest(labelRequest, { action: 'accept', uri: uri(copy), start: at, end: at + 'أكثر من 150 ضربة'.length, kind: 'quantity' });
  assert.equal(result.ok, false);
  assert.ok(!existsSync(join(workspace, '.sanad', 'labels')), 'a label file was written for the copy');
});
