// Issue 15: the story profiles' features as ids in typed arrays, the kind cues counted at the
// text's spaces, and the records that carry profiles. Each is checked against the plain
// definition it replaced (a string-keyed Map, a fold of the whole text and a search per cue).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCorpus } from '../../server/src/analysis/index';
import { fold } from '../../server/src/analysis/text/normalize';
import { profileOf, similarity, type StoryProfile } from '../../server/src/analysis/stories/profile';
import { featureEntries } from '../../server/src/analysis/stories/features';
import { PhraseCounter } from '../../server/src/analysis/stories/phrases';
import { claimRecord, fromClaimRecord } from '../../server/src/analysis/claims/claimRecord';

const EVALUATION = join(__dirname, '../../../evaluation/corpus');

function corpus(): Array<{ path: string; text: string }> {
  return readdirSync(EVALUATION)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: f, text: readFileSync(join(EVALUATION, f), 'utf8') }));
}

/** The similarity as it was defined on Maps: shared evidence, then the cosine summed over the smaller profile in its order. */
function plainSimilarity(a: StoryProfile, b: StoryProfile, least: number): number | null {
  const fa = new Map(featureEntries(a.features));
  const fb = new Map(featureEntries(b.features));
  const [small, large] = fa.size <= fb.size ? [fa, fb] : [fb, fa];
  let evidence = 0;
  let dot = 0;
  for (const [f, w] of small) {
    const v = large.get(f);
    if (v === undefined) continue;
    if (w >= 1 && v >= 1) evidence += f.startsWith('w:') ? 1 : 2;
    dot += w * v;
  }
  if (evidence < least) return null;
  return !a.norm || !b.norm ? 0 : dot / (a.norm * b.norm);
}

test('profiles compared through their feature ids give the similarity of the plain definition, to the last bit', () => {
  const files = corpus();
  const docs = analyzeCorpus(files).documents;
  const profiles = docs.map((d, i) => profileOf(d, files[i].text));
  let linked = 0;
  for (let i = 0; i < profiles.length; i++) {
    for (let j = 0; j < profiles.length; j++) {
      for (const least of [0, 3]) {
        const fast = similarity(profiles[i], profiles[j], least);
        assert.equal(fast, plainSimilarity(profiles[i], profiles[j], least), `${files[i].path} × ${files[j].path}`);
        if (least === 3 && fast !== null && fast > 0.15 && i !== j) linked++;
      }
    }
  }
  // The corpus holds stories of several articles: some pairs share enough to be linked.
  assert.ok(linked > 0);
});

test('a profile lists its features in its own order: the heaviest words first, then places and actors', () => {
  const [file] = corpus();
  const [doc] = analyzeCorpus([file]).documents;
  const entries = featureEntries(profileOf(doc, file.text).features);
  const words = entries.filter(([f]) => f.startsWith('w:'));
  assert.ok(words.length > 10);
  assert.deepEqual(entries.slice(0, words.length), words);
  for (let k = 1; k < words.length; k++) assert.ok(words[k - 1][1] >= words[k][1]);
  assert.ok(entries.some(([f]) => f.startsWith('p:')));
});

test('a claims record carries the profile feature by feature; a name given twice keeps its first place and its last weight', () => {
  const [file] = corpus();
  const [doc] = analyzeCorpus([file]).documents;
  const record = JSON.parse(JSON.stringify(claimRecord(doc, file.text, 0)));
  const read = fromClaimRecord(record);
  assert.ok(typeof read !== 'string');
  assert.deepEqual(featureEntries(read.read.profile.features), record.profile.features);
  record.profile.features = [['w:حريق', 2], ['p:بغداد', 3], ['w:حريق', 1.5], ['bad']];
  const twice = fromClaimRecord(record);
  assert.ok(typeof twice !== 'string');
  assert.deepEqual(featureEntries(twice.read.profile.features), [
    ['w:حريق', 1.5],
    ['p:بغداد', 3],
  ]);
});

/** What the counter replaced: the whole text folded, each phrase searched from the end of the last one found. */
function searched(phrases: string[], text: string): number[] {
  const folded = fold(text);
  return phrases.map((p) => {
    let n = 0;
    for (let i = folded.indexOf(p); i >= 0; i = folded.indexOf(p, i + p.length)) n++;
    return n;
  });
}

test('kind cues counted at the spaces of a text: the counts of a fold and a search, overlaps and unusual spacing included', () => {
  const phrases = ['اندلاع النيران', 'هزه ارضيه', 'هزات ارتداديه', 'اطلاق نار', 'اطلاق النار'];
  const counter = new PhraseCounter(phrases);
  const texts = [
    'اندلاع النيران في المبنى واندلاع النيران مجددا',
    // Diacritics, tatweel, a no-break space, a zero-width space, a line break and a run of spaces.
    'اندلاعُ\u00a0النيـــران \u200bهزة\n\n  أرضيّة',
    // "هزه ارضيه" ends as it begins: the second one overlaps the first and is not counted.
    'هزه ارضيهزه ارضيه',
    'هزات ارتداديهزات ارتداديهزات ارتداديه',
    // "إطلاق النار" holds no "إطلاق نار", but "إطلاق نار" is counted inside "إطلاق نارية".
    'إطلاق النار وإطلاق نارية',
    // A presentation form folds to two letters: the whole text is folded then.
    'اطلاق ﻧﺎر وهزة أرضية',
    '',
    '   ',
    'no Arabic at all',
  ];
  for (const t of texts) assert.deepEqual(counter.count(t), searched(phrases, t), JSON.stringify(t));
  assert.deepEqual(counter.count(texts[0]), [2, 0, 0, 0, 0]);
  assert.deepEqual(counter.count(texts[2]), [0, 1, 0, 0, 0]);
  // Random texts made of the phrases' pieces and separators.
  const pieces = ['اندلاع', 'النيران', 'هزة', 'أرضية', 'ارضيهزه', 'هزات', 'ارتداديهزات', 'إطلاق', 'نار', 'النار', ' ', '\n', '\u00a0', '\u200b', 'َ', 'ـ', '،', '٫', '1', 'x'];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let found = 0;
  for (let k = 0; k < 3000; k++) {
    let t = '';
    // Mostly a word and a space in turn, so that phrases are met.
    for (let n = 1 + Math.floor(next() * 10); n > 0; n--) t += pieces[Math.floor(next() * pieces.length)] + (next() < 0.6 ? ' ' : '');
    const want = searched(phrases, t);
    assert.deepEqual(counter.count(t), want, JSON.stringify(t));
    if (want.some((n) => n > 0)) found++;
  }
  assert.ok(found > 200);
  // The articles of the evaluation corpus.
  for (const f of corpus()) assert.deepEqual(counter.count(f.text), searched(phrases, f.text), f.path);
});
