// Arabic number agreement in the UI (issue 17, item 8): each noun's six CLDR forms come from the
// Arabic bundle, chosen by Intl.PluralRules('ar'); English keeps one and other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countNoun } from '../../shared/src/plural';

const bundle = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.ar.json'), 'utf8')) as Record<string, string>;
const ar = (n: number, one: string, other: string) => countNoun(n, one, other, 'ar', (k) => bundle[k]);

test('actors agree with their number in Arabic: one, two, 3–10, 11–99, 100', () => {
  const actors = (n: number) => ar(n, '{0} actor', '{0} actors');
  assert.equal(actors(0), 'لا فاعلين');
  assert.equal(actors(1), 'فاعل واحد');
  assert.equal(actors(2), 'فاعلان');
  assert.equal(actors(3), '3 فاعلين');
  assert.equal(actors(10), '10 فاعلين');
  assert.equal(actors(11), '11 فاعلاً');
  assert.equal(actors(42), '42 فاعلاً');
  assert.equal(actors(100), '100 فاعل');
  assert.equal(actors(103), '103 فاعلين');
});

test('files and sources too ("5 في 2 ملف" was wrong)', () => {
  assert.equal(ar(2, '{0} file', '{0} files'), 'ملفان');
  assert.equal(ar(5, '{0} file', '{0} files'), '5 ملفات');
  assert.equal(ar(3, '{0} source', '{0} sources'), '3 مصادر');
});

test('every counted noun in the bundle has all six forms', () => {
  const nouns = new Set(
    Object.keys(bundle)
      .filter((k) => k.includes('#'))
      .map((k) => k.split('#')[0]),
  );
  assert.ok(nouns.size >= 5);
  for (const n of nouns) for (const c of ['zero', 'one', 'two', 'few', 'many', 'other']) assert.ok(bundle[`${n}#${c}`], `${n}#${c} is missing`);
});

test('English keeps "1 source" and "3 sources", whatever the bundle holds', () => {
  assert.equal(
    countNoun(1, '{0} source', '{0} sources', 'en', (k) => bundle[k]),
    '1 source',
  );
  assert.equal(
    countNoun(3, '{0} source', '{0} sources', 'en', (k) => bundle[k]),
    '3 sources',
  );
});
