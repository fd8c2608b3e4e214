import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorpus } from '../../server/src/analysis/index';
import { compareCorpus } from '../../server/src/analysis/claims/contradictions';

// Whole-engine runs over invented coverage of an invented ferry sinking off Tartus: the tolls,
// their rises, a headline typo, modal figures and a combined toll.

function run(files: Array<{ path: string; text: string }>) {
  const corpus = analyzeCorpus(files);
  const { contradictions } = compareCorpus(corpus.documents, new Map(files.map((f) => [f.path, f.text])));
  const text = (p: string) => files.find((f) => f.path === p)!.text;
  return contradictions.map((c) => ({ ...c, pair: `${c.a.path}:${text(c.a.path).slice(c.a.start, c.a.end)} | ${c.b.path}:${text(c.b.path).slice(c.b.start, c.b.end)}` }));
}

const body = (toll: string) =>
  `وغرقت العبارة التي كانت تقل مهاجرين قبالة سواحل طرطوس فجر الأحد بعد أن انقلبت بفعل الأمواج العالية، وأعلنت وزارة الصحة السورية أن ${toll} لقوا حتفهم في الغرق فيما تواصل فرق الإنقاذ البحث عن مفقودين قرب ميناء طرطوس.`;

const ferry = (path: string, date: string | null, head: string, toll: string, extra = '') => ({
  path,
  text: `${date ? date + '\n\n' : ''}${head}\n\n${body(toll)}${extra}\n`,
});

test('a toll that rose is an update; one that fell is a contradiction; the same day differing is one too', () => {
  const found = run([
    ferry('a.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً'),
    ferry('b.txt', '7 مايو 2024', 'ارتفاع حصيلة ضحايا عبارة طرطوس', '61 شخصاً'),
    ferry('c.txt', '8 مايو 2024', 'حصيلة ضحايا عبارة طرطوس', '50 شخصاً'),
    ferry('d.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '20 شخصاً'),
  ]);
  const kind = (re: RegExp) => found.filter((c) => re.test(c.pair)).map((c) => c.kind);
  assert.deepEqual(kind(/^a\.txt:34 شخصاً \| b\.txt:61 شخصاً$/), ['update']);
  assert.deepEqual(kind(/^b\.txt:61 شخصاً \| c\.txt:50 شخصاً$/), ['contradiction']);
  assert.deepEqual(kind(/^a\.txt:34 شخصاً \| d\.txt:20 شخصاً$/), ['contradiction']);
  const update = found.find((c) => c.kind === 'update' && /^a\.txt/.test(c.pair))!;
  assert.match(update.message, /^updated from 34 \("34 شخصاً", a\.txt, 2024-05-05, per .+\) to 61 \("61 شخصاً", b\.txt, 2024-05-07, per .+\)$/);
  for (const c of found) assert.equal(c.story, found[0].story);
});

test('inside one article: the headline against the body is internal', () => {
  const found = run([ferry('h.txt', '6 مايو 2024', 'مصرع 43 مهاجراً في غرق عبارة قبالة طرطوس', '34 شخصاً')]);
  assert.equal(found.length, 1);
  assert.equal(found[0].kind, 'internal');
  assert.match(found[0].message, /^within one article: /);
  // The same figure in headline and body is no finding.
  assert.deepEqual(run([ferry('h.txt', '6 مايو 2024', 'مصرع 34 مهاجراً في غرق عبارة قبالة طرطوس', '34 شخصاً')]), []);
});

test('denied, forecast and past figures are never compared with reported counts', () => {
  const extra = ' ونفى مسؤول في الميناء مقتل 200 شخص. ويتوقع أن ترتفع الحصيلة إلى 90 شخصاً. وكانت عبارة أخرى قد غرقت عام 2019 وأودت بحياة 150 شخصاً.';
  const found = run([ferry('a.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً', extra), ferry('e.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً')]);
  assert.deepEqual(
    found.map((c) => c.pair),
    [],
  );
});

test('an undated report is compared only when it is surely the same story', () => {
  const dated = ferry('a.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً');
  const undatedSame = ferry('u.txt', null, 'غرق عبارة مهاجرين قبالة طرطوس', '80 شخصاً');
  assert.deepEqual(
    run([dated, undatedSame]).map((c) => c.kind),
    ['contradiction'],
  );
  // An undated piece that only shares the place and a few words is not compared.
  const loose = { path: 'v.txt', text: 'طرطوس مدينة ساحلية يقصدها الصيادون، وقد غرق فيها 80 شخصاً خلال عقد من الزمن بحسب وزارة الصحة السورية.\n' };
  assert.deepEqual(run([dated, loose]), []);
});

test('a combined toll is a scope of its own; each country in a compound sentence has its own place', () => {
  const a = {
    path: 'q1.txt',
    text: '10 مارس 2024\n\nزلزال يضرب الحدود بين تركيا وسوريا\n\nضرب زلزال عنيف المناطق الحدودية بين تركيا وسوريا فجر اليوم، وقتل في تركيا 900 شخص وفي سوريا 300 شخص، ليرتفع العدد الإجمالي إلى 1200 شخص بحسب فرق الإنقاذ.\n',
  };
  const b = {
    path: 'q2.txt',
    text: '10 مارس 2024\n\nزلزال يضرب الحدود بين تركيا وسوريا\n\nضرب زلزال عنيف المناطق الحدودية بين تركيا وسوريا فجر اليوم، وأودى الزلزال بحياة 1200 شخص في البلدين بحسب فرق الإنقاذ، بينهم 300 في سوريا.\n',
  };
  const found = run([a, b]);
  // 900 in Turkey is not set against 1200 in both countries, nor against 300 in Syria.
  assert.deepEqual(
    found.map((c) => c.pair),
    [],
  );
});

test('infections ("إصابة بفيروس"), wounded still in hospital or discharged, and killed-and-wounded together are not the toll', () => {
  const extra =
    ' وتزامن الغرق مع تسجيل البلاد أكثر من 900 إصابة بفيروس الكوليرا منذ مطلع العام. وقد تجاوز عدد إصابات الحصبة اليومية 300 إصابة.' +
    ' وقال مدير الصحة إن 12 مصاباً ما زالوا يرقدون في مستشفى طرطوس، وأعلنت المديرية خروج 40 مصاباً بعد تحسن حالتهم.' +
    ' وقُتل وأصيب أكثر من 500 شخص بحسب ناشطين.';
  const wounded = (n: string) => ` وأصيب ${n} آخرون بجروح.`;
  const found = run([
    ferry('a.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً', wounded('60') + extra),
    ferry('b.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً', wounded('60')),
  ]);
  assert.deepEqual(
    found.map((c) => c.pair),
    [],
  );
  // The same wounded count with no such words is still compared.
  const plain = run([
    ferry('a.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً', ' وأعلنت المديرية إصابة 12 شخصاً بجروح.'),
    ferry('b.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً', ' وأعلنت المديرية إصابة 60 شخصاً بجروح.'),
  ]);
  assert.equal(plain.length, 1);
});

test('a body figure after the toll (a part, an earlier count) is not set against the headline', () => {
  const extra = ' وكان بين الضحايا 3 أشخاص من طاقم العبارة، وقالت الوزارة في وقت سابق إن 20 شخصاً لقوا حتفهم.';
  const found = run([ferry('h.txt', '6 مايو 2024', 'مصرع 34 مهاجراً في غرق عبارة قبالة طرطوس', '34 شخصاً', extra)]);
  assert.deepEqual(
    found.map((c) => c.pair),
    [],
  );
});

test('loose amounts, people named before, increments and comparison figures are not tolls', () => {
  const extra = ' وخلّف الغرق عشرات الضحايا وفق ناشطين، ووري جثمان الضحايا الخمسة الثرى.' + ' وسجلت الوزارة 9 وفيات إضافية بين الركاب، مقارنة بـ70 حالة وفاة أعلنتها في وقت سابق.';
  const found = run([ferry('a.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً', extra), ferry('b.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً')]);
  assert.deepEqual(
    found.map((c) => c.pair),
    [],
  );
  // "Dozens wounded" then 400 is no update of a count; dozens against 400 on one day still clashes.
  const wounded = (path: string, date: string, n: string) => ferry(path, date, 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً', ` وخلّف الغرق ${n}.`);
  assert.deepEqual(
    run([wounded('a.txt', '5 مايو 2024', 'عشرات الجرحى'), wounded('b.txt', '7 مايو 2024', '400 جريح')]).map((c) => c.kind),
    [],
  );
  assert.deepEqual(
    run([wounded('a.txt', '5 مايو 2024', 'عشرات الجرحى'), wounded('b.txt', '5 مايو 2024', '400 جريح')]).map((c) => c.kind),
    ['contradiction'],
  );
});

test('tolls announced on different days of one story are compared; a headline its body contradicts is only internal', () => {
  const said = (day: string, n: string) => ` وأعلنت الوزارة اليوم ${day} ارتفاع عدد الضحايا إلى ${n}.`;
  const found = run([
    ferry('a.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '34 شخصاً', said('الأحد', '34 شخصاً')),
    ferry('b.txt', '7 مايو 2024', 'ارتفاع حصيلة ضحايا عبارة طرطوس إلى 16', '61 شخصاً', said('الثلاثاء', '61 شخصاً')),
  ]);
  const pairs = found.map((c) => `${c.kind} ${c.pair}`).sort();
  assert.ok(pairs.includes('update a.txt:34 شخصاً | b.txt:61 شخصاً'), pairs.join('\n'));
  assert.ok(
    pairs.some((p) => p.startsWith('internal b.txt:16')),
    pairs.join('\n'),
  );
  // The headline's 16 is never set against the other article.
  assert.ok(!pairs.some((p) => /a\.txt.*b\.txt:16|b\.txt:16.*a\.txt/.test(p)), pairs.join('\n'));
});

test('a masthead line is not the headline', () => {
  const text = 'بوابة الساحل | محليات\n\nمصرع 43 مهاجراً في غرق عبارة قبالة طرطوس\n\n' + body('34 شخصاً') + '\n';
  const found = run([{ path: 'm.txt', text: '6 مايو 2024\n' + text }]);
  assert.deepEqual(
    found.map((c) => c.kind),
    ['internal'],
  );
});

test('the nationality a toll is counted among, and broken plurals of nationalities', async () => {
  const { readQualifiers } = await import('../../server/src/analysis/claims/qualifiers');
  const t1 = 'وقالت الوزارة إن عدد الوفيات بين الحجاج الأردنيين وصل إلى 14 شخصاً.';
  assert.deepEqual(readQualifiers(t1, t1.indexOf('14'), t1.indexOf('14') + 8, false).of, ['Jordanian']);
  const t2 = 'وأعلن القنصل وفاة خمسة حجاج مغاربة في مكة.';
  const at = t2.indexOf('خمسة');
  assert.deepEqual(readQualifiers(t2, at, at + 'خمسة حجاج'.length, false).of, ['Moroccan']);
  const t3 = 'وقال إن 20 شخصاً لقوا حتفهم بين ركاب الحافلة.';
  assert.equal(readQualifiers(t3, 8, 16, false).of, null);
});

test('messages keep the scale of the figure', async () => {
  const { readValue } = await import('../../server/src/analysis/claims/value');
  assert.equal(readValue({ min: 30001, max: null }, 'أكثر من 30 ألف نازح')?.label, 'more than 30000');
  assert.equal(readValue({ min: 2000000, max: null }, 'ما لا يقل عن 2 مليون')?.label, 'at least 2000000');
  assert.equal(readValue({ min: 7001, max: null }, 'أكثر من 7 آلاف جريح')?.label, 'more than 7000');
  assert.equal(readValue({ min: 301, max: null }, 'أكثر من300 شخص')?.label, 'more than 300');
  assert.equal(readValue({ min: 21, max: null }, 'أكثر من 20 شخصاً')?.label, 'more than 20');
});

test('an outlet named like a region is the source, not the place of the figure', () => {
  const said = (path: string, who: string, n: string) => ({
    path,
    text: `5 مايو 2024\n\nغرق عبارة مهاجرين قبالة طرطوس\n\n${body(n).replace('وأعلنت وزارة الصحة السورية أن', who)}\n`,
  });
  // The same toll, one cited to "الشرق الأوسط": still compared (no second place), and they differ.
  const found = run([said('a.txt', 'وأفادت الشرق الأوسط بأن', '40 شخصاً'), said('b.txt', 'وأعلنت الوزارة في اللاذقية أن', '70 شخصاً')]);
  assert.deepEqual(
    found.map((c) => `${c.kind} ${c.pair}`),
    ['contradiction a.txt:40 شخصاً | b.txt:70 شخصاً'],
  );
});

test('an open toll ("أكثر من 30") then a later count above it is an update; the same count in words is not', () => {
  const found = run([ferry('a.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', 'أكثر من 30 شخصاً'), ferry('b.txt', '7 مايو 2024', 'ارتفاع حصيلة ضحايا عبارة طرطوس', '52 شخصاً')]);
  assert.deepEqual(
    found.map((c) => `${c.kind} ${c.pair}`),
    ['update a.txt:أكثر من 30 شخصاً | b.txt:52 شخصاً'],
  );
  // Later and open, or earlier and exact: no step of the timeline.
  assert.deepEqual(
    run([ferry('a.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', '52 شخصاً'), ferry('b.txt', '7 مايو 2024', 'ارتفاع حصيلة ضحايا عبارة طرطوس', 'أكثر من 30 شخصاً')]).map((c) => c.kind),
    [],
  );
  assert.deepEqual(
    run([ferry('a.txt', '5 مايو 2024', 'غرق عبارة مهاجرين قبالة طرطوس', 'عدد كبير من الأشخاص'), ferry('b.txt', '7 مايو 2024', 'ارتفاع حصيلة ضحايا عبارة طرطوس', '52 شخصاً')]).map((c) => c.kind),
    [],
  );
});
