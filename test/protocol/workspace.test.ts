// Protocol layer, across files: contradictions on both sides, references and definitions of an
// actor in every article, the Outline, Ctrl+T, code lenses, and the labelling round trip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import {
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DidChangeTextDocumentNotification,
  ReferencesRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  WorkspaceSymbolRequest,
  CodeLensRequest,
  CodeActionRequest,
  type Location,
  type DocumentSymbol,
  type Command,
} from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from './lspClient';
import { labelRequest } from '../../shared/src/protocol';

let workspace: string;
let session: LspSession;
const uriOf = (name: string) => `file://${join(workspace, 'seeds', name)}`;
const textOf = (name: string) => readFileSync(join(workspace, 'seeds', name), 'utf8');
const S004 = '004_c60929020f56a472.txt';
const S000 = '000_69a4e039fec93b87.txt';
const S002 = '002_b4a12e420ae2588d.txt';

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'sanad-ws-'));
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  ({ session } = await LspSession.start(workspace, { labels: { annotator: 'tester' } }));
  await session.until('the corpus index', () => session.status && !session.status.indexing && session.status.documents === 5 && session.status, 30_000);
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('the seeds’ attack counts contradict: a warning on both sides, each pointing at the other', async () => {
  const d4 = await session.until(
    'diagnostics on 004',
    () => (session.diagnostics.get(uriOf(S004))?.diagnostics.filter((d) => d.code === 'contradiction').length ?? 0) > 0 && session.diagnostics.get(uriOf(S004)),
  );
  const on4 = d4.diagnostics.filter((d) => d.code === 'contradiction');
  const text4 = textOf(S004);
  const at = text4.indexOf('أكثر من 150 ضربة');
  assert.ok(on4.every((d) => d.severity === 2));
  assert.ok(
    on4.some((d) => d.range.start.line === positionOf(text4, at).line),
    'the warning sits on "أكثر من 150 ضربة"',
  );
  const others = on4.flatMap((d) => d.relatedInformation ?? []).map((r) => r.location.uri);
  assert.ok(others.includes(uriOf(S000)) && others.includes(uriOf(S002)), 'it points at 000 and 002');
  const d0 = session.diagnostics.get(uriOf(S000))!.diagnostics.filter((d) => d.code === 'contradiction');
  assert.equal(d0.length, 1);
  assert.equal(d0[0].relatedInformation![0].location.uri, uriOf(S004));
  assert.ok(!session.diagnostics.get(uriOf('003_7679b3e3658cb47b.txt'))?.diagnostics.some((d) => d.code === 'contradiction'), 'troop figures are not flagged');
});

test('references and definition of an actor reach every article that names it', async () => {
  const text = textOf(S004);
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(S004), languageId: 'arabic-news', version: 1, text } });
  const at = text.indexOf('بغداد');
  const refs = (await session.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: uriOf(S004) },
    position: positionOf(text, at + 1),
    context: { includeDeclaration: true },
  })) as Location[];
  const files = new Set(refs.map((r) => r.uri));
  assert.ok(files.size >= 4, `Baghdad is named in at least four seeds (found ${files.size})`);
  for (const r of refs) {
    const t = readFileSync(new URL(r.uri), 'utf8').split('\n')[r.range.start.line].slice(r.range.start.character, r.range.end.character);
    assert.match(t, /بغداد/);
  }
  const def = (await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf(S004) }, position: positionOf(text, at + 1) })) as Location;
  assert.ok(def && files.has(def.uri));
});

test('the Outline lists actors, dates and figures', async () => {
  const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(S004) } })) as DocumentSymbol[];
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['Actors', 'Dates', 'Figures'],
  );
  const figures = symbols.find((s) => s.name === 'Figures')!.children!;
  // Names and details carry bidi isolates (they keep their order in the Outline): read without them.
  assert.ok(figures.some((f) => f.name.includes('150') && f.detail!.replace(/[\u2066-\u2069]/g, '').startsWith('151+')));
});

test('Ctrl+T finds an actor across the corpus by any spelling', async () => {
  const found = (await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'السودانی' })) as Array<{ name: string; location: Location }>;
  assert.ok(found.length >= 1, 'found by the Persian-yeh spelling');
  assert.ok(found.every((s) => /السوداني/.test(s.name)));
});

test('a code lens above a figure other sources also report', async () => {
  const lenses = await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(S004) } });
  // A short title (it starts near the right edge of an Arabic line), the values as its tooltip.
  assert.ok(
    lenses && lenses.some((l) => /^\d+ sources [⚠✓] \$\(blank\)$/.test(l.command?.title ?? '') && /^\d+ sources: .+ · /.test((l.command as { tooltip?: string } | undefined)?.tooltip ?? '')),
    JSON.stringify(lenses?.map((l) => l.command)),
  );
});

test('labelling: code actions, accept writes the YAML, labels follow an edit, reject is kept', async () => {
  const uri = uriOf(S004);
  const text = textOf(S004);
  const at = text.indexOf('أكثر من 150 ضربة');
  const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: positionOf(text, at + 2), end: positionOf(text, at + 2) },
    context: { diagnostics: [] },
  })) as Array<{ title: string; command?: Command }>;
  const accept = actions.find((a) => a.title.startsWith('Sanad: Accept figure'));
  assert.ok(accept?.command, actions.map((a) => a.title).join(' | '));
  const result = await session.connection.sendRequest(labelRequest, accept.command.arguments![0]);
  // The result carries the span's label before the action (none), for the client's undo.
  assert.deepEqual(result, { ok: true, previous: null });
  const labelFile = join(workspace, '.sanad', 'labels', 'seeds', `${S004}.yaml`);
  assert.ok(existsSync(labelFile));
  let file = YAML.parse(readFileSync(labelFile, 'utf8'));
  assert.equal(file.schema, 1);
  assert.equal(file.labels.length, 1);
  assert.equal(file.labels[0].status, 'accepted');
  assert.equal(file.labels[0].text, 'أكثر من 150 ضربة');
  assert.equal(file.labels[0].annotator, 'tester');
  assert.deepEqual(file.labels[0].value, { min: 151, max: null });

  // An edit before the label moves it; the move is written when the article is saved.
  const insert = 'سطر جديد في أول المقال.\n';
  await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }],
  });
  const spans = await session.until('spans of version 2', () => session.spans.get(uri)?.version === 2 && session.spans.get(uri));
  const painted = spans.spans.find((s) => s.start === at + insert.length);
  assert.equal(painted?.status, 'accepted', 'the accepted label is painted as accepted at its new place');
  await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  await session.until('the label file rewritten', () => YAML.parse(readFileSync(labelFile, 'utf8')).labels[0].start === at + insert.length, 5000);

  const reject = await session.connection.sendRequest(labelRequest, { action: 'reject', uri, start: painted.start, end: painted.end, kind: 'quantity' });
  assert.equal(reject.ok, true);
  file = YAML.parse(readFileSync(labelFile, 'utf8'));
  assert.equal(file.labels[0].status, 'rejected');
});
