// A story's name for people (format/storyNames.ts): kind of event, place and first day, in English
// and Arabic from data, never a story id; a headline when neither kind nor place is known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storyName } from '../../server/src/format/storyNames';

test('a story is named by its kind of event, its place and its first day, in both languages', () => {
  assert.deepEqual(storyName({ kind: 'fire', place: { key: 'الكويت', spelt: 'الكويت' }, day: '2024-06-12' }, 'ignored'), { en: 'fire · Kuwait · 2024-06-12', ar: 'حريق · الكويت · 2024-06-12' });
  // A place the name data knows has its English name; no day, no day part.
  assert.deepEqual(storyName({ kind: 'gasleak', place: { key: 'العقبه', spelt: 'العقبة' }, day: null }, 'ignored'), { en: 'gas leak · Aqaba', ar: 'تسرب غاز · العقبة' });
  assert.deepEqual(storyName({ kind: 'earthquake', place: null, day: '2023-09-08' }, 'ignored'), { en: 'earthquake · 2023-09-08', ar: 'زلزال · 2023-09-08' });
});

test('without kind or place the headline names the story, cut to a line', () => {
  const head = 'وزير الداخلية يتفقد موقع الحادث ويأمر بفتح تحقيق عاجل في ملابسات ما جرى صباح اليوم';
  const name = storyName({ kind: null, place: null, day: '2024-01-26' }, head);
  assert.ok(name.ar.endsWith('… · 2024-01-26'), name.ar);
  assert.ok(name.ar.length <= 60 + ' · 2024-01-26'.length);
  assert.equal(storyName({ kind: null, place: null, day: null }, 'عنوان قصير').en, 'عنوان قصير');
});

test('a place the name data does not know is shown as the articles spell it', () => {
  assert.deepEqual(storyName({ kind: 'collapse', place: { key: 'حي الزهور', spelt: 'حيّ الزهور' }, day: null }, 'ignored'), { en: 'building collapse · حيّ الزهور', ar: 'انهيار · حيّ الزهور' });
});
