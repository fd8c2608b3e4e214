// Protocol layer, contradictions as the reader meets them (issue 17, item 9): the Problems message
// gives the verdict first and names outlets, not files; a figure that contradicts two others gets
// one pair of Ctrl+. actions per pair, each naming its pair; marking one pair explained takes it
// out of the status bar's count; the hover lists the other sources right under its title.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification, CodeActionRequest, HoverRequest, type Command, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from './lspClient';
import { reviewContradictionRequest } from '../../shared/src/protocol';

const S004 = '004_c60929020f56a472.txt';
const FIGURE = 'أكثر من 150 ضربة';
const strip = (s: string | { value: string }) => (typeof s === 'string' ? s : s.value).replace(/[\u2066-\u2069]/g, '');

let workspace: string;
let session: LspSession;
const uriOf = (name: string) => `file://${join(workspace, 'seeds', name)}`;
const textOf = (name: string) => readFileSync(join(workspace, 'seeds', name), 'utf8');

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

const contradictionsOf = (uri: string): Diagnostic[] => session.diagnostics.get(uri)?.diagnostics.filter((d) => d.code === 'contradiction') ?? [];

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'sanad-contra-'));
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  ({ session } = await LspSession.start(workspace, { labels: { annotator: 'tester' } }));
  await session.until('the corpus index', () => session.status && !session.status.indexing && session.status.documents === 5 && session.status, 30_000);
  await session.until('two contradictions on 004', () => contradictionsOf(uriOf(S004)).length === 2);
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('a contradiction reads verdict first, then the two figures by outlet, never by file name', () => {
  for (const d of contradictionsOf(uriOf(S004))) {
    const message = strip(d.message);
    assert.match(message, /^dozens \(20–99\) cannot be more than 150: /, message);
    assert.match(message, /^[^·]*150\+ \(إيلاف\) vs dozens \((إرم نيوز|002_b4a12e420ae2588d\.txt)\)/, message);
    assert.ok(!message.includes('seeds/'), `a path in the message: ${message}`);
    const related = strip(d.relatedInformation![0].message);
    assert.match(related, /^The other figure: dozens \(/, related);
  }
});

test('Ctrl+. offers each pair once, each action naming its pair; explaining one takes it out of the status count', async () => {
  const uri = uriOf(S004);
  const text = textOf(S004);
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
  const at = text.indexOf(FIGURE);
  const diagnostics = contradictionsOf(uri);
  // VS Code sends every diagnostic under the cursor; the same one twice must not double the actions.
  const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: positionOf(text, at + 2), end: positionOf(text, at + 2) },
    context: { diagnostics: [...diagnostics, ...diagnostics] },
  })) as Array<{ title: string; command?: Command }>;
  const explain = actions.filter((a) => a.title.startsWith('Sanad: Mark as explained'));
  assert.equal(explain.length, 2, actions.map((a) => a.title).join(' | '));
  const titles = explain.map((a) => strip(a.title));
  assert.notEqual(titles[0], titles[1]);
  assert.ok(
    titles.some((t) => /Mark as explained: 150\+ \(إيلاف\) vs dozens \(إرم نيوز\)…$/.test(t)),
    titles.join(' | '),
  );

  assert.equal(session.status?.contradictions, 2);
  const chosen = explain.find((a) => strip(a.title).includes('إرم نيوز'))!;
  const result = await session.connection.sendRequest(reviewContradictionRequest, { ...chosen.command!.arguments![0], note: 'different periods' });
  assert.equal(result.ok, true);
  await session.until('the status to count one pair', () => session.status?.contradictions === 1);
  // The explained pair (and only it) becomes information; the other stays a warning.
  const after = await session.until('one explained diagnostic', () => {
    const ds = contradictionsOf(uri);
    return ds.filter((d) => d.severity === 3).length === 1 && ds;
  });
  assert.ok(strip(after.find((d) => d.severity === 3)!.message).includes('إرم نيوز'));
  assert.equal(after.filter((d) => d.severity === 2).length, 1);
});

test('the hover lists the other sources right under its title, one short line each', async () => {
  const uri = uriOf(S004);
  const text = textOf(S004);
  const at = text.indexOf(FIGURE);
  const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, at + 2) });
  const lines = strip((hover!.contents as MarkupContent).value).split('  \n');
  const head = lines.findIndex((l) => /^\*\*\d+ sources\*\* on /.test(l));
  assert.ok(head >= 0 && head <= 2, `the sources start at line ${head}: ${lines.join(' / ')}`);
  const rows = lines.slice(head + 1).filter((l) => /^[✓✗] /.test(l));
  assert.ok(rows.length >= 2, lines.join(' / '));
  for (const r of rows) assert.ok(r.length < 90, `a long line: ${r}`);
});
