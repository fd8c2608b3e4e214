// Labels following the article: through the editor's edits (LSP and offset changes), and placed
// again by quote and context after the file changed outside the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTextChanges, offsetAt, type TextChange } from '../../server/src/labels/textEdits';
import { reanchorLabels } from '../../server/src/labels/reanchor';
import { createLabel } from '../../server/src/labels/labelActions';
import type { Label } from '../../server/src/labels/labelTypes';

const ARTICLE = [
  'بغداد - وكالات',
  '',
  'قال المتحدث باسم وزارة الدفاع العراقية اللواء تحسين الخفاجي، الثلاثاء، إن 12 صاروخاً سقطت قرب قاعدة عين الأسد في محافظة الأنبار.',
  'وأضاف الخفاجي أن الهجوم لم يسفر عن إصابات، فيما تبنت "المقاومة الإسلامية في العراق" الهجوم.',
  'وفي دمشق، قالت وزارة الخارجية السورية إن بغداد ودمشق تنسقان المواقف.',
].join('\n');

/** A label on the n-th occurrence (0-based) of a word. */
function labelOn(text: string, word: string, type: Label['type'], id: string, nth = 0): Label {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(word, i + 1);
  assert.ok(i >= 0, word);
  return createLabel(text, i, i + word.length, type, 'accepted', { id, now: '2024-02-15T09:00:00Z' });
}

function labels(): Label[] {
  return [
    labelOn(ARTICLE, 'بغداد', 'place', 'baghdad1'),
    labelOn(ARTICLE, 'تحسين الخفاجي', 'person', 'khafaji'),
    labelOn(ARTICLE, '12 صاروخاً', 'quantity', 'rockets'),
    labelOn(ARTICLE, 'عين الأسد', 'place', 'asad'),
    labelOn(ARTICLE, 'الخفاجي', 'person', 'khafaji2', 1),
    labelOn(ARTICLE, 'المقاومة الإسلامية في العراق', 'organization', 'irq'),
    labelOn(ARTICLE, 'بغداد', 'place', 'baghdad2', 1),
  ];
}

/** Every placed label's quote is exactly the text at its offsets. */
function assertPlaced(text: string, list: readonly Label[]): void {
  for (const l of list) if (!l.orphaned) assert.equal(text.slice(l.start, l.end), l.text, `${l.id} at ${l.start}`);
}

function byId(list: readonly Label[], id: string): Label {
  const l = list.find((x) => x.id === id);
  assert.ok(l, id);
  return l;
}

test('LSP positions become offsets, with \\r\\n line ends and characters past the line end', () => {
  const text = 'سطر\r\nثاني\rثالث\nرابع';
  assert.equal(offsetAt(text, { line: 0, character: 2 }), 2);
  assert.equal(offsetAt(text, { line: 1, character: 0 }), 5);
  assert.equal(offsetAt(text, { line: 2, character: 1 }), 11);
  assert.equal(offsetAt(text, { line: 1, character: 99 }), 9);
  assert.equal(offsetAt(text, { line: 9, character: 0 }), text.length);
});

test('an insertion before labels moves them; typing inside a name stretches it; typing after it does not', () => {
  const start = labels();
  const khafaji = byId(start, 'khafaji');
  const changes: TextChange[] = [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'عاجل\n' },
    // Inside "تحسين الخفاجي" (now one line down): "تحسين" becomes "تحسين علي".
    { start: khafaji.start + 5 + 5, end: khafaji.start + 5 + 5, text: ' علي' },
    // Right after "عين الأسد".
    { start: byId(start, 'asad').end + 9, end: byId(start, 'asad').end + 9, text: ' الجوية' },
  ];
  const { text, labels: moved } = applyTextChanges(ARTICLE, start, changes);
  assert.ok(text.startsWith('عاجل\nبغداد'));
  assertPlaced(text, moved);
  assert.equal(byId(moved, 'baghdad1').start, 5);
  assert.equal(byId(moved, 'khafaji').text, 'تحسين علي الخفاجي');
  assert.equal(byId(moved, 'asad').text, 'عين الأسد');
  assert.ok(text.includes('عين الأسد الجوية'));
  assert.equal(moved.filter((l) => l.orphaned).length, 0);
  // Contexts follow the text, so a later outside change can still place the labels.
  assert.ok(byId(moved, 'baghdad1').before.endsWith('عاجل\n'));
});

test("deleting a label's text orphans it; undoing the deletion brings it back", () => {
  const start = labels();
  const asad = byId(start, 'asad');
  const del = applyTextChanges(ARTICLE, start, [{ start: asad.start - 6, end: asad.end, text: '' }]);
  assertPlaced(del.text, del.labels);
  const orphan = byId(del.labels, 'asad');
  assert.equal(orphan.orphaned, true);
  assert.equal(orphan.text, 'عين الأسد');
  assert.equal(del.labels.length, start.length, 'never dropped');
  const undo = applyTextChanges(del.text, del.labels, [{ start: asad.start - 6, end: asad.start - 6, text: ARTICLE.slice(asad.start - 6, asad.end) }]);
  assert.equal(undo.text, ARTICLE);
  const back = byId(undo.labels, 'asad');
  assert.equal(back.orphaned, undefined);
  assert.deepEqual([back.start, back.end], [asad.start, asad.end]);
});

test('a change that cuts through a label but keeps its quote places it again', () => {
  const start = labels();
  const irq = byId(start, 'irq');
  // Re-typing the quotation marks around the name replaces a range that crosses its edges.
  const { text, labels: moved } = applyTextChanges(ARTICLE, start, [{ start: irq.start - 1, end: irq.end + 1, text: '«المقاومة الإسلامية في العراق»' }]);
  const l = byId(moved, 'irq');
  assert.equal(l.orphaned, undefined);
  assert.equal(text.slice(l.start, l.end), 'المقاومة الإسلامية في العراق');
  assert.equal(l.start, irq.start);
});

test('a whole-document change re-places every label by quote and context', () => {
  const start = labels();
  const next = 'تحديث: ' + ARTICLE.replace('وكالات', 'وكالة الأنباء');
  const { text, labels: moved } = applyTextChanges(ARTICLE, start, [{ text: next }]);
  assert.equal(text, next);
  assertPlaced(text, moved);
  assert.equal(moved.filter((l) => l.orphaned).length, 0);
  // The second Baghdad is still the second one, not the first.
  assert.ok(byId(moved, 'baghdad2').start > byId(moved, 'irq').start);
  assert.equal(byId(moved, 'baghdad1').start, 'تحديث: '.length);
});

test('outside changes: a new headline, re-spelt hamzas and a duplicated name are all placed by context', () => {
  const start = labels();
  const changed = ('عاجل: قصف قرب بغداد\n\n' + ARTICLE).replace('عين الأسد', 'عين الاسد').replace('الإسلامية', 'الاسلامية').replace('وفي دمشق،', 'وفي دمشق، التي زارها وفد من بغداد،');
  const placed = reanchorLabels(start, changed);
  assertPlaced(changed, placed);
  assert.equal(placed.filter((l) => l.orphaned).length, 0);
  assert.equal(byId(placed, 'asad').text, 'عين الاسد', 'the quote follows the new spelling');
  assert.equal(byId(placed, 'irq').text, 'المقاومة الاسلامية في العراق');
  // Four "بغداد" now; each label keeps its own.
  assert.equal(changed.slice(byId(placed, 'baghdad1').start - 2, byId(placed, 'baghdad1').end + 2), '\n\nبغداد -');
  assert.ok(byId(placed, 'baghdad2').after.startsWith(' ودمشق'));
  // Labels already in place come back as the same objects.
  assert.equal(reanchorLabels(placed, changed)[1], placed[1]);
});

test('a quote edited outside follows its context, but a changed figure does not', () => {
  const start = labels();
  const changed = ARTICLE.replace('تحسين الخفاجي', 'تحسين علي الخفاجي').replace('12 صاروخاً', '14 صاروخاً');
  const placed = reanchorLabels(start, changed);
  assertPlaced(changed, placed);
  assert.equal(byId(placed, 'khafaji').text, 'تحسين علي الخفاجي');
  const rockets = byId(placed, 'rockets');
  assert.equal(rockets.orphaned, true);
  assert.equal(rockets.text, '12 صاروخاً', 'an orphan keeps its quote');
});

test('a short quote with no trace of its context is orphaned rather than guessed', () => {
  const l = labelOn(ARTICLE, 'بغداد', 'place', 'b', 1);
  const other = 'مقال آخر تماماً عن بغداد والبصرة وعن بغداد مرة ثانية وعن الموصل.';
  const [r] = reanchorLabels([l], other);
  assert.equal(r.orphaned, true);
  // A long name that occurs once is placed even with new surroundings.
  const k = labelOn(ARTICLE, 'المقاومة الإسلامية في العراق', 'organization', 'k');
  const [p] = reanchorLabels([k], 'بيان جديد: أعلنت المقاومة الإسلامية في العراق مسؤوليتها.');
  assert.equal(p.orphaned, undefined);
  assert.equal(p.text, 'المقاومة الإسلامية في العراق');
});

test('astral characters and diacritics do not shift labels off their text', () => {
  const text = '😀 قال مُحَمَّد شياع السوداني 😀 إن بغداد';
  const l = labelOn(text, 'بغداد', 'place', 'b');
  const withEmoji = '🇮🇶 ' + text;
  const [p] = reanchorLabels([l], withEmoji);
  assert.equal(withEmoji.slice(p.start, p.end), 'بغداد');
  const m = labelOn(text, 'مُحَمَّد شياع', 'person', 'm');
  const [q] = reanchorLabels([m], 'تمهيد. ' + text.replace('مُحَمَّد', 'محمد'));
  assert.equal(q.text, 'محمد شياع');
});

test('random edits never throw and never leave a placed label off its quote', () => {
  let seed = 11;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const inserts = ['', 'ا', ' بغداد ', '\n', '😀', '\r\n', 'الخفاجي', '١٢', '\ud800'];
  let text = ARTICLE;
  let list = labels();
  for (let round = 0; round < 300; round++) {
    const a = rand(text.length + 1);
    const b = Math.min(text.length, a + rand(12));
    const change: TextChange =
      rand(3) === 0
        ? { range: { start: { line: rand(6), character: rand(40) }, end: { line: rand(6) + 1, character: rand(40) } }, text: inserts[rand(inserts.length)] }
        : { start: a, end: b, text: inserts[rand(inserts.length)] };
    const r = applyTextChanges(text, list, [change]);
    text = r.text;
    list = r.labels;
    assert.equal(list.length, 7);
    assertPlaced(text, list);
  }
});

test('re-anchoring a long article with many labels is fast', () => {
  const big = Array.from({ length: 60 }, (_, i) => ARTICLE.replace('12', String(100 + i))).join('\n\n');
  const many: Label[] = [];
  for (let n = 0; n < 60; n++) many.push(labelOn(big, 'بغداد', 'place', `b${n}`, n));
  const changed = 'سطر جديد في الأعلى\n' + big;
  const t0 = performance.now();
  const placed = reanchorLabels(many, changed);
  const ms = performance.now() - t0;
  assertPlaced(changed, placed);
  assert.equal(placed.filter((l) => l.orphaned).length, 0);
  // Each keeps its own occurrence: the shift is the same for all.
  placed.forEach((l, i) => assert.equal(l.start - many[i].start, 'سطر جديد في الأعلى\n'.length));
  assert.ok(ms < 1000, `${ms} ms`);
});

test('empty texts, empty edits and nonsense offsets neither throw nor lose labels', () => {
  const start = labels();
  const gone = reanchorLabels(start, '');
  assert.equal(gone.length, start.length);
  assert.ok(gone.every((l) => l.orphaned));
  assert.deepEqual(applyTextChanges('', [], [{ start: Number.NaN, end: 5, text: 'x' }]), { text: 'x', labels: [] });
  const r = applyTextChanges(ARTICLE, start, [
    { start: 10, end: 2, text: '' },
    { range: { start: { line: -3, character: -1 }, end: { line: 0, character: 2 } }, text: '' },
  ]);
  assert.equal(r.labels.length, start.length);
  assertPlaced(r.text, r.labels);
  assert.deepEqual(applyTextChanges(ARTICLE, start, []).labels, start);
});

test('a hand-written label with no context stays where its quote is', () => {
  const text = 'قال الجيش إن 3 جنود قتلوا.';
  const start = text.indexOf('3 جنود');
  const label: Label = { id: 'h1', type: 'quantity', status: 'accepted', text: '3 جنود', start, end: start + 6, before: '', after: '' };
  const [placed] = reanchorLabels([label], text);
  assert.equal(placed.orphaned, undefined);
  assert.equal(placed.start, start);
});
