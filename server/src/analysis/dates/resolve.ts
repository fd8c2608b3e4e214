// Turns date expressions into values against the publication day, with a short English note for
// hovers. The rules, all from the point of view of a news report, which tells the past:
//  - A day or month without a year takes the year that puts it on or before the publication day;
//    with "الماضي" strictly before it; with "المقبل", or a future verb earlier in its clause, the
//    first one after it; with "الجاري" the publication year.
//  - A bare weekday ("الجمعة") is the latest such day on or before publication, or, after a
//    future verb, the first one after it; "الأحد الماضي" is strictly before publication and
//    "الأحد المقبل" strictly after.
//  - "أمس الخميس" is the day before publication; when that day is not a Thursday (an article
//    published after midnight), the nearest Thursday to it is taken and the note says so.
//  - Weeks run Saturday to Friday, as Arabic calendars print them.
//  - Parts of a month: early = days 1-10, mid = 11-20, late = 21 to the end; parts of a year:
//    January-April, May-August, September-December.
//  - Without a publication day, relative dates and dates without a year get no value.
import type { Calendar, Direction, Part, Season } from './lexicon';
import type { Expr, Pt } from './expr';
import {
  HIJRI_MONTH_NAMES,
  MONTH_NAMES,
  WEEKDAY_NAMES,
  addMonths,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  isValidDay,
  isoDay,
  isoMonth,
  isoRange,
  weekdayOf,
  weekdayOnOrAfter,
  weekdayOnOrBefore,
} from './calendar';
import { hijriDay, hijriMonthSpan, hijriYearSpan } from './hijri';
import { gregorianToHijri } from '@tabby_ai/hijri-converter';

export interface Resolved {
  value?: string;
  note: string;
  /** Not a date after all (an impossible day, "الشهر نفسه" with no month before it). */
  invalid?: true;
}

/** What earlier mentions said, for "الشهر نفسه" and "في العام ذاته". */
export interface Memory {
  day: number | null;
  month: { y: number; m: number } | null;
  year: number | null;
}

export function newMemory(): Memory {
  return { day: null, month: null, year: null };
}

type Dir = 'past' | 'future' | 'current' | null;

const OFFSET_LABELS: Record<number, string> = { [-2]: 'the day before yesterday', [-1]: 'yesterday', 0: 'today', 1: 'tomorrow', 2: 'the day after tomorrow' };

export function resolve(expr: Expr, pub: number | null, mem: Memory): Resolved {
  const r = resolveExpr(expr, pub, mem);
  remember(r.value, mem);
  return r;
}

function resolveExpr(x: Expr, pub: number | null, mem: Memory): Resolved {
  const pubIso = pub === null ? '' : isoDay(pub);
  const noPub = (what: string): Resolved => ({ note: `${what}; no publication date to count from` });
  switch (x.type) {
    case 'date':
      return x.cal === 'h' ? hijriDate(x, pub) : gregorianDate(x, pub);
    case 'year':
      return year(x.cal, x.y, x.y2, x.part);
    case 'offset': {
      const label = OFFSET_LABELS[x.days] ?? `${Math.abs(x.days)} days ${x.days < 0 ? 'before' : 'after'}`;
      const named = x.weekday === null ? '' : ` (${WEEKDAY_NAMES[x.weekday]})`;
      if (pub === null) return noPub(label + named);
      let day = pub + x.days;
      let note = `${label}${named} from the publication date ${pubIso}`;
      if (x.weekday !== null && weekdayOf(day) !== x.weekday) {
        day = nearestWeekday(day, x.weekday);
        note += `; that day is a ${WEEKDAY_NAMES[weekdayOf(pub + x.days)]}, so the nearest ${WEEKDAY_NAMES[x.weekday]}`;
      }
      return { value: isoDay(day), note };
    }
    case 'weekday': {
      const name = WEEKDAY_NAMES[x.weekday];
      if (pub === null) return noPub(name);
      if (x.dir === 'past') return { value: isoDay(weekdayOnOrBefore(pub, x.weekday, true)), note: `last ${name} before the publication date ${pubIso}` };
      if (x.dir === 'future') return { value: isoDay(weekdayOnOrAfter(pub, x.weekday, true)), note: `next ${name} after the publication date ${pubIso}` };
      if (x.future) return { value: isoDay(weekdayOnOrAfter(pub, x.weekday, true)), note: `${name} after the publication date ${pubIso} (future tense)` };
      return { value: isoDay(weekdayOnOrBefore(pub, x.weekday)), note: `${name}, the latest on or before the publication date ${pubIso} (news reports the past)` };
    }
    case 'unit':
      return unit(x.unit, x.shift, x.part, x.day, pub);
    case 'season':
      return season(x.season, x.y, x.shift, x.dir, pub);
    case 'same': {
      if (x.unit === 'day' && mem.day !== null) return { value: isoDay(mem.day), note: 'the same day as the date before' };
      if (x.unit === 'month' && mem.month) return { value: isoMonth(mem.month.y, mem.month.m), note: 'the same month as the date before' };
      if (x.unit === 'year' && mem.year !== null) return { value: String(mem.year), note: 'the same year as the date before' };
      return { note: `the same ${x.unit} as an earlier date, which the text does not give`, invalid: true };
    }
    case 'ago': {
      const unitName = x.unitDays === 1 ? 'day' : x.unitDays === 7 ? 'week' : x.unitDays === 30 ? 'month' : 'year';
      const what = `${x.n} ${unitName}${x.n === 1 ? '' : 's'} before the publication date`;
      if (pub === null) return noPub(`${x.n} ${unitName}${x.n === 1 ? '' : 's'} ago`);
      const p = fromDayNumber(pub);
      if (x.unitDays === 365) return { value: String(p.y - x.n), note: `${what} ${pubIso}` };
      if (x.unitDays === 30) {
        const t = addMonths(p.y, p.m, -x.n);
        return { value: isoMonth(t.y, t.m), note: `${what} ${pubIso}` };
      }
      return { value: isoDay(pub - x.n * x.unitDays), note: `${what} ${pubIso}${x.unitDays === 7 ? ' (about)' : ''}` };
    }
  }
}

function nearestWeekday(day: number, weekday: number): number {
  const back = weekdayOnOrBefore(day, weekday);
  const ahead = weekdayOnOrAfter(day, weekday);
  return day - back <= ahead - day ? back : ahead;
}

function remember(value: string | undefined, mem: Memory): void {
  if (!value) return;
  const last = value.includes('/') ? value.slice(value.indexOf('/') + 1) : value;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(last);
  if (!m) return;
  const y = Number(m[1]);
  mem.year = y;
  if (m[2]) mem.month = { y, m: Number(m[2]) };
  if (m[3]) mem.day = dayNumber(y, Number(m[2]), Number(m[3]));
}

// ---- Gregorian dates ----

type DateExpr = Extract<Expr, { type: 'date' }>;

function direction(x: DateExpr): Dir {
  return x.dir ?? (x.future ? 'future' : null);
}

/** The year for (m, d) — or for month m when d is null — relative to the publication day. */
function inferYear(m: number, d: number | null, dir: Dir, pub: number): number {
  const p = fromDayNumber(pub);
  if (dir === 'current') return p.y;
  // Compare month-and-day (or month alone) with the publication's.
  const key = d === null ? m * 100 : m * 100 + d;
  const pkey = d === null ? p.m * 100 : p.m * 100 + p.d;
  if (dir === 'future') return key > pkey ? p.y : p.y + 1;
  if (dir === 'past') return key < pkey ? p.y : p.y - 1;
  return key <= pkey ? p.y : p.y - 1;
}

function describe(pt: Pt): string {
  return `${pt.d === null ? '' : `${pt.d} `}${MONTH_NAMES[pt.m - 1]}`;
}

function gregorianDate(x: DateExpr, pub: number | null): Resolved {
  const notes: string[] = [];
  if (x.event) return { value: x.event, note: `the named event's date (${describe(x.from)} ${x.event.slice(0, 4)})` };
  const from = { ...x.from };
  const to = x.to ? { ...x.to } : null;
  const end = to ?? from;
  if (end.y === null) {
    if (pub === null) return { note: `${describe(end)}, year not given and no publication date` };
    const dir = direction(x);
    end.y = inferYear(end.m, end.d, dir, pub);
    const rule = dir === 'future' ? 'the first after' : dir === 'past' ? 'the latest before' : dir === 'current' ? 'the year of' : 'the latest on or before';
    notes.push(`year ${end.y} inferred: ${rule} the publication date ${isoDay(pub)}`);
  }
  if (from.y === null) from.y = to && from.m > to.m ? end.y - 1 : end.y;
  if (x.paired) notes.push('month named in both calendars');

  if (from.d === null) {
    // A month, a part of one, or a range of months.
    const y = from.y;
    if (x.part) {
      const [a, b] = monthPart(y, from.m, x.part);
      notes.unshift(`${partName(x.part)} ${MONTH_NAMES[from.m - 1]} ${y} (${partDays(x.part)})`);
      return { value: isoRange(a, b), note: notes.join('; ') };
    }
    return { value: isoMonth(y, from.m), note: notes.join('; ') || `${MONTH_NAMES[from.m - 1]} ${y}` };
  }
  if (!isValidDay(from.y, from.m, from.d) || (to && (to.d === null || to.y === null || !isValidDay(to.y, to.m, to.d)))) {
    return { note: `no such day: ${describe(from)} ${from.y}`, invalid: true };
  }
  const a = dayNumber(from.y, from.m, from.d);
  const b = to && to.d !== null && to.y !== null ? dayNumber(to.y, to.m, to.d) : a;
  if (b < a) return { note: 'range ends before it starts', invalid: true };
  if (x.weekday !== null && weekdayOf(a) !== x.weekday && !to) {
    notes.push(`the text says ${WEEKDAY_NAMES[x.weekday]} but ${isoDay(a)} is a ${WEEKDAY_NAMES[weekdayOf(a)]}`);
  }
  return { value: isoRange(a, b), note: notes.join('; ') || (b === a ? `${describe(from)} ${from.y}` : 'range of days') };
}

function partName(p: Part): string {
  return p === 'early' ? 'early' : p === 'mid' ? 'mid' : 'late';
}

function partDays(p: Part): string {
  return p === 'early' ? 'days 1-10' : p === 'mid' ? 'days 11-20' : 'day 21 to the end';
}

function monthPart(y: number, m: number, p: Part): [number, number] {
  const last = daysInMonth(y, m);
  if (p === 'early') return [dayNumber(y, m, 1), dayNumber(y, m, 10)];
  if (p === 'mid') return [dayNumber(y, m, 11), dayNumber(y, m, 20)];
  return [dayNumber(y, m, 21), dayNumber(y, m, last)];
}

function yearPart(y: number, p: Part): [number, number] {
  if (p === 'early') return [dayNumber(y, 1, 1), dayNumber(y, 4, 30)];
  if (p === 'mid') return [dayNumber(y, 5, 1), dayNumber(y, 8, 31)];
  return [dayNumber(y, 9, 1), dayNumber(y, 12, 31)];
}

function year(cal: Calendar, y: number, y2: number | null, part: Part | null): Resolved {
  if (cal === 'h') {
    const a = hijriYearSpan(y);
    const b = y2 === null ? a : hijriYearSpan(y2);
    if (!a || !b) return { note: `Hijri year ${y} outside the supported range (1343-1500)` };
    return { value: isoRange(a[0], b[1]), note: `Hijri year${y2 === null ? ` ${y}` : `s ${y}-${y2}`} (Umm al-Qura)` };
  }
  if (part) {
    const [a, b] = yearPart(y, part);
    return { value: isoRange(a, b), note: `${partName(part)} ${y} (${part === 'early' ? 'January-April' : part === 'mid' ? 'May-August' : 'September-December'})` };
  }
  return y2 === null ? { value: String(y), note: `the year ${y}` } : { value: `${y}/${y2}`, note: `the years ${y} to ${y2}` };
}

// ---- Relative units ----

function unit(u: 'week' | 'month' | 'year', shift: number, part: Part | null, day: number | null, pub: number | null): Resolved {
  const label = shift === 0 ? `this ${u}` : shift < 0 ? `last ${u}` : `next ${u}`;
  if (pub === null) return { note: `${label}; no publication date to count from` };
  const from = ` from the publication date ${isoDay(pub)}`;
  const p = fromDayNumber(pub);
  if (u === 'week') {
    const start = weekdayOnOrBefore(pub, 6) + 7 * shift; // weeks start on Saturday
    const [a, b] = part === null ? [start, start + 6] : part === 'early' ? [start, start + 2] : part === 'mid' ? [start + 2, start + 4] : [start + 4, start + 6];
    return { value: isoRange(a, b), note: `${part ? partName(part) + ' ' : ''}${label} (Saturday to Friday)${from}` };
  }
  if (u === 'month') {
    const t = addMonths(p.y, p.m, shift);
    if (day !== null) {
      return isValidDay(t.y, t.m, day) ? { value: isoDay(dayNumber(t.y, t.m, day)), note: `day ${day} of ${label}${from}` } : { note: `no day ${day} in ${label}`, invalid: true };
    }
    if (part) {
      const [a, b] = monthPart(t.y, t.m, part);
      return { value: isoRange(a, b), note: `${partName(part)} ${label} (${partDays(part)})${from}` };
    }
    return { value: isoMonth(t.y, t.m), note: label + from };
  }
  const y = p.y + shift;
  if (part) {
    const [a, b] = yearPart(y, part);
    return { value: isoRange(a, b), note: `${partName(part)} ${label}${from}` };
  }
  return { value: String(y), note: label + from };
}

// ---- Seasons ----

/** First and last day of a season "of" year y (winter y began in December of y - 1). */
function seasonSpan(s: Season, y: number): [number, number] {
  const startYear = s.from > s.to ? y - 1 : y;
  return [dayNumber(startYear, s.from, 1), dayNumber(y, s.to, daysInMonth(y, s.to))];
}

function season(s: Season, y: number | null, shift: number | null, dir: Direction | null, pub: number | null): Resolved {
  const name = s.name;
  if (y !== null) {
    const [a, b] = seasonSpan(s, y);
    return { value: isoRange(a, b), note: `${name} ${y}` };
  }
  if (pub === null) return { note: `${name}; no publication date to count from` };
  const p = fromDayNumber(pub);
  if (shift !== null) {
    const [a, b] = seasonSpan(s, p.y + shift);
    return { value: isoRange(a, b), note: `${name} of ${shift < 0 ? 'last' : shift > 0 ? 'next' : 'this'} year from the publication date ${isoDay(pub)}` };
  }
  // The latest season over before publication, or the next one to begin after it.
  let sy = p.y + 1;
  if (dir === 'future') {
    sy = p.y - 1;
    while (seasonSpan(s, sy)[0] <= pub) sy++;
  } else {
    while (seasonSpan(s, sy)[1] >= pub) sy--;
  }
  const [a, b] = seasonSpan(s, sy);
  return { value: isoRange(a, b), note: `${dir === 'future' ? 'next' : 'last'} ${name} from the publication date ${isoDay(pub)}` };
}

// ---- Hijri dates ----

function hijriDate(x: DateExpr, pub: number | null): Resolved {
  const from = { ...x.from };
  const to = x.to ? { ...x.to } : null;
  const notes: string[] = [];
  if (from.y === null) {
    if (pub === null) return { note: `Hijri ${describeHijri(from)}, year not given and no publication date` };
    const p = fromDayNumber(pub);
    let hy: number;
    try {
      hy = gregorianToHijri({ year: p.y, month: p.m, day: p.d }).year;
    } catch {
      return { note: 'publication date outside the Hijri converter range' };
    }
    // The Hijri year that puts the date on or before publication (after it when future).
    const dir = direction(x);
    const startOf = (y: number): number | null => (from.d === null ? (hijriMonthSpan(y, from.m)?.[0] ?? null) : hijriDay(y, from.m, from.d));
    let y = hy;
    const at = startOf(y);
    if (dir === 'future') {
      if (at !== null && at <= pub) y++;
    } else if (at !== null && (dir === 'past' ? at >= pub : at > pub)) y--;
    from.y = y;
    if (to) to.y = y;
    notes.push(`Hijri year ${y} inferred from the publication date ${isoDay(pub)}`);
  }
  const label = `Hijri ${describeHijri(from)}${to && to.d !== null ? `-${to.d}` : ''} ${from.y} (Umm al-Qura)`;
  notes.unshift(label);
  if (from.d === null) {
    const span = hijriMonthSpan(from.y, from.m);
    return span ? { value: isoRange(span[0], span[1]), note: notes.join('; ') } : { note: `${label}: outside the supported range` };
  }
  const a = hijriDay(from.y, from.m, from.d);
  const b = to && to.d !== null ? hijriDay(from.y, to.m, to.d) : a;
  if (a === null || b === null || b < a) return { note: `${label}: no such day, or outside the supported range (1343-1500)`, invalid: true };
  if (x.weekday !== null && weekdayOf(a) !== x.weekday && !to) {
    notes.push(`the text says ${WEEKDAY_NAMES[x.weekday]} but it was a ${WEEKDAY_NAMES[weekdayOf(a)]}`);
  }
  return { value: isoRange(a, b), note: notes.join('; ') };
}

function describeHijri(pt: Pt): string {
  return `${pt.d === null ? '' : `${pt.d} `}${HIJRI_MONTH_NAMES[pt.m - 1]}`;
}
