// Hostile and odd input for the engine: no exception escapes, offsets stay inside the text and
// match it, and big inputs stay fast. Bounded in count and time; `npm run fuzz` runs longer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, analyzeCorpus } from '../../server/src/analysis';
import { findHiddenText } from '../../server/src/analysis/text/hiddenText';
import { rng } from './helpers/random';

const ARABIC_WORDS = [
  'قال',
  'الجيش',
  'العراقي',
  'أكثر',
  'من',
  '150',
  'ضربة',
  'منذ',
  'تشرين',
  'الأول',
  'أمس',
  'الخميس',
  '٢٠٢٤',
  'نحو',
  'جندي',
  'اللواء',
  'محمد',
  'في',
  'بغداد',
  'عشرات',
  'الهجمات',
  'كانون',
  'الثاني',
  '،',
  '.',
  'هـ',
  'رجب',
  'وزارة',
  'الدفاع',
];

function randomText(rand: () => number, length: number): string {
  const out: string[] = [];
  while (out.join('').length < length) {
    const r = rand();
    if (r < 0.45) out.push(ARABIC_WORDS[Math.floor(rand() * ARABIC_WORDS.length)] + ' ');
    else if (r < 0.6)
      out.push(String.fromCharCode(Math.floor(rand() * 0x10000))); // any BMP unit, lone surrogates included
    else if (r < 0.7)
      out.push(String.fromCodePoint(0x10000 + Math.floor(rand() * 0xfffff))); // astral
    else if (r < 0.8)
      out.push(String.fromCharCode(Math.floor(rand() * 32))); // control characters
    else if (r < 0.85) out.push('\u202e\u2067\u200b\u200f\u0640\u064b'[Math.floor(rand() * 6)]);
    else if (r < 0.9) out.push(['\n', '\r\n', '\r', '\u2028'][Math.floor(rand() * 4)]);
    else out.push(String(Math.floor(rand() * 100000)) + (rand() < 0.5 ? '-' : '/'));
  }
  return out.join('');
}

function checkOffsets(text: string, seed: number): void {
  const result = analyzeText('fuzz.txt', text);
  assert.equal(result.problems, undefined, `seed ${seed}: an extractor failed: ${result.problems?.join('; ')}`);
  for (const m of result.mentions) {
    assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end, `seed ${seed}: ${m.id} ${m.start}-${m.end} inside the text`);
    assert.equal(m.text, text.slice(m.start, m.end), `seed ${seed}: ${m.id} text is its slice`);
  }
}

// `npm run fuzz` raises both bounds (docs/RELIABILITY.md); npm test keeps them small.
const SECONDS = Number(process.env.SANAD_FUZZ_SECONDS ?? 8);
const CASES = Number(process.env.SANAD_FUZZ_CASES ?? 300);
const FIRST_SEED = Number(process.env.SANAD_FUZZ_SEED ?? 1);

test('random text of every kind: no extractor fails, every offset is right', () => {
  const deadline = Date.now() + SECONDS * 1000;
  let runs = 0;
  for (let seed = FIRST_SEED; seed < FIRST_SEED + CASES && Date.now() < deadline; seed++, runs++) {
    const rand = rng(seed);
    checkOffsets(randomText(rand, 50 + Math.floor(rand() * 3000)), seed);
  }
  assert.ok(runs >= Math.min(50, CASES), `ran ${runs} cases`);
  if (process.env.SANAD_FUZZ_SECONDS) console.log(`fuzz: ${runs} random documents from seed ${FIRST_SEED}, no failure`);
});

test('empty, whitespace-only and mark-only texts', () => {
  for (const t of ['', ' ', '\n\n\n', '\r\n', '\u064b\u064b', '\u0640\u0640', '\ufeff', '\u202e', '\ud800', '\udc00\ud800']) checkOffsets(t, 0);
});

test('a 5 MB single line is analysed in a few seconds', () => {
  const rand = rng(42);
  const chunk = randomText(rand, 50_000).replace(/[\n\r\u2028]/g, ' ');
  const text = chunk.repeat(Math.ceil((5 * 1024 * 1024) / 2 / chunk.length));
  const t0 = Date.now();
  const result = analyzeText('big.txt', text);
  const ms = Date.now() - t0;
  assert.ok(ms < 30_000, `5 MB took ${ms} ms`);
  assert.equal(result.problems, undefined);
});

test('100,000 short lines', () => {
  const lines: string[] = [];
  for (let i = 0; i < 100_000; i++) lines.push(i % 7 === 0 ? 'قتل 3 جنود' : i % 5 === 0 ? '' : 'سطر');
  const text = lines.join('\n');
  const t0 = Date.now();
  const result = analyzeText('lines.txt', text);
  assert.ok(Date.now() - t0 < 30_000);
  assert.equal(result.problems, undefined);
});

test('a corpus of odd documents compares without failing', () => {
  const rand = rng(7);
  const files = Array.from({ length: 40 }, (_, i) => ({ path: `f${i}.txt`, text: randomText(rand, 2000) }));
  const corpus = analyzeCorpus(files);
  assert.equal(corpus.documents.length, 40);
  for (const c of corpus.contradictions) assert.ok(c.a.path !== undefined && c.b.path !== undefined);
});

test('hidden-text scan on random input names only real invisibles', () => {
  const rand = rng(9);
  for (let i = 0; i < 50; i++) {
    const text = randomText(rand, 2000);
    for (const r of findHiddenText(text)) {
      assert.ok(r.end > r.start && r.names.length === r.end - r.start);
    }
  }
});
