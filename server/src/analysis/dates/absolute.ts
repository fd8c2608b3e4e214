// Dates written with a month name or in digits: "26 يناير 2024", "25 يناير/ كانون الثاني الماضي",
// "8 تموز/يوليو 2021", "أكتوبر (تشرين الأول) 2023", "7-8 أغسطس/ آب 2023", "من 7 إلى 8 …",
// "السابع من أكتوبر", "٢٢ رجب ١٤٤٥ هـ", "12th, February 2024", "October 30, 2024", "26/1/2024".
// Years are read in dateYears.ts, parts of months and years in datePeriods.ts.
import type { Token } from './tokens';
import type { Calendar, Direction, MonthWord, Part } from './lexicon';
import { BARE_ORDINAL, BLOC_NAMES, DIRECTIONS, ERAS, EVENTS, LATIN_SUFFIXES, MONTHS, ORDINALS, THIS, UNITS, YEAR_PREPOSITIONS } from './lexicon';
import type { PhraseMatch } from './phrases';
import { Expr, Parse, Pt, isMark, lookup, numberAt, one, touching, wordAt, wordIn } from './expr';
import { futureContext } from './tense';

interface Day {
  d: number;
  next: number;
  s: number;
}

export const FROM = 'من';
const OF = new Set([FROM, 'of']);
export const AND = 'و';
/** Words between the two ends of a range (folded: إلى → الي). */
export const TO = new Set(['الي', 'حتي', 'to', 'and', 'till', 'until']);
const MONTH_NOUN = 'شهر';
const MONTH_WORD = new Set([MONTH_NOUN, 'شهري']);

/** A day of the month: "7", "12th", "السابع من", "أول". */
function readDay(tokens: Token[], i: number): Day | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.k === 'n') {
    if (t.t.length > 2) return null;
    const d = Number(t.t);
    if (d < 1 || d > 31) return null;
    // Part of a larger number or a time: "1.5", "3,15", "8:03".
    if (touching(tokens, i) && isMark(tokens, i - 1, '.,:') && numberAt(tokens, i - 2) !== null) return null;
    if (touching(tokens, i + 1) && isMark(tokens, i + 1, '.,:') && touching(tokens, i + 2) && numberAt(tokens, i + 2) !== null) return null;
    let next = i + 1;
    if (touching(tokens, next) && LATIN_SUFFIXES.has(wordAt(tokens, next))) next++;
    return { d, next, s: t.s };
  }
  if (t.k !== 'w') return null;
  const m = ORDINALS.match(tokens, i, true);
  if (!m) return null;
  if (wordAt(tokens, m.next) === FROM) return { d: m.value, next: m.next + 1, s: m.s };
  if (m.next === i + 1 && tokens[i].t.slice(m.s - tokens[i].s) === BARE_ORDINAL) return { d: 1, next: m.next, s: m.s };
  return null;
}

/** A month name; ambiguous ones ("مارس", "آب") take a clitic only before a paired name ("وتموز/يوليو"). */
function readMonth(tokens: Token[], i: number): PhraseMatch<MonthWord> | null {
  const m = MONTHS.match(tokens, i, true);
  if (!m) return null;
  if (m.s !== tokens[i].s && m.value.ambiguous && readPair(tokens, m.next, m.value) === null) return null;
  return m;
}

export function readYear(tokens: Token[], i: number): number | null {
  const t = tokens[i];
  if (!t || t.k !== 'n' || t.t.length !== 4) return null;
  // Not a year when it runs on into a bigger number ("2024.5", "1,2024").
  if (touching(tokens, i + 1) && isMark(tokens, i + 1, '.,') && numberAt(tokens, i + 2) !== null && touching(tokens, i + 2)) return null;
  return Number(t.t);
}

export function readEra(tokens: Token[], i: number): { cal: Calendar; next: number } | null {
  const t = tokens[i];
  if (!t || t.k !== 'w') return null;
  const cal = ERAS.get(t.t);
  // The dot of "هـ." may end the sentence too; the mention stops before it.
  return cal ? { cal, next: i + 1 } : null;
}

/** A separator of a range of days: "7-8", "7 و8", "من 7 إلى 8", "7 حتى 8". */
function rangeSep(tokens: Token[], i: number): number | null {
  if (isMark(tokens, i, '-')) return i + 1;
  const w = wordAt(tokens, i);
  if (w === AND || TO.has(w)) return i + 1;
  // "و8": و glued to the next number is its own word token.
  return null;
}

/** A second month name for the same month: "/ كانون الثاني", "(تشرين الأول)", "- آب". */
function readPair(tokens: Token[], i: number, first: MonthWord): number | null {
  let k = i;
  const open = isMark(tokens, k, '(');
  if (isMark(tokens, k, '/\\(-|')) k++;
  const m = MONTHS.match(tokens, k, false);
  if (!m || m.value.month !== first.month || m.value.cal !== first.cal) return null;
  k = m.next;
  if (open && isMark(tokens, k, ')')) k++;
  return k;
}

export function plausibleYear(y: number, cal: Calendar): boolean {
  return cal === 'h' ? y >= 1300 && y <= 1600 : y >= 1000 && y <= 2200;
}

interface DateOptions {
  /** The caller has a cue for a month without a day ("مطلع", "منتصف"). */
  cued?: boolean;
  weekday?: number | null;
}

/** A date with a month name, starting at token i; null when there is none. */
export function parseDate(tokens: Token[], i: number, opts: DateOptions = {}): Parse | null {
  let k = i;
  let d1 = readDay(tokens, k);
  let d2: Day | null = null;
  if (d1) {
    k = d1.next;
    const sep = rangeSep(tokens, k);
    if (sep !== null) {
      const x = readDay(tokens, sep);
      if (x && x.d > d1.d && MONTHS.match(tokens, x.next, true)) {
        d2 = x;
        k = x.next;
      }
    }
    if (isMark(tokens, k, ',') && MONTHS.match(tokens, k + 1, false)?.value.latin) k++; // "12th, February"
    if (isMark(tokens, k, '-/') && touching(tokens, k) && touching(tokens, k + 1) && readMonth(tokens, k + 1)) k++; // "27-أكتوبر-2023"
    if (OF.has(wordAt(tokens, k)) && (readMonth(tokens, k + 1) || wordAt(tokens, k + 1) === MONTH_NOUN)) k++;
    if (wordAt(tokens, k) === MONTH_NOUN && readMonth(tokens, k + 1)) k++; // "6 من شهر آب"
  }
  const month = readMonth(tokens, k);
  if (!month) return d1 ? relativeMonthDay(tokens, d1) : null;
  const mw = month.value;
  const start = d1 ? d1.s : month.s;
  k = month.next;
  if (mw.latin && touching(tokens, k) && isMark(tokens, k, '.')) k++; // "Feb."
  if (!d1 && mw.latin) {
    const d = readDay(tokens, k);
    if (d) {
      d1 = d;
      k = d.next;
    }
  }
  let paired = false;
  const pair = readPair(tokens, k, mw);
  if (pair !== null) {
    paired = true;
    k = pair;
  }
  let y: number | null = null;
  let cal: Calendar = mw.cal;
  const glued = isMark(tokens, k, '-/') && touching(tokens, k) && touching(tokens, k + 1) && d1 !== null && d1.next < k;
  const yk = isMark(tokens, k, ',') || glued ? k + 1 : k;
  const year = readYear(tokens, yk);
  if (year !== null) {
    const era = readEra(tokens, yk + 1);
    if (era && era.cal === 'h' && mw.cal === 'h') cal = 'h';
    if (plausibleYear(year, cal)) {
      y = year;
      k = era ? era.next : yk + 1;
    }
  }
  let dir: Direction | null = null;
  if (y === null) {
    const d = DIRECTIONS.get(wordAt(tokens, k));
    if (d) {
      dir = d;
      k++;
    }
  }
  if (!d1 && !acceptMonthAlone(tokens, i, mw, { y, paired, dir, cued: !!opts.cued })) return null;
  if (mw.needsYear && y === null) return null;

  if (d1 && !d2 && y === null) {
    const named = namedDate(tokens, i, d1.d, mw);
    if (named === 'name') return { items: [], next: k };
    if (named) return one(start, tokens[k - 1].e, dateExpr(cal, { y: null, m: mw.month, d: d1.d }, null, { event: named, paired, weekday: opts.weekday }), k);
  }

  const from: Pt = { y, m: mw.month, d: d1 ? d1.d : null };
  let to: Pt | null = d2 ? { y, m: mw.month, d: d2.d } : null;
  let end = k;
  // A range across months: "28 يناير - 2 فبراير 2024", "من 28 كانون الثاني إلى 2 شباط".
  if (d1 && !d2) {
    const sep = rangeSep(tokens, k);
    if (sep !== null && readDay(tokens, sep)) {
      const second = parseDate(tokens, sep);
      const e = second?.items[0]?.expr;
      if (second && e && e.type === 'date' && e.to === null && e.from.d !== null && e.cal === cal) {
        to = e.from;
        if (from.y === null && to.y !== null) from.y = from.m > to.m ? to.y - 1 : to.y;
        end = second.next;
        dir = dir ?? e.dir;
      }
    }
  }
  const future = y === null && dir === null && futureContext(tokens, i, end);
  const expr = dateExpr(cal, from, to, { dir, paired, weekday: opts.weekday, future });
  return one(start, tokens[end - 1].e, expr, end);
}

function acceptMonthAlone(tokens: Token[], i: number, mw: MonthWord, f: { y: number | null; paired: boolean; dir: Direction | null; cued: boolean }): boolean {
  if (f.y !== null) return true;
  if (mw.latin) return false;
  if (f.paired || f.dir || f.cued) return true;
  if (wordIn(tokens, i - 1, MONTH_WORD) >= 0) return true;
  return !mw.ambiguous && wordIn(tokens, i - 1, YEAR_PREPOSITIONS) >= 0;
}

/** "ثورة 25 يناير" is 2011; "قوى 14 آذار" is no date at all: an ISO day, 'name', or null. */
function namedDate(tokens: Token[], i: number, d: number, mw: MonthWord): string | null {
  if (mw.cal !== 'g') return null;
  for (const e of BLOC_NAMES) if (e.day === d && e.month === mw.month && wordIn(tokens, i - 1, e.after) >= 0) return 'name';
  for (const e of EVENTS) if (e.day === d && e.month === mw.month && e.date && wordIn(tokens, i - 1, e.after) >= 0) return e.date;
  return null;
}

/** "28 من الشهر الجاري", "في العاشر من الشهر الماضي". */
function relativeMonthDay(tokens: Token[], d1: Day): Parse | null {
  let k = d1.next;
  if (wordAt(tokens, k) === FROM) k++;
  let shift: number | null = null;
  if (wordIn(tokens, k, THIS) >= 0) {
    k++;
    shift = 0;
  }
  if (lookup(tokens, k, UNITS)?.value !== 'month') return null;
  k++;
  if (shift === null) {
    const d = DIRECTIONS.get(wordAt(tokens, k));
    if (!d) return null;
    shift = d === 'past' ? -1 : d === 'future' ? 1 : 0;
    k++;
  }
  return one(d1.s, tokens[k - 1].e, { type: 'unit', unit: 'month', shift, part: null, day: d1.d }, k);
}

function dateExpr(cal: Calendar, from: Pt, to: Pt | null, o: { dir?: Direction | null; paired?: boolean; weekday?: number | null; future?: boolean; event?: string | null; part?: Part | null }): Expr {
  return { type: 'date', cal, from, to, dir: o.dir ?? null, part: o.part ?? null, weekday: o.weekday ?? null, future: !!o.future, event: o.event ?? null, paired: !!o.paired };
}

/** "26/1/2024", "26-01-2024", "2024-01-26", "26.1.2024": digits only, nothing between them. */
export function parseNumeric(tokens: Token[], i: number): Parse | null {
  const a = tokens[i];
  if (!a || a.k !== 'n' || !isMark(tokens, i + 1, '/-.') || !touching(tokens, i + 1) || !touching(tokens, i + 2)) return null;
  const sep = tokens[i + 1].t;
  if (!(isMark(tokens, i + 3, sep) && touching(tokens, i + 3) && touching(tokens, i + 4))) return null;
  const b = tokens[i + 2];
  const c = tokens[i + 4];
  if (!b || b.k !== 'n' || !c || c.k !== 'n') return null;
  // Part of something longer: a phone number, an IP address, a version.
  if (isMark(tokens, i + 5, '/-.') && touching(tokens, i + 5) && numberAt(tokens, i + 6) !== null && touching(tokens, i + 6)) return null;
  if (isMark(tokens, i - 1, '/-.') && touching(tokens, i) && numberAt(tokens, i - 2) !== null) return null;
  let y: number, m: number, d: number;
  if (a.t.length === 4 && b.t.length <= 2 && c.t.length <= 2) [y, m, d] = [Number(a.t), Number(b.t), Number(c.t)];
  else if (c.t.length === 4 && a.t.length <= 2 && b.t.length <= 2) {
    y = Number(c.t);
    [d, m] = [Number(a.t), Number(b.t)];
    if (m > 12 && d <= 12) [d, m] = [m, d]; // month first, as in English
  } else return null;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return one(a.s, c.e, dateExpr('g', { y, m, d }, null, {}), i + 5);
}
