// The weekday and Hijri date a hover adds to a resolved day. The names come from the generated
// CLDR data; these are the texts the hover showed when they were typed into the code, so a
// change of source (or of CLDR) that changes what a checker reads fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDateValue, describeDay } from '../../server/src/lsp/features/dateDetails';

// Every weekday and every Hijri month at least once.
const DAYS: Array<[string, string]> = [
  ['2024-01-01', 'Monday (الاثنين) · 19 جمادى الآخرة 1445 AH'],
  ['2024-01-02', 'Tuesday (الثلاثاء) · 20 جمادى الآخرة 1445 AH'],
  ['2024-01-03', 'Wednesday (الأربعاء) · 21 جمادى الآخرة 1445 AH'],
  ['2024-01-04', 'Thursday (الخميس) · 22 جمادى الآخرة 1445 AH'],
  ['2024-01-05', 'Friday (الجمعة) · 23 جمادى الآخرة 1445 AH'],
  ['2024-01-06', 'Saturday (السبت) · 24 جمادى الآخرة 1445 AH'],
  ['2024-01-07', 'Sunday (الأحد) · 25 جمادى الآخرة 1445 AH'],
  ['2024-01-13', 'Saturday (السبت) · 1 رجب 1445 AH'],
  ['2024-02-11', 'Sunday (الأحد) · 1 شعبان 1445 AH'],
  ['2024-03-11', 'Monday (الاثنين) · 1 رمضان 1445 AH'],
  ['2024-04-10', 'Wednesday (الأربعاء) · 1 شوال 1445 AH'],
  ['2024-05-09', 'Thursday (الخميس) · 1 ذو القعدة 1445 AH'],
  ['2024-06-07', 'Friday (الجمعة) · 1 ذو الحجة 1445 AH'],
  ['2024-07-07', 'Sunday (الأحد) · 1 محرم 1446 AH'],
  ['2024-08-05', 'Monday (الاثنين) · 1 صفر 1446 AH'],
  ['2024-09-04', 'Wednesday (الأربعاء) · 1 ربيع الأول 1446 AH'],
  ['2024-10-04', 'Friday (الجمعة) · 1 ربيع الآخر 1446 AH'],
  ['2024-11-03', 'Sunday (الأحد) · 1 جمادى الأولى 1446 AH'],
];

test('a day is described with its weekday and Umm al-Qura date, as the hover always showed it', () => {
  for (const [iso, expected] of DAYS) assert.equal(describeDay(iso), expected, iso);
});

test('a range gives both ends; months and years give nothing', () => {
  assert.equal(describeDateValue('2024-01-25/2024-01-28'), 'Thursday (الخميس) · 13 رجب 1445 AH → Sunday (الأحد) · 16 رجب 1445 AH');
  assert.equal(describeDateValue('2024-01'), null);
  assert.equal(describeDateValue('2024'), null);
  assert.equal(describeDateValue('2024-01-25/2024-02'), null);
});

test('outside the Umm al-Qura table the weekday is still given', () => {
  assert.equal(describeDay('2100-01-01'), 'Friday (الجمعة)');
});
