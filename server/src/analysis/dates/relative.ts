// Dates that count from the publication day: "أمس الخميس", "اليوم الجمعة", "مساء أمس", "الأحد
// الماضي", "الجمعة" alone, "الشهر الماضي", "هذا الأسبوع", "الشهر نفسه", "قبل يومين". A weekday
// written with a full date ("يوم الأحد ١١ شباط ٢٠٢٤") leaves the date to parseDate and only
// checks it.
import type { Token } from './tokens';
import {
  AGO,
  AGO_COUNTED,
  AGO_UNITS,
  COUNT_WORDS,
  DAY_OFFSETS,
  DIRECTIONS,
  SAME_AFTER,
  SAME_BEFORE,
  THIS,
  TIMES_OF_DAY,
  TODAY,
  TODAY_AFTER,
  TWO_BEFORE,
  UNITS,
  WEEKDAYS,
  WEEKDAY_NOT_AFTER,
  WEEKDAY_NOT_BEFORE,
} from './lexicon';
import { fold } from '../text/normalize';
import { Parse, isMark, lookup, numberAt, one, wordAt, wordIn } from './expr';
import { parseDate } from './absolute';
import { futureContext } from './tense';

const DAY_WORD = fold('يوم');
const TOMORROW = fold('غداً');
const MONDAY = 1;
const FROM = 'من';

/** A weekday at i (with clitics), unless its neighbours make it something else. */
function weekdayAt(tokens: Token[], i: number, before: number): { day: number; s: number } | null {
  const w = lookup(tokens, i, WEEKDAYS);
  if (!w) return null;
  if (wordIn(tokens, before - 1, WEEKDAY_NOT_AFTER) >= 0) return null;
  if (wordIn(tokens, i + 1, WEEKDAY_NOT_BEFORE, false) >= 0) return null;
  if (w.value === MONDAY && wordIn(tokens, before - 1, TWO_BEFORE) >= 0) return null;
  return { day: w.value, s: w.s };
}

/** A weekday right after "أمس"/"اليوم", bare, in brackets or between commas: "أمس (الخميس)". */
function weekdayAfter(tokens: Token[], i: number, before: number): { day: number; next: number } | null {
  const open = isMark(tokens, i, '(,');
  const wd = weekdayAt(tokens, open ? i + 1 : i, before);
  if (!wd) return null;
  let next = open ? i + 2 : i + 1;
  if (isMark(tokens, i, '(') && isMark(tokens, next, ')')) next++;
  return { day: wd.day, next };
}

export function parseRelative(tokens: Token[], i: number): Parse | null {
  const t = tokens[i];
  if (!t || t.k !== 'w') return null;
  // A time of day joins what follows it: "مساء أمس", "فجر الجمعة", "صباح اليوم".
  const tod = TIMES_OF_DAY.match(tokens, i, true);
  const k = tod ? tod.next : i;
  const s = tod ? tod.s : -1;

  const offset = DAY_OFFSETS.match(tokens, k, true);
  if (offset) {
    const wd = weekdayAfter(tokens, offset.next, k);
    const single = offset.next === k + 1 && tokens[k].t.slice(offset.s - tokens[k].s) === TOMORROW;
    if (single && !wd) return null; // غدا is also a verb ("became")
    const next = wd ? wd.next : offset.next;
    return one(s >= 0 ? s : offset.s, tokens[next - 1].e, { type: 'offset', days: offset.value, weekday: wd ? wd.day : null }, next);
  }

  const today = wordIn(tokens, k, TODAY);
  if (today >= 0) {
    if (wordIn(tokens, k + 1, SAME_AFTER, false) >= 0) return one(today, tokens[k + 1].e, { type: 'same', unit: 'day' }, k + 2);
    const wd = weekdayAfter(tokens, k + 1, k);
    const cued = !!wd || !!tod || wordIn(tokens, k - 1, TODAY_AFTER) >= 0 || (isMark(tokens, k - 1, ',') && isMark(tokens, k + 1, ',.'));
    if (!cued) return null;
    const next = wd ? wd.next : k + 1;
    return one(s >= 0 ? s : today, tokens[next - 1].e, { type: 'offset', days: 0, weekday: wd ? wd.day : null }, next);
  }

  // "يوم الأحد", "الأحد", "والجمعة".
  let w = k;
  const yawm = wordIn(tokens, w, new Set([DAY_WORD])) >= 0 && lookup(tokens, w + 1, WEEKDAYS) !== null;
  if (yawm) w++;
  const wd = weekdayAt(tokens, w, k);
  if (wd) {
    const date = parseDate(tokens, isMark(tokens, w + 1, ',(-') ? w + 2 : w + 1, { weekday: wd.day });
    if (date && date.items.length === 1) {
      const e = date.items[0].expr;
      if (e.type === 'date' && e.from.d !== null) return date;
    }
    let next = w + 1;
    const dir = DIRECTIONS.get(wordAt(tokens, next)) ?? null;
    if (dir) next++;
    const start = s >= 0 ? s : yawm ? tokens[k].s : wd.s;
    const future = dir === null && futureContext(tokens, tod ? i : k, next);
    return one(start, tokens[next - 1].e, { type: 'weekday', weekday: wd.day, dir, future }, next);
  }
  if (tod) return null;
  return parseUnit(tokens, i) ?? parseAgo(tokens, i);
}

/** "الشهر الماضي", "السنة المقبلة", "هذا الأسبوع", "الشهر نفسه", "نفس العام". */
function parseUnit(tokens: Token[], i: number): Parse | null {
  const start = wordIn(tokens, i, THIS);
  if (start >= 0) {
    const u = lookup(tokens, i + 1, UNITS, false);
    return u ? one(start, tokens[i + 1].e, { type: 'unit', unit: u.value, shift: 0, part: null, day: null }, i + 2) : null;
  }
  const sameBefore = wordIn(tokens, i, SAME_BEFORE);
  if (sameBefore >= 0) {
    const u = lookup(tokens, i + 1, UNITS, false);
    if (u) return one(sameBefore, tokens[i + 1].e, { type: 'same', unit: u.value === 'week' ? 'day' : u.value }, i + 2);
    if (wordIn(tokens, i + 1, TODAY, false) >= 0) return one(sameBefore, tokens[i + 1].e, { type: 'same', unit: 'day' }, i + 2);
    return null;
  }
  const u = lookup(tokens, i, UNITS);
  if (!u) return null;
  if (wordIn(tokens, i + 1, SAME_AFTER, false) >= 0 && u.value !== 'week') {
    return one(u.s, tokens[i + 1].e, { type: 'same', unit: u.value }, i + 2);
  }
  const dir = DIRECTIONS.get(wordAt(tokens, i + 1));
  if (!dir) return null;
  const shift = dir === 'past' ? -1 : dir === 'future' ? 1 : 0;
  return one(u.s, tokens[i + 1].e, { type: 'unit', unit: u.value, shift, part: null, day: null }, i + 2);
}

/** "قبل يومين", "قبل ثلاثة أيام", "قبل أسبوع"; not "قبل يومين من الانتخابات" nor "قبل عام 2014". */
function parseAgo(tokens: Token[], i: number): Parse | null {
  const ago = wordIn(tokens, i, AGO);
  if (ago < 0) return null;
  let k = i + 1;
  const count = numberAt(tokens, k) ?? lookup(tokens, k, COUNT_WORDS, false)?.value ?? null;
  let n: number;
  let per: number;
  if (count !== null) {
    const unit = lookup(tokens, k + 1, AGO_COUNTED, false);
    if (!unit || count < 1 || count > 99) return null;
    k++;
    n = count;
    per = unit.value;
  } else {
    const unit = lookup(tokens, k, AGO_UNITS, false);
    if (!unit) return null;
    per = unitLength(unit.value);
    n = unit.value / per;
  }
  if (wordAt(tokens, k + 1) === FROM || numberAt(tokens, k + 1) !== null) return null;
  return one(ago, tokens[k].e, { type: 'ago', n, unitDays: per }, k + 1);
}

/** The nearest of day, week, month and year to a length in days. */
function unitLength(days: number): number {
  if (days >= 365) return 365;
  if (days >= 30) return 30;
  if (days >= 7) return 7;
  return 1;
}
