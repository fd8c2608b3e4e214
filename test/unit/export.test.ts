// Exports: YAML (and back), JSON Lines, and brat standoff with code point offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { exportJsonl, exportYaml, importYaml } from '../../server/src/labels/corpusExport';
import { annPathFor, codePointOffsets, exportBrat } from '../../server/src/labels/bratExport';
import { createLabel, decideMention } from '../../server/src/labels/labelActions';
import { makeReview, quotesFromCorpus, setReview } from '../../server/src/labels/reviews';
import { emptyLabelFile, type Label, type LabelFile } from '../../server/src/labels/labelTypes';
import { analyzeCorpus, editorText } from '../../server/src/analysis/index';
import type { CorpusAnalysis, DocumentAnalysis, Mention } from '../../server/src/analysis/types';

const TEXT_A = '🇮🇶 بغداد – قال المتحدث العسكري اللواء يحيى رسول إن 2500 جندي\r\nأميركي ما زالوا في العراق.';
const TEXT_B = 'واشنطن: أكد مسؤول أن نحو 900 جندي ينتشرون في سوريا 😀 منذ 2015.';
const now = { now: '2024-02-12T07:30:00.000Z', annotator: 'Rana' };

function span(text: string, word: string): [number, number] {
  const i = text.indexOf(word);
  assert.ok(i >= 0, word);
  return [i, i + word.length];
}

function mention(text: string, word: string, kind: Mention['kind'], id: string, extra: Partial<Mention> = {}): Mention {
  const [start, end] = span(text, word);
  return { id, kind, start, end, text: word, boilerplate: false, ...extra };
}

const docA: DocumentAnalysis = {
  path: 'news/a.txt',
  published: '2024-02-11',
  outlet: 'وكالة',
  boilerplate: [],
  mentions: [
    mention(TEXT_A, 'بغداد', 'place', 'p1', { entity: 'بغداد' }),
    mention(TEXT_A, 'يحيى رسول', 'person', 'p2', { entity: 'يحيى رسول' }),
    mention(TEXT_A, '2500 جندي', 'quantity', 'q3', { value: { min: 2500, max: 2500 }, counted: 'soldier' }),
    mention(TEXT_A, 'العراق', 'place', 'p4', { entity: 'العراق' }),
  ],
};
const docB: DocumentAnalysis = {
  path: 'news/b.txt',
  published: null,
  outlet: null,
  boilerplate: [],
  mentions: [mention(TEXT_B, 'نحو 900 جندي', 'quantity', 'q1', { value: { min: 800, max: 1000 } }), mention(TEXT_B, 'سوريا', 'place', 'p2', { entity: 'سوريا' })],
};
const corpus: CorpusAnalysis = {
  version: 1,
  documents: [docA, docB],
  contradictions: [
    {
      topic: 'US troops',
      message: 'two counts',
      a: { path: 'news/a.txt', start: docA.mentions[2].start, end: docA.mentions[2].end },
      b: { path: 'news/b.txt', start: docB.mentions[0].start, end: docB.mentions[0].end },
    },
  ],
};
const texts = new Map([
  ['news/a.txt', TEXT_A],
  ['news/b.txt', TEXT_B],
]);

function labelsByPath(): Map<string, LabelFile> {
  const [ms, me] = span(TEXT_A, 'جندي\r\nأميركي');
  const a: Label[] = [
    decideMention(TEXT_A, docA.mentions[1], 'accepted', { ...now, id: 'LA1', note: 'الناطق باسم القائد العام\tللقوات' }),
    decideMention(TEXT_A, docA.mentions[2], 'accepted', { ...now, id: 'LA2', value: { min: 2500, max: null } }),
    decideMention(TEXT_A, docA.mentions[3], 'rejected', { ...now, id: 'LA3' }),
    createLabel(TEXT_A, ms, me, 'organization', 'manual', { ...now, id: 'LA4' }),
    { ...createLabel(TEXT_A, 0, 4, 'place', 'manual', { ...now, id: 'LA5' }), orphaned: true },
  ];
  let fileA: LabelFile = { ...emptyLabelFile('news/a.txt'), labels: a };
  fileA = setReview(fileA, makeReview(corpus.contradictions[0], quotesFromCorpus(corpus), 'explained', { ...now, reviewer: 'Rana', note: 'Iraq vs Syria' }));
  const b: Label[] = [createLabel(TEXT_B, ...span(TEXT_B, 'مسؤول'), 'person', 'manual', { ...now, id: 'LB1', value: 'مسؤول أميركي' })];
  // A label file for an article that is not in this analysis is exported too.
  const c: Label[] = [createLabel('نص آخر عن الموصل', 10, 16, 'place', 'manual', { ...now, id: 'LC1' })];
  return new Map([
    ['news/a.txt', fileA],
    ['news/b.txt', { ...emptyLabelFile('news/b.txt'), labels: b }],
    ['news/c.txt', { ...emptyLabelFile('news/c.txt'), labels: c }],
  ]);
}

test("the YAML export uses the contract's field names and carries decisions and reviews", () => {
  const out = exportYaml(corpus, labelsByPath(), { texts, exported: '2024-02-12T08:00:00Z' });
  const data = YAML.parse(out);
  assert.equal(data.version, 1);
  assert.equal(data.exported, '2024-02-12T08:00:00Z');
  assert.deepEqual(
    data.documents.map((d: { path: string }) => d.path),
    ['news/a.txt', 'news/b.txt', 'news/c.txt'],
  );
  const a = data.documents[0];
  assert.deepEqual(Object.keys(a), ['path', 'published', 'outlet', 'boilerplate', 'text', 'mentions', 'labels', 'reviews']);
  assert.equal(a.text, TEXT_A, 'the text, \\r\\n and all, survives');
  const status = Object.fromEntries(a.mentions.map((m: { text: string; status: string }) => [m.text, m.status]));
  assert.equal(status['بغداد'], 'suggested');
  assert.equal(status['يحيى رسول'], 'accepted');
  assert.equal(status['العراق'], 'rejected');
  assert.equal(status['جندي\r\nأميركي'], 'manual');
  const c = data.contradictions[0];
  assert.deepEqual(Object.keys(c), ['topic', 'message', 'a', 'b', 'key', 'review']);
  assert.equal(c.a.text, '2500 جندي');
  assert.equal(c.review.decision, 'explained');
  // Without a time the export is a pure function of its input.
  assert.equal(exportYaml(corpus, labelsByPath(), { texts }), exportYaml(corpus, labelsByPath(), { texts }));
});

test('importing an exported YAML restores the label files exactly', () => {
  const original = labelsByPath();
  const back = importYaml(exportYaml(corpus, original, { texts }));
  assert.ok(back.ok, JSON.stringify(!back.ok && back.problems));
  assert.deepEqual([...back.labelsByPath.keys()], [...original.keys()]);
  for (const [path, file] of original) assert.deepEqual(back.labelsByPath.get(path), file, path);
});

test('an import that breaks the schema is refused with positions', () => {
  const out = exportYaml(corpus, labelsByPath());
  const broken = out.replace('type: person', 'type: human');
  const r = importYaml(broken);
  assert.equal(r.ok, false);
  const p = !r.ok ? r.problems[0] : undefined;
  assert.ok(p && /"type"/.test(p.message));
  assert.equal(broken.split('\n')[p.line].trim(), 'type: human');
  assert.equal(importYaml('version: 2\ndocuments: []\n').ok, false);
  assert.equal(importYaml('version: 1\ndocuments:\n  - path: a.txt\n  - path: a.txt\n').ok, false);
  assert.equal(importYaml('version: 1\ndocuments: &d []\nextra: *d\n').ok, false);
  assert.equal(importYaml('[not, an, export]').ok, false);
});

test('JSON Lines: one document per line, each with its contradictions', () => {
  const out = exportJsonl(corpus, labelsByPath(), { texts });
  assert.ok(out.endsWith('\n'));
  const lines = out
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.equal(lines[0].path, 'news/a.txt');
  assert.equal(lines[0].text, TEXT_A);
  assert.equal(lines[0].contradictions.length, 1);
  assert.equal(lines[1].contradictions[0].review.note, 'Iraq vs Syria');
  assert.equal(lines[2].contradictions.length, 0);
  assert.equal(lines[1].labels[0].value, 'مسؤول أميركي');
});

test('brat offsets count code points, so an astral character before a span shifts it by one', () => {
  const anns = exportBrat(corpus, labelsByPath(), texts);
  assert.deepEqual([...anns.keys()], ['news/a.txt', 'news/b.txt']);
  const cps = [...TEXT_A];
  const lines = anns.get('news/a.txt')!.trimEnd().split('\n');
  const entities = lines.filter((l) => l.startsWith('T'));
  // The flag emoji is two code points and four UTF-16 units: brat offsets are two lower.
  const [ys, ye] = span(TEXT_A, 'يحيى رسول');
  assert.ok(entities.includes(`T1\tPerson ${ys - 2} ${ye - 2}\tيحيى رسول`), entities.join('\n'));
  for (const t of entities) {
    const [, typeAndSpans, quote] = t.split('\t');
    const frags = typeAndSpans
      .split(' ')
      .slice(1)
      .join(' ')
      .split(';')
      .map((f) => f.split(' ').map(Number));
    assert.equal(frags.map(([s, e]) => cps.slice(s, e).join('')).join(' '), quote, t);
  }
  // A span over a line break is written as two fragments.
  assert.ok(
    entities.some((t) => /^T\d\tOrganization \d+ \d+;\d+ \d+\tجندي أميركي$/.test(t)),
    entities.join('\n'),
  );
  // Rejected and orphaned labels and open suggestions are left out by default.
  assert.ok(!entities.some((t) => t.endsWith('\tالعراق') || t.endsWith('\tبغداد')));
  assert.ok(lines.includes('#1\tAnnotatorNotes T1\tvalue=يحيى رسول; الناطق باسم القائد العام للقوات'), lines.join('\n'));
  assert.ok(
    lines.some((l) => /^#\d\tAnnotatorNotes T2\tvalue=2500\.\.$/.test(l)),
    lines.join('\n'),
  );
  const withSuggestions = exportBrat(corpus, labelsByPath(), texts, { suggestions: true }).get('news/a.txt')!;
  assert.match(withSuggestions, /\tPlace \d+ \d+\tبغداد\n/);
  assert.doesNotMatch(withSuggestions, /\tالعراق\n/);
  assert.equal(annPathFor('news/a.txt'), 'news/a.ann');
  assert.equal(annPathFor('news/a.news'), 'news/a.news.ann');
});

test('code point offsets treat a pair as one character and a lone surrogate as one', () => {
  const text = 'a😀b\ud800c';
  const m = codePointOffsets(text, [0, 1, 3, 4, 5, 6]);
  assert.deepEqual([...m.values()], [0, 1, 2, 3, 4, 5]);
});

test('the real seed articles export, import and convert to brat without loss', () => {
  const dir = join(process.cwd(), 'seeds');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: `seeds/${f}`, text: editorText(readFileSync(join(dir, f), 'utf8')) }));
  const seedCorpus = analyzeCorpus(files);
  const seedTexts = new Map(files.map((f) => [f.path, f.text]));
  const labels = new Map<string, LabelFile>();
  for (const f of files) {
    const doc = seedCorpus.documents.find((d) => d.path === f.path)!;
    const first = doc.mentions.slice(0, 3).map((m, i) => decideMention(f.text, m, i === 1 ? 'rejected' : 'accepted', { ...now, id: `${f.path}#${i}` }));
    const i = f.text.indexOf('العراق');
    if (i >= 0) first.push(createLabel(f.text, i, i + 6, 'place', 'manual', { ...now, id: `${f.path}#m` }));
    labels.set(f.path, { ...emptyLabelFile(f.path), labels: first });
  }
  const back = importYaml(exportYaml(seedCorpus, labels, { texts: seedTexts }));
  assert.ok(back.ok);
  for (const [path, file] of labels) assert.deepEqual(back.labelsByPath.get(path), file);
  const brat = exportBrat(seedCorpus, labels, seedTexts);
  for (const [path, ann] of brat) {
    const cps = [...seedTexts.get(path)!];
    for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
      const [, spec, quote] = line.split('\t');
      const frags = spec
        .split(' ')
        .slice(1)
        .join(' ')
        .split(';')
        .map((f) => f.split(' ').map(Number));
      assert.equal(frags.map(([s, e]) => cps.slice(s, e).join('')).join(' '), quote);
    }
  }
});
