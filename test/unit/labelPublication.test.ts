// The label file's `publication` (issue 13): a reviewer's publication date and outlet for the
// article, checked on read and before write like every other field, merged by its `updated` time,
// optional (files written before it read as they did), and put by the engine before the front
// matter, a manifest, the URL and the dateline (`publishedFrom: "labels"`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLabelFile } from '../../server/src/labels/labelSchema';
import { renderLabelFile } from '../../server/src/labels/labelRender';
import { mergeLabelFiles } from '../../server/src/labels/labelMerge';
import { saveLabelFile } from '../../server/src/labels/labelFs';
import { emptyLabelFile, type LabelFile, type Problem } from '../../server/src/labels/labelTypes';
import { analyzeText, metadataOf, withReviewed } from '../../server/src/analysis';
import { reviewedOf, ReviewedPublications } from '../../server/src/corpus/reviewedPublication';

function problemsOf(text: string): Problem[] {
  const r = parseLabelFile(text);
  assert.equal(r.ok, false, 'expected the file to be refused');
  return r.ok ? [] : r.problems;
}

test('a label file without "publication" reads as before, and one with it gives the date and outlet', () => {
  const old = parseLabelFile('schema: 1\narticle: seeds/004.txt\nlabels: []\nreviews: []\n');
  assert.ok(old.ok);
  assert.equal(old.file.publication, undefined);
  const r = parseLabelFile('schema: 1\narticle: seeds/004.txt\npublication:\n  published: 2024-02-20\n  outlet: "إيلاف"\n  annotator: سارة\n  updated: 2024-03-01T10:00:00.000Z\nlabels: []\n');
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  assert.deepEqual(r.file.publication, { published: '2024-02-20', outlet: 'إيلاف', annotator: 'سارة', updated: '2024-03-01T10:00:00.000Z' });
  // A date alone, or an outlet alone, is a correction too.
  const dateOnly = parseLabelFile('schema: 1\npublication: { published: "2024-01-26" }\n');
  assert.ok(dateOnly.ok);
  assert.deepEqual(dateOnly.file.publication, { published: '2024-01-26' });
});

test('a bad "publication" is refused at its line and column, and the file is not used', () => {
  const notADay = problemsOf('schema: 1\npublication:\n  published: 2024-02-30\n');
  assert.equal(notADay.length, 1);
  assert.match(notADay[0].message, /calendar day written YYYY-MM-DD/);
  assert.deepEqual([notADay[0].line, notADay[0].column], [2, 13]);
  assert.match(problemsOf('schema: 1\npublication:\n  published: 26/01/2024\n')[0].message, /YYYY-MM-DD/);
  assert.match(problemsOf('schema: 1\npublication:\n  published: 20240126\n')[0].message, /YYYY-MM-DD/);
  assert.match(problemsOf('schema: 1\npublication:\n  outlet: ""\n')[0].message, /"outlet" must not be empty/);
  assert.match(problemsOf('schema: 1\npublication:\n  outlet: 12\n')[0].message, /"outlet" must be text \(put it in quotes\)/);
  const typo = problemsOf('schema: 1\npublication:\n  publihsed: 2024-01-26\n');
  assert.match(typo[0].message, /Unknown key "publihsed" in a publication; expected one of: published, outlet, annotator, updated/);
  assert.match(problemsOf('schema: 1\npublication:\n  annotator: سارة\n')[0].message, /must give "published", "outlet" or both/);
  assert.match(problemsOf('schema: 1\npublication: 2024-01-26\n')[0].message, /"publication" is a mapping/);
  assert.match(problemsOf('schema: 1\npublication:\n  published: 2024-01-26\n  updated: yesterday\n')[0].message, /ISO time/);
});

test('the correction is written as a block after "article", read back the same, and removed when cleared', () => {
  const file: LabelFile = { ...emptyLabelFile('seeds/004.txt'), publication: { published: '2024-02-20', outlet: 'إيلاف', annotator: 'سارة', updated: '2024-03-01T10:00:00.000Z' } };
  const text = renderLabelFile(file);
  assert.match(text, /article: seeds\/004\.txt\npublication:\n {2}published: ["']?2024-02-20["']?\n {2}outlet: إيلاف\n {2}annotator: سارة\n {2}updated:/);
  const back = parseLabelFile(text);
  assert.ok(back.ok);
  assert.deepEqual(back.file.publication, file.publication);
  // A person's comment on it survives a change; clearing it removes the key.
  const commented = text.replace('  outlet: إيلاف', '  # checked against the outlet site\n  outlet: إيلاف');
  const changed = renderLabelFile({ ...file, publication: { ...file.publication, published: '2024-02-21' } }, commented);
  assert.match(changed, /# checked against the outlet site\n {2}outlet: إيلاف/);
  assert.match(changed, /published: ["']?2024-02-21/);
  const { publication: _gone, ...rest } = file;
  assert.doesNotMatch(renderLabelFile(rest, text), /publication/);
});

test('two saves merge the correction by its updated time; a removal holds unless the other side changed it since', () => {
  const base: LabelFile = { ...emptyLabelFile('a.txt'), publication: { published: '2024-01-01', updated: '2024-03-01T00:00:00Z' } };
  const newer: LabelFile = { ...base, publication: { published: '2024-01-02', updated: '2024-03-02T00:00:00Z' } };
  const older: LabelFile = { ...base, publication: { published: '2024-01-03', updated: '2024-02-01T00:00:00Z' } };
  assert.equal(mergeLabelFiles(base, older, newer).publication?.published, '2024-01-02');
  assert.equal(mergeLabelFiles(base, newer, older).publication?.published, '2024-01-02');
  const { publication: _p, ...cleared } = base;
  assert.equal(mergeLabelFiles(base, cleared, base).publication, undefined, 'cleared here, unchanged there');
  assert.equal(mergeLabelFiles(base, cleared, newer).publication?.published, '2024-01-02', 'changed there after the common version');
  assert.equal(mergeLabelFiles(undefined, emptyLabelFile('a.txt'), newer).publication?.published, '2024-01-02', 'new there');
});

test('what would be written is checked first: a correction the reader would refuse is not saved', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sanad-publication-'));
  try {
    const path = join(dir, 'a.txt.yaml');
    const bad = await saveLabelFile(path, { ...emptyLabelFile('a.txt'), publication: { published: '2024-13-01' } });
    assert.equal(bad.ok, false);
    assert.equal(!bad.ok && bad.reason, 'refused');
    const good = await saveLabelFile(path, { ...emptyLabelFile('a.txt'), publication: { outlet: 'المسلة' } });
    assert.ok(good.ok && good.written, 'a correction alone makes a label file');
    assert.match(await readFile(path, 'utf8'), /publication:\n {2}outlet: المسلة/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the engine puts the correction before the front matter, the manifest, the URL and the dateline', () => {
  const text = '---\ndate: 2024-01-10\nsitename: الموقع\n---\nبغداد - 26 كانون الثاني 2024\nقال مسؤول أمس الخميس إن 12 صاروخاً سقطت.\n';
  const plain = analyzeText('a.txt', text, { metadata: metadataOf({ published: '2024-01-12', url: 'https://x.example/2024/01/11/a' }) });
  assert.equal(plain.published, '2024-01-10');
  assert.equal(plain.publishedFrom, 'front-matter');
  const corrected = analyzeText('a.txt', text, { metadata: withReviewed(metadataOf({ published: '2024-01-12' }), { published: '2024-02-02', outlet: 'المصحح' }) });
  assert.equal(corrected.published, '2024-02-02');
  assert.equal(corrected.publishedFrom, 'labels');
  assert.equal(corrected.outlet, 'المصحح');
  // "أمس الخميس" is counted back from the corrected day (Friday 2 February 2024).
  assert.equal(corrected.mentions.find((m) => m.text === 'أمس الخميس')?.value, '2024-02-01');
  // An outlet alone keeps the date where it came from.
  const outletOnly = analyzeText('a.txt', text, { metadata: withReviewed(null, { outlet: 'المصحح' }) });
  assert.deepEqual([outletOnly.published, outletOnly.publishedFrom, outletOnly.outlet], ['2024-01-10', 'front-matter', 'المصحح']);
  assert.equal(withReviewed(null, null), null);
  assert.equal(reviewedOf({}), null);
  assert.deepEqual(reviewedOf({ publication: { published: '2024-01-01', annotator: 'x' } }), { published: '2024-01-01' });
});

test('the corpus pipeline reads the corrections of a labels folder by article path, and names a broken file', async () => {
  const root = await mkdtemp(join(tmpdir(), 'sanad-reviewed-'));
  try {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(root, '.sanad', 'labels', 'news'), { recursive: true });
    await writeFile(join(root, '.sanad', 'labels', 'news', 'a.txt.yaml'), 'schema: 1\npublication:\n  published: 2024-05-05\n');
    await writeFile(join(root, '.sanad', 'labels', 'news', 'b.txt.yaml'), 'schema: 1\npublication:\n  published: 5 May\n');
    await writeFile(join(root, '.sanad', 'labels', 'news', 'c.txt.yaml'), 'schema: 1\nlabels: []\n');
    const reviewed = new ReviewedPublications();
    await reviewed.load(root, '.sanad/labels');
    assert.deepEqual(reviewed.of('news/a.txt'), { published: '2024-05-05' });
    assert.equal(reviewed.of('news/b.txt'), null);
    assert.equal(reviewed.of('news/c.txt'), null);
    assert.equal(reviewed.problems.length, 1);
    assert.match(reviewed.problems[0].file, /b\.txt\.yaml$/);
    assert.match(reviewed.problems[0].problem, /^3:14: "published" must be a calendar day/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
