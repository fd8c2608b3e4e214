import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Shadow } from '../../server/src/analysis/text/normalize';
import { findBoilerplate, findRepeatedLines } from '../../server/src/analysis/boilerplate/boilerplate';

/** The non-blank lines of a text, each with whether findBoilerplate put it in a range. */
function judged(text: string): Array<[string, boolean]> {
  const ranges = findBoilerplate(new Shadow(text));
  for (const r of ranges) {
    assert.ok(r.start >= 0 && r.end <= text.length && r.start < r.end, 'range in bounds');
    // Whole lines: a range starts at a line start and ends at a line end.
    assert.ok(r.start === 0 || text[r.start - 1] === '\n', 'starts a line');
    assert.ok(r.end === text.length || text[r.end] === '\n' || text[r.end] === '\r', 'ends a line');
  }
  const out: Array<[string, boolean]> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const s = offset;
    const e = offset + line.length;
    offset = e + 1;
    if (!line.trim()) continue;
    out.push([line.trim(), ranges.some((r) => s >= r.start && e <= r.end)]);
  }
  return out;
}

function boilerplateLines(text: string): string[] {
  return judged(text)
    .filter(([, bad]) => bad)
    .map(([l]) => l);
}

const SEEDS = join(__dirname, '../../../seeds');
const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');

/** Lines of a seed judged boilerplate, by their 1-based line numbers. */
function seedBoilerplate(name: string): number[] {
  const text = seed(name);
  const ranges = findBoilerplate(new Shadow(text));
  const out: number[] = [];
  let offset = 0;
  text.split('\n').forEach((line, i) => {
    const s = offset;
    const e = offset + line.length;
    offset = e + 1;
    if (line.trim() && ranges.some((r) => s >= r.start && e <= r.end)) out.push(i + 1);
  });
  return out;
}

// ---- The seeds, line by line ----

test('seed 000: ticker, logo, menu, related teaser and footer; not the headline or dateline', () => {
  // 1 عاجل, 3 the Ukrainian headline, 5 logo, 6 العالم العربي, 17 أخبار ذات صلة, 19 its teaser,
  // 43 logo, 44 تابعونا على, 45 copyright.
  assert.deepEqual(seedBoilerplate('000_69a4e039fec93b87.txt'), [1, 3, 5, 6, 17, 19, 43, 44, 45]);
});

test('seed 001: credit, disclaimer, source, tags, and the Sudan story with its link list', () => {
  const lines = seedBoilerplate('001_7a6252f0c71d3e79.txt');
  assert.deepEqual(lines.slice(0, 5), [31, 33, 35, 37, 39]);
  assert.ok(lines.includes(41) && lines.includes(43), 'the Sudan teaser headline and story');
  for (const n of [45, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56]) assert.ok(lines.includes(n), `line ${n} (مقالات مشابهة and its links)`);
  assert.ok(
    lines.every((n) => n >= 31),
    'the dateline and the article stay',
  );
});

test('seed 002: the link list between the paragraphs, and only that', () => {
  assert.deepEqual(seedBoilerplate('002_b4a12e420ae2588d.txt'), [13, 14, 15, 16]);
});

test('seed 003: two "اقرأ أيضاً" teasers, then everything after the source line', () => {
  const lines = seedBoilerplate('003_7679b3e3658cb47b.txt');
  assert.deepEqual(lines.slice(0, 4), [11, 12, 19, 20]);
  for (let n = 21; n <= 34; n++) assert.ok(lines.includes(n), `line ${n} after "المصدر"`);
  // The embedded tweet of the committee is part of the story.
  assert.ok(!lines.includes(9) && !lines.includes(10));
});

test('seed 004: menu, Instagram promotion, and the comments', () => {
  assert.deepEqual(seedBoilerplate('004_c60929020f56a472.txt'), [1, 8, 9, 10, 34, 36, 37, 38, 40]);
});

// ---- Invented pages ----

const P1 = 'قالت وزارة الدفاع العراقية في بيان إن القوات الأمنية تمكنت من إحباط هجوم على قاعدة عسكرية في محافظة الأنبار، وإن التحقيقات ما زالت جارية لمعرفة الجهة التي تقف وراء الهجوم.';
const P2 = 'وأضاف البيان أن الفصائل المسلحة كثفت في الأسابيع الماضية من عملياتها ضد القواعد التي تستضيف قوات التحالف الدولي، في ظل توتر إقليمي متصاعد منذ بدء الحرب على غزة.';

test('a page: menu and share bar on top, a subheading kept, teasers and tags marked', () => {
  const page = [
    'الرئيسية',
    'سياسة',
    'شارك على فيسبوك',
    'إحباط هجوم على قاعدة في الأنبار',
    'بغداد - رويترز',
    P1,
    'تفاصيل الهجوم',
    P2,
    'اقرأ أيضاً',
    'الحكومة العراقية تبحث مع واشنطن جدول الانسحاب',
    P1.replace('الأنبار', 'نينوى'),
    'الوسوم',
    'العراق الأنبار هجوم',
    'أضف تعليقك',
  ].join('\n');
  assert.deepEqual(boilerplateLines(page), ['الرئيسية', 'سياسة', 'شارك على فيسبوك', 'اقرأ أيضاً', 'الحكومة العراقية تبحث مع واشنطن جدول الانسحاب', 'الوسوم', 'العراق الأنبار هجوم', 'أضف تعليقك']);
});

test('an end cue before any prose does not end the article', () => {
  const page = ['تابعونا على', 'إحباط هجوم على قاعدة في الأنبار', P1, P2].join('\n');
  assert.deepEqual(boilerplateLines(page), ['تابعونا على']);
});

test('a breaking headline about this story is kept; one about another story is not', () => {
  const own = ['عاجل', 'إحباط هجوم على قاعدة عسكرية في الأنبار', P1, P2].join('\n');
  assert.deepEqual(boilerplateLines(own), ['عاجل']);
  const other = ['عاجل', 'زلزال بقوة ست درجات يضرب جنوب اليابان', P1, P2].join('\n');
  assert.deepEqual(boilerplateLines(other), ['عاجل', 'زلزال بقوة ست درجات يضرب جنوب اليابان']);
});

test('a credit line is boilerplate at the end, a dateline at the top', () => {
  const page = ['بغداد - متابعة', P1, P2, 'متابعة - وكالات'].join('\n');
  assert.deepEqual(boilerplateLines(page), ['متابعة - وكالات']);
});

test('never throws on odd text', () => {
  for (const text of ['', '\n', '\r\n\r\n', ' '.repeat(1000), 'a'.repeat(100000), '\ud800\n\udc00', 'عاجل', 'اقرأ أيضاً', '•\n•\n•']) {
    const ranges = findBoilerplate(new Shadow(text));
    for (const r of ranges) assert.ok(r.start >= 0 && r.end <= text.length && r.start < r.end);
  }
  const long = (P1 + ' ').repeat(20000);
  const t0 = Date.now();
  assert.deepEqual(findBoilerplate(new Shadow(long)), []);
  assert.ok(Date.now() - t0 < 10_000); // a guard against a hang, not a speed target (npm run bench)
});

// ---- Lines repeated across an outlet's articles ----

test('repeated short lines across documents are found; a shared quotation is not', () => {
  const footer = 'جميع الحقوق محفوظة لموقع المثال';
  const docs = [['خبر أول', P1, footer].join('\n'), ['خبر ثان', P2, footer].join('\n'), ['خبر ثالث', P1, footer].join('\n'), ['خبر رابع', P2].join('\n')];
  const found = findRepeatedLines(docs);
  assert.equal(found.length, 4);
  for (const [i, ranges] of found.entries()) {
    const lines = ranges.map((r) => docs[i].slice(r.start, r.end));
    assert.deepEqual(lines, i < 3 ? [footer] : [], `document ${i}`);
  }
});

test('a teaser on the same line as its header is boilerplate; a sentence starting with the same word is not', () => {
  const page = [
    'إحباط هجوم على قاعدة في الأنبار',
    P1,
    'المزيد من القوات وصل إلى القاعدة خلال الأسبوع الماضي بحسب مصادر أمنية عراقية، وقال مسؤول: لا تغيير.',
    'شاهد أيضاً: مصرع 7 أشخاص في تصادم حافلتين على طريق الموصل',
    P2,
    'اقرأ المزيد | الأمطار تغرق شوارع البصرة',
    'الأخبار الأكثر تداولاً',
    '- تونس: 4 وفيات جديدة بالحمى خلال يومين',
  ].join('\n');
  assert.deepEqual(boilerplateLines(page), [
    'شاهد أيضاً: مصرع 7 أشخاص في تصادم حافلتين على طريق الموصل',
    'اقرأ المزيد | الأمطار تغرق شوارع البصرة',
    'الأخبار الأكثر تداولاً',
    '- تونس: 4 وفيات جديدة بالحمى خلال يومين',
  ]);
});
