// Hijri dates as Gregorian day numbers, through the Umm al-Qura tables of
// @tabby_ai/hijri-converter. Umm al-Qura is the Saudi civil calendar; other countries fix month
// starts by sighting the moon, so a Hijri date can be a day off elsewhere; the note says which
// calendar was used. The converter throws outside 1343–1500 AH; these wrappers return null.
import { hijriToGregorian } from '@tabby_ai/hijri-converter';
import { dayNumber } from './calendar';

function convert(y: number, m: number, d: number): number | null {
  try {
    const g = hijriToGregorian({ year: y, month: m, day: d });
    return dayNumber(g.year, g.month, g.day);
  } catch {
    return null;
  }
}

/** Gregorian day number of a Hijri date, or null when it does not exist or is out of range. */
export function hijriDay(y: number, m: number, d: number): number | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > 30) return null;
  return convert(y, m, d);
}

/** First and last Gregorian day of a Hijri month. */
export function hijriMonthSpan(y: number, m: number): [number, number] | null {
  const first = hijriDay(y, m, 1);
  if (first === null) return null;
  const last = hijriDay(y, m, 30) ?? hijriDay(y, m, 29);
  return last === null ? null : [first, last];
}

/** First and last Gregorian day of a Hijri year. */
export function hijriYearSpan(y: number): [number, number] | null {
  const a = hijriMonthSpan(y, 1);
  const b = hijriMonthSpan(y, 12);
  return a && b ? [a[0], b[1]] : null;
}
