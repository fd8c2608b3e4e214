import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCorpus } from '../../server/src/analysis/index';
import { findContradictions, ClaimIndex } from '../../server/src/analysis/claims/contradictions';
import { NEAREST } from '../../server/src/analysis/claims/claimIndex';
import { rng } from './helpers/random';
import type { DocumentAnalysis, Interval, Mention } from '../../server/src/analysis/types';

// Synthetic analyses over invented news sentences: each figure is given by its surface text (the
// first occurrence in the article) and the fields the figure extractor agreed to produce.

interface Fig {
  at: string;
  value: Interval;
  counted?: string;
  event?: string;
  place?: string;
  window?: string;
  cumulative?: boolean;
  source?: string;
  boilerplate?: boolean;
  /** Which occurrence of `at` (0-based), when it appears more than once. */
  nth?: number;
}

interface Article {
  path: string;
  published: string | null;
  text: string;
  figs: Fig[];
  places?: Array<{ at: string; entity: string }>;
  /** People and organisations the article names (named sources). */
  actors?: Array<{ at: string; entity: string }>;
  boilerplate?: string[];
}

function find(text: string, at: string, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(at, i + 1);
    assert.ok(i >= 0, `"${at}" not in text`);
  }
  return i;
}

function analyse(a: Article): DocumentAnalysis {
  const mentions: Mention[] = [];
  for (const f of a.figs) {
    const start = find(a.text, f.at, f.nth);
    const { at, nth, boilerplate, ...fields } = f;
    void nth;
    mentions.push({ id: `q${mentions.length + 1}`, kind: 'quantity', start, end: start + at.length, text: at, boilerplate: boilerplate ?? false, ...fields });
  }
  for (const p of a.places ?? []) {
    const start = find(a.text, p.at);
    mentions.push({ id: `p${mentions.length + 1}`, kind: 'place', start, end: start + p.at.length, text: p.at, boilerplate: false, entity: p.entity });
  }
  for (const p of a.actors ?? []) {
    const start = find(a.text, p.at);
    mentions.push({ id: `o${mentions.length + 1}`, kind: 'organization', start, end: start + p.at.length, text: p.at, boilerplate: false, entity: p.entity });
  }
  mentions.sort((x, y) => x.start - y.start);
  const boilerplate = (a.boilerplate ?? []).map((line) => {
    const start = find(a.text, line);
    return { start, end: start + line.length };
  });
  return { path: a.path, published: a.published, outlet: null, mentions, boilerplate };
}

function run(articles: Article[], withText = true) {
  const docs = articles.map(analyse);
  const texts = withText ? new Map(articles.map((a) => [a.path, a.text])) : undefined;
  return findContradictions(docs, texts);
}

const exact = (n: number): Interval => ({ min: n, max: n });
const moreThan = (n: number): Interval => ({ min: n + 1, max: null });
const DOZENS: Interval = { min: 20, max: 99 };
const HUNDREDS: Interval = { min: 200, max: 999 };

// --- Attacks on US forces since October: the seeds' case, in sentences of our own.

const militiaDozens: Article = {
  path: 'a_watan.txt',
  published: '2024-01-26',
  text: 'بغداد - نفذت الفصائل المسلحة عشرات الهجمات منذ تشرين الأول الماضي على القواعد الأمريكية في العراق وسوريا، وفق مسؤولين.',
  figs: [{ at: 'عشرات الهجمات', value: DOZENS, counted: 'attack', event: 'attacked', place: 'العراق', window: '2023-10', cumulative: true }],
  places: [
    { at: 'العراق', entity: 'العراق' },
    { at: 'سوريا', entity: 'سوريا' },
  ],
};

const agency150: Article = {
  path: 'b_agency.txt',
  published: '2024-01-26',
  text: 'ومنذ منتصف تشرين الأول/أكتوبر استهدفت أكثر من 150 ضربة بطائرات مسيرة وصواريخ القوات الأميركية وقوات التحالف في العراق وسوريا.',
  figs: [{ at: 'أكثر من 150 ضربة', value: moreThan(150), counted: 'strike', event: 'attacked', place: 'العراق', window: '2023-10-11/2023-10-20', cumulative: true }],
  places: [
    { at: 'العراق', entity: 'العراق' },
    { at: 'سوريا', entity: 'سوريا' },
  ],
};

test('"dozens" of attacks clash with "more than 150" strikes on the same forces since October', () => {
  const found = run([agency150, militiaDozens]);
  assert.equal(found.length, 1);
  const [c] = found;
  // Ordered by path: a_watan first whatever the input order.
  assert.equal(c.a.path, 'a_watan.txt');
  assert.equal(c.b.path, 'b_agency.txt');
  assert.equal(militiaDozens.text.slice(c.a.start, c.a.end), 'عشرات الهجمات');
  assert.equal(agency150.text.slice(c.b.start, c.b.end), 'أكثر من 150 ضربة');
  assert.match(c.message, /"عشرات الهجمات" \(a_watan\.txt, 2024-01-26\) vs "أكثر من 150 ضربة" \(b_agency\.txt, 2024-01-26\)/);
  assert.match(c.message, /dozens \(20–99\) cannot be more than 150/);
  assert.equal(c.topic, 'attacks on US forces in Iraq and Syria since mid-October 2023');
});

test('an undated report of the same running total is compared as if contemporaneous', () => {
  const found = run([militiaDozens, { ...agency150, published: null }]);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /b_agency\.txt, undated/);
});

test('a running total reported later and larger is progress; smaller later is a contradiction', () => {
  const early: Article = {
    path: 'c_early.txt',
    published: '2023-11-20',
    text: 'وتعرضت القوات الأمريكية في العراق وسوريا لـ 66 هجوما منذ 17 تشرين الأول، بحسب البنتاغون.',
    figs: [{ at: '66 هجوما', value: exact(66), counted: 'attack', event: 'attacked', place: 'العراق+سوريا', window: '2023-10-17/2023-11-20', cumulative: true, source: 'البنتاغون' }],
  };
  const later: Article = {
    path: 'd_later.txt',
    published: '2024-01-26',
    text: 'ومنذ منتصف تشرين الأول شنت الفصائل أكثر من 150 هجوما على القوات الأمريكية في العراق وسوريا.',
    figs: [{ at: 'أكثر من 150 هجوما', value: moreThan(150), counted: 'attack', event: 'attacked', place: 'العراق+سوريا', window: '2023-10-11/2023-10-20', cumulative: true }],
  };
  // Growth from 66 to 150+ in two months is progress: listed as an update, not a contradiction.
  const progress = run([early, later]);
  assert.equal(progress.length, 1);
  assert.equal(progress[0].kind, 'update');
  assert.match(progress[0].message, /^updated from 66 \("66 هجوما", c_early\.txt, 2023-11-20, per البنتاغون\) to more than 150 \("أكثر من 150 هجوما", d_later\.txt, 2024-01-26\)$/);

  const shrunk: Article = {
    ...later,
    path: 'e_shrunk.txt',
    text: 'ومنذ منتصف تشرين الأول شنت الفصائل 40 هجوما على القوات الأمريكية في العراق وسوريا.',
    figs: [{ ...later.figs[0], at: '40 هجوما', value: exact(40) }],
  };
  const found = run([early, shrunk]);
  assert.equal(found.length, 1);
  assert.equal(found[0].kind, 'contradiction');
  assert.match(found[0].message, /running total cannot fall/);
  assert.match(found[0].message, /per البنتاغون/);

  // From at most 99 after three months to more than 150 a day later is not growth.
  const nextDay = run([militiaDozens, { ...agency150, published: '2024-01-27' }]);
  assert.equal(nextDay.length, 1);
  assert.match(nextDay[0].message, /cannot grow to more than 150/);
  // Nine months later it is.
  assert.deepEqual(run([militiaDozens, { ...agency150, published: '2024-10-27' }]), []);
});

test('running totals counted from different starts are not compared', () => {
  const sinceJanuary: Article = {
    path: 'f_jan.txt',
    published: '2024-01-26',
    text: 'ومنذ مطلع العام الجاري تعرضت القوات الأمريكية لأكثر من 150 هجوما في العراق وسوريا.',
    figs: [{ at: 'أكثر من 150 هجوما', value: moreThan(150), counted: 'attack', event: 'attacked', place: 'العراق', window: '2024-01-01/2024-01-10', cumulative: true }],
    places: [
      { at: 'العراق', entity: 'العراق' },
      { at: 'سوريا', entity: 'سوريا' },
    ],
  };
  assert.deepEqual(run([militiaDozens, sinceJanuary]), []);
});

// --- Vague amounts.

test('vague amounts agree with figures inside their fuzzy edges', () => {
  const wounded = (path: string, at: string, value: Interval): Article => ({
    path,
    published: '2024-01-28',
    text: `وأسفر الهجوم على البرج 22 في الأردن عن إصابة ${at} بجروح، وفق مسؤول.`,
    figs: [{ at, value, counted: 'wounded', event: 'wounded', place: 'الأردن', window: '2024-01-28' }],
  });
  assert.deepEqual(run([wounded('g1.txt', '25 جريحا', exact(25)), wounded('g2.txt', 'العشرات من الجرحى', DOZENS)]), []);
  assert.deepEqual(run([wounded('g1.txt', '85 جريحا', exact(85)), wounded('g2.txt', 'أكثر من 80 جريحا', moreThan(80))]), []);
  // "more than 80" said of exactly 80 is loose wording, not a contradiction.
  assert.deepEqual(run([wounded('g1.txt', '80 جريحا', exact(80)), wounded('g2.txt', 'أكثر من 80 جريحا', moreThan(80))]), []);
  // Hundreds against 40 on the same day is.
  assert.equal(run([wounded('g1.txt', '40 جريحا', exact(40)), wounded('g2.txt', 'مئات الجرحى', HUNDREDS)]).length, 1);
});

test('a hedge the extractor left as a point is still read as a hedge', () => {
  const troops = (path: string, at: string, value: Interval): Article => ({
    path,
    published: '2024-01-26',
    text: `ويوجد في العراق ${at} أميركي في إطار التحالف الدولي.`,
    figs: [{ at, value, counted: 'soldier', event: 'deployed', place: 'العراق' }],
  });
  assert.deepEqual(run([troops('h1.txt', 'نحو 2500 جندي', exact(2500)), troops('h2.txt', '2,600 جندي', exact(2600))]), []);
  assert.equal(run([troops('h1.txt', 'نحو 2500 جندي', exact(2500)), troops('h2.txt', '4000 جندي', exact(4000))]).length, 1);
});

// --- One event.

const jordan = (path: string, at: string, n: number, published: string, window?: string): Article => ({
  path,
  published,
  text: `وقتل ${at} أمريكيين وأصيب آخرون في هجوم بطائرة مسيرة على قاعدة في الأردن قرب الحدود السورية.`,
  figs: [{ at, value: exact(n), counted: 'soldier', event: 'killed', place: 'الأردن', window }],
});

test('three soldiers against four for the same attack is a contradiction; three and 3 agree', () => {
  assert.equal(run([jordan('i1.txt', 'ثلاثة جنود', 3, '2024-01-29', '2024-01-28'), jordan('i2.txt', '4 جنود', 4, '2024-01-29', '2024-01-28')]).length, 1);
  assert.deepEqual(run([jordan('i1.txt', 'ثلاثة جنود', 3, '2024-01-29', '2024-01-28'), jordan('i2.txt', '3 جنود', 3, '2024-02-12')]), []);
  // Undated in one report, but the same place within a week: still the same attack.
  assert.equal(run([jordan('i1.txt', 'ثلاثة جنود', 3, '2024-01-29', '2024-01-28'), jordan('i2.txt', '4 جنود', 4, '2024-01-30')]).length, 1);
  // Killed tolls are not "revised": four soldiers a week later still clashes.
  assert.equal(run([jordan('i1.txt', 'ثلاثة جنود', 3, '2024-01-29', '2024-01-28'), jordan('i2.txt', '4 جنود', 4, '2024-02-04', '2024-01-28')]).length, 1);
});

test("a count over a month is not one day's count", () => {
  const count = (path: string, at: string, value: Interval, window: string): Article => ({
    path,
    published: '2023-11-02',
    text: `وشنت الفصائل ${at} على القوات الأمريكية في العراق.`,
    figs: [{ at, value, counted: 'attack', event: 'attacked', place: 'العراق', window }],
  });
  const month = count('u1.txt', 'أكثر من 20 هجوما', moreThan(20), '2023-10');
  assert.deepEqual(run([month, count('u2.txt', 'هجومين', exact(2), '2023-10-20')]), []);
  assert.deepEqual(run([month, count('u2.txt', 'هجومين', exact(2), '')]), []);
  assert.equal(run([month, count('u2.txt', '5 هجمات', exact(5), '2023-10')]).length, 1);
});

test('different events, places, nationalities and counted things are never compared', () => {
  const other = jordan('j1.txt', 'جنديين', 2, '2023-10-05', '2023-10-04');
  assert.deepEqual(run([jordan('i1.txt', 'ثلاثة جنود', 3, '2024-01-29', '2024-01-28'), other]), [], 'different days');
  const golan: Article = {
    path: 'j2.txt',
    published: '2024-01-29',
    text: 'وقتل جنديين إسرائيليين في هجوم بطائرة مسيرة على الجولان.',
    figs: [{ at: 'جنديين', value: exact(2), counted: 'soldier', event: 'killed', place: 'الجولان', window: '2024-01-28' }],
  };
  assert.deepEqual(run([jordan('i1.txt', 'ثلاثة جنود', 3, '2024-01-29', '2024-01-28'), golan]), [], 'different places');
  assert.deepEqual(run([jordan('i1.txt', 'ثلاثة جنود', 3, '2024-01-29', '2024-01-28'), { ...golan, figs: [{ ...golan.figs[0], place: 'الأردن' }] }]), [], 'US and Israeli soldiers');

  const wounded = jordan('j3.txt', '34 جنديا', 34, '2024-01-29', '2024-01-28');
  wounded.figs[0].event = 'wounded';
  assert.deepEqual(run([jordan('i1.txt', 'ثلاثة جنود', 3, '2024-01-29', '2024-01-28'), wounded]), [], 'killed vs wounded');

  const mps: Article = {
    path: 'k.txt',
    published: '2024-01-26',
    text: 'وصوت 150 نائبا في العراق على قرار إخراج القوات الأجنبية.',
    figs: [{ at: '150 نائبا', value: exact(150), counted: 'mp', place: 'العراق' }],
  };
  const strikes: Article = {
    path: 'l.txt',
    published: '2024-01-26',
    text: 'ونفذت الفصائل 40 ضربة في العراق.',
    figs: [{ at: '40 ضربة', value: exact(40), counted: 'strike', place: 'العراق' }],
  };
  assert.deepEqual(run([mps, strikes]), [], 'MPs are not strikes, and a strike without an event is never compared');
});

test('attacks and strikes on the same forces are one measure; US strikes on militias are another', () => {
  const onForces = (path: string, at: string, value: Interval, counted: string): Article => ({
    path,
    published: '2024-01-26',
    text: `ومنذ تشرين الأول استهدفت ${at} القوات الأمريكية في العراق.`,
    figs: [{ at, value, counted, event: 'attacked', place: 'العراق', window: '2023-10', cumulative: true }],
  });
  assert.equal(run([onForces('m1.txt', '20 هجوما', exact(20), 'attack'), onForces('m2.txt', '90 ضربة', exact(90), 'strike')]).length, 1);

  const usStrikes: Article = {
    path: 'm3.txt',
    published: '2024-01-26',
    text: 'ومنذ تشرين الأول نفذت واشنطن 20 ضربة أمريكية على مواقع الفصائل في العراق.',
    figs: [{ at: '20 ضربة', value: exact(20), counted: 'strike', event: 'attacked', place: 'العراق', window: '2023-10', cumulative: true }],
  };
  assert.deepEqual(run([onForces('m2.txt', '90 ضربة', exact(90), 'strike'), usStrikes]), [], 'the attacker of one is the target of the other');

  // The attacker named before the figure, the target a militia: both say "not attacks on US forces".
  const variant = (path: string, sentence: string, at: string): Article => ({
    path,
    published: '2024-01-26',
    text: sentence,
    figs: [{ at, value: exact(20), counted: 'strike', event: 'attacked', place: 'العراق', window: '2023-10', cumulative: true }],
  });
  const byForces = variant('m4.txt', 'ومنذ تشرين الأول، نفذت القوات الأمريكية 20 ضربة في العراق.', '20 ضربة');
  const onMilitias = variant('m5.txt', 'ومنذ تشرين الأول استهدفت 20 ضربة مواقع تابعة لميليشيات في العراق.', '20 ضربة');
  for (const v of [byForces, onMilitias]) assert.deepEqual(run([onForces('m2.txt', '90 ضربة', exact(90), 'strike'), v]), [], v.text);
  // Undergoing is not carrying out: "تعرضت القوات الأمريكية لـ 20 هجوما" is attacks on them.
  const underwent = variant('m6.txt', 'ومنذ تشرين الأول تعرضت القوات الأمريكية لـ 20 ضربة في العراق.', '20 ضربة');
  assert.equal(run([onForces('m2.txt', '90 ضربة', exact(90), 'strike'), underwent]).length, 1);
});

test('attacks on US and Israeli forces are not attacks on US forces', () => {
  const teaser: Article = {
    path: 'n.txt',
    published: '2024-01-26',
    text: 'ومنذ بدء الصراع في غزة شنت تلك الميليشيات أكثر من 200 هجوم على القوات الأمريكية والإسرائيلية في العراق وسوريا.',
    figs: [{ at: 'أكثر من 200 هجوم', value: moreThan(200), counted: 'attack', event: 'attacked', place: 'العراق', window: '2023-10', cumulative: true }],
    places: [
      { at: 'العراق', entity: 'العراق' },
      { at: 'سوريا', entity: 'سوريا' },
    ],
  };
  assert.deepEqual(run([militiaDozens, teaser]), []);
  // Without the text the qualifier cannot be read, and the two are compared.
  assert.equal(run([militiaDozens, teaser], false).length, 1);
});

test('a count for Iraq alone is not a count for Iraq and Syria', () => {
  const iraqOnly: Article = {
    path: 'o.txt',
    published: '2024-01-26',
    text: 'ومنذ تشرين الأول الماضي نفذت الفصائل أكثر من 150 هجوما على القوات الأمريكية في العراق، بحسب مصدر أمني.',
    figs: [{ at: 'أكثر من 150 هجوما', value: moreThan(150), counted: 'attack', event: 'attacked', place: 'العراق', window: '2023-10', cumulative: true }],
    places: [{ at: 'العراق', entity: 'العراق' }],
  };
  assert.deepEqual(run([militiaDozens, iraqOnly]), []);
});

test('a wounded toll revised upwards a day later is an update; revised down it is a clash', () => {
  const toll = (path: string, published: string, at: string, value: Interval): Article => ({
    path,
    published,
    text: `وارتفع عدد المصابين في الهجوم على قاعدة البرج 22 في الأردن إلى ${at} وفق مسؤول.`,
    figs: [{ at, value, counted: 'soldier', event: 'wounded', place: 'الأردن', window: '2024-01-28' }],
  });
  const rise = run([toll('r1.txt', '2024-01-28', '25 جنديا', exact(25)), toll('r2.txt', '2024-01-30', 'أكثر من 40 جنديا', moreThan(40))]);
  assert.deepEqual(
    rise.map((c) => c.kind),
    ['update'],
  );
  assert.match(rise[0].message, /^updated from 25 \("25 جنديا", r1\.txt, 2024-01-28\) to more than 40/);
  assert.equal(run([toll('r1.txt', '2024-01-28', '25 جنديا', exact(25)), toll('r2.txt', '2024-01-28', 'أكثر من 40 جنديا', moreThan(40))]).length, 1, 'same day');
  // A later, smaller wounded count is of those still in hospital: no finding. A killed toll
  // revised down is one.
  assert.deepEqual(run([toll('r1.txt', '2024-01-30', '40 جنديا', exact(40)), toll('r2.txt', '2024-02-02', '12 جنديا', exact(12))]), []);
  const killed = (path: string, published: string, at: string, n: number): Article => ({
    path,
    published,
    text: `وارتفعت حصيلة ضحايا الحريق في مستشفى ابن الخطيب ببغداد إلى ${at} وفق مسؤول في وزارة الصحة.`,
    figs: [{ at, value: exact(n), counted: 'person', event: 'killed', place: 'بغداد', cumulative: true }],
    places: [{ at: 'بغداد', entity: 'بغداد' }],
  });
  const down = run([killed('k1.txt', '2021-04-25', '82 شخصا', 82), killed('k2.txt', '2021-04-27', '60 شخصا', 60)]);
  assert.deepEqual(
    down.map((c) => c.kind),
    ['contradiction'],
  );
  assert.match(down[0].message, /later toll of 60/);
  const up = run([killed('k1.txt', '2021-04-25', '82 شخصا', 82), killed('k2.txt', '2021-04-27', '110 شخصا', 110)]);
  assert.deepEqual(
    up.map((c) => c.kind),
    ['update'],
  );
});

test('figures with no anchor at all are not compared', () => {
  const total = (path: string, at: string, value: Interval): Article => ({
    path,
    published: '2024-01-26',
    text: `وارتفعت حصيلة القتلى إلى ${at} بحسب مصادر طبية.`,
    figs: [{ at, value, counted: 'killed', event: 'killed', cumulative: true }],
  });
  assert.deepEqual(run([total('s1.txt', '12 قتيلا', exact(12)), total('s2.txt', '300 قتيل', exact(300))]), [], 'no start, no place');
  // Both articles tell of Deir ez-Zor (one story); one figure says where: an anchor.
  const deir = (a: Article): Article => ({ ...a, text: `${a.text}\nوكان القصف قد طال مواقع في دير الزور.`, places: [{ at: 'دير الزور', entity: 'دير الزور' }] });
  const withPlace = (a: Article): Article => ({ ...a, figs: [{ ...a.figs[0], place: 'دير الزور' }] });
  assert.equal(run([withPlace(deir(total('s1.txt', '12 قتيلا', exact(12)))), deir(total('s2.txt', '300 قتيل', exact(300)))]).length, 1, 'one place is an anchor');

  const sameDay = (path: string, at: string, n: number, place?: string): Article => ({
    path,
    published: '2024-01-29',
    text: `وقتل ${at} في هجوم أمس.`,
    figs: [{ at, value: exact(n), counted: 'soldier', event: 'killed', window: '2024-01-28', place }],
  });
  assert.deepEqual(run([sameDay('t1.txt', '3 جنود', 3), sameDay('t2.txt', '5 جنود', 5)]), [], 'same day, no place on either side');
  // Both tell of the attack in Jordan; one figure says where.
  const inJordan = (a: Article): Article => ({ ...a, text: `${a.text}\nوتقع القاعدة في الأردن.`, places: [{ at: 'الأردن', entity: 'الأردن' }] });
  assert.equal(run([inJordan(sameDay('t1.txt', '3 جنود', 3, 'الأردن')), inJordan(sameDay('t2.txt', '5 جنود', 5))]).length, 1);
});

// --- Standing quantities.

test('troop levels agree across outlets; other countries\u2019 troops and Syria are apart', () => {
  const a: Article = {
    path: 'p1.txt',
    published: '2024-01-26',
    text: 'ويوجد في العراق نحو 2500 جندي أميركي بينما ينتشر في سوريا زهاء 900 جندي أميركي.',
    figs: [
      { at: 'نحو 2500 جندي', value: { min: 2250, max: 2750 }, counted: 'soldier', event: 'deployed', place: 'العراق' },
      { at: 'زهاء 900 جندي', value: { min: 810, max: 990 }, counted: 'soldier', event: 'deployed', place: 'سوريا' },
    ],
  };
  const b: Article = {
    path: 'p2.txt',
    published: '2024-02-12',
    text: 'ويتواجد مئات العسكريين من دول أخرى أغلبها أوروبية في العراق. وللولايات المتحدة وحدها نحو 2500 جندي في العراق.',
    figs: [
      { at: 'مئات العسكريين', value: HUNDREDS, counted: 'soldier', event: 'deployed', place: 'العراق' },
      { at: 'نحو 2500 جندي', value: { min: 2250, max: 2750 }, counted: 'soldier', event: 'deployed', place: 'العراق' },
    ],
  };
  const c: Article = {
    path: 'p3.txt',
    published: null,
    text: 'ويتواجد في العراق نحو 2500 عسكري في إطار مكافحة داعش.',
    figs: [{ at: 'نحو 2500 عسكري', value: { min: 2250, max: 2750 }, counted: 'soldier', event: 'deployed', place: 'العراق' }],
  };
  assert.deepEqual(run([a, b, c]), []);
  // A troop level years apart is not compared; within months it is.
  const old: Article = {
    ...c,
    path: 'p4.txt',
    published: '2019-05-01',
    text: 'ويتواجد في العراق نحو 5200 عسكري في إطار مكافحة داعش.',
    figs: [{ ...c.figs[0], at: 'نحو 5200 عسكري', value: { min: 4680, max: 5720 } }],
  };
  assert.deepEqual(run([a, old]), []);
  assert.equal(run([a, { ...old, published: '2024-03-01' }]).length, 1);
  // A level without a place says nothing comparable.
  assert.deepEqual(run([a, { ...old, published: '2024-03-01', figs: [{ ...old.figs[0], place: undefined }] }]), []);
});

test("a place that opens the next clause is not the figure's place", () => {
  // The extractor may give 2500 the place after "وفي"; the place before the figure is its own.
  const both: Article = {
    path: 'v1.txt',
    published: '2023-12-26',
    text: 'ويبلغ عدد القوات الأمريكية في العراق نحو 2500 جندي وفي سوريا نحو 900 جندي.',
    figs: [
      { at: 'نحو 2500 جندي', value: { min: 2250, max: 2750 }, counted: 'soldier', event: 'deployed', place: 'سوريا' },
      { at: 'نحو 900 جندي', value: { min: 810, max: 990 }, counted: 'soldier', event: 'deployed', place: 'سوريا' },
    ],
    places: [
      { at: 'العراق', entity: 'العراق' },
      { at: 'سوريا', entity: 'سوريا' },
    ],
  };
  const syria: Article = {
    path: 'v2.txt',
    published: '2023-12-27',
    text: 'وينتشر في سوريا نحو 900 جندي أمريكي.',
    figs: [{ at: 'نحو 900 جندي', value: { min: 810, max: 990 }, counted: 'soldier', event: 'deployed', place: 'سوريا' }],
    places: [{ at: 'سوريا', entity: 'سوريا' }],
  };
  const iraq: Article = {
    path: 'v3.txt',
    published: '2023-12-27',
    text: 'ويوجد في العراق 4000 جندي أمريكي.',
    figs: [{ at: '4000 جندي', value: exact(4000), counted: 'soldier', event: 'deployed', place: 'العراق' }],
    places: [{ at: 'العراق', entity: 'العراق' }],
  };
  assert.deepEqual(run([both, syria]), []);
  const found = run([both, iraq]);
  assert.equal(found.length, 1);
  assert.equal(both.text.slice(found[0].a.start, found[0].a.end), 'نحو 2500 جندي');
});

// --- Boilerplate, unknown measures, one article.

test('figures in boilerplate are never compared', () => {
  const teaser = { ...agency150, figs: [{ ...agency150.figs[0], boilerplate: true }] };
  assert.deepEqual(run([militiaDozens, teaser]), []);
  const byRange: Article = { ...agency150, boilerplate: [agency150.text] };
  assert.deepEqual(run([militiaDozens, byRange]), []);
});

test('figures without a known counted noun or event are never compared', () => {
  const bare = { ...agency150, figs: [{ ...agency150.figs[0], counted: undefined }] };
  assert.deepEqual(run([militiaDozens, bare]), []);
  const oddEvent = { ...agency150, figs: [{ ...agency150.figs[0], counted: 'soldier', event: undefined }] };
  assert.deepEqual(run([{ ...militiaDozens, figs: [{ ...militiaDozens.figs[0], counted: 'soldier', event: undefined }] }, oddEvent]), []);
});

test('within one article only two different named sources are set against each other', () => {
  const text = 'وقال البنتاغون إن 3 جنود قتلوا في الهجوم على الأردن، فيما قالت المقاومة إن 10 جنود قتلوا في الهجوم ذاته.';
  const fig = (at: string, n: number, source?: string): Fig => ({ at, value: exact(n), counted: 'soldier', event: 'killed', place: 'الأردن', window: '2024-01-28', source });
  const actors = [
    { at: 'البنتاغون', entity: 'البنتاغون' },
    { at: 'المقاومة', entity: 'المقاومة' },
  ];
  const two: Article = { path: 'q.txt', published: '2024-01-29', text, actors, figs: [fig('3 جنود', 3, 'البنتاغون'), fig('10 جنود', 10, 'المقاومة')] };
  const found = run([two]);
  assert.equal(found.length, 1);
  assert.equal(found[0].kind, 'internal');
  assert.match(found[0].message, /^within one article: /);
  assert.equal(found[0].a.path, found[0].b.path);
  assert.ok(found[0].a.start < found[0].b.start);
  assert.deepEqual(run([{ ...two, figs: [fig('3 جنود', 3), fig('10 جنود', 10)] }]), []);
  // A common noun after "according to" is no named source: two such figures stay silent.
  assert.deepEqual(run([{ ...two, actors: [], figs: [fig('3 جنود', 3, 'مصادر طبية'), fig('10 جنود', 10, 'مصادر أمنية')] }]), []);
});

// --- Order, incremental updates, groups, robustness.

test('the output does not depend on input order', () => {
  const docs = [militiaDozens, agency150, jordan('i1.txt', 'ثلاثة جنود', 3, '2024-01-29', '2024-01-28'), jordan('i2.txt', '4 جنود', 4, '2024-01-29', '2024-01-28')];
  const forward = run(docs);
  const backward = run([...docs].reverse());
  assert.equal(forward.length, 2);
  assert.deepEqual(backward, forward);
  assert.ok(forward[0].a.path <= forward[1].a.path);
});

test('a figure repeated in headline and body clashes once, whatever the order of updates', () => {
  const text = 'مقتل ثلاثة جنود أمريكيين في الأردن\nوقتل ثلاثة جنود أمريكيين أمس في هجوم على قاعدة في الأردن.';
  const fig = (nth: number): Fig => ({ at: 'ثلاثة جنود', nth, value: exact(3), counted: 'soldier', event: 'killed', place: 'الأردن', window: '2024-01-28' });
  const twice: Article = { path: 'w1.txt', published: '2024-01-29', text, figs: [fig(0), fig(1)] };
  const other = jordan('w2.txt', 'أربعة جنود', 4, '2024-01-29', '2024-01-28');
  const forward = new ClaimIndex();
  forward.update(analyse(twice), twice.text);
  forward.update(analyse(other), other.text);
  const backward = new ClaimIndex();
  backward.update(analyse(other), other.text);
  backward.update(analyse(twice), twice.text);
  assert.equal(forward.contradictions().length, 1);
  assert.deepEqual(backward.contradictions(), forward.contradictions());
  assert.equal(forward.contradictions()[0].a.start, text.indexOf('ثلاثة جنود'), 'the headline figure, first in the document');
});

test('the claim index updates one document at a time and lists other sources', () => {
  const index = new ClaimIndex();
  const third: Article = {
    path: 'c_third.txt',
    published: '2024-01-26',
    text: 'ومنذ منتصف تشرين الأول تعرضت القوات الأمريكية في العراق وسوريا لأكثر من 160 هجوما.',
    figs: [{ at: 'أكثر من 160 هجوما', value: moreThan(160), counted: 'attack', event: 'attacked', place: 'العراق', window: '2023-10-11/2023-10-20', cumulative: true }],
    places: [
      { at: 'العراق', entity: 'العراق' },
      { at: 'سوريا', entity: 'سوريا' },
    ],
  };
  assert.deepEqual(index.update(analyse(militiaDozens), militiaDozens.text), ['a_watan.txt']);
  assert.deepEqual(index.update(analyse(agency150), agency150.text), ['a_watan.txt', 'b_agency.txt']);
  index.update(analyse(third), third.text);
  assert.equal(index.contradictions().length, 2);

  const offset = find(agency150.text, '150');
  const group = index.groupAt('b_agency.txt', offset);
  assert.ok(group);
  assert.equal(group.sources, 3);
  assert.equal(group.summary, '3 sources: 150+ · dozens · 160+');
  assert.deepEqual(
    group.others.map((o) => [o.path, o.agrees]),
    [
      ['a_watan.txt', false],
      ['c_third.txt', true],
    ],
  );
  assert.equal(index.groupsIn('b_agency.txt').length, 1);
  assert.equal(index.groupAt('b_agency.txt', 0), null);

  // The militia figure corrected to "more than 150": its contradictions go, the others stay.
  const corrected: Article = {
    ...militiaDozens,
    text: militiaDozens.text.replace('عشرات الهجمات', 'أكثر من 150 هجوما'),
    figs: [{ ...militiaDozens.figs[0], at: 'أكثر من 150 هجوما', value: moreThan(150) }],
  };
  const touched = index.update(analyse(corrected), corrected.text);
  assert.deepEqual(touched, ['a_watan.txt', 'b_agency.txt', 'c_third.txt']);
  assert.deepEqual(index.contradictions(), []);

  index.update(analyse(militiaDozens), militiaDozens.text);
  assert.equal(index.contradictionsOf('c_third.txt').length, 1);
  assert.deepEqual(index.remove('a_watan.txt'), ['a_watan.txt', 'b_agency.txt', 'c_third.txt']);
  assert.deepEqual(index.contradictions(), []);
  assert.deepEqual(index.remove('nowhere.txt'), []);
  assert.deepEqual(index.contradictions(), findContradictions([analyse(agency150), analyse(third)]));
});

test('malformed analyses never throw and yield no claims', () => {
  const weird: DocumentAnalysis = {
    path: 'weird.txt',
    published: 'yesterday',
    outlet: null,
    boilerplate: [],
    mentions: [
      { id: 'q1', kind: 'quantity', start: 0, end: 3, text: 'abc', boilerplate: false, counted: 'attack', event: 'attacked', value: { min: null, max: null } },
      { id: 'q2', kind: 'quantity', start: 5, end: 3, text: '\ud800', boilerplate: false, counted: 'attack', event: 'attacked', value: { min: 9, max: 2 } },
      { id: 'q3', kind: 'quantity', start: 0, end: 1, text: 'x', boilerplate: false, counted: 'attack', event: 'attacked', value: '2024-01-01' },
      { id: 'q4', kind: 'quantity', start: 0, end: 1, text: 'x', boilerplate: false, counted: 'attack', event: 'attacked', value: { min: Number.NaN, max: 1 }, window: '2024-13-45/0000' },
      {
        id: 'q5',
        kind: 'quantity',
        start: 0,
        end: 1,
        text: 'x',
        boilerplate: false,
        counted: 'attack',
        event: 'attacked',
        value: { min: 1e308, max: null },
        window: 'x'.repeat(100000),
        cumulative: true,
      },
    ],
  };
  const normal = analyse(militiaDozens);
  assert.doesNotThrow(() => findContradictions([weird, normal], new Map([['weird.txt', '\ud800'.repeat(10)]])));
  const index = new ClaimIndex();
  index.update(weird, 'short');
  assert.equal(index.claims('weird.txt').length, 1, 'only the huge but well-formed open figure is a claim');
});

test('a large bucket of figures that are never comparable stays quick', () => {
  // 600 troop levels, each for its own place: one measure bucket, no pair comparable.
  const index = new ClaimIndex();
  const t0 = Date.now();
  for (let i = 0; i < 600; i++) {
    const text = `ويوجد في البلد ${i} نحو 2500 جندي.`;
    const at = 'نحو 2500 جندي';
    const start = text.indexOf(at);
    const m: Mention = { id: 'q1', kind: 'quantity', start, end: start + at.length, text: at, boilerplate: false, value: exact(2500 + i), counted: 'soldier', event: 'deployed', place: `place-${i}` };
    index.update({ path: `doc${i}.txt`, published: '2024-01-01', outlet: null, mentions: [m], boilerplate: [] }, text);
  }
  assert.deepEqual(index.contradictions(), []);
  assert.equal(index.groupsIn('doc7.txt').length, 0);
  assert.ok(Date.now() - t0 < 6000); // a guard against a hang, not a speed target
});

// --- Many sources on one measure: the window and the nearest.

/** A troop level in Iraq of `n` soldiers reported on `published`. */
const troops = (path: string, n: number, published: string): Article => ({
  path,
  published,
  text: `ويوجد في العراق ${n} جندي أميركي.`,
  figs: [{ at: `${n} جندي`, value: exact(n), counted: 'soldier', event: 'deployed', place: 'العراق' }],
});

function dayAfter(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

test('a measure reported by many sources lists each figure\u2019s nearest contradictions, not every pair', () => {
  // Forty reports a day apart alternating between two troop levels: 400 clashing pairs.
  const docs = Array.from({ length: 40 }, (_, i) => troops(`t${String(i).padStart(2, '0')}.txt`, i % 2 ? 4000 : 2500, dayAfter('2024-01-01', i)));
  const found = run(docs);
  assert.ok(found.length >= (40 * NEAREST) / 2 && found.length <= 40 * NEAREST, `${found.length} listed`);
  const index = new ClaimIndex();
  for (const d of docs) index.update(analyse(d), d.text);
  assert.equal(index.count, found.length);
  // Every report is flagged, and the ones it is set against are the reports nearest in time.
  for (let i = 0; i < docs.length; i++) {
    const partners = index.contradictionsOf(docs[i].path).map((c) => (c.a.path === docs[i].path ? c.b.path : c.a.path));
    assert.ok(partners.length >= NEAREST, `${docs[i].path}: ${partners.length}`);
    const days = partners.map((p) => Math.abs(Number(p.slice(1, 3)) - i));
    assert.ok(days.includes(1), `${docs[i].path} is set against the report a day away`);
    assert.ok(Math.max(...days) <= 2 * NEAREST + 1, `${docs[i].path} reaches ${Math.max(...days)} days away`);
  }
});

test('running totals reported more than a quarter apart are not compared', () => {
  const early = { ...militiaDozens, path: 'r1.txt', published: '2023-11-20' };
  const drop = (published: string): Article => ({
    ...agency150,
    path: 'r2.txt',
    published,
    text: agency150.text.replace('أكثر من 150', '10'),
    figs: [{ ...agency150.figs[0], at: '10 ضربة', value: exact(10) }],
  });
  assert.equal(run([early, drop('2024-02-10')]).length, 1, 'within the window, 10 after dozens is a fall');
  assert.deepEqual(run([early, drop('2024-03-20')]), []);
});

test('edits in any order leave the index as if built afresh', () => {
  const rand = rng(21);
  const values = [900, 2500, 4000];
  const make = (i: number): Article => troops(`m${String(i).padStart(2, '0')}.txt`, values[Math.floor(rand() * 3)], dayAfter('2024-01-01', Math.floor(rand() * 60)));
  const current = new Map<number, Article>();
  const index = new ClaimIndex();
  for (let step = 0; step < 300; step++) {
    const i = Math.floor(rand() * 30);
    if (rand() < 0.25 && current.has(i)) {
      index.remove(current.get(i)!.path);
      current.delete(i);
    } else {
      const doc = make(i);
      current.set(i, doc);
      index.update(analyse(doc), doc.text);
    }
  }
  const fresh = run([...current.values()]);
  assert.ok(fresh.length > 20);
  assert.deepEqual(index.contradictions(), fresh);
  assert.equal(index.count, fresh.length);
  for (const doc of current.values())
    assert.deepEqual(
      index.contradictionsOf(doc.path),
      fresh.filter((c) => c.a.path === doc.path || c.b.path === doc.path),
    );
});

// --- The seeds, through the whole engine.

const SEEDS = join(__dirname, '../../../seeds');

function seedCorpus() {
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: f, text: readFileSync(join(SEEDS, f), 'utf8') }));
  const corpus = analyzeCorpus(files);
  // The comparison with the texts at hand, as the language server and the CLI make it.
  const contradictions = findContradictions(corpus.documents, new Map(files.map((f) => [f.path, f.text])));
  return { files, corpus: { ...corpus, contradictions } };
}

test('seeds: the attack counts are flagged, troops, soldiers killed and boilerplate are not', () => {
  const { files, corpus } = seedCorpus();
  // The comparison works on figures that say what they count: the seeds have them.
  const counted = corpus.documents.flatMap((d) => d.mentions).filter((m) => m.kind === 'quantity' && m.counted);
  assert.ok(counted.length > 0, 'the figure extractor finds counted figures in the seeds');
  const text = (path: string) => files.find((f) => f.path === path)!.text;
  const surface = (side: { path: string; start: number; end: number }) => text(side.path).slice(side.start, side.end);
  const pairs = corpus.contradictions.map((c) => `${c.a.path.slice(0, 3)} ${surface(c.a)} | ${c.b.path.slice(0, 3)} ${surface(c.b)}`);

  const flagged = (doc: string, words: RegExp) =>
    corpus.contradictions.some(
      (c) =>
        (c.a.path.startsWith(doc) && words.test(surface(c.a)) && c.b.path.startsWith('004') && /150/.test(surface(c.b))) ||
        (c.b.path.startsWith(doc) && words.test(surface(c.b)) && c.a.path.startsWith('004') && /150/.test(surface(c.a))),
    );
  assert.ok(flagged('000', /عشرات/), `000's dozens vs 004's 150+; got ${JSON.stringify(pairs)}`);
  assert.ok(flagged('002', /العشرات/), `002's dozens vs 004's 150+; got ${JSON.stringify(pairs)}`);
  // Nothing else in the seeds contradicts: every flag is one of those two.
  assert.equal(corpus.contradictions.length, 2, JSON.stringify(pairs));

  for (const c of corpus.contradictions) {
    for (const side of [c.a, c.b]) {
      const s = surface(side);
      assert.doesNotMatch(s, /2500|٢٥٠٠/, `troop figures are not flagged: ${c.message}`);
      assert.doesNotMatch(s, /جنود/, `soldiers killed in Jordan are not flagged: ${c.message}`);
      const doc = corpus.documents.find((d) => d.path === side.path)!;
      assert.ok(!doc.boilerplate.some((r) => side.start >= r.start && side.end <= r.end), `boilerplate is not compared: ${c.message}`);
    }
    assert.match(c.topic, /attacks/);
    assert.match(c.message, /cannot/);
  }
});

test('invented articles through the whole engine: planted clashes flagged, agreement left alone', () => {
  const files = [
    {
      path: 'a.txt',
      text: '29 يناير 2024\n\nمقتل ثلاثة جنود أمريكيين بهجوم على قاعدة في الأردن\n\nقتل ثلاثة جنود أمريكيين وأصيب 25 آخرون، أمس الأحد، في هجوم بطائرة مسيرة استهدف قاعدة البرج 22 في الأردن قرب الحدود السورية، بحسب القيادة المركزية الأمريكية.\n',
    },
    {
      path: 'b.txt',
      text: '29 يناير 2024\n\nأعلنت وزارة الدفاع الأمريكية مقتل أربعة جنود أمريكيين في هجوم بطائرة مسيرة على قاعدة في الأردن أمس الأحد.\n',
    },
    {
      path: 'c.txt',
      text: '12 فبراير 2024\n\nوكان 3 جنود أمريكيين قد قتلوا في هجوم بطائرة مسيرة في الأردن، قالت الولايات المتحدة إن فصائل مدعومة من إيران نفذته.\nويوجد في العراق نحو 2500 جندي أمريكي، فيما ينتشر في سوريا قرابة 900 جندي أمريكي.\n',
    },
    {
      path: 'd.txt',
      text: '5 فبراير 2024\n\nويتواجد في العراق نحو 4000 جندي أمريكي في إطار التحالف الدولي، بحسب مصادر عسكرية.\nومنذ منتصف تشرين الأول، تعرضت القوات الأمريكية في العراق وسوريا لنحو 165 هجوما بالصواريخ والطائرات المسيرة.\n',
    },
    { path: 'e.txt', text: '10 يناير 2024\n\nومنذ 17 تشرين الأول، تعرضت القوات الأمريكية في العراق وسوريا لأكثر من 120 هجوما، وفق البنتاغون.\n' },
    { path: 'f.txt', text: '6 فبراير 2024\n\nوأحصت وزارة الدفاع الأمريكية 60 هجوما على القوات الأمريكية في العراق وسوريا منذ منتصف تشرين الأول الماضي.\n' },
  ];
  const corpus = analyzeCorpus(files);
  const found = findContradictions(corpus.documents, new Map(files.map((f) => [f.path, f.text])));
  const text = (p: string) => files.find((f) => f.path === p)!.text;
  const pair = (c: (typeof found)[number]) => `${c.a.path}:${text(c.a.path).slice(c.a.start, c.a.end)} | ${c.b.path}:${text(c.b.path).slice(c.b.start, c.b.end)}`;
  const pairs = found.map(pair);
  const has = (re: RegExp) => pairs.filter((p) => re.test(p)).length;

  // Planted: four soldiers against three (once, though a.txt says three twice), 4000 troops
  // against 2500, a running total that fell from about 165 or more than 120 to 60.
  assert.equal(has(/^a\.txt:ثلاثة جنود \| b\.txt:أربعة جنود$/), 1, pairs.join('\n'));
  assert.equal(has(/^c\.txt:نحو 2500 جندي \| d\.txt:نحو 4000 جندي$/), 1, pairs.join('\n'));
  assert.equal(has(/^d\.txt:نحو 165 هجوما \| f\.txt:60 هجوما$/), 1, pairs.join('\n'));
  assert.equal(has(/^e\.txt:أكثر من 120 هجوما \| f\.txt:60 هجوما$/), 1, pairs.join('\n'));
  // Not planted: three soldiers in c.txt agree, 900 troops are in Syria, and 120+ in January
  // growing to about 165 in February is progress.
  assert.equal(has(/c\.txt:3 جنود/), 0);
  assert.equal(has(/900/), 0);
  // (The two are compatible: more than 120, then about 165; no update to tell either.)
  assert.equal(has(/e\.txt.*d\.txt|d\.txt.*e\.txt/), 0);
  for (const c of found.filter((c) => /هجوما/.test(pair(c)))) assert.match(c.topic, /^attacks on US forces in Iraq and Syria since/);
});
