// Days for the claims comparison. Dates reach us as ISO strings of varying precision (`2024`,
// `2024-01`, `2024-01-26`, or a range `A/B` of those); each becomes a range of whole days counted
// from 1970-01-01, so that "before", "overlaps" and "how many days apart" are integer sums.

export interface DayRange {
  from: number;
  to: number;
}

const MS_PER_DAY = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** One ISO date of any precision as the days it covers; null when it is not one. */
function parseOne(s: string): DayRange | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 1000 || y > 2999) return null;
  if (m[2] === undefined) return { from: dayOf(y, 1, 1), to: dayOf(y, 12, 31) };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (m[3] === undefined) return { from: dayOf(y, mo, 1), to: dayOf(y, mo, daysInMonth(y, mo)) };
  const d = Number(m[3]);
  if (d < 1 || d > daysInMonth(y, mo)) return null;
  const day = dayOf(y, mo, d);
  return { from: day, to: day };
}

/** An ISO date or range `A/B` as days; null for anything else (never throws). */
export function parseDays(s: string | null | undefined): DayRange | null {
  if (typeof s !== 'string' || s.length > 64) return null;
  const slash = s.indexOf('/');
  if (slash < 0) return parseOne(s);
  const a = parseOne(s.slice(0, slash));
  const b = parseOne(s.slice(slash + 1));
  if (!a || !b || b.to < a.from) return null;
  return { from: a.from, to: b.to };
}

/** The first part of a range `A/B` (the start of a window), as days. */
export function parseStart(s: string | null | undefined): DayRange | null {
  if (typeof s !== 'string') return null;
  const slash = s.indexOf('/');
  return slash < 0 ? parseDays(s) : parseDays(s.slice(0, slash));
}

/** Days between two ranges: 0 when they overlap or touch. */
export function gapDays(a: DayRange, b: DayRange): number {
  return Math.max(0, Math.max(a.from, b.from) - Math.min(a.to, b.to));
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function parts(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** "28 January 2024", "October 2023", "mid-October 2023", "2014", or "A to B". */
export function describeDays(r: DayRange): string {
  const a = parts(r.from);
  const b = parts(r.to);
  if (r.from === r.to) return `${a.d} ${MONTHS[a.m - 1]} ${a.y}`;
  if (a.y === b.y && a.m === 1 && a.d === 1 && b.m === 12 && b.d === 31) return String(a.y);
  if (a.y === b.y && a.m === b.m) {
    const month = `${MONTHS[a.m - 1]} ${a.y}`;
    if (a.d === 1 && b.d === daysInMonth(b.y, b.m)) return month;
    if (b.d <= 10) return `early ${month}`;
    if (a.d >= 11 && b.d <= 20) return `mid-${month}`;
    if (a.d >= 21) return `late ${month}`;
    return `${a.d}–${b.d} ${month}`;
  }
  return `${isoDay(r.from)} to ${isoDay(r.to)}`;
}
