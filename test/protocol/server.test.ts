// Protocol layer: the built server, spawned over stdio, spoken to as an editor would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, writeFileSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, SemanticTokensRequest, HoverRequest, type InitializeResult } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from './lspClient';
import { TOKEN_TYPES } from '../../shared/src/protocol';

let workspace: string;
let session: LspSession;
let init: InitializeResult;
const seed = '004_c60929020f56a472.txt';
const seedText = readFileSync(join(repoRoot, 'seeds', seed), 'utf8');
let seedUri: string;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'sanad-lsp-'));
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  mkdirSync(join(workspace, 'other'));
  // Not part of the corpus: neither under seeds/ nor *.news.txt.
  writeFileSync(join(workspace, 'other', 'notes.txt'), 'ملاحظات 2024');
  // Part of the corpus but unreadable: the server names it and goes on.
  writeFileSync(join(workspace, 'broken.news.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
  seedUri = `file://${join(workspace, 'seeds', seed)}`;
  ({ session, init } = await LspSession.start(workspace));
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('initialize declares hovers, incremental sync and semantic tokens with Sanad types', () => {
  const caps = init.capabilities;
  assert.equal(caps.hoverProvider, true);
  assert.deepEqual(caps.semanticTokensProvider && 'legend' in caps.semanticTokensProvider ? caps.semanticTokensProvider.legend.tokenTypes : [], TOKEN_TYPES);
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  assert.ok(caps.codeActionProvider && caps.codeLensProvider && caps.referencesProvider && caps.definitionProvider && caps.workspaceSymbolProvider);
});

test('indexes the corpus files of the workspace and names the unreadable one', async () => {
  const status = await session.until('the corpus index', () => session.status && !session.status.indexing && session.status.documents > 0 && session.status);
  assert.equal(status.documents, 5, 'the five seeds, not other/notes.txt nor the binary file');
  assert.equal(status.unreadable.length, 1);
  assert.match(status.unreadable[0].path, /broken\.news\.txt$/);
  assert.match(status.unreadable[0].reason, /binary/);
  assert.ok(status.dates > 0, 'dates are counted');
});

test('didOpen: the server pushes spans to paint, each inside the text', async () => {
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: seedUri, languageId: 'arabic-news', version: 1, text: seedText },
  });
  const spans = await session.until('spans for the seed', () => session.spans.get(seedUri)?.version === 1 && session.spans.get(seedUri));
  assert.ok(spans.spans.length > 0);
  for (const s of spans.spans) {
    assert.ok(s.start >= 0 && s.end <= seedText.length && s.start < s.end, `span ${s.start}-${s.end} lies inside the text`);
  }
  // The first date of the article is found where it is written.
  const dateSpans = spans.spans.filter((s) => s.kind === 'date' || s.kind === 'quantity');
  assert.ok(
    dateSpans.some((s) => /2021|2024|[0-9]/.test(seedText.slice(s.start, s.end))),
    'a date or figure with digits is highlighted',
  );
});

test('semantic tokens: relative encoding, known types, every token inside its line', async () => {
  const tokens = await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: seedUri } });
  assert.ok(tokens && tokens.data.length > 0 && tokens.data.length % 5 === 0);
  const lines = seedText.split('\n');
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, len, type] = tokens.data.slice(i, i + 5);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    assert.ok(type < TOKEN_TYPES.length, 'a declared token type');
    assert.ok(len > 0 && char + len <= lines[line].length, `token on line ${line} fits the line`);
  }
});

test('hover on a highlighted span describes it', async () => {
  const spans = session.spans.get(seedUri)!;
  const target = spans.spans.find((s) => s.kind === 'date') ?? spans.spans[0];
  const before = seedText.slice(0, target.start);
  const line = before.split('\n').length - 1;
  const character = target.start - (before.lastIndexOf('\n') + 1);
  const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: seedUri }, position: { line, character } });
  assert.ok(hover, 'a hover comes back');
  const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(value, /\*\*(Date|Figure|Person|Place|Organisation)\*\*/);
});

test('didChange: an inserted line shifts the spans and adds what it holds', async () => {
  const before = session.spans.get(seedUri)!.spans;
  const inserted = 'وقال المتحدث إن 12 جنديا أصيبوا يوم 3 شباط 2024.\n';
  await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: seedUri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: inserted }],
  });
  const after = await session.until('spans of version 2', () => session.spans.get(seedUri)?.version === 2 && session.spans.get(seedUri));
  const shifted = after.spans.filter((s) => s.start >= inserted.length);
  assert.equal(shifted.length, before.length, 'every earlier span is still found, moved by the insertion');
  assert.deepEqual(
    shifted.map((s) => s.start - inserted.length),
    before.map((s) => s.start),
  );
  assert.ok(
    after.spans.some((s) => s.end <= inserted.length),
    'the new line has highlights of its own',
  );
});

test('hidden bidi controls in an article are a warning naming each character', async () => {
  const uri = `file://${join(workspace, 'hidden.news.txt')}`;
  const text = 'قال المتحدث: "\u202eلن ننسحب\u202c" من القاعدة.\n';
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
  const published = await session.until('hidden-text diagnostics', () => session.diagnostics.get(uri)?.diagnostics.some((d) => d.code === 'hidden-text') && session.diagnostics.get(uri));
  const hidden = published.diagnostics.filter((d) => d.code === 'hidden-text');
  assert.equal(hidden.length, 2);
  assert.equal(hidden[0].severity, 2);
  const message = hidden[0].message;
  assert.ok(typeof message === 'string', 'the warning is plain text');
  assert.match(message, /U\+202E RIGHT-TO-LEFT OVERRIDE/);
  assert.deepEqual(hidden[0].range.start, { line: 0, character: text.indexOf('\u202e') });
});
