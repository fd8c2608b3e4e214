// Protocol layer: comparing two annotators' label folders gives the Agreement view's figures, and
// settling them writes one label set in a new folder (agreements carried over, each disagreement
// as the reviewer chose) without touching either annotator's files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { LspSession, repoRoot } from './lspClient';
import { compareRequest, settlePlanRequest, settleRequest, type SettleChoice } from '../../shared/src/protocol';
import { renderLabelFile } from '../../server/src/labels';
import { emptyLabelFile, type Label } from '../../server/src/labels/labelTypes';

const S004 = '004_c60929020f56a472.txt';
let workspace: string;
let session: LspSession;
let rana: string;
let omar: string;
let before0: string[];

function label(text: string, id: string, type: Label['type'], quote: string, annotator: string, status: Label['status'] = 'accepted'): Label {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return {
    id,
    type,
    status,
    text: quote,
    start,
    end: start + quote.length,
    before: text.slice(Math.max(0, start - 30), start),
    after: text.slice(start + quote.length, start + quote.length + 30),
    annotator,
  };
}

/** ROWS in the order their quote (column AT) first comes in the seed, as the server lists them. */
function byPlace(rows: string[][], at: number): string[][] {
  const text = readFileSync(join(workspace, 'seeds', S004), 'utf8');
  return [...rows].sort((x, y) => text.indexOf(x[at]) - text.indexOf(y[at]));
}

function writeFolder(folder: string, labels: Label[]): string {
  const path = join(folder, 'seeds', `${S004}.yaml`);
  mkdirSync(join(folder, 'seeds'), { recursive: true });
  writeFileSync(path, renderLabelFile({ ...emptyLabelFile(`seeds/${S004}`), labels }));
  return path;
}

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'sanad-settle-'));
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  const text = readFileSync(join(workspace, 'seeds', S004), 'utf8');
  rana = join(workspace, '.sanad', 'labels-rana');
  omar = join(workspace, '.sanad', 'labels-omar');
  // Agreed: the figure. Differ: بغداد (place / organisation). Only Omar: واشنطن.
  const files = [
    writeFolder(rana, [label(text, 'a1', 'quantity', 'أكثر من 150 ضربة', 'Rana'), label(text, 'a2', 'place', 'بغداد', 'Rana')]),
    writeFolder(omar, [label(text, 'b1', 'quantity', 'أكثر من 150 ضربة', 'Omar'), label(text, 'b2', 'organization', 'بغداد', 'Omar'), label(text, 'b3', 'place', 'واشنطن', 'Omar')]),
  ];
  before0 = files.map((f) => readFileSync(f, 'utf8'));
  ({ session } = await LspSession.start(workspace, { labels: { annotator: 'tester' } }));
  await session.until('the corpus index', () => session.status && !session.status.indexing && session.status.documents === 5 && session.status, 30_000);
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('the comparison carries the figures per type and the disagreements with their kind and place', async () => {
  const result = await session.connection.sendRequest(compareRequest, { a: rana, b: omar });
  assert.equal(result.ok, true, result.message);
  const g = result.agreement!;
  assert.equal(g.annotatorA, 'Rana');
  assert.equal(g.annotatorB, 'Omar');
  assert.equal(g.compared, 1);
  assert.deepEqual(
    g.byType.map((x) => x.type),
    ['person', 'organization', 'place', 'date', 'quantity'],
  );
  const figures = g.byType.find((x) => x.type === 'quantity')!;
  assert.deepEqual([figures.a, figures.b, figures.both, figures.f1], [1, 1, 1, 1]);
  assert.deepEqual([g.overall.a, g.overall.b, g.overall.both], [2, 3, 1]);
  assert.deepEqual(
    result.disagreements!.map((d) => [d.kind, d.text, d.path]),
    byPlace(
      [
        ['type', 'بغداد', `seeds/${S004}`],
        ['only-b', 'واشنطن', `seeds/${S004}`],
      ],
      1,
    ),
  );
});

test('settling: the plan lists the disagreements with context; the settled set is written beside, the annotators’ files untouched', async () => {
  const plan = await session.connection.sendRequest(settlePlanRequest, { a: rana, b: omar });
  assert.equal(plan.ok, true, plan.message);
  assert.equal(plan.annotatorA, 'Rana');
  assert.equal(plan.agreed, 1);
  const items = plan.items!;
  assert.equal(items.length, 2);
  const baghdad = items.findIndex((i) => i.kind === 'type');
  const washington = items.findIndex((i) => i.kind === 'only-b');
  assert.equal(items[baghdad].a?.type, 'place');
  assert.equal(items[baghdad].b?.type, 'organization');
  assert.ok(items[baghdad].context.includes('بغداد') && items[baghdad].context.length > 'بغداد'.length, items[baghdad].context);
  assert.ok(items[baghdad].uri?.endsWith(`seeds/${S004}`));
  assert.equal(items[washington].a, null);

  // A stale list is refused.
  const stale = await session.connection.sendRequest(settleRequest, { a: rana, b: omar, key: 'x', choices: [], annotator: 'settled' });
  assert.equal(stale.ok, false);
  assert.match(stale.message ?? '', /changed while you settled/);

  const choices: SettleChoice[] = items.map((_, i) => (i === baghdad ? 'a' : 'neither'));
  const done = await session.connection.sendRequest(settleRequest, { a: rana, b: omar, key: plan.key!, choices, annotator: 'settled' });
  assert.equal(done.ok, true, done.message);
  assert.equal(done.folder, join(workspace, '.sanad', 'labels-settled'));
  const settled = YAML.parse(readFileSync(join(workspace, '.sanad', 'labels-settled', 'seeds', `${S004}.yaml`), 'utf8')) as { labels: Label[] };
  assert.deepEqual(
    settled.labels.map((l) => [l.text, l.type, l.annotator]),
    byPlace(
      [
        ['أكثر من 150 ضربة', 'quantity', 'settled'],
        ['بغداد', 'place', 'settled'],
      ],
      0,
    ),
  );
  assert.deepEqual(
    [rana, omar].map((f) => readFileSync(join(f, 'seeds', `${S004}.yaml`), 'utf8')),
    before0,
  );

  // The same name again: refused, nothing written over.
  const again = await session.connection.sendRequest(settleRequest, { a: rana, b: omar, key: plan.key!, choices, annotator: 'settled' });
  assert.equal(again.ok, false);
  assert.match(again.message ?? '', /already exists/);
  // A name that would leave the folder: refused.
  const escape = await session.connection.sendRequest(settleRequest, { a: rana, b: omar, key: plan.key!, choices, annotator: '../x' });
  assert.equal(escape.ok, false);
  assert.ok(!existsSync(join(workspace, '.sanad', 'labels-..')));
});
