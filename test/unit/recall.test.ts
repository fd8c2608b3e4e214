import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorpus } from '../../server/src/analysis/index';
import { compareCorpus } from '../../server/src/analysis/claims/contradictions';

// Whole-engine runs over invented coverage of invented events (a fire in a Tartus furniture
// market, an earthquake near Latakia): the rules that let the comparison find more of the
// conflicts a fact-checker wants without listing the pairs that must stay silent. Each rule has
// a case it must catch and a case it must leave alone.

function run(files: Array<{ path: string; text: string }>) {
  const corpus = analyzeCorpus(files);
  const { contradictions } = compareCorpus(corpus.documents, new Map(files.map((f) => [f.path, f.text])));
  const text = (p: string) => files.find((f) => f.path === p)!.text;
  return contradictions.map((c) => `${c.kind} ${c.a.path}:${text(c.a.path).slice(c.a.start, c.a.end)} | ${c.b.path}:${text(c.b.path).slice(c.b.start, c.b.end)}`).sort();
}

function figuresOf(text: string) {
  const corpus = analyzeCorpus([{ path: 'f.txt', text }]);
  return corpus.documents[0].mentions.filter((m) => m.kind === 'quantity');
}

const scene =
  'واندلع الحريق ظهر الخميس في سوق المفروشات القديم وسط مدينة طرطوس الساحلية، وامتدت ألسنة اللهب إلى محال الأقمشة المجاورة قبل أن تتمكن فرق الإطفاء من إخماده بعد ساعات، فيما نقل الجرحى إلى مستشفى طرطوس الوطني.';

const market = (path: string, date: string | null, head: string, body: string) => ({
  path,
  text: `${date ? date + '\n\n' : ''}${head}\n\n${body}\n\n${scene}\n`,
});

test('an indefinite amount first ("عدد كبير من الوفيات") is not the article\'s toll when a count follows', () => {
  const a = market('a.txt', '9 مايو 2024', 'حريق سوق المفروشات في طرطوس', 'أسفر حريق سوق المفروشات عن عدد كبير من الوفيات. وأعلنت مديرية الصحة وفاة 37 شخصاً في الحريق.');
  const b = market('b.txt', '9 مايو 2024', 'حريق سوق المفروشات في طرطوس', 'أعلن محافظ طرطوس وفاة 52 شخصاً في حريق سوق المفروشات.');
  const found = run([a, b]);
  assert.ok(found.includes('contradiction a.txt:37 شخصاً | b.txt:52 شخصاً'), found.join('\n'));
  // The indefinite amount itself is no toll: "a large number" is never set against a count of 5.
  const c = market('c.txt', '9 مايو 2024', 'حريق سوق المفروشات في طرطوس', 'أعلن محافظ طرطوس وفاة 5 أشخاص في حريق سوق المفروشات.');
  assert.ok(!run([a, c]).some((p) => p.includes('عدد كبير')), run([a, c]).join('\n'));
});

test('a figure that takes in another group ("بمن فيهم") is the toll; the narrower figure and the headline that repeats it are its parts', () => {
  const a = market(
    'a.txt',
    '9 مايو 2024',
    'وفاة 4 أشخاص من عمال البلدية في حريق سوق طرطوس',
    'أعلنت وزارة العمل وفاة 4 أشخاص من عمال البلدية في حريق سوق المفروشات، موضحة أنهم كانوا يعملون في تنظيف السوق. وقالت مصادر طبية إن عدد الوفيات في الحريق، بمن فيهم الباعة والزبائن، بلغ 21 شخصاً.',
  );
  const b = market('b.txt', '11 مايو 2024', 'ارتفاع حصيلة حريق سوق طرطوس', 'أعلنت مديرية الصحة ارتفاع عدد الوفيات في حريق سوق المفروشات إلى 33 شخصاً.');
  const found = run([a, b]);
  assert.ok(found.includes('update a.txt:21 شخصاً | b.txt:33 شخصاً'), found.join('\n'));
  // Neither the 4 of the body nor the headline that repeats it is set against anything.
  assert.ok(!found.some((p) => /:4 أشخاص/.test(p)), found.join('\n'));
  // Without the inclusive words the first figure stays the toll and the later one its aside.
  const plain = market(
    'p.txt',
    '9 مايو 2024',
    'وفاة 4 أشخاص من عمال البلدية في حريق سوق طرطوس',
    'أعلنت وزارة العمل وفاة 4 أشخاص من عمال البلدية في حريق سوق المفروشات. وقالت مصادر طبية إن عدد الوفيات في الحريق بلغ 21 شخصاً.',
  );
  assert.ok(!run([plain, b]).some((p) => p.includes('21 شخصاً')), run([plain, b]).join('\n'));
});

test('a headline and its body tell one moment: "ارتفاع الحصيلة إلى 71" over a body of 17 is internal', () => {
  const found = run([market('a.txt', '10 مايو 2024', 'ارتفاع حصيلة حريق سوق طرطوس إلى 71 قتيلاً', 'أعلنت مديرية الصحة أن حصيلة حريق سوق المفروشات بلغت 17 قتيلاً.')]);
  assert.deepEqual(found, ['internal a.txt:71 قتيلاً | a.txt:17 قتيلاً']);
  // A body telling its own rise under the same headline figure is no finding.
  const told = market('b.txt', '10 مايو 2024', 'ارتفاع حصيلة حريق سوق طرطوس إلى 71 قتيلاً', 'أعلنت مديرية الصحة ارتفاع حصيلة حريق سوق المفروشات إلى 71 قتيلاً بعد أن كانت 17 قتيلاً صباحاً.');
  assert.deepEqual(run([told]), []);
});

test('the missing are counted apart ("12 قتيلاً و30 مفقوداً"), fire engines are a measure of their own', () => {
  const missing = figuresOf('وأسفر الحريق عن 12 قتيلاً و30 مفقوداً بحسب الدفاع المدني.');
  assert.deepEqual(
    missing.map((m) => [m.text, m.counted]),
    [
      ['12 قتيلاً', 'killed'],
      ['30 مفقوداً', 'missing'],
    ],
  );
  // Still: a figure joined by "و" with no noun of its own counts what the one before counts.
  const joined = figuresOf('وأسفر الحريق عن 12 قتيلاً و30 بين الركاب بحسب الدفاع المدني.');
  assert.equal(joined.find((m) => m.text.startsWith('30'))?.counted, 'killed');

  const sent = (path: string, n: string) => market(path, '9 مايو 2024', 'حريق سوق المفروشات في طرطوس', `دفعت مديرية الدفاع المدني في طرطوس ${n} للسيطرة على حريق سوق المفروشات.`);
  assert.deepEqual(run([sent('a.txt', 'بـ6 سيارات إطفاء'), sent('b.txt', 'بـ11 سيارة إطفاء')]), ['contradiction a.txt:6 سيارات إطفاء | b.txt:11 سيارة إطفاء']);
  // Ambulances are not fire engines: never compared with them.
  assert.deepEqual(run([sent('a.txt', 'بـ6 سيارات إطفاء'), sent('b.txt', 'بـ11 سيارة إسعاف')]), []);
});

test('in a one-site event, a toll "in Syria" and one "in Tartus" are one toll; in an earthquake they are two', () => {
  const a = market('a.txt', '9 مايو 2024', 'حريق سوق المفروشات في طرطوس', 'أعلنت مديرية الصحة وفاة 37 شخصاً في حريق سوق المفروشات بطرطوس.');
  const b = market('b.txt', '9 مايو 2024', 'حريق سوق المفروشات في طرطوس', 'وأدى حريق سوق المفروشات إلى وفاة 58 شخصاً في سوريا بحسب وسائل إعلام رسمية.');
  const found = run([a, b]);
  assert.ok(found.includes('contradiction a.txt:37 شخصاً | b.txt:58 شخصاً'), found.join('\n'));
  const quake = (path: string, body: string) => ({
    path,
    text: `9 مايو 2024\n\nزلزال بقوة 6 درجات يضرب الساحل السوري\n\n${body} وشعر السكان بالهزة الأرضية في مدن عدة، وخرجوا إلى الشوارع خوفاً من الهزات الارتدادية، فيما تواصل فرق الإنقاذ البحث تحت الأنقاض.\n`,
  });
  const q = run([
    quake('q1.txt', 'ضرب زلزال بقوة 6 درجات على مقياس ريختر الساحل السوري، وأودى الزلزال بحياة 37 شخصاً في اللاذقية.'),
    quake('q2.txt', 'ضرب زلزال بقوة 6 درجات على مقياس ريختر الساحل السوري، وأودى الزلزال بحياة 58 شخصاً في سوريا.'),
  ]);
  assert.deepEqual(q, []);
});

test('a later, smaller wounded count told with the dead ("40 قتيلاً و25 جريحاً") is a contradiction; alone it is not', () => {
  const a = market('a.txt', '9 مايو 2024', 'حريق سوق المفروشات في طرطوس', 'أسفر حريق سوق المفروشات عن 34 قتيلاً و60 جريحاً بحسب مديرية الصحة.');
  const withDead = market('b.txt', '12 مايو 2024', 'حصيلة حريق سوق طرطوس', 'قال وزير الصحة إن حريق سوق المفروشات أوقع 40 قتيلاً و25 جريحاً.');
  assert.ok(run([a, withDead]).includes('contradiction a.txt:60 جريحاً | b.txt:25 جريحاً'), run([a, withDead]).join('\n'));
  const alone = market('c.txt', '12 مايو 2024', 'حصيلة حريق سوق طرطوس', 'قال مدير المستشفى إن 25 جريحاً من ضحايا حريق سوق المفروشات يتلقون العلاج.');
  assert.ok(!run([a, alone]).some((p) => p.includes('25 جريحاً')), run([a, alone]).join('\n'));
});

test('an undated figure is compared through a weaker link when both figures name the same town, never through a country', () => {
  const a = {
    path: 'a.txt',
    text: '9 مايو 2024\n\nحريق سوق المفروشات في طرطوس\n\nأعلنت مديرية الصحة وفاة 37 شخصاً في حريق سوق المفروشات بطرطوس، واندلعت النيران ظهر الخميس في المحال الخشبية وامتدت إلى محال الأقمشة، ونقل الجرحى إلى مستشفى طرطوس الوطني.\n',
  };
  // An undated piece on civil-defence equipment, linked to the fire's report but not strongly.
  const piece = (where: string) => ({
    path: 'u.txt',
    text:
      'الدفاع المدني السوري يطلب معدات جديدة\n\nقال مسؤولون في الدفاع المدني إن معظم آلياتهم تجاوز عمرها عشرين عاماً، وإن نقص قطع الغيار يؤخر وصول الفرق إلى الحوادث. ' +
      'وأضافوا أن المراكز في الأرياف تعمل بنصف طاقتها بسبب هجرة المتطوعين وارتفاع أسعار الوقود وانقطاع الكهرباء لساعات طويلة. ويطالب المتطوعون بزيادة رواتبهم وتأمين لباس واق وخوذ حديثة وأجهزة تنفس تحميهم من الدخان الكثيف. ' +
      'وتنتظر المديرية منذ عامين موافقة وزارة المالية على صفقة لشراء صهاريج مياه ورافعات وسلالم هيدروليكية طويلة.' +
      ` وذكّر المسؤولون بأن حريق سوق المفروشات أسفر عن وفاة 52 شخصاً ${where}. وتأمل المديرية أن تصل شحنة من المعدات قبل الصيف.\n`,
  });
  assert.deepEqual(run([a, piece('في طرطوس')]), ['contradiction a.txt:37 شخصاً | u.txt:52 شخصاً']);
  // The same piece giving the toll for the country, or for no place, is not surely the same event.
  assert.deepEqual(run([a, piece('في سوريا')]), []);
  assert.deepEqual(run([a, piece('هناك')]), []);
});

test('the hurt in intensive care are a part of the wounded, not the toll', () => {
  const a = market('a.txt', '9 مايو 2024', 'حريق سوق المفروشات في طرطوس', 'أسفر حريق سوق المفروشات عن 34 قتيلاً و60 جريحاً بحسب مديرية الصحة.');
  const b = market('b.txt', '12 مايو 2024', 'حصيلة حريق سوق طرطوس', 'قالت مديرية الصحة إن 20 مصاباً بحروق بالغة في العناية المركزة، فيما بلغ عدد الجرحى 75 جريحاً.');
  assert.ok(run([a, b]).includes('update a.txt:60 جريحاً | b.txt:75 جريحاً'), run([a, b]).join('\n'));
  // Hurt "بحروق بالغة" with no word of intensive care are the article's wounded toll.
  const c = market('c.txt', '9 مايو 2024', 'حريق سوق المفروشات في طرطوس', 'وأصيب 20 شخصاً بحروق بالغة في حريق سوق المفروشات بحسب الدفاع المدني.');
  assert.ok(run([a, c]).includes('contradiction a.txt:60 جريحاً | c.txt:20 شخصاً'), run([a, c]).join('\n'));
});

test('an approximate toll, then a later count above its middle, is an update; below it, nothing', () => {
  const a = market('a.txt', '9 مايو 2024', 'حريق سوق المفروشات في طرطوس', 'أدى حريق سوق المفروشات إلى مقتل نحو 40 شخصاً بحسب مصادر طبية.');
  const later = (n: string) => market('b.txt', '11 مايو 2024', 'حصيلة حريق سوق طرطوس', `أعلنت مديرية الصحة ارتفاع حصيلة حريق سوق المفروشات إلى ${n}.`);
  assert.deepEqual(run([a, later('أكثر من 45 قتيلاً')]), ['update a.txt:نحو 40 شخصاً | b.txt:أكثر من 45 قتيلاً']);
  assert.deepEqual(run([a, later('39 قتيلاً')]), []);
});

test('a number right after a toll ("عدد الجرحى 75") is its count; after another definite noun it is a name', () => {
  assert.deepEqual(
    figuresOf('وتجاوز عدد الجرحى 75 بحسب المستشفى.').map((m) => [m.text, m.counted]),
    [['75', 'wounded']],
  );
  assert.deepEqual(
    figuresOf('واندلع الحريق في الطابق 22 من المبنى.').map((m) => m.text),
    [],
  );
});

test('"توفوا" after the counted people is their event; another verb is not', () => {
  const died = figuresOf('وقالت السفارة إن 12 عاملاً فلبينياً توفوا في الحادث.');
  assert.equal(died[0]?.event, 'killed');
  const arrived = figuresOf('وقالت السفارة إن 12 عاملاً فلبينياً وصلوا إلى المطار.');
  assert.notEqual(arrived[0]?.event, 'killed');
});

test('the nationality inside a figure\'s own words, before its hedge, is read ("30 مهاجراً سودانياً على الأقل")', async () => {
  const { readQualifiers } = await import('../../server/src/analysis/claims/qualifiers');
  const t = 'وغرق 30 مهاجراً سودانياً على الأقل قبالة السواحل.';
  const at = t.indexOf('30');
  assert.deepEqual(readQualifiers(t, at, at + '30 مهاجراً سودانياً على الأقل'.length, false).of, ['Sudanese']);
  const u = 'وغرق 30 مهاجراً على الأقل قبالة السواحل.';
  assert.equal(readQualifiers(u, u.indexOf('30'), u.indexOf('30') + '30 مهاجراً على الأقل'.length, false).of, null);
});

test('a place in the "من" phrase after counted people is where they come from; after "في" it is where it happened', () => {
  assert.equal(figuresOf('وتوفي 9 حجاج من محافظتي سوهاج وأسيوط خلال أداء المناسك.')[0]?.place, undefined);
  assert.equal(figuresOf('وتوفي 9 أشخاص من ركاب الحافلة في سوهاج.')[0]?.place, 'سوهاج');
});

test('a figure whose only place opens the next clause has no place; a place before it stays', async () => {
  const { claimsOf } = await import('../../server/src/analysis/claims/claims');
  const claims = (text: string) => {
    const doc = analyzeCorpus([{ path: 'c.txt', text }]).documents[0];
    return claimsOf(doc, text).map((c) => [c.text, c.places]);
  };
  assert.deepEqual(claims('وارتفع عدد الوفيات بين العمال المصريين إلى 9 أشخاص، فيما أعلنت السفارة في عمان وفاة عامل أردني.\n')[0], ['9 أشخاص', null]);
  assert.deepEqual(claims('وقتل في حلب 40 شخصاً، بينما قتل في حمص 25 شخصاً.\n')[0], ['40 شخصاً', ['حلب']]);
});
