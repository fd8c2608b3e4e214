// Readable measures: every figure the engine finds gets an English and an Arabic name made from
// data (server/src/format/measure-names.yaml), never an engine key; durations are marked as not
// compared, so the Figures view can leave them out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { analyzeCorpus } from '../../server/src/analysis';
import { isComparedMeasure, measureName, placeName } from '../../server/src/format/measureNames';

const ARABIC = /[\u0600-\u06ff]/;

test('a pair the data names as a whole, with its place in both languages', () => {
  assert.deepEqual(measureName({ counted: 'soldier', event: 'killed', place: 'الاردن' }), { en: 'soldiers killed in Jordan', ar: 'الجنود القتلى في الأردن' });
  assert.deepEqual(measureName({ counted: 'attack', event: 'attacked' }), { en: 'attacks', ar: 'الهجمات' });
  assert.deepEqual(measureName({ counted: 'killed' }), { en: 'people killed', ar: 'القتلى' });
});

test('a pair the data does not list is composed from the counted noun and the event, agreeing in Arabic', () => {
  // People take the masculine plural; things (a plural of things is feminine singular in Arabic) the other form.
  assert.deepEqual(measureName({ counted: 'civilian', event: 'wounded' }), { en: 'civilians wounded', ar: 'المدنيون الجرحى' });
  assert.deepEqual(measureName({ counted: 'missile', event: 'intercepted' }), { en: 'missiles intercepted', ar: 'الصواريخ التي اعتُرضت' });
  assert.deepEqual(measureName({ event: 'killed' }), { en: 'people killed', ar: 'القتلى' });
  assert.equal(measureName({}), null);
});

test('a place the data does not know is shown as the articles spell it, not as its folded key', () => {
  assert.deepEqual(placeName('الناصريه', 'الناصرية'), { en: 'الناصرية', ar: 'الناصرية' });
  assert.equal(measureName({ counted: 'person', event: 'killed', place: 'الناصريه' }, () => 'الناصرية')?.ar, 'الأشخاص القتلى في الناصرية');
  // Keys are looked up folded: a spelling with hamza finds the entry.
  assert.equal(placeName('الأردن').en, 'Jordan');
});

test('durations are not compared; tolls and counts are', () => {
  for (const counted of ['hour', 'day', 'week', 'month', 'year']) assert.equal(isComparedMeasure({ counted }), false, counted);
  for (const counted of ['soldier', 'attack', 'killed', 'country']) assert.equal(isComparedMeasure({ counted }), true, counted);
  assert.equal(isComparedMeasure({ event: 'killed' }), true);
});

test('every figure of the seeds and the evaluation corpus gets a name without an engine key in it', () => {
  const root = join(__dirname, '..', '..', '..');
  const files = ['seeds', 'evaluation/corpus'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8') })),
  );
  const corpus = analyzeCorpus(files);
  let named = 0;
  for (const d of corpus.documents) {
    for (const m of d.mentions) {
      if (m.kind !== 'quantity' || (!m.counted && !m.event)) continue;
      const n = measureName(m);
      assert.ok(n, `${d.path}: ${m.text}`);
      // An English name is English (a place may stay Arabic when it is unknown), and the Arabic name is Arabic.
      const base = m.place ? n.en.split(' in ')[0] : n.en;
      assert.ok(!ARABIC.test(base) && !/[|_]/.test(base), `${d.path}: "${m.text}" → ${n.en}`);
      assert.ok(ARABIC.test(n.ar.split(' في ')[0]), `${d.path}: "${m.text}" → ${n.ar}`);
      named++;
    }
  }
  assert.ok(named > 100, `${named} figures named`);
});

test("every counted key and event of the engine's lexicons has a name in measure-names.yaml", () => {
  const root = join(__dirname, '..', '..', '..');
  const read = (p: string) => YAML.parse(readFileSync(join(root, p), 'utf8')) as Record<string, unknown>;
  const names = read('server/src/format/measure-names.yaml') as { counted: Record<string, unknown>; events: Record<string, unknown> };
  const counted = Object.keys(read('server/src/analysis/lexicons/counted.yaml'));
  const events = Object.keys(read('server/src/analysis/lexicons/events.yaml').events ?? read('server/src/analysis/lexicons/events.yaml'));
  assert.ok(counted.length > 30 && events.length > 8);
  for (const k of counted) assert.ok(k in names.counted, `counted key ${k} has no name`);
  for (const k of events) assert.ok(k in names.events, `event ${k} has no name`);
});
