import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findHiddenText } from '../../server/src/analysis/text/hiddenText';

test('flags bidi overrides and isolates as suspicious, naming each character', () => {
  const text = 'قال الوزير: "\u202eلم نوافق\u202c" على الاتفاق';
  const runs = findHiddenText(text);
  assert.equal(runs.length, 2);
  assert.deepEqual(runs[0], { start: text.indexOf('\u202e'), end: text.indexOf('\u202e') + 1, tier: 'suspicious', names: ['U+202E RIGHT-TO-LEFT OVERRIDE'] });
  assert.equal(runs[1].names[0], 'U+202C POP DIRECTIONAL FORMATTING');
});

test('groups adjacent invisibles into one run with the most serious tier', () => {
  const text = 'بغداد\u200f\u2067\u200bالعراق';
  const [run] = findHiddenText(text);
  assert.equal(run.end - run.start, 3);
  assert.equal(run.tier, 'suspicious');
  assert.equal(run.names.length, 3);
});

test('marks around Latin text are only marks; joiners are their own tier; a leading BOM is ignored', () => {
  assert.equal(findHiddenText('\ufeffنص عادي').length, 0);
  assert.equal(findHiddenText('شركة \u200eApple\u200f في')[0].tier, 'mark');
  assert.equal(findHiddenText('می\u200cخواهم')[0].tier, 'joiner');
  assert.equal(findHiddenText('كلمة\u200bمخفية')[0].tier, 'suspicious');
});

test('never throws and stays linear on hostile input', () => {
  const big = '\u202e'.repeat(200_000) + 'x' + '\ud800'.repeat(1000);
  const t0 = Date.now();
  const runs = findHiddenText(big);
  assert.equal(runs.length, 1);
  assert.ok(Date.now() - t0 < 6000); // a guard against a hang, not a speed target
});
