import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Shadow, fold } from '../../server/src/analysis/text/normalize';

test('folds alef forms, ta marbuta, Persian yeh and keheh, digits and diacritics', () => {
  assert.equal(fold('الولایات'), 'الولايات');
  assert.equal(fold('مُحَمَّد'), 'محمد');
  assert.equal(fold('إيران'), 'ايران');
  assert.equal(fold('وزارة'), 'وزاره');
  assert.equal(fold('١١ شباط ٢٠٢٤'), '11 شباط 2024');
  assert.equal(fold('کتائب'), 'كتاءب');
  assert.equal(fold('بـغـداد'), 'بغداد');
});

test('maps shadow spans back to the original UTF-16 offsets', () => {
  const text = 'قال مُحَمَّدٌ إنَّ ١٥٠ ضربة';
  const s = new Shadow(text);
  const i = s.norm.indexOf('محمد');
  const [start, end] = s.span(i, i + 'محمد'.length);
  assert.equal(text.slice(start, end), 'مُحَمَّدٌ');
  const d = s.norm.indexOf('150');
  const [ds, de] = s.span(d, d + 3);
  assert.equal(text.slice(ds, de), '١٥٠');
});

test('keeps the map right after a lam-alef ligature and an astral character', () => {
  const text = '😀 \uFEFBعب 12';
  const s = new Shadow(text);
  const d = s.norm.indexOf('12');
  const [ds, de] = s.span(d, d + 2);
  assert.equal(text.slice(ds, de), '12');
  const e = s.norm.indexOf('😀');
  const [es, ee] = s.span(e, e + 2);
  assert.equal(text.slice(es, ee), '😀');
});

test('every presentation form folds without error, including those with no decomposition', () => {
  for (let c = 0xfb50; c <= 0xfeff; c++) {
    const ch = String.fromCharCode(c);
    const s = new Shadow(`ا${ch}ب`);
    assert.equal(s.span(0, s.norm.length)[1], 3);
  }
});
