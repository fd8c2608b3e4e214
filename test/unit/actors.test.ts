import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Shadow } from '../../server/src/analysis/text/normalize';
import { findActors, Lexicon } from '../../server/src/analysis/actors/actors';
import { analyzeCorpus } from '../../server/src/analysis/index';
import type { DocumentAnalysis, Mention } from '../../server/src/analysis/types';
import countries from '../../server/src/analysis/data/countries.generated.json';

interface Got {
  kind: string;
  text: string;
  entity: string;
  start: number;
  end: number;
}

function actors(text: string, lexicon = Lexicon.builtin()): Got[] {
  return findActors(new Shadow(text), lexicon).map((f) => ({
    kind: f.kind,
    text: text.slice(f.start, f.end),
    entity: f.entity ?? '',
    start: f.start,
    end: f.end,
  }));
}

/** The two passes of analyzeCorpus, actors only: learn from the first, read everything again. */
function corpus(files: Array<{ path: string; text: string }>, lexicon = Lexicon.builtin()): Map<string, Got[]> {
  const pass = () => files.map((f) => ({ f, got: actors(f.text, lexicon) }));
  const docs = (run: ReturnType<typeof pass>): DocumentAnalysis[] =>
    run.map(({ f, got }) => ({
      path: f.path,
      published: null,
      outlet: null,
      boilerplate: [],
      mentions: got.map((g, i): Mention => ({ id: `a${i}`, kind: g.kind as Mention['kind'], start: g.start, end: g.end, text: g.text, entity: g.entity, boilerplate: false })),
    }));
  let run = pass();
  if (lexicon.learnFrom(docs(run))) run = pass();
  return new Map(run.map(({ f, got }) => [f.path, got]));
}

function find(got: Got[], kind: string, text: string): Got {
  const hit = got.find((g) => g.kind === kind && g.text === text);
  assert.ok(hit, `expected ${kind} "${text}" in:\n${got.map((g) => `  ${g.kind} ${g.text}`).join('\n')}`);
  return hit;
}

function none(got: Got[], text: string): void {
  const hit = got.find((g) => g.text === text);
  assert.equal(hit, undefined, `did not expect "${text}" (${hit?.kind})`);
}

function sameEntity(got: Got[], kind: string, texts: string[]): string {
  const keys = new Set(texts.map((t) => find(got, kind, t).entity));
  assert.equal(keys.size, 1, `one entity expected for ${texts.join(' / ')}, got ${[...keys].join(' | ')}`);
  return [...keys][0];
}

const seedDir = [join(__dirname, '../../../seeds'), join(process.cwd(), 'seeds')].find((d) => existsSync(d)) ?? '';
const seeds = seedDir
  ? readdirSync(seedDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ path: f, text: readFileSync(join(seedDir, f), 'utf8') }))
  : [];
const seedActors = seeds.length ? corpus(seeds) : new Map<string, Got[]>();
function seed(prefix: string): Got[] {
  const key = [...seedActors.keys()].find((k) => k.startsWith(prefix));
  assert.ok(key, `seed ${prefix} not found in ${seedDir}`);
  return seedActors.get(key)!;
}

// ---- The seed articles, exhaustively -------------------------------------------------------

test('seed 000 (Erem News): actors, aliases, clitics, names learnt from titles', () => {
  const got = seed('000');
  for (const p of ['سومي', 'طهران', 'الولايات المتحدة', 'العراق', 'بغداد', 'واشنطن', 'إيران', 'سوريا', 'إسرائيل', 'غزة']) find(got, 'place', p);
  for (const o of ['وزارة الخارجية العراقية', 'المقاومة الإسلامية في العراق', 'الإطار التنسيقي', 'إرم نيوز']) find(got, 'organization', o);
  sameEntity(got, 'organization', ['تنظيم داعش', 'داعش']);
  sameEntity(got, 'organization', ['التحالف الدولي', 'لتحالف']); // "للتحالف": the span starts at the article's lam
  sameEntity(got, 'person', ['غضنفر البطيخ', 'البطيخ']);
  sameEntity(got, 'person', ['محمد التميمي', 'التميمي']);
  assert.equal(find(got, 'person', 'السوداني').entity, find(seed('002'), 'person', 'محمد شياع السوداني').entity);
  // "وواشنطن": the mention is the name, not the conjunction.
  assert.ok(got.filter((g) => g.text === 'واشنطن').length >= 3);
  for (const t of ['الأمريكان', 'الأمريكيين', 'أحرج السوداني', 'لإسرائيل', 'وواشنطن']) none(got, t);
  // The place inside the organisation's name is not a mention of its own.
  const org = find(got, 'organization', 'المقاومة الإسلامية في العراق');
  assert.equal(got.filter((g) => g.start >= org.start && g.end <= org.end).length, 1);
});

test('seed 001 (Al-Masalla): spokesman, committee aliases, Persian yeh, the teasers', () => {
  const got = seed('001');
  for (const p of ['بغداد', 'العراق', 'واشنطن', 'الأردن', 'سوريا', 'جنوب كردفان', 'الدلنج', 'كادوقلي', 'الدبيبات', 'السلفادور']) find(got, 'place', p);
  sameEntity(got, 'place', ['الولايات المتحدة', 'الولایات المتحدة', 'امريكا']);
  for (const o of ['المسلة', 'كتائب حزب الله', 'جهاز المخابرات العامة', 'الحركة الشعبية شمال', 'سونا', 'قناة النيلين']) find(got, 'organization', o);
  assert.equal(find(got, 'organization', 'الإطار الشيعي').entity, find(seed('000'), 'organization', 'الإطار التنسيقي').entity);
  sameEntity(got, 'organization', ['اللجنة العسكرية العراقية العليا', 'لجنة عسكرية عليا']);
  // "قوات التحالف الدولي لمحاربة داعش": the coalition and the organisation it fights.
  find(got, 'organization', 'التحالف الدولي');
  find(got, 'organization', 'داعش');
  sameEntity(got, 'person', ['يحيى رسول', 'رسول']);
  for (const p of ['محمد سالم محمد', 'ترامب', 'خامنئي', 'إيلون ماسك', 'نتنياهو', 'المشهداني']) find(got, 'person', p);
  // "الناطق باسم القائد العام": the title words are not actors.
  for (const t of ['القائد العام', 'باسم', 'امن محمد سالم محمد', 'سلمي ودبلوماسي']) none(got, t);
});

test('seed 002 (Al-Arab): quoted militia name, the PM in full and alone, the envoy', () => {
  const got = seed('002');
  for (const p of ['طهران', 'العراق', 'إيران', 'بغداد', 'واشنطن', 'الولايات المتحدة', 'الشرق الأوسط']) find(got, 'place', p);
  assert.equal(find(got, 'place', 'قطاع غزة').entity, find(seed('000'), 'place', 'غزة').entity);
  const kataib = got.filter((g) => g.kind === 'organization' && g.text.startsWith('كتائب') && g.text.includes('سيد الشهداء'));
  assert.equal(kataib.length, 2);
  assert.equal(kataib[0].entity, actors('أعلنت كتائب سيد الشهداء')[0].entity);
  sameEntity(got, 'organization', ['تنظيم الدولة الإسلامية', 'داعش']);
  for (const o of ['التحالف الدولي', 'شفق نيوز']) find(got, 'organization', o);
  sameEntity(got, 'person', ['محمد شياع السوداني', 'السوداني']); // "حكومة السوداني"
  find(got, 'person', 'إيان مكاري');
  none(got, 'القوات الأميركية');
});

test('seed 003 (Al-Khaleej Al-Jadeed): ministries, militias, analysts, the Hezbollah leader', () => {
  const got = seed('003');
  for (const p of ['العراق', 'بغداد', 'الأردن', 'إيران', 'سوريا', 'غزة', 'إسرائيل', 'تل أبيب', 'بريطانيا', 'اليمن', 'لبنان', 'مرتفعات الجولان', 'الشرق الأوسط', 'واشنطن']) {
    find(got, 'place', p);
  }
  sameEntity(got, 'place', ['الولايات المتحدة', 'أمريكا']);
  for (const o of ['الجيش العراقي', 'محكمة العدل الدولية', 'الخليج الجديد', 'معهد أبحاث السياسة الخارجية', 'ناشونال إنترست', 'محور المقاومة']) {
    find(got, 'organization', o);
  }
  sameEntity(got, 'organization', ['اللجنة العسكرية العراقية العليا', 'اللجنة العسكرية العليا']);
  assert.equal(find(got, 'organization', 'وزارة الدفاع الأمريكية').entity, find(seed('004'), 'organization', 'وزارة الدفاع الأميركية').entity);
  assert.equal(find(got, 'organization', 'حزب الله العراقي').entity, find(seed('001'), 'organization', 'كتائب حزب الله').entity);
  sameEntity(got, 'organization', ['حزب الله اللبناني', 'حزب الله']);
  sameEntity(got, 'organization', ['جماعة الحوثي اليمنية', 'الحوثيين']);
  sameEntity(got, 'organization', ['الحشد الشعبي', 'الحشد الشعبي العراقية']);
  find(got, 'organization', 'الحرس الثوري الإسلامي الإيراني');
  find(got, 'organization', 'حركة حزب الله النجباء');
  find(got, 'organization', 'المقاومة الإسلامية في العراق');
  sameEntity(got, 'person', ['يحيى رسول', 'رسول']);
  assert.equal(find(got, 'person', 'يحيى رسول').entity, find(seed('001'), 'person', 'يحيى رسول').entity);
  sameEntity(got, 'person', ['محمد صالح', 'صالح']);
  for (const p of ['لويد أوستن', 'حسن نصر الله', 'محمد شياع السوداني', 'علي الأسدي']) find(got, 'person', p);
  // "أن تدمر أمنها": a verb, not Palmyra; "يواجه رئيس الوزراء تحدياً": no name after the title.
  for (const t of ['تدمر', 'تحدياً محورياً', 'رئيس الوزراء']) none(got, t);
});

test('seed 004 (Elaph): base and province, the Pentagon spokeswoman, the ministry without وزارة', () => {
  const got = seed('004');
  for (const p of ['بغداد', 'واشنطن', 'عين الأسد', 'العراق', 'الولايات المتحدة', 'سوريا', 'غزة', 'إسرائيل', 'طهران']) find(got, 'place', p);
  assert.equal(find(got, 'place', 'محافظة الأنبار').entity, actors('في الأنبار')[0].entity);
  none(got, 'قاعدة عين الأسد الجوية');
  for (const o of ['المقاومة الإسلامية في العراق', 'التحالف الدولي', 'اللجنة العسكرية العليا', 'وزارة الدفاع', 'إيلاف']) find(got, 'organization', o);
  assert.equal(find(got, 'organization', 'تنظيم الدولة الإسلامية').entity, find(seed('000'), 'organization', 'داعش').entity);
  assert.equal(find(got, 'organization', 'حركة حماس الفلسطينية').entity, actors('قالت حماس')[0].entity);
  assert.equal(find(got, 'organization', 'الخارجية العراقية').entity, find(seed('000'), 'organization', 'وزارة الخارجية العراقية').entity);
  find(got, 'person', 'سابرينا سينغ');
  assert.notEqual(find(got, 'organization', 'وزارة الدفاع').entity, find(got, 'organization', 'وزارة الدفاع الأميركية').entity);
});

test('every seed mention is the exact text at its offsets, and seeds go through analyzeCorpus', () => {
  assert.ok(seeds.length >= 5, 'the five seed articles');
  const result = analyzeCorpus(seeds);
  for (const doc of result.documents) {
    const text = seeds.find((s) => s.path === doc.path)!.text;
    const acts = doc.mentions.filter((m) => m.kind === 'person' || m.kind === 'organization' || m.kind === 'place');
    assert.ok(acts.length > 10, doc.path);
    for (const m of acts) {
      assert.equal(text.slice(m.start, m.end), m.text);
      assert.ok(m.entity && m.entity.length > 0);
    }
  }
  const sudani = result.documents.flatMap((d) => d.mentions).filter((m) => m.kind === 'person' && /السوداني/.test(m.text));
  assert.ok(sudani.length >= 5);
  assert.equal(new Set(sudani.map((m) => m.entity)).size, 1);
});

// ---- Clitics ----------------------------------------------------------------------------

test('a name behind و ف ب ك ل is found, and the span covers the name only', () => {
  const got = actors('وصل الوفد إلى بغداد وواشنطن، فطهران، ثم بالعراق ولبنان، وللحرس الثوري رأي، وكأنقرة.');
  find(got, 'place', 'بغداد');
  find(got, 'place', 'واشنطن');
  find(got, 'place', 'طهران');
  find(got, 'place', 'العراق');
  find(got, 'place', 'لبنان');
  // ل + ال: the alef is elided, so the mention starts at the article's lam.
  find(got, 'organization', 'لحرس الثوري');
  find(got, 'place', 'أنقرة');
});

test('a clitic is stripped only when what remains is known; names are never stemmed', () => {
  const got = actors('زار الوزير بغداد وبيروت ولبنان، والتقى وزارة الدفاع في بعقوبة.');
  none(got, 'غداد');
  none(got, 'يروت');
  find(got, 'place', 'بغداد');
  find(got, 'place', 'بيروت');
  find(got, 'place', 'بعقوبة');
  find(got, 'organization', 'وزارة الدفاع');
  assert.deepEqual(actors('ولد وبنى وكتب وفرح ولعب'), []);
});

// ---- Persons ----------------------------------------------------------------------------

test('titles and roles introduce names, over the body they belong to', () => {
  const got = actors(
    'وقال القيادي في تحالف الفتح الحاكم في العراق مهدي الكرعاوي إن الحوار مستمر. ' +
      'وأكد المتحدث باسم وزارة الداخلية العميد مقداد ميري أن الوضع مستقر. ' +
      'وقال الخبير العسكري العميد المتقاعد أعياد الطوفان لـ"السومرية نيوز" إن الهجوم مدان. ' +
      'واستقبل محافظ البصرة أسعد العيداني السفير البريطاني ستيفن هيكي.',
  );
  for (const p of ['مهدي الكرعاوي', 'مقداد ميري', 'أعياد الطوفان', 'أسعد العيداني', 'ستيفن هيكي']) find(got, 'person', p);
  find(got, 'organization', 'تحالف الفتح');
  find(got, 'organization', 'وزارة الداخلية');
  find(got, 'organization', 'السومرية نيوز');
  find(got, 'place', 'البصرة');
  none(got, 'العميد');
});

test('a kunya and a known given name start a name without a title', () => {
  const got = actors('وكان أبو فدك المحمداوي قد حضر، فيما ظهر أبو علي العسكري في تسجيل. وأكد حيدر الموسوي، أحد قادة الفصائل، الخبر.');
  assert.equal(find(got, 'person', 'أبو فدك المحمداوي').entity, actors('عبد العزيز المحمداوي قال')[0].entity);
  find(got, 'person', 'أبو علي العسكري');
  find(got, 'person', 'حيدر الموسوي');
  // A given name that is an everyday word needs a reporting verb before it.
  none(actors('يعيش حسن الحظ في المدينة'), 'حسن الحظ');
  find(actors('وقال حسن الكعبي إن الجلسة تأجلت'), 'person', 'حسن الكعبي');
});

test('the preposition على is not the name علي', () => {
  none(actors('رداً على الأراضي العراقية'), 'على الأراضي');
  find(actors('وأكد علي الأسدي، أحد القادة، ذلك'), 'person', 'علي الأسدي');
});

test('no names made of verbs, adverbs or nouns after a title', () => {
  const text =
    'يواجه رئيس الوزراء تحدياً محورياً. وقال المتحدث باسم الوزارة في بيان إن العمل مستمر. ' +
    'وأضاف الكاتب "بعيداً عن السياسة". وقال رئيس الوزراء خلال مؤتمر صحفي إن الحكومة باقية. ' +
    'وقال المتحدث باسم رئاسة الجمهورية السفير محمد الشناوي إن اللقاء مثمر.';
  const persons = actors(text).filter((g) => g.kind === 'person');
  assert.deepEqual(
    persons.map((p) => p.text),
    ['محمد الشناوي'],
  );
});

test('the family name alone: known people, and nisba adjectives read as adjectives', () => {
  find(actors('وقال السوداني إن الحكومة ماضية'), 'person', 'السوداني');
  find(actors('واجهت حكومة السوداني انتقادات'), 'person', 'السوداني');
  // "الجيش السوداني", "الرئيس السوداني": after a definite noun, the adjective "Sudanese".
  assert.deepEqual(
    actors('اشتبك الجيش السوداني مع قوات الدعم السريع').filter((g) => g.kind === 'person'),
    [],
  );
  assert.deepEqual(
    actors('التقى الرئيس السوداني بالوفد').filter((g) => g.kind === 'person'),
    [],
  );
  // A family name that is an everyday word counts only after a reporting verb.
  const lex = Lexicon.builtin();
  lex.add({ kind: 'person', name: 'إبراهيم رئيسي' });
  none(actors('كلاعب رئيسي في المنطقة', lex), 'رئيسي');
  find(actors('وقال رئيسي إن بلاده مستعدة', lex), 'person', 'رئيسي');
});

test('one key for every spelling of a person: diacritics, Persian yeh, the family name alone', () => {
  const a = actors('أكد رئيس الوزراء محمد شياع السوداني');
  const b = actors('أكد رئيس الوزراء مُحَمَّد شياع السودانی');
  const c = actors('ودعا السوداني إلى الهدوء');
  const d = actors('قال محمد السوداني');
  const key = find(a, 'person', 'محمد شياع السوداني').entity;
  assert.equal(find(b, 'person', 'مُحَمَّد شياع السودانی').entity, key);
  assert.equal(find(c, 'person', 'السوداني').entity, key);
  assert.equal(find(d, 'person', 'محمد السوداني').entity, key);
});

test('names learnt from a title in one file are found alone in every file, whatever the order', () => {
  const files = [
    { path: 'a.txt', text: 'وأضاف رسول أن الاجتماعات ستتواصل. ونقلت مصادر عن الفرطوسي قوله إن المحادثات جادة.' },
    { path: 'b.txt', text: 'وقال الناطق باسم القائد العام للقوات المسلحة اللواء يحيى رسول إن اللجنة اجتمعت.' },
    { path: 'c.txt', text: 'وقال المحلل السياسي عقيل الفرطوسي إن الحكومة جادة.' },
  ];
  const forward = corpus(files);
  const backward = corpus([...files].reverse());
  for (const run of [forward, backward]) {
    const a = run.get('a.txt')!;
    assert.equal(find(a, 'person', 'رسول').entity, find(run.get('b.txt')!, 'person', 'يحيى رسول').entity);
    assert.equal(find(a, 'person', 'الفرطوسي').entity, find(run.get('c.txt')!, 'person', 'عقيل الفرطوسي').entity);
  }
  assert.deepEqual(forward.get('a.txt'), backward.get('a.txt'));
  // Without the corpus, the everyday word رسول is nobody.
  assert.equal(actors(files[0].text).filter((g) => g.text === 'رسول').length, 0);
});

test('learnFrom reports whether anything was learnt', () => {
  const lex = Lexicon.builtin();
  const doc = (text: string): DocumentAnalysis => ({
    path: 'x',
    published: null,
    outlet: null,
    boilerplate: [],
    mentions: actors(text, lex).map((g, i) => ({ id: `a${i}`, kind: g.kind as Mention['kind'], start: g.start, end: g.end, text: g.text, entity: g.entity, boilerplate: false })),
  });
  const d = doc('وقال المتحدث باسم الجيش العراقي اللواء تحسين الخفاجي إن الوضع مستقر');
  assert.equal(lex.learnFrom([doc('في بغداد وواشنطن')]), false);
  const first = lex.learnFrom([d]);
  // تحسين الخفاجي is in the shipped lexicon: nothing new to learn from him.
  assert.equal(first, false);
  assert.equal(lex.learnFrom([doc('وقال الباحث سجاد الحسناوي إن الوضع مستقر')]), true);
  assert.equal(lex.learnFrom([doc('وقال الباحث سجاد الحسناوي إن الوضع مستقر')]), false);
});

test("women's names and abbreviated titles; a first name that is also a known family name", () => {
  const got = actors('وأكدت د. نهلة الهبابي أن الدراسة مستمرة، والتقى مستشار الأمن القومي قاسم الأعرجي الوفد.');
  find(got, 'person', 'نهلة الهبابي');
  // قاسم is also نعيم قاسم's family name; here it is the first name of a longer one.
  find(got, 'person', 'قاسم الأعرجي');
  none(got, 'قاسم');
  const persons = actors('وقال الوزير أجرى اتصالا هاتفيا مع نظيره. وشهدت مدينة الألعاب إقبالا. وقال المتحدث باسم رئاسة الجمهورية إن').filter((g) => g.kind !== 'organization');
  assert.deepEqual(persons, []);
});

test('a family name learnt from the corpus without the article stands alone only after a reporting verb', () => {
  const files = [
    { path: 'a.txt', text: 'قالت نائبة المتحدثة باسم البنتاغون سابرينا سينغ إن القوات باقية.' },
    { path: 'b.txt', text: 'وأضافت سينغ أن الحوار مستمر. ومطعم سينغ في المدينة مغلق.' },
  ];
  const b = corpus(files).get('b.txt')!;
  const singh = b.filter((g) => g.text === 'سينغ');
  assert.equal(singh.length, 1);
  assert.equal(
    singh[0].entity,
    corpus(files)
      .get('a.txt')!
      .find((g) => g.kind === 'person')!.entity,
  );
});

// ---- Organisations --------------------------------------------------------------------------

test('organisations: the longest name wins, aliases share a key', () => {
  const got = actors('قالت وزارة الدفاع الأمريكية إن البنتاغون لا يعلق، فيما تبنى تنظيم الدولة الإسلامية الهجوم وأعلن داعش مسؤوليته، وقال تنظيم الدولة إن…');
  find(got, 'organization', 'وزارة الدفاع الأمريكية');
  none(got, 'الدفاع');
  sameEntity(got, 'organization', ['وزارة الدفاع الأمريكية', 'البنتاغون']);
  sameEntity(got, 'organization', ['تنظيم الدولة الإسلامية', 'داعش', 'تنظيم الدولة']);
});

test('organisations by head noun stop at sensible places', () => {
  const got = actors(
    'أعلنت هيئة النزاهة الاتحادية، اليوم، أن لجنة الأمن والدفاع النيابية استضافت جهاز المخابرات العراقي. ' +
      'وأكدت حركة أمل اللبنانية موقفها، فيما قالت جماعة تطلق على نفسها اسم "سرايا أولياء الدم" إنها نفذت الهجوم. ' +
      'وقالت كتائب الإمام علي والفصائل الموالية لإيران إن اللجنة المختصة ستجتمع.',
  );
  find(got, 'organization', 'هيئة النزاهة الاتحادية');
  find(got, 'organization', 'لجنة الأمن والدفاع النيابية');
  find(got, 'organization', 'جهاز المخابرات العراقي');
  find(got, 'organization', 'حركة أمل اللبنانية');
  find(got, 'organization', 'سرايا أولياء الدم');
  find(got, 'organization', 'كتائب الإمام علي');
  none(got, 'جماعة تطلق');
  none(got, 'اللجنة المختصة');
  assert.equal(got.filter((g) => g.kind === 'person').length, 0);
  find(got, 'place', 'إيران');
});

test('institutions named by nationality: الجيش العراقي, الخارجية الأمريكية', () => {
  const got = actors('قال الجيش العراقي إن الخارجية الأمريكية أبلغت بغداد، فيما قال وزير الخارجية الأمريكي إن…');
  find(got, 'organization', 'الجيش العراقي');
  assert.equal(find(got, 'organization', 'الخارجية الأمريكية').entity, actors('وزارة الخارجية الأمريكية')[0].entity);
  none(got, 'الخارجية الأمريكي');
});

test('a place inside an organisation name is not a separate place', () => {
  const text = 'أعلنت المقاومة الإسلامية في العراق وجامعة بغداد ووكالة الأنباء العراقية ذلك';
  const got = actors(text);
  find(got, 'organization', 'المقاومة الإسلامية في العراق');
  find(got, 'organization', 'جامعة بغداد');
  none(got, 'العراق');
  none(got, 'بغداد');
});

// ---- Places -------------------------------------------------------------------------------

test('places: countries from ICU names and short forms, heads, bases, numbers in names', () => {
  assert.equal((countries as Record<string, string>).IQ, 'العراق');
  assert.ok(Object.keys(countries).length > 200);
  const got = actors(
    'وصل الوفد الأمريكي إلى أمريكا قادما من المملكة المتحدة ثم إلى بريطانيا، وقتل ثلاثة جنود في قاعدة البرج 22 شمال شرقي الأردن، ' +
      'وسقطت صواريخ على قاعدة عين الأسد الجوية في محافظة الأنبار وعلى مدينة سومي وبلدة تل أبيض، واستهدفت قاعدة عسكرية أخرى.',
  );
  sameEntity(got, 'place', ['المملكة المتحدة', 'بريطانيا']);
  find(got, 'place', 'أمريكا');
  find(got, 'place', 'البرج 22');
  find(got, 'place', 'عين الأسد');
  find(got, 'place', 'محافظة الأنبار');
  find(got, 'place', 'سومي');
  find(got, 'place', 'تل أبيض');
  find(got, 'place', 'الأردن');
  none(got, 'عسكرية');
  assert.equal(got.filter((g) => g.text.includes('الأمريكي')).length, 0);
});

test('traps: باسم the preposition and the name, القائم the role and the town', () => {
  const got = actors('وقال الناطق باسم الحكومة باسم العوادي إن القائم بأعمال السفارة الأمريكية زار قضاء القائم، وتحدث باسم الحكومة.');
  find(got, 'person', 'باسم العوادي');
  const qaim = got.filter((g) => g.text === 'القائم');
  assert.equal(qaim.length, 1);
  assert.equal(qaim[0].kind, 'place');
  assert.ok(qaim[0].start > got.find((g) => g.text === 'باسم العوادي')!.end + 20);
  none(got, 'باسم الحكومة');
  // "الوضع القائم" is "the status quo".
  assert.deepEqual(
    actors('الحفاظ على الوضع القائم').filter((g) => g.kind === 'place'),
    [],
  );
});

test('adjectival places: السعودية the country and the adjective', () => {
  find(actors('زار الوزير السعودية والإمارات'), 'place', 'السعودية');
  assert.deepEqual(
    actors('قالت الحكومة السعودية').filter((g) => g.kind === 'place'),
    [],
  );
  find(actors('بحث الجانبان العلاقات مع إيران والسعودية'), 'place', 'السعودية');
});

// ---- The workspace lexicon --------------------------------------------------------------------

test('a workspace lexicon adds people, bodies, places, titles and words to ignore', () => {
  const lex = Lexicon.builtin();
  const problems = lex.addWorkspace(
    [
      'persons:',
      '  - name: سجاد سالم',
      '    aliases: [أبو حسين السالمي]',
      'organizations:',
      '  - name: تنسيقية المقاومة العراقية',
      '    aliases: [التنسيقية]',
      'places:',
      '  - جرف الملح',
      'titles:',
      '  - أمين سر',
      'ignore:',
      '  - داعش',
    ].join('\n'),
  );
  assert.deepEqual(problems, []);
  const got = actors('قال أبو حسين السالمي إن التنسيقية في جرف الملح، وقال أمين سر الحزب كريم النوري إن داعش انتهى وإن لداعش فلولا.', lex);
  assert.equal(find(got, 'person', 'أبو حسين السالمي').entity, actors('سجاد سالم', lex)[0].entity);
  find(got, 'organization', 'التنسيقية');
  find(got, 'place', 'جرف الملح');
  find(got, 'person', 'كريم النوري');
  none(got, 'داعش');
  assert.equal(got.filter((g) => g.kind === 'organization').length, 1); // "لداعش" too
  // Another lexicon is untouched.
  assert.equal(actors('جرف الملح').length, 0);
});

test('bad workspace lexicons return problems and never throw', () => {
  const lex = Lexicon.builtin();
  const cases: unknown[] = [
    'persons: [unclosed',
    'a: &x 1\nb: *x',
    'persons:\n  - name: 12\n  - {aliases: [x]}\n  - name: فلان الفلاني\n    mode: loud',
    'places: nope',
    '- a list',
    42,
    null,
    { persons: [{ name: '' }], extra: 1 },
    { organizations: [{ name: 'حزب الخضر', aliases: 'wrong' }] },
  ];
  for (const c of cases) {
    const problems = lex.addWorkspace(c);
    if (c !== null) assert.ok(problems.length > 0, `problems expected for ${JSON.stringify(c)}`);
    for (const p of problems) assert.equal(typeof p.message, 'string');
  }
  const located = lex.addWorkspace('persons:\n  - name: فلان الفلاني\n    mode: loud\n');
  assert.ok(located[0].offset !== undefined && located[0].offset > 0);
  // The good entry in a half-bad file is still added.
  find(actors('وقال فلان الفلاني إن', lex), 'person', 'فلان الفلاني');
});

test('the example in docs/LEXICON.md loads without problems', () => {
  const doc = [join(__dirname, '../../../docs/LEXICON.md'), join(process.cwd(), 'docs/LEXICON.md')].find((p) => existsSync(p));
  assert.ok(doc, 'docs/LEXICON.md');
  const yaml = /```yaml\n([\s\S]*?)```/.exec(readFileSync(doc, 'utf8'));
  assert.ok(yaml);
  const lex = Lexicon.builtin();
  assert.deepEqual(lex.addWorkspace(yaml[1]), []);
  find(actors('وقال أبو حسين السالمي إن', lex), 'person', 'أبو حسين السالمي');
});

test('add() merges an alias into a known entity and keeps the key stable', () => {
  const lex = Lexicon.builtin();
  const key = actors('وقال بنيامين نتنياهو', lex)[0].entity;
  assert.equal(lex.add({ kind: 'person', name: 'نتنياهو', aliases: ['بيبي'] }), true);
  assert.equal(find(actors('وقال بيبي إن', lex), 'person', 'بيبي').entity, key);
  assert.equal(lex.add({ kind: 'organization', name: 'جبهة الخلاص الوطني' }), true);
  find(actors('أعلنت جبهة الخلاص الوطني', lex), 'organization', 'جبهة الخلاص الوطني');
  assert.equal(lex.add({ kind: 'organization', name: '   ' }), false);
  assert.deepEqual(Lexicon.builtinProblems(), []);
});

// ---- Robustness and speed ------------------------------------------------------------------

test('never throws; offsets are always valid', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const alphabet = 'ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةىی۰١٢ًٌٍَُِّْـ "«»“”-،.:؛\n\u200f\ud83d\ude00\ud800\ufdfa\ufefb\ufdfdxyzABC123';
  const inputs = ['', ' ', '\ud800', 'لل', 'و', 'ال', 'أبو', 'قاعدة', 'المتحدث باسم', 'عبد', '\uFEFBعب'];
  for (let n = 0; n < 300; n++) {
    let s = '';
    const len = Math.floor(rnd() * 80);
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    inputs.push(s);
  }
  for (const text of inputs) {
    for (const g of actors(text)) {
      assert.ok(g.start >= 0 && g.end <= text.length && g.start < g.end);
      assert.ok(g.entity.length > 0);
    }
  }
  const salad = ['وزارة', 'اللواء', 'أبو', 'عبد', 'المتحدث', 'باسم', 'قاعدة', 'محافظة', 'للحرس', 'الثوري', 'السوداني', 'داعش', '"', '،', 'في', 'بن', 'الله', '22', 'مدينة', 'كتائب', 'حزب'];
  for (let n = 0; n < 200; n++) {
    const text = Array.from({ length: 30 }, () => salad[Math.floor(rnd() * salad.length)]).join(rnd() < 0.5 ? ' ' : '  ');
    for (const g of actors(text)) assert.ok(g.start >= 0 && g.end <= text.length && g.start < g.end && g.text.trim() === g.text);
  }
  const long = 'ا'.repeat(2_000_000);
  assert.deepEqual(actors(long), []);
});
