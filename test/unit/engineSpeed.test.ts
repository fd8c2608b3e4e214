// The engine's shortcuts must not change what it finds: the one-pass line reader against the
// regular expressions it replaces, the code-buffer shadow against folding unit by unit, readings
// kept between analyses against analysing afresh, and the incremental claims index against one
// built from scratch.
// (How the cost grows with the length of a text is measured by `npm run bench`, not here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, analyzeCorpus, Lexicon, ReadingCache, readFirst, readSecond } from '../../server/src/analysis';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineText, hasNonSpace } from '../../server/src/analysis/text/lineText';
import { Shadow, fold } from '../../server/src/analysis/text/normalize';
import { ClaimIndex } from '../../server/src/analysis/claims/contradictions';
import { rng } from './helpers/random';

const PIECES = [
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\u0085',
  '.',
  ',',
  '!',
  '«',
  '»',
  '$',
  '+',
  '-',
  '_',
  '™',
  '©',
  '😀',
  '\ud83d',
  '\ude00',
  '𝐀',
  '𝟙',
  'a',
  'Z',
  '1',
  '٣',
  'ب',
  'ة',
  'أ',
  'ى',
  '\u064e',
  '\u0640',
  '\u0300',
  '٫',
  '\ufefb',
  'قال',
  'الجيش',
];

function randomLine(rand: () => number, max: number): string {
  let s = '';
  const n = Math.floor(rand() * max);
  for (let k = 0; k < n; k++) s += PIECES[Math.floor(rand() * PIECES.length)];
  return s;
}

test('a line read in one pass equals the regular expressions it replaces', () => {
  const EDGE = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
  const WORD = /[\p{L}\p{N}]+/gu;
  const rand = rng(11);
  for (let n = 0; n < 20000; n++) {
    const line = randomLine(rand, 14);
    const host = `x\n${line}\ny`;
    const got = lineText(host, 2, 2 + line.length);
    const text = line.replace(EDGE, '').replace(/\s+/g, ' ');
    assert.equal(got.text, text, JSON.stringify(line));
    assert.deepEqual(got.words, text.match(WORD) ?? [], JSON.stringify(line));
    assert.equal(hasNonSpace(host, 2, 2 + line.length), line.trim() !== '', JSON.stringify(line));
  }
});

/** The shadow as it was first written: one string per unit, joined. */
function slowFold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x066b) {
      const digit = (x: number) => (x >= 0x30 && x <= 0x39) || (x >= 0x660 && x <= 0x669) || (x >= 0x6f0 && x <= 0x6f9);
      out += i > 0 && i + 1 < text.length && digit(text.charCodeAt(i - 1)) && digit(text.charCodeAt(i + 1)) ? '.' : ',';
      continue;
    }
    out += new Shadow(text[i]).norm;
  }
  return out;
}

test('the shadow built from codes equals folding unit by unit, and maps back to its units', () => {
  const rand = rng(5);
  for (let n = 0; n < 3000; n++) {
    const text = randomLine(rand, 30) + '١٫٥' + randomLine(rand, 10);
    const s = new Shadow(text);
    assert.equal(s.norm, slowFold(text), JSON.stringify(text));
    for (let i = 0; i < s.norm.length; i++) {
      const start = s.startOf(i);
      assert.ok(start >= 0 && start < text.length);
      if (i > 0) assert.ok(start >= s.startOf(i - 1), 'the map never goes back');
    }
    assert.equal(s.startOf(s.norm.length), text.length);
  }
  // Long texts are built in slices; the seam must not show.
  const long = 'قالَ الجيشُ ١٢٣ '.repeat(5000);
  assert.equal(new Shadow(long).norm, fold('قالَ الجيشُ ١٢٣ ').concat(' ').repeat(5000));
  // With surrogates, paired and lone, strings are built the other way.
  const astral = '😀 قالَ \ud800 '.repeat(3000);
  assert.equal(new Shadow(astral).norm, slowFold(astral));
});

test('folding a phrase gives the shadow of it, its spaces made single and trimmed', () => {
  const rand = rng(9);
  for (let n = 0; n < 5000; n++) {
    const text = randomLine(rand, n % 2 ? 8 : 40);
    assert.equal(fold(text), new Shadow(text).norm.replace(/\s+/g, ' ').trim(), JSON.stringify(text));
  }
});

const ARTICLE = [
  'بغداد - 12 شباط/فبراير 2024 (رويترز) -',
  'قال اللواء يحيى رسول المتحدث باسم القائد العام للقوات المسلحة إن 3 جنود قتلوا في هجوم على قاعدة عين الأسد أمس.',
  'وأضاف رسول أن القوات الأمريكية نفذت أكثر من 150 ضربة منذ 17 تشرين الأول الماضي في العراق وسوريا.',
  'اقرأ أيضاً',
  'العراق.. مقتل جنديين في الأنبار',
].join('\n');

test('readings kept between analyses give what a fresh analysis gives', () => {
  const readings = new ReadingCache();
  const lexicon = Lexicon.builtin();
  const fresh = analyzeText('a.txt', ARTICLE, { lexicon });
  assert.deepEqual(analyzeText('a.txt', ARTICLE, { lexicon, readings }), fresh);
  assert.equal(readings.size, 1);
  assert.deepEqual(analyzeText('a.txt', ARTICLE, { lexicon, readings }), fresh, 'from the kept reading');
  // After the lexicon learns a name, only the actors may change, and they change as they would afresh.
  lexicon.add({ kind: 'organization', name: 'القائد العام للقوات المسلحة', aliases: ['القيادة العامة'] });
  const grown = analyzeText('a.txt', ARTICLE, { lexicon, readings });
  assert.notDeepEqual(grown, fresh, 'the new name is found');
  assert.deepEqual(grown, analyzeText('a.txt', ARTICLE, { lexicon }));
  // Another text under the same path is read again.
  const edited = ARTICLE.replace('150', '250');
  const again = analyzeText('a.txt', edited, { lexicon, readings });
  assert.ok(again.mentions.some((m) => m.text.includes('250')));
  assert.deepEqual(again, analyzeText('a.txt', edited, { lexicon }));
  readings.delete('a.txt');
  assert.equal(readings.size, 0);
});

test('a first read in two passes gives what analysing after the corpus taught its names gives', () => {
  // The language server's first read: people first, then every article finished with the names
  // learnt (firstRead.ts), against analysing, learning from the analyses and analysing again.
  const dir = join(__dirname, '../../../seeds');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: f, text: readFileSync(join(dir, f), 'utf8') }));
  files.push({ path: 'title.txt', text: 'وقال العميد تحسين الخفاجي إن القوات نفذت عمليات في الأنبار.\nوأضاف الخفاجي أن الوضع مستقر.\n' });
  const before = Lexicon.builtin();
  const readings = new ReadingCache();
  const first = files.map((f) => analyzeText(f.path, f.text, { lexicon: before, readings }));
  assert.ok(before.learnFrom(first), 'the corpus teaches a name');
  const expected = files.map((f) => analyzeText(f.path, f.text, { lexicon: before, readings }));
  const staged = Lexicon.builtin();
  const firsts = files.map((f) => readFirst(f, staged));
  const learnt = staged.learnFrom(firsts.map((x) => x.persons));
  assert.ok(learnt);
  assert.deepEqual(
    files.map((f, i) => readSecond(f, firsts[i].kept, staged, learnt, [])),
    expected,
  );
});

/** An invented report whose figures differ from one count of soldiers to the next. */
function report(soldiers: number, day: number): string {
  return [
    `${day} يناير 2024`,
    '',
    `قتل ${soldiers} جنود أمريكيين وأصيب 25 آخرون، أمس الأحد، في هجوم بطائرة مسيرة استهدف قاعدة البرج 22 في الأردن قرب الحدود السورية، بحسب القيادة المركزية الأمريكية.`,
    `وقال اللواء يحيى رسول إن القوات نفذت أكثر من ${soldiers * 50} ضربة منذ 17 تشرين الأول الماضي في العراق.`,
    '',
  ].join('\n');
}

test('a corpus analysed with kept readings is the same corpus', () => {
  const files = [0, 1, 2, 3].map((k) => ({ path: `d${k}.txt`, text: report(k + 3, 29) }));
  const readings = new ReadingCache();
  const plain = analyzeCorpus(files);
  assert.deepEqual(analyzeCorpus(files, { readings }), plain);
  assert.deepEqual(analyzeCorpus(files, { readings }), plain, 'from the kept readings');
  assert.ok(plain.contradictions.length > 0, 'the figures disagree across the documents');
});

test('the claims index kept up to date edit by edit equals one built from scratch', () => {
  const rand = rng(3);
  const texts = [0, 1, 2, 3, 4, 5].map((k) => report(k + 3, k < 3 ? 29 : 28 + k));
  const live = new ClaimIndex();
  const current = new Map<string, string>();
  let seen = 0;
  for (let step = 0; step < 60; step++) {
    const path = `p${Math.floor(rand() * 4)}.txt`;
    if (rand() < 0.8) {
      const text = texts[Math.floor(rand() * texts.length)];
      live.update(analyzeText(path, text), text);
      current.set(path, text);
    } else {
      live.remove(path);
      current.delete(path);
    }
    const scratch = new ClaimIndex();
    for (const [p, t] of current) scratch.update(analyzeText(p, t), t);
    assert.deepEqual(live.contradictions(), scratch.contradictions());
    assert.equal(live.count, scratch.contradictions().length);
    for (const p of current.keys()) assert.deepEqual(live.contradictionsOf(p), scratch.contradictionsOf(p));
    seen = Math.max(seen, live.count);
  }
  assert.ok(seen > 0, 'the figures disagreed at some point');
});
