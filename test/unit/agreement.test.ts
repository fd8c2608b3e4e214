// Agreement between two annotators, checked against figures worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cohenKappa, compareAnnotators } from '../../server/src/labels/agreement';
import { emptyLabelFile, type Label, type LabelFile, type LabelStatus } from '../../server/src/labels/labelTypes';

function l(id: string, type: Label['type'], start: number, end: number, status: LabelStatus = 'accepted', value?: Label['value']): Label {
  const label: Label = { id, type, status, text: `t${start}-${end}`, start, end, before: '', after: '' };
  if (value !== undefined) label.value = value;
  return label;
}

function folder(entries: Record<string, Label[]>): Map<string, LabelFile> {
  return new Map(Object.entries(entries).map(([p, labels]) => [p, { ...emptyLabelFile(p), labels }]));
}

/*
 * The hand-worked case (one article, x.txt; A is the reference):
 *
 *   span      A                      B
 *   [0,5]     person                 person                 exact match
 *   [10,15]   place                  organization           type differs
 *   [20,25]   date 2024-01-25        date 2024-01-26        match (value differs: listed only)
 *   [30,40]   quantity               —                      boundary: B has [30,38]
 *   [30,38]   —                      quantity
 *   [50,55]   —                      person (manual)        only B
 *   [60,65]   place                  rejected place         only A (B said no)
 *   [70,75]   person, orphaned       —                      not counted (no place)
 *
 * Exact matches: person 1 ([0,5]), date 1 ([20,25]); tp = 2.
 * B's unmatched labels (fp): organization [10,15], quantity [30,38], person [50,55]; fp = 3.
 * A's unmatched labels (fn): place [10,15], quantity [30,40], place [60,65]; fn = 3.
 * Overall: P = 2/5 = 0.4, R = 2/5 = 0.4, F1 = 0.4.
 * Person: tp 1, fp 1, fn 0: P = 0.5, R = 1, F1 = 2·0.5·1/1.5 = 2/3.
 * Place: tp 0, fp 0, fn 2: P undefined (null), R = 0, F1 = 0.
 * Date: P = R = F1 = 1.
 *
 * Span kappa, 7 items (the union of labelled spans), categories per item (A, B):
 *   (person, person) (place, org) (date, date) (quantity, none) (none, quantity) (none, person) (place, none)
 *   po = 2/7.
 *   A's marginals: person 1, place 2, date 1, quantity 1, none 2.
 *   B's marginals: person 2, organization 1, date 1, quantity 1, none 2.
 *   pe = (1·2 + 2·0 + 0·1 + 1·1 + 1·1 + 2·2) / 49 = 8/49.
 *   κ = (2/7 − 8/49) / (1 − 8/49) = (14 − 8) / (49 − 8) = 6/41 ≈ 0.1463.
 * Person against the rest, same 7 items: A = P R R R R R R, B = P R R R R P R.
 *   po = 6/7; pe = (1/7)(2/7) + (6/7)(5/7) = 32/49; κ = (42 − 32) / (49 − 32) = 10/17 ≈ 0.5882.
 */
const A = folder({
  'x.txt': [
    l('a1', 'person', 0, 5),
    l('a2', 'place', 10, 15),
    l('a3', 'date', 20, 25, 'manual', '2024-01-25'),
    l('a4', 'quantity', 30, 40),
    l('a5', 'place', 60, 65),
    { ...l('a6', 'person', 70, 75), orphaned: true },
  ],
  'only-a.txt': [l('z', 'person', 0, 3)],
});
const B = folder({
  'x.txt': [
    l('b1', 'person', 0, 5),
    l('b2', 'organization', 10, 15),
    l('b3', 'date', 20, 25, 'accepted', '2024-01-26'),
    l('b4', 'quantity', 30, 38),
    l('b5', 'person', 50, 55, 'manual'),
    l('b6', 'place', 60, 65, 'rejected'),
  ],
  'only-b.txt': [],
});

const close = (actual: number | null | undefined, expected: number): void => {
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
};

test('precision, recall and F1 with folder A as the reference', () => {
  const r = compareAnnotators(A, B);
  assert.deepEqual(r.compared, ['x.txt']);
  assert.deepEqual(r.onlyInA, ['only-a.txt']);
  assert.deepEqual(r.onlyInB, ['only-b.txt']);
  assert.deepEqual([r.overall.tp, r.overall.fp, r.overall.fn], [2, 3, 3]);
  close(r.overall.precision, 0.4);
  close(r.overall.recall, 0.4);
  close(r.overall.f1, 0.4);
  close(r.byType.person.precision, 0.5);
  close(r.byType.person.recall, 1);
  close(r.byType.person.f1, 2 / 3);
  assert.equal(r.byType.place.precision, null);
  close(r.byType.place.recall, 0);
  close(r.byType.place.f1, 0);
  close(r.byType.date.f1, 1);
});

test("Cohen's kappa over the union of spans, overall and per type", () => {
  const r = compareAnnotators(A, B);
  assert.equal(r.overall.spans, 7);
  close(r.overall.kappa, 6 / 41);
  close(r.byType.person.kappa, 10 / 17);
  assert.equal(r.overall.tokenKappa, undefined, 'no texts, no token kappa');
});

test('disagreements to walk through, in text order', () => {
  const r = compareAnnotators(A, B);
  const summary = r.disagreements.map((d) => `${d.kind} ${d.start}-${d.end} ${d.a?.type ?? '—'}/${d.a?.status ?? ''} ${d.b?.type ?? '—'}/${d.b?.status ?? ''}`);
  assert.deepEqual(summary, [
    'type 10-15 place/accepted organization/accepted',
    'value 20-25 date/manual date/accepted',
    'boundary 30-40 quantity/accepted quantity/accepted',
    'only-b 50-55 —/ person/manual',
    'only-a 60-65 place/accepted place/rejected',
  ]);
  assert.ok(r.disagreements.every((d) => d.path === 'x.txt'));
});

/*
 * Tokens: "aaaa bbbb cccc dddd" has four tokens. A labels person over [0,9] (tokens 1–2);
 * B labels person [0,4] (token 1) and place [10,14] (token 3).
 *   A: P P N N    B: P N L N     po = 2/4
 *   pe = P: (2/4)(1/4) + N: (2/4)(2/4) + L: 0 = 6/16
 *   κ = (1/2 − 3/8) / (1 − 3/8) = (1/8) / (5/8) = 0.2
 */
test('token kappa when the texts are given', () => {
  const a = folder({ 't.txt': [l('a', 'person', 0, 9)] });
  const b = folder({ 't.txt': [l('b', 'person', 0, 4), l('c', 'place', 10, 14)] });
  const r = compareAnnotators(a, b, { texts: new Map([['t.txt', 'aaaa bbbb cccc dddd']]) });
  close(r.overall.tokenKappa, 0.2);
  assert.equal(
    r.overall.kappa,
    cohenKappa([
      ['person', 'none'],
      ['none', 'person'],
      ['none', 'place'],
    ]),
  );
});

test('kappa is undefined when chance agreement is total, and perfect agreement is 1', () => {
  assert.equal(
    cohenKappa([
      ['person', 'person'],
      ['person', 'person'],
    ]),
    null,
  );
  assert.equal(cohenKappa([]), null);
  assert.equal(
    cohenKappa([
      ['person', 'person'],
      ['none', 'none'],
    ]),
    1,
  );
  const same = compareAnnotators(A, A);
  close(same.overall.f1, 1);
  close(same.overall.kappa, 1);
  assert.equal(same.disagreements.length, 0);
});
