// The engine's suggestions merged with annotators' decisions, the names taught to the lexicon,
// and reviews of contradictions filed under a key that survives re-analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptedActors, findLabel, reviewMentions } from '../../server/src/labels/reviewView';
import { contradictionKey, findReview, makeReview, quotesFromCorpus, setReview } from '../../server/src/labels/reviews';
import { createLabel, decideMention, editLabel, upsertLabel } from '../../server/src/labels/labelActions';
import { emptyLabelFile, type Label, type LabelFile } from '../../server/src/labels/labelTypes';
import type { Contradiction, CorpusAnalysis, DocumentAnalysis, Mention } from '../../server/src/analysis/types';

const TEXT = 'قال الناطق باسم الحكومة العراقية باسم العوادي إن أكثر من 150 هجوماً استهدف القوات الأميركية منذ تشرين الأول.';

function mention(word: string, kind: Mention['kind'], id: string, extra: Partial<Mention> = {}): Mention {
  const start = TEXT.indexOf(word);
  assert.ok(start >= 0, word);
  return { id, kind, start, end: start + word.length, text: word, boilerplate: false, ...extra };
}

const DOC: DocumentAnalysis = {
  path: 'news/a.txt',
  published: '2024-02-10',
  outlet: null,
  boilerplate: [],
  mentions: [
    mention('الحكومة العراقية', 'organization', 'o1', { entity: 'الحكومة العراقية' }),
    mention('باسم العوادي', 'person', 'p2', { entity: 'باسم العوادي' }),
    mention('أكثر من 150 هجوماً', 'quantity', 'q3', { value: { min: 151, max: null }, counted: 'attack' }),
    mention('القوات الأميركية', 'organization', 'o4', { entity: 'القوات الأميركية' }),
    mention('تشرين الأول', 'date', 'd5', { value: '2023-10' }),
  ],
};

const opts = { now: '2024-02-11T08:00:00Z', annotator: 'هدى' };

function m(id: string): Mention {
  return DOC.mentions.find((x) => x.id === id)!;
}

test('suggestions take the status of the label on their span; rejected ones stay, marked', () => {
  const labels: Label[] = [
    decideMention(TEXT, m('p2'), 'accepted', { ...opts, id: 'A' }),
    decideMention(TEXT, m('o4'), 'rejected', { ...opts, id: 'R' }),
    decideMention(TEXT, m('q3'), 'accepted', { ...opts, id: 'Q', value: { min: 152, max: null }, note: 'قارن مع بيان البنتاغون' }),
  ];
  const view = reviewMentions(DOC, labels);
  const status = Object.fromEntries(view.map((v) => [v.text, v.status]));
  assert.deepEqual(status, {
    'الحكومة العراقية': 'suggested',
    'باسم العوادي': 'accepted',
    'أكثر من 150 هجوماً': 'accepted',
    'القوات الأميركية': 'rejected',
    'تشرين الأول': 'suggested',
  });
  const q = view.find((v) => v.label === 'Q')!;
  assert.deepEqual(q.value, { min: 152, max: null }, "the corrected value replaces the engine's");
  assert.equal(q.labelNote, 'قارن مع بيان البنتاغون');
  assert.equal(q.counted, 'attack', "the engine's other fields are kept");
  for (const v of view) assert.equal(TEXT.slice(v.start, v.end), v.text);
});

test('a manual label is added, and a relabelled or re-bounded span replaces the suggestion under it', () => {
  const manual = createLabel(TEXT, TEXT.indexOf('الناطق'), TEXT.indexOf('الناطق') + 'الناطق باسم الحكومة العراقية'.length, 'person', 'manual', { ...opts, id: 'M' });
  // The annotator says the government is a place here (a slip, but a decision) on a wider span.
  const asPlace = createLabel(TEXT, m('o1').start, m('o1').end, 'place', 'accepted', { ...opts, id: 'P' });
  const view = reviewMentions(DOC, [manual, asPlace]);
  assert.ok(view.some((v) => v.label === 'M' && v.status === 'manual' && v.kind === 'person'));
  assert.ok(view.some((v) => v.label === 'P' && v.kind === 'place'));
  assert.ok(!view.some((v) => v.id === 'o1'), 'the organisation suggestion is replaced');
  assert.ok(
    view.some((v) => v.id === 'p2' && v.status === 'suggested'),
    'a name next to the labels, not under them, is still offered',
  );
  assert.ok(
    view.some((v) => v.id === 'q3' && v.status === 'suggested'),
    'other kinds are untouched',
  );
  // Orphans have no place in the view.
  assert.equal(reviewMentions(DOC, [{ ...manual, orphaned: true }]).length, DOC.mentions.length);
  // Sorted by position.
  const starts = view.map((v) => v.start);
  assert.deepEqual(
    starts,
    [...starts].sort((a, b) => a - b),
  );
});

test('decisions can be turned around on the same label', () => {
  const a = decideMention(TEXT, m('p2'), 'accepted', { ...opts, id: 'A' });
  let labels = upsertLabel([], a);
  const found = findLabel(labels, m('p2').start, m('p2').end, 'person');
  assert.equal(found?.id, 'A');
  labels = upsertLabel(labels, editLabel(found, { status: 'rejected' }, { now: '2024-02-12T08:00:00Z' }));
  assert.equal(labels.length, 1);
  assert.equal(reviewMentions(DOC, labels).find((v) => v.id === 'p2')?.status, 'rejected');
});

test('accepted and manual actor names are taught once per spelling; rejected ones are not', () => {
  const f1: LabelFile = {
    ...emptyLabelFile('a.txt'),
    labels: [
      decideMention(TEXT, m('p2'), 'accepted', { ...opts, id: 'A' }),
      decideMention(TEXT, m('o4'), 'rejected', { ...opts, id: 'R' }),
      decideMention(TEXT, m('q3'), 'accepted', { ...opts, id: 'Q' }),
    ],
  };
  const other = 'وصرح باسم العوادي للصحفيين في قاعدة عين الأسد.';
  const f2: LabelFile = {
    ...emptyLabelFile('b.txt'),
    labels: [
      createLabel(other, 5, 17, 'person', 'manual', { ...opts, id: 'B' }),
      createLabel(other, other.indexOf('عين الأسد'), other.indexOf('عين الأسد') + 9, 'place', 'manual', { ...opts, id: 'C', value: 'قاعدة عين الأسد' }),
    ],
  };
  const taught = acceptedActors(
    new Map([
      ['a.txt', f1],
      ['b.txt', f2],
    ]),
  );
  assert.deepEqual(taught, [
    { kind: 'person', name: 'باسم العوادي', entity: 'باسم العوادي' },
    { kind: 'place', name: 'عين الأسد', entity: 'قاعدة عين الأسد' },
  ]);
});

test('a contradiction review is keyed by paths and folded quotes, found from either side', () => {
  const textB = 'وأكد البنتاغون أن نحو 160 هجوما استهدف القوات الأمريكية.';
  const docB: DocumentAnalysis = {
    path: 'news/b.txt',
    published: null,
    outlet: null,
    boilerplate: [],
    mentions: [{ id: 'q1', kind: 'quantity', start: textB.indexOf('نحو'), end: textB.indexOf('هجوما') + 5, text: 'نحو 160 هجوما', boilerplate: false }],
  };
  const c: Contradiction = {
    topic: 'attacks on US forces',
    message: '…',
    a: { path: 'news/a.txt', start: m('q3').start, end: m('q3').end },
    b: { path: 'news/b.txt', start: docB.mentions[0].start, end: docB.mentions[0].end },
  };
  const corpus: CorpusAnalysis = { version: 1, documents: [DOC, docB], contradictions: [c] };
  const quoteOf = quotesFromCorpus(corpus);
  const key = contradictionKey(c, quoteOf);
  assert.equal(key, 'news/a.txt|اكثر من 150 هجوما <> news/b.txt|نحو 160 هجوما');
  // The engine reporting the pair the other way round, or a re-spelt quote, gives the same key.
  const swapped: Contradiction = { ...c, a: c.b, b: c.a };
  assert.equal(contradictionKey(swapped, quoteOf), key);
  assert.equal(
    contradictionKey(c, (s) => (s.path === 'news/a.txt' ? 'أكثر من ١٥٠ هجوماً' : 'نحو 160 هجوما')),
    key,
  );
  const review = makeReview(c, quoteOf, 'explained', { note: 'different windows: since October vs. since November', reviewer: 'هدى', now: '2024-02-12T09:00:00Z' });
  const fileA = setReview(emptyLabelFile('news/a.txt'), review);
  assert.equal(findReview(c, new Map([['news/a.txt', fileA]]), quoteOf)?.decision, 'explained');
  assert.equal(findReview(swapped, new Map([['news/a.txt', fileA]]), quoteOf)?.note, review.note);
  // A later decision filed under the other side wins.
  const later = { ...review, decision: 'confirmed' as const, updated: '2024-02-13T09:00:00Z' };
  const both = new Map([
    ['news/a.txt', fileA],
    ['news/b.txt', setReview(emptyLabelFile('news/b.txt'), later)],
  ]);
  assert.equal(findReview(c, both, quoteOf)?.decision, 'confirmed');
  // A different figure is a different contradiction.
  assert.equal(findReview({ ...c, b: { ...c.b, start: c.b.start + 4 } }, both, quoteOf), undefined);
  assert.equal(setReview(fileA, later).reviews.length, 1, 'one review per key');
});
