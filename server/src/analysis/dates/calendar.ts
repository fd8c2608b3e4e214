// Gregorian day arithmetic on whole days. A day is counted from 1970-01-01 (day 0) in UTC, so
// adding days, comparing and finding weekdays are plain integer operations and no time zone or
// daylight-saving shift can move a date.

const MS_PER_DAY = 86_400_000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Day number of a Gregorian date; the caller checks validity with `isValidDay`. */
export function dayNumber(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(n: number): Ymd {
  const t = new Date(n * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** 0 = Sunday … 6 = Saturday, as JavaScript counts. */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function isoDay(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

export function isoMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}

export function isoRange(a: number, b: number): string {
  return a === b ? isoDay(a) : `${isoDay(a)}/${isoDay(b)}`;
}

/** Parses `YYYY-MM-DD`; null for anything else or an impossible date. */
export function parseIsoDay(s: string | null | undefined): number | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(y, mo, d) ? dayNumber(y, mo, d) : null;
}

/** Month arithmetic: the year and month `k` months after (y, m). */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const t = y * 12 + (m - 1) + k;
  return { y: Math.floor(t / 12), m: (((t % 12) + 12) % 12) + 1 };
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const HIJRI_MONTH_NAMES = [
  'Muharram',
  'Safar',
  "Rabi' al-Awwal",
  "Rabi' al-Thani",
  'Jumada al-Ula',
  'Jumada al-Akhira',
  'Rajab',
  "Sha'ban",
  'Ramadan',
  'Shawwal',
  "Dhu al-Qa'da",
  'Dhu al-Hijja',
];

/** The latest `weekday` on or before day `n` (`strict`: before it). */
export function weekdayOnOrBefore(n: number, weekday: number, strict = false): number {
  let back = (weekdayOf(n) - weekday + 7) % 7;
  if (strict && back === 0) back = 7;
  return n - back;
}

/** The first `weekday` on or after day `n` (`strict`: after it). */
export function weekdayOnOrAfter(n: number, weekday: number, strict = false): number {
  let ahead = (weekday - weekdayOf(n) + 7) % 7;
  if (strict && ahead === 0) ahead = 7;
  return n + ahead;
}
