// Settling two annotators into one label set: agreements carry over by themselves, each
// disagreement takes the side the reviewer chose, and neither annotator's files change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disagreementsToSettle, settleAnnotators, settleKey } from '../../server/src/labels/settle';
import { emptyLabelFile, type Label, type LabelFile, type LabelStatus } from '../../server/src/labels/labelTypes';

function l(id: string, type: Label['type'], start: number, end: number, status: LabelStatus = 'accepted', extra: Partial<Label> = {}): Label {
  return { id, type, status, text: `t${start}-${end}`, start, end, before: '', after: '', annotator: id.startsWith('a') ? 'Rana' : 'Omar', ...extra };
}

function folder(entries: Record<string, Label[]>): Map<string, LabelFile> {
  return new Map(Object.entries(entries).map(([p, labels]) => [p, { ...emptyLabelFile(p), labels }]));
}

/*
 *   span      A (Rana)               B (Omar)
 *   [0,5]     person                 person (with a note)     agreed
 *   [10,15]   place                  organization             type: disagreement 0
 *   [20,25]   date 2024-01-25        date 2024-01-26          value: disagreement 1
 *   [30,40]   quantity               —                        boundary with [30,38]: disagreement 2
 *   [30,38]   —                      quantity
 *   [50,55]   —                      person (manual)          only B: disagreement 3
 *   [60,65]   place                  rejected place           only A, B said no: disagreement 4
 *   [70,75]   rejected date          —                        agreed: nothing there
 *   [80,85]   rejected person        rejected person          agreed, once
 *   [90,95]   person, orphaned       —                        not settled (no place)
 * And y.txt only A labelled.
 */
const A = folder({
  'x.txt': [
    l('a1', 'person', 0, 5),
    l('a2', 'place', 10, 15),
    l('a3', 'date', 20, 25, 'accepted', { value: '2024-01-25' }),
    l('a4', 'quantity', 30, 40, 'accepted', { value: { min: 151, max: null } }),
    l('a5', 'place', 60, 65),
    l('a6', 'date', 70, 75, 'rejected'),
    l('a7', 'person', 80, 85, 'rejected'),
    l('a8', 'person', 90, 95, 'accepted', { orphaned: true }),
  ],
  'y.txt': [l('a9', 'place', 0, 4)],
});
const B = folder({
  'x.txt': [
    l('b1', 'person', 0, 5, 'accepted', { note: 'the minister' }),
    l('b2', 'organization', 10, 15),
    l('b3', 'date', 20, 25, 'accepted', { value: '2024-01-26' }),
    l('b4', 'quantity', 30, 38, 'accepted', { value: { min: 150, max: 150 } }),
    l('b5', 'person', 50, 55, 'manual'),
    l('b6', 'place', 60, 65, 'rejected'),
    l('b7', 'person', 80, 85, 'rejected'),
  ],
});
const OPTIONS = { annotator: 'settled', now: '2026-12-02T10:00:00.000Z' };
const spans = (file: LabelFile | undefined) => file?.labels.map((x) => `${x.start}-${x.end} ${x.type} ${x.status}`) ?? [];

test('the disagreements to settle are those of the comparison, in order', () => {
  assert.deepEqual(
    disagreementsToSettle(A, B).map((d) => `${d.kind} ${d.start}-${d.end}`),
    ['type 10-15', 'value 20-25', 'boundary 30-40', 'only-b 50-55', 'only-a 60-65'],
  );
});

test('with no choices, only the agreements carry over: the shared label, and the rejections nobody contests', () => {
  const s = settleAnnotators(A, B, [], OPTIONS);
  assert.deepEqual(spans(s.files.get('x.txt')), ['0-5 person accepted', '70-75 date rejected', '80-85 person rejected']);
  assert.equal(s.agreed, 3);
  assert.equal(s.decided, 0);
  // A's label, with B's note where A had none, under the new name.
  const kept = s.files.get('x.txt')!.labels[0];
  assert.equal(kept.id, 'a1');
  assert.equal(kept.note, 'the minister');
  assert.equal(kept.annotator, 'settled');
  assert.equal(kept.updated, OPTIONS.now);
  // An article only one annotator labelled is not settled, and is named.
  assert.equal(s.files.has('y.txt'), false);
  assert.deepEqual(s.onlyInA, ['y.txt']);
  assert.deepEqual(s.onlyInB, []);
});

test('each disagreement takes the chosen side: A, B (a rejection included) or neither', () => {
  const s = settleAnnotators(A, B, ['b', 'a', 'b', 'neither', 'b'], OPTIONS);
  assert.deepEqual(spans(s.files.get('x.txt')), [
    '0-5 person accepted',
    '10-15 organization accepted',
    '20-25 date accepted',
    '30-38 quantity accepted',
    '60-65 place rejected',
    '70-75 date rejected',
    '80-85 person rejected',
  ]);
  const file = s.files.get('x.txt')!;
  assert.equal(file.labels.find((x) => x.start === 20)?.value, '2024-01-25');
  assert.deepEqual(file.labels.find((x) => x.start === 30)?.value, { min: 150, max: 150 });
  assert.ok(file.labels.every((x) => x.annotator === 'settled'));
  assert.equal(s.decided, 5);
  assert.equal(s.kept, 3);
});

test('settling leaves both annotators’ label sets as they were', () => {
  const before = JSON.stringify([[...A], [...B]]);
  settleAnnotators(A, B, ['a', 'b', 'a', 'b', 'a'], OPTIONS);
  assert.equal(JSON.stringify([[...A], [...B]]), before);
});

test('the key of the disagreements changes when a label file changes under the reviewer', () => {
  const key = settleKey(disagreementsToSettle(A, B));
  assert.equal(settleKey(disagreementsToSettle(A, B)), key);
  const changed = folder({ 'x.txt': [...B.get('x.txt')!.labels.filter((x) => x.id !== 'b5')] });
  assert.notEqual(settleKey(disagreementsToSettle(A, changed)), key);
});

test('contradiction reviews carry over when both made the same decision', () => {
  const ra = new Map(A);
  const rb = new Map(B);
  ra.set('x.txt', {
    ...A.get('x.txt')!,
    reviews: [
      { key: 'k1', decision: 'explained' },
      { key: 'k2', decision: 'confirmed' },
    ],
  });
  rb.set('x.txt', {
    ...B.get('x.txt')!,
    reviews: [
      { key: 'k1', decision: 'explained' },
      { key: 'k2', decision: 'explained' },
    ],
  });
  const s = settleAnnotators(ra, rb, [], OPTIONS);
  assert.deepEqual(
    s.files.get('x.txt')!.reviews.map((r) => [r.key, r.decision, r.reviewer]),
    [['k1', 'explained', 'settled']],
  );
});
