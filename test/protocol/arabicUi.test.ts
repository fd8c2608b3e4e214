// Protocol layer, the server in Arabic (issue 17, item 8): with uiLanguage "ar" in the
// initialization options, hovers, code lenses, quick fixes and Problems' related information are
// written in Arabic, counts agreeing with their nouns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification, CodeActionRequest, CodeLensRequest, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from './lspClient';

const S004 = '004_c60929020f56a472.txt';
const FIGURE = 'أكثر من 150 ضربة';
const strip = (s: string | { value: string }) => (typeof s === 'string' ? s : s.value).replace(/[\u2066-\u2069]/g, '');

let workspace: string;
let session: LspSession;
const uri = () => `file://${join(workspace, 'seeds', S004)}`;
let text: string;

function positionOf(offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'sanad-ar-'));
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  ({ session } = await LspSession.start(workspace, {}, { initializationOptions: { trusted: true, uiLanguage: 'ar' } }));
  await session.until('the corpus index', () => session.status && !session.status.indexing && session.status.documents === 5 && session.status, 30_000);
  text = readFileSync(join(workspace, 'seeds', S004), 'utf8');
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(), languageId: 'arabic-news', version: 1, text } });
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('a figure\'s hover is in Arabic: its kind, "3 مصادر", the label hint', async () => {
  const at = text.indexOf(FIGURE);
  const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri() }, position: positionOf(at + 2) });
  const value = strip((hover!.contents as MarkupContent).value);
  assert.match(value, /^\*\*رقم\*\*/);
  assert.match(value, /\*\*3 مصادر\*\* عن /);
  assert.match(value, /اقتراح: اقبله أو ارفضه/);
  assert.ok(!/sources|Suggestion|Value:/.test(value), value);
});

test('the code lens counts its sources in Arabic', async () => {
  const lenses = await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri() } });
  assert.ok(
    lenses?.some((l) => /^3 مصادر ⚠ \$\(blank\)$/.test(l.command?.title ?? '')),
    JSON.stringify(lenses?.map((l) => l.command?.title)),
  );
});

test("quick fixes and the contradiction's related information are in Arabic", async () => {
  const d = await session.until(
    'contradictions on 004',
    () => session.diagnostics.get(uri())?.diagnostics.filter((x) => x.code === 'contradiction').length === 2 && session.diagnostics.get(uri())!.diagnostics,
  );
  const contra = d.filter((x) => x.code === 'contradiction');
  assert.ok(contra.every((x) => strip(x.relatedInformation![0].message).startsWith('الرقم الآخر: ')));
  assert.ok(
    contra.every((x) => strip(x.message).includes('150+ (إيلاف) مقابل ')),
    strip(contra[0].message),
  );
  const at = text.indexOf(FIGURE);
  const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: uri() },
    range: { start: positionOf(at + 2), end: positionOf(at + 2) },
    context: { diagnostics: contra },
  })) as Array<{ title: string }>;
  const titles = actions.map((a) => strip(a.title));
  assert.ok(
    titles.some((t) => t.startsWith('سند: قبول رقم')),
    titles.join(' | '),
  );
  assert.equal(titles.filter((t) => t.startsWith('سند: تعليم بوصفه مُفسَّرًا: ')).length, 2, titles.join(' | '));
});
