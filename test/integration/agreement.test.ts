// Integration layer, two annotators: the packaged .vsix in a real VS Code with a copy of the seeds
// and two annotators' label folders. Compare Annotators… fills the Agreement view in the Sanad
// panel (figures per type, the disagreements, each showing its place in the article); Settle
// Disagreements… walks through each disagreement in a quick pick from the keyboard and writes one
// settled label set beside the two, which stay as they were.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { startSuite, type Suite } from './helpers/session';
import { poll, quickOpen, sanadIndexed, settle } from './helpers/workbench';
import { answerFileDialog, answerInput, cursorStatus, quickInputState, runCommand } from './helpers/quickInput';
import { allRows, clickRow, openContainer, setViewExpanded, viewTitles, type TreeRow } from './helpers/sidebar';
import { find } from './helpers/articleText';
import { renderLabelFile } from '../../server/src/labels';
import { emptyLabelFile, type Label } from '../../server/src/labels/labelTypes';

const SEED = '004_c60929020f56a472.txt';
const FIGURE = 'أكثر من 150 ضربة';
const DIFFERS = 'بغداد';
const ONLY_B = 'واشنطن';

let suite: Suite;
let seedText: string;
let rana: string;
let omar: string;
let written: string[];

const page = () => suite.session.page;
const shot = (name: string, check: () => Promise<void>) => suite.withShot(name, check);
const plain = (s: string) => s.replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');

function label(id: string, type: Label['type'], quote: string, annotator: string): Label {
  const start = seedText.indexOf(quote);
  return {
    id,
    type,
    status: 'accepted',
    text: quote,
    start,
    end: start + quote.length,
    before: seedText.slice(start - 30, start),
    after: seedText.slice(start + quote.length, start + quote.length + 30),
    annotator,
  };
}

function writeFolder(folder: string, labels: Label[]): string {
  mkdirSync(join(folder, 'seeds'), { recursive: true });
  const path = join(folder, 'seeds', `${SEED}.yaml`);
  writeFileSync(path, renderLabelFile({ ...emptyLabelFile(`seeds/${SEED}`), labels }));
  return readFileSync(path, 'utf8');
}

/** The quick pick of disagreement N (1-based), once it shows. */
const settleStep = (n: number, total: number) =>
  poll(
    `the quick pick of disagreement ${n} of ${total}`,
    async () => {
      const s = await quickInputState(page());
      return s.visible && plain(s.title).includes(`Settle ${n} of ${total}`) && s.rows.length >= 3 ? s : undefined;
    },
    { timeoutMs: 15_000, lastSeen: () => quickInputState(page()) },
  );

before(
  async () => {
    suite = await startSuite('agreement');
    seedText = readFileSync(join(suite.workspace.seeds, SEED), 'utf8');
    rana = join(suite.workspace.root, '.sanad', 'labels-rana');
    omar = join(suite.workspace.root, '.sanad', 'labels-omar');
    // Agreed: the figure. Differ: بغداد (place for Rana, organisation for Omar). Only Omar: واشنطن.
    written = [
      writeFolder(rana, [label('a1', 'quantity', FIGURE, 'Rana'), label('a2', 'place', DIFFERS, 'Rana')]),
      writeFolder(omar, [label('b1', 'quantity', FIGURE, 'Omar'), label('b2', 'organization', DIFFERS, 'Omar'), label('b3', 'place', ONLY_B, 'Omar')]),
    ];
    await shot('open-seed', async () => {
      await quickOpen(page(), SEED);
      await sanadIndexed(page());
      await openContainer(page(), 'Sanad', 'Actors');
    });
  },
  { timeout: 240_000 },
);

after(
  async () => {
    await suite?.close();
  },
  { timeout: 30_000 },
);

test('Compare Annotators fills the Agreement view: figures per type, the disagreements, each showing its place', { timeout: 180_000 }, () =>
  shot('compare-view', async () => {
    await runCommand(page(), 'Sanad: Compare Annotators…');
    await answerFileDialog(page(), rana, { exists: true });
    // The second dialog, for B, once it shows its own starting folder (typing before that is overwritten).
    await poll(
      'the dialog for folder B',
      async () => {
        const s = await quickInputState(page());
        return s.visible && s.title.includes('(B)') && s.value.startsWith('/') && s.value.endsWith('/') && s.value !== rana ? true : undefined;
      },
      { timeoutMs: 15_000, lastSeen: () => quickInputState(page()) },
    );
    await settle(page());
    await answerFileDialog(page(), omar, { exists: true });
    // Room for the view at the bottom of the panel: the others are folded away.
    await poll('the Agreement view', async () => (await viewTitles(page())).includes('Agreement') || undefined, { timeoutMs: 15_000, lastSeen: () => viewTitles(page()) });
    for (const view of ['Actors', 'Figures', 'Sources', 'Claim']) await setViewExpanded(page(), view, false);
    let rows: TreeRow[] = [];
    await poll(
      'the Agreement view with its disagreements',
      async () => {
        rows = await allRows(page(), 'Agreement');
        return rows.some((r) => r.level === 2) || undefined;
      },
      { timeoutMs: 20_000, lastSeen: async () => rows.map((r) => `${r.level} ${r.label} | ${r.description}`) },
    );
    const top = rows.filter((r) => r.level === 1).map((r) => r.label);
    assert.deepEqual(top, ['All types', 'Person', 'Organisation', 'Place', 'Date', 'Figure', '2 disagreements']);
    // The figure both labelled alike: F1 1.00 with A 1, B 1, both 1.
    const figure = rows.find((r) => r.label === 'Figure')!;
    assert.match(figure.description, /F1 1\.00/);
    assert.match(figure.description, /A 1 · B 1 · both 1/);
    assert.match(rows.find((r) => r.label === 'All types')!.description, /A 2 · B 3 · both 1/);
    const disagreements = rows.filter((r) => r.level === 2);
    assert.deepEqual(disagreements.map((r) => r.label).sort(), [DIFFERS, ONLY_B].sort());
    assert.match(disagreements.find((r) => r.label === DIFFERS)!.description, /the type differs · seeds\/004/);

    // A row shows its place in the article (and the focus stays in the panel).
    await clickRow(page(), 'Agreement', ONLY_B);
    const at = find(seedText, ONLY_B);
    await poll(`the cursor on ${ONLY_B}`, async () => ((await cursorStatus(page()))?.line === at.line ? true : undefined), { timeoutMs: 10_000, lastSeen: () => cursorStatus(page()) });
  }),
);

test('Settle walks through each disagreement from the keyboard and writes one settled set; both annotators’ files stay as they were', { timeout: 90_000 }, () =>
  shot('settle', async () => {
    await runCommand(page(), 'Sanad: Settle Two Annotators into One Label Set…');
    // In the article's order: بغداد comes first in the seed, then واشنطن.
    assert.ok(seedText.indexOf(DIFFERS) < seedText.indexOf(ONLY_B));
    const first = await settleStep(1, 2);
    assert.ok(
      first.rows.some((r) => plain(r).includes(`A · Rana: Place “${DIFFERS}”`)),
      first.rows.join(' | '),
    );
    assert.ok(first.rows.some((r) => plain(r).includes(`B · Omar: Organisation “${DIFFERS}”`)));
    // The article shows the disagreement while the quick pick asks.
    const at = find(seedText, DIFFERS);
    await poll(`the cursor on ${DIFFERS}`, async () => ((await cursorStatus(page()))?.line === at.line ? true : undefined), { timeoutMs: 10_000, lastSeen: () => cursorStatus(page()) });
    await settle(page());
    await page().keyboard.press('Enter'); // A's label: the first row
    const second = await settleStep(2, 2);
    assert.ok(second.rows.some((r) => plain(r).includes('A · Rana: no label')));
    // Neither: the third row.
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('Enter');
    await poll(
      'the name of the settled set',
      async () => {
        const s = await quickInputState(page());
        return s.visible && s.value === 'settled' ? s : undefined;
      },
      { timeoutMs: 10_000, lastSeen: () => quickInputState(page()) },
    );
    await answerInput(page(), 'settled', { what: 'the settled set name' });
    const file = join(suite.workspace.root, '.sanad', 'labels-settled', 'seeds', `${SEED}.yaml`);
    await poll(`the settled set at ${file}`, async () => existsSync(file) || undefined, { timeoutMs: 15_000 });
    const settled = YAML.parse(readFileSync(file, 'utf8')) as { labels: Label[] };
    assert.deepEqual(
      settled.labels.map((l) => [l.text, l.type, l.annotator]).sort(),
      [
        [FIGURE, 'quantity', 'settled'],
        [DIFFERS, 'place', 'settled'],
      ].sort(),
    );
    assert.deepEqual(
      [rana, omar].map((f) => readFileSync(join(f, 'seeds', `${SEED}.yaml`), 'utf8')),
      written,
    );
  }),
);
