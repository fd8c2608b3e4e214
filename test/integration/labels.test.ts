// Integration layer, labelling: the packaged .vsix in a real VS Code with a copy of the seeds open,
// driven from the keyboard as an annotator would (Ctrl+Alt+A, Ctrl+Alt+L, Ctrl+Alt+R, typing,
// Ctrl+S, the export and import commands with VS Code's own file dialog). Assertions are on the
// label file on disk, on the text it quotes, and on what the editor draws.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { fingerprint, startSuite, SHOTS, type Suite } from './helpers/session';
import { repoRoot } from './helpers/launcher';
import { allViewLines, poll, quickOpen, sanadIndexed, settle, viewLines } from './helpers/workbench';
import { answerFileDialog, goTo, notifications, pickItem, runCommand, selectFrom } from './helpers/quickInput';
import { decorationsAt, scrollLineToTop, type DrawnDecoration } from './helpers/editorWidgets';
import { drawnRows, openContainer } from './helpers/sidebar';
import { findOnLine } from './helpers/articleText';

const SEED = '004_c60929020f56a472.txt';
const ANNOTATOR = 'integration-test';
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** The figure to accept (Sanad suggests it), the words to label by hand, the figure to reject. */
const ACCEPT = { line: 16, text: 'أكثر من 150 ضربة', type: 'quantity', status: 'accepted' };
const MANUAL = { line: 30, text: 'مسؤولا كبيرا', type: 'person', status: 'manual' };
const REJECT = { line: 32, text: 'زهاء 900 جندي', type: 'quantity', status: 'rejected' };
/** The line typed at the top of the article; every label must move by its length. */
const INSERTED = 'سطر أضافه الاختبار فوق المقال';

interface StoredLabel {
  id: string;
  type: string;
  status: string;
  text: string;
  start: number;
  end: number;
  annotator?: string;
  before?: string;
  after?: string;
}

let suite: Suite;
let original: string;
/** The repository's own seeds/ and .sanad/ before the run; they must be the same after it. */
let repoSeeds: Record<string, string>;
let repoSanad: Record<string, string>;
/** The labels as written before the article was edited, by id. */
const placed = new Map<string, StoredLabel>();
let exportFile: string;
/** Suggestions of the seed left to review, as the Sources view showed them before any label. */
let unreviewedBefore: number;

const page = () => suite.session.page;
const shot = (name: string, check: () => Promise<void>) => suite.withShot(name, check);
const articleFile = () => join(suite.workspace.seeds, SEED);
const labelFile = () => join(suite.workspace.root, '.sanad', 'labels', 'seeds', `${SEED}.yaml`);

function readLabels(): StoredLabel[] | undefined {
  if (!existsSync(labelFile())) return undefined;
  const parsed = YAML.parse(readFileSync(labelFile(), 'utf8')) as { schema?: number; article?: string; labels?: StoredLabel[] } | null;
  assert.equal(parsed?.schema, 1, 'the label file has no schema 1');
  assert.equal(parsed?.article, `seeds/${SEED}`);
  return parsed?.labels ?? [];
}

/** The seed's "N unreviewed" in the Sources view, when its row is drawn with one. */
async function unreviewed(): Promise<number | undefined> {
  const row = (await drawnRows(page(), 'Sources')).find((r) => r.label === `seeds/${SEED}`);
  const m = row && / · (\d+) unreviewed$/.exec(row.description);
  return m ? Number(m[1]) : undefined;
}

/** Waits for the label file to hold a label with TEXT, and returns that label. */
async function labelFor(text: string, status: string, timeoutMs = 15_000): Promise<StoredLabel> {
  return poll(`a ${status} label on "${text}" in ${labelFile()}`, async () => readLabels()?.find((l) => l.text === text && l.status === status), {
    timeoutMs,
    lastSeen: async () => (existsSync(labelFile()) ? readFileSync(labelFile(), 'utf8') : 'no label file'),
  });
}

/** The label as the article says it should be: type, status, quote, offsets, annotator. */
function assertPlaced(label: StoredLabel, want: { text: string; type: string; status: string }, text: string, start: number): void {
  assert.equal(label.type, want.type);
  assert.equal(label.status, want.status);
  assert.equal(label.annotator, ANNOTATOR);
  assert.equal(label.start, start, `"${want.text}" starts at ${label.start}, the article has it at ${start}`);
  assert.equal(label.end, start + want.text.length);
  assert.equal(text.slice(label.start, label.end), label.text, 'the quote is not the article slice');
  if (label.before) assert.ok(text.slice(0, label.start).endsWith(label.before), `the context before does not match: "${label.before}"`);
  if (label.after) assert.ok(text.slice(label.end).startsWith(label.after), `the context after does not match: "${label.after}"`);
}

/**
 * What the editor draws over a span, once it matches WANT: accepted labels have a thick solid
 * border, manual ones a double one, rejected ones a dashed border and no fill.
 */
async function drawnAs(line: number, text: string, want: 'accepted' | 'manual' | 'rejected'): Promise<DrawnDecoration> {
  const ok = (d: DrawnDecoration) =>
    want === 'accepted'
      ? d.borderStyle === 'solid' && d.borderWidth >= 2
      : want === 'manual'
        ? d.borderStyle === 'double'
        : d.borderStyle === 'dashed' && /rgba\(\d+, \d+, \d+, 0\)|transparent/.test(d.background);
  await goTo(page(), line, 1);
  return poll(`"${text}" on line ${line} drawn as ${want}`, async () => (await decorationsAt(page(), line, text))?.find(ok), {
    timeoutMs: 15_000,
    lastSeen: () => decorationsAt(page(), line, text),
  });
}

/** No Arabic row of the article (whose text is TEXT) is split into several parts, which would scramble its words. */
async function assertWordOrder(text: string): Promise<void> {
  const rows = await allViewLines(page());
  const arabic = rows.filter((r) => ARABIC.test(r.text));
  const lines = text.split('\n');
  const lastArabicLine = lines.reduce((last, line, i) => (ARABIC.test(line) ? i + 1 : last), 0);
  assert.ok(arabic.length >= lines.filter((l) => ARABIC.test(l)).length, `only ${arabic.length} Arabic rows were drawn`);
  assert.ok(
    rows.some((r) => r.lineNumber === lastArabicLine),
    `the walk did not reach line ${lastArabicLine}`,
  );
  const split = arabic.filter((r) => r.parts !== 1).map((r) => `line ${r.lineNumber ?? '?'} in ${r.parts} parts: ${r.text.slice(0, 80)}`);
  assert.deepEqual(split, [], `Arabic rows split into several parts (drawn out of order):\n${split.join('\n')}`);
}

before(
  async () => {
    repoSeeds = fingerprint(join(repoRoot, 'seeds'));
    repoSanad = fingerprint(join(repoRoot, '.sanad'));
    suite = await startSuite('labels', { 'sanad.labels.annotator': ANNOTATOR });
    original = readFileSync(articleFile(), 'utf8');
    exportFile = join(suite.workspace.root, 'review-export.yaml');
    await shot('open-seed', async () => {
      await quickOpen(page(), SEED);
      // The status item reports counts once the whole workspace is indexed.
      await sanadIndexed(page());
      await poll('Sanad highlights in the editor', async () => (await viewLines(page())).some((r) => r.decorations.length) || undefined, { timeoutMs: 30_000 });
      await openContainer(page(), 'Sanad', 'Actors');
      unreviewedBefore = await poll('the unreviewed count of the seed in the Sources view', unreviewed, {
        timeoutMs: 30_000,
        lastSeen: () => drawnRows(page(), 'Sources'),
      });
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

test('Ctrl+Alt+A on a suggested figure writes an accepted label', { timeout: 45_000 }, () =>
  shot('accept', async () => {
    assert.equal(existsSync(labelFile()), false, 'a label file exists before any label');
    const at = findOnLine(original, ACCEPT.line, ACCEPT.text);
    // The cursor inside the span, not at its edge.
    await goTo(page(), at.line, at.column + 3);
    await page().keyboard.press('ControlOrMeta+Alt+A');
    const label = await labelFor(ACCEPT.text, 'accepted');
    assertPlaced(label, ACCEPT, original, at.offset);
    placed.set(label.id, label);
  }),
);

test('Ctrl+Alt+L and "Person" label a selection by hand', { timeout: 45_000 }, () =>
  shot('label-selection', async () => {
    const at = findOnLine(original, MANUAL.line, MANUAL.text);
    await selectFrom(page(), at.line, at.column, MANUAL.text.length);
    await page().keyboard.press('ControlOrMeta+Alt+L');
    await pickItem(page(), 'Person');
    const label = await labelFor(MANUAL.text, 'manual');
    assertPlaced(label, MANUAL, original, at.offset);
    placed.set(label.id, label);
  }),
);

test('Ctrl+Alt+R on a suggestion writes a rejected label, and the others stay', { timeout: 45_000 }, () =>
  shot('reject', async () => {
    const at = findOnLine(original, REJECT.line, REJECT.text);
    await goTo(page(), at.line, at.column + 2);
    await page().keyboard.press('ControlOrMeta+Alt+R');
    const label = await labelFor(REJECT.text, 'rejected');
    assertPlaced(label, REJECT, original, at.offset);
    placed.set(label.id, label);
    assert.deepEqual(
      readLabels()!
        .map((l) => l.id)
        .sort(),
      [...placed.keys()].sort(),
    );
  }),
);

test('the Sources view counts two suggestions fewer to review (one accepted, one rejected)', { timeout: 30_000 }, () =>
  shot('unreviewed', async () => {
    const now = await poll(
      `the seed's unreviewed count to fall from ${unreviewedBefore} to ${unreviewedBefore - 2}`,
      async () => {
        const n = await unreviewed();
        return n === unreviewedBefore - 2 ? n : undefined;
      },
      { timeoutMs: 15_000, lastSeen: () => drawnRows(page(), 'Sources') },
    );
    assert.equal(now, unreviewedBefore - 2);
  }),
);

test('accepted, manual and rejected spans are drawn differently, and no Arabic line is split', { timeout: 90_000 }, () =>
  shot('decorations', async () => {
    await drawnAs(ACCEPT.line, ACCEPT.text, 'accepted');
    await drawnAs(MANUAL.line, MANUAL.text, 'manual');
    await drawnAs(REJECT.line, REJECT.text, 'rejected');
    await assertWordOrder(original);
  }),
);

test('a line typed at the top moves every label by its length once the article is saved', { timeout: 60_000 }, () =>
  shot('edit-save', async () => {
    await goTo(page(), 1, 1);
    await page().keyboard.type(INSERTED);
    await page().keyboard.press('Enter');
    await page().keyboard.press('ControlOrMeta+S');
    const shift = INSERTED.length + 1;
    const saved = await poll(
      'the article saved with the new first line',
      async () => {
        const text = readFileSync(articleFile(), 'utf8');
        return text.startsWith(`${INSERTED}\n`) ? text : undefined;
      },
      { timeoutMs: 15_000, lastSeen: async () => readFileSync(articleFile(), 'utf8').slice(0, 80) },
    );
    assert.equal(saved, `${INSERTED}\n${original}`, 'the saved article is not the original with one line on top');
    const moved = await poll(
      `every label moved by ${shift}`,
      async () => {
        const labels = readLabels() ?? [];
        return labels.length === placed.size && labels.every((l) => l.start === (placed.get(l.id)?.start ?? NaN) + shift) ? labels : undefined;
      },
      { timeoutMs: 15_000, lastSeen: async () => readFileSync(labelFile(), 'utf8') },
    );
    for (const label of moved) {
      const was = placed.get(label.id)!;
      assert.equal(label.end, was.end + shift);
      assert.equal(label.text, was.text);
      assert.equal(saved.slice(label.start, label.end), label.text, `"${label.text}" is no longer the article's slice`);
      assert.equal(label.status, was.status);
    }
  }),
);

test('after the edit the decorations are still drawn by status, and the word order holds', { timeout: 90_000 }, () =>
  shot('decorations-after-edit', async () => {
    await drawnAs(ACCEPT.line + 1, ACCEPT.text, 'accepted');
    await drawnAs(MANUAL.line + 1, MANUAL.text, 'manual');
    await drawnAs(REJECT.line + 1, REJECT.text, 'rejected');
    await assertWordOrder(readFileSync(articleFile(), 'utf8'));
  }),
);

test('a picture of labelled text', { timeout: 45_000 }, () =>
  shot('labels-picture', async () => {
    // The side bar closed and the accepted figure's line at the top, so all three labels show at once.
    await runCommand(page(), 'View: Toggle Primary Side Bar Visibility');
    try {
      await drawnAs(ACCEPT.line + 1, ACCEPT.text, 'accepted');
      await scrollLineToTop(page(), ACCEPT.line);
      for (const l of [MANUAL, REJECT]) assert.ok(await decorationsAt(page(), l.line + 1, l.text), `"${l.text}" is not on screen with the accepted figure`);
      await page().mouse.move(700, 5);
      await settle(page());
      await page().screenshot({ path: join(SHOTS, 'labels.png') });
    } finally {
      await runCommand(page(), 'View: Toggle Primary Side Bar Visibility');
    }
  }),
);

test('Export Annotations… writes a YAML file with the labels, through the file dialog', { timeout: 60_000 }, () =>
  shot('export', async () => {
    await runCommand(page(), 'Sanad: Export Annotations…');
    await pickItem(page(), 'YAML');
    await answerFileDialog(page(), exportFile, { exists: false });
    await poll(`the export at ${exportFile}`, async () => existsSync(exportFile), { timeoutMs: 20_000 });
    const exported = await poll(
      'the export to parse',
      async () => {
        try {
          return YAML.parse(readFileSync(exportFile, 'utf8')) as { documents?: Array<{ path: string; labels?: StoredLabel[] }> };
        } catch {
          return undefined; // still being written
        }
      },
      { timeoutMs: 10_000 },
    );
    const docs = exported.documents ?? [];
    assert.ok(docs.length >= 5, `the export holds ${docs.length} documents`);
    const mine = docs.find((d) => d.path === `seeds/${SEED}`);
    assert.ok(mine, `the export has no document seeds/${SEED}: ${docs.map((d) => d.path).join(', ')}`);
    const stored = readLabels()!;
    assert.deepEqual((mine.labels ?? []).map((l) => [l.id, l.type, l.status, l.start, l.end, l.text]).sort(), stored.map((l) => [l.id, l.type, l.status, l.start, l.end, l.text]).sort());
    const message = await poll('a notification about the export', async () => (await notifications(page())).find((n) => /export/i.test(n)), { timeoutMs: 10_000 });
    assert.match(message, /Exported \d+ article/);
  }),
);

test('with the label file deleted, Import Annotations… brings it back from the export', { timeout: 60_000 }, () =>
  shot('import', async () => {
    const before = readLabels()!;
    rmSync(labelFile());
    await runCommand(page(), 'Sanad: Import Annotations…');
    await answerFileDialog(page(), exportFile, { exists: true });
    const back = await poll(
      'the label file written again',
      async () => {
        try {
          const labels = readLabels();
          return labels && labels.length === before.length ? labels : undefined;
        } catch {
          return undefined;
        }
      },
      { timeoutMs: 20_000 },
    );
    const key = (l: StoredLabel) => [l.id, l.type, l.status, l.start, l.end, l.text].join('|');
    assert.deepEqual(back.map(key).sort(), before.map(key).sort());
    const text = readFileSync(articleFile(), 'utf8');
    for (const l of back) assert.equal(text.slice(l.start, l.end), l.text);
    await poll('a notification about the import', async () => (await notifications(page())).find((n) => /Imported \d+ label/.test(n)), { timeoutMs: 10_000 });
    await drawnAs(ACCEPT.line + 1, ACCEPT.text, 'accepted');
  }),
);

test("the repository's own seeds/ and .sanad/ were not touched", { timeout: 10_000 }, () => {
  assert.deepEqual(fingerprint(join(repoRoot, 'seeds')), repoSeeds);
  assert.deepEqual(fingerprint(join(repoRoot, '.sanad')), repoSanad);
});
