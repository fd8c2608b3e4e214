// The agreement report as people read it: one module renders it as the CLI's aligned table and as
// the Markdown the editor opens; both must carry the same figures and the same disagreements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareAnnotators, createLabel, emptyLabelFile, type Label, type LabelFile, type LabelStatus, type LabelType } from '../../server/src/labels';
import { describeDisagreement, formatAgreement } from '../../server/src/format/agreementReport';

// A bidirectional control inside the last quote, and Markdown's own characters, as articles may hold them.
const TEXT = 'قال علي إن الجيش وصل إلى حلب أمس ومعه 5 دبابات.\nوفي *بغداد*\u202b|\n';
const when = { now: '2024-02-12T07:30:00.000Z', annotator: 'R' };

function label(word: string, type: LabelType, status: LabelStatus, id: string, extra: { value?: Label['value'] } = {}): Label {
  const i = TEXT.indexOf(word);
  assert.ok(i >= 0, word);
  return createLabel(TEXT, i, i + word.length, type, status, { ...when, id, ...extra });
}
const folder = (entries: Record<string, Label[]>): Map<string, LabelFile> => new Map(Object.entries(entries).map(([p, labels]) => [p, { ...emptyLabelFile(p), labels }]));

const A = folder({
  'd.txt': [label('علي', 'person', 'manual', 'A1'), label('حلب', 'place', 'manual', 'A2'), label('أمس', 'date', 'manual', 'A3'), label('*بغداد*\u202b|', 'place', 'manual', 'A4')],
  'x.txt': [],
});
const B = folder({
  'd.txt': [
    label('علي', 'person', 'accepted', 'B1'),
    label('حلب', 'organization', 'manual', 'B2'),
    label('أمس', 'date', 'rejected', 'B3'),
    label('5 دبابات', 'quantity', 'manual', 'B4', { value: { min: 5, max: 5 } }),
  ],
  'y.txt': [],
});
const report = compareAnnotators(A, B, { texts: new Map([['d.txt', TEXT]]) });

// What `sanad compare --format table` printed before the Markdown report joined this module.
const TABLE = `A (the reference): ann/a
B: ann/b
1 article(s) compared · 1 labelled only in A · 1 only in B

type          A  B  both  precision  recall     F1  kappa (spans)  kappa (tokens)
person        1  1     1      1.000   1.000  1.000          1.000           1.000
organization  0  1     0      0.000       —  0.000          0.000           0.000
place         2  0     0          —   0.000  0.000          0.000           0.000
date          1  0     0          —   0.000  0.000          0.000           0.000
quantity      0  1     0      0.000       —  0.000          0.000           0.000
all           4  3     1      0.333   0.250  0.286          0.091           0.253

A and B count labels; both counts exact matches (same span and type). Precision is the share of
B's labels A has too; kappa (spans) is over the spans either labelled, per type one against the rest.

Only in A (not compared):
  x.txt

Only in B (not compared):
  y.txt

4 disagreement(s):
  d.txt 25–28  type: A place «حلب» 25–28 · B organization «حلب» 25–28
  d.txt 29–32  only-a: A date «أمس» 29–32 · B rejected date «أمس» 29–32
  d.txt 38–46  only-b: A nothing · B quantity «5 دبابات» 38–46 = 5
  d.txt 52–61  only-a: A place «*بغداد* |» 52–61 · B nothing
`;

test('table: the figures per type aligned, then the folders not compared and every disagreement', () => {
  assert.equal(formatAgreement(report, { a: 'ann/a', b: 'ann/b', format: 'table' }), TABLE);
  assert.equal(formatAgreement(report, { a: 'ann/a', b: 'ann/b' }), TABLE, 'the table is the default');
});

test('markdown: the same figures, counts and disagreements as the table, with Markdown kept literal', () => {
  const markdown = formatAgreement(report, { a: '/ws/ann_a', b: '/ws/ann_b', format: 'markdown', unreadable: 2 });
  const lines = markdown.split('\n');
  assert.equal(lines[0], '# Agreement between two annotators');
  assert.ok(lines.includes('- A (the reference): /ws/ann\\_a'), 'paths are escaped');
  assert.ok(lines.includes('- 1 article(s) compared · 1 labelled only in A · 1 only in B · 2 label file(s) could not be read'));
  // Every row of the table, cell for cell.
  const tableRows = TABLE.split('\n')
    .slice(4, 11)
    .map((l) => l.trim().split(/ {2,}/));
  const markdownRows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| ---')).map((l) => l.slice(2, -2).split(' | '));
  assert.deepEqual(markdownRows, tableRows);
  assert.ok(lines.includes('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'));
  assert.ok(lines.includes('- x.txt') && lines.includes('- y.txt'));
  assert.ok(lines.includes('4 disagreement(s):'));
  const items = lines.filter((l) => l.startsWith('- d.txt'));
  assert.equal(items.length, 4);
  assert.equal(items[3], '- d.txt 52–61  only-a: A place «\\*بغداد\\* \\|» 52–61 · B nothing', 'emphasis and pipes escaped, the bidi control gone');
  for (const d of report.disagreements) assert.ok(markdown.includes(describeDisagreement(d).replace(/[*|]/g, (c) => `\\${c}`)), d.kind);
});

test('nothing to disagree on is said, in both formats; without texts there is no token kappa', () => {
  const same = compareAnnotators(A, A);
  const table = formatAgreement(same, { a: 'a', b: 'a' });
  assert.match(table, /\nno disagreements\n$/);
  assert.doesNotMatch(table, /tokens/);
  assert.match(table, /^all +4 +4 +4 +1\.000 +1\.000 +1\.000 +1\.000$/m);
  const markdown = formatAgreement(same, { a: 'a', b: 'a', format: 'markdown' });
  assert.match(markdown, /\nno disagreements\n$/);
  assert.match(markdown, /^\| all \| 4 \| 4 \| 4 \| 1\.000 \| 1\.000 \| 1\.000 \| 1\.000 \|$/m);
  assert.doesNotMatch(markdown, /could not be read/);
});
