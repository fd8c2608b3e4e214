// The date vocabulary, built once at module load from the generated CLDR month names and the
// YAML lexicons: month names of both calendars, weekdays, ordinal days, eras, and the words of
// relative dates.
import months from '../data/months.generated.json';
import variants from '../lexicons/months-variants.yaml';
import relative from '../lexicons/relative-dates.yaml';
import events from '../lexicons/date-events.yaml';
import { fold } from '../text/normalize';
import { PhraseTable, asList, asRecord, asStrings, numberedLists, numberedPhrases, phrases, wordSet } from './phrases';

export type Calendar = 'g' | 'h';
export type Direction = 'past' | 'future' | 'current';
export type Part = 'early' | 'mid' | 'late';
export type Unit = 'week' | 'month' | 'year';

export interface MonthWord {
  cal: Calendar;
  month: number;
  /** Written in Latin script. */
  latin: boolean;
  /** Also an ordinary word or a name: a month only next to a day, a year or another cue. */
  ambiguous: boolean;
  /** A month only with a year ("صفر" after a number is a score). */
  needsYear: boolean;
}

const V = asRecord(variants);
const R = asRecord(relative);
const AMBIGUOUS = wordSet(V.ambiguous);
const NEEDS_YEAR = wordSet(V.needsYear);

function monthWord(phrase: string, cal: Calendar, month: number, latin: boolean): MonthWord {
  const f = fold(phrase);
  return { cal, month, latin, ambiguous: latin || AMBIGUOUS.has(f), needsYear: NEEDS_YEAR.has(f) };
}

function buildMonths(): PhraseTable<MonthWord> {
  const table = new PhraseTable<MonthWord>();
  const add = (phrase: string, cal: Calendar, month: number, latin: boolean): void => {
    if (month >= 1 && month <= 12) table.add(phrase, monthWord(phrase, cal, month, latin));
  };
  // CLDR first, so that a variant spelling that folds the same way is dropped as a duplicate.
  for (const names of Object.values(months.gregorian)) names.forEach((n, i) => add(n, 'g', i + 1, false));
  for (const names of Object.values(months.latin)) names.forEach((n, i) => add(n, 'g', i + 1, true));
  for (const names of Object.values(months.hijri)) names.forEach((n, i) => add(n, 'h', i + 1, false));
  for (const [m, p] of numberedLists(V.gregorian)) add(p, 'g', m, false);
  for (const [m, p] of numberedLists(V.latin)) add(p, 'g', m, true);
  for (const [m, p] of numberedLists(V.hijri)) add(p, 'h', m, false);
  return table;
}

function buildWeekdays(): Map<string, number> {
  const map = new Map<string, number>();
  months.weekdays.ar.forEach((n, i) => map.set(fold(n), i));
  for (const [d, p] of numberedLists(V.weekdays)) if (d >= 0 && d <= 6) map.set(fold(p), d);
  return map;
}

export const MONTHS = buildMonths();
/** Folded Arabic weekday (with the article) → 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS = buildWeekdays();

const ordinalTable = new PhraseTable<number>();
for (const [d, p] of numberedLists(V.ordinals)) if (d >= 1 && d <= 31) ordinalTable.add(p, d);
export const ORDINALS = ordinalTable;
/** The ordinal that needs no "من" before its month ("أول أكتوبر"). */
export const BARE_ORDINAL = fold('أول');

export const LATIN_SUFFIXES = wordSet(V.latinOrdinalSuffixes);

const eras = new Map<string, Calendar>();
for (const e of asStrings(asRecord(V.eras).gregorian)) eras.set(fold(e), 'g');
for (const e of asStrings(asRecord(V.eras).hijri)) eras.set(fold(e), 'h');
/** Era words after a year; Hijri ones make the date Hijri. */
export const ERAS = eras;

// ---- Relative dates ----

export const DAY_OFFSETS = numberedPhrases(R.dayOffsets);
export const TODAY = wordSet(R.today);
export const TODAY_AFTER = wordSet(R.todayAfter);
export const TIMES_OF_DAY = phrases(R.timesOfDay, true);

const directions = new Map<string, Direction>();
const D = asRecord(R.directions);
for (const dir of ['past', 'future', 'current'] as const) for (const w of asStrings(D[dir])) directions.set(fold(w), dir);
export const DIRECTIONS = directions;

const units = new Map<string, Unit>();
const U = asRecord(R.units);
for (const u of ['week', 'month', 'year'] as const) for (const w of asStrings(U[u])) units.set(fold(w), u);
export const UNITS = units;
export const THIS = wordSet(R.this);
export const SAME_AFTER = wordSet(R.sameAfter);
export const SAME_BEFORE = wordSet(R.sameBefore);

const periods = new Map<string, Part>();
const P = asRecord(R.periods);
for (const p of ['early', 'mid', 'late'] as const) for (const w of asStrings(P[p])) periods.set(fold(w), p);
export const PERIODS = periods;

export interface Season {
  name: string;
  /** First and last month; first > last for a season that starts in the year before (winter). */
  from: number;
  to: number;
}
const seasons = new Map<string, Season>();
for (const [name, v] of Object.entries(asRecord(R.seasons))) {
  const r = asRecord(v);
  const [from, to] = asList(r.months).map(Number);
  if (!(from >= 1 && from <= 12 && to >= 1 && to <= 12)) continue;
  for (const w of asStrings(r.words)) seasons.set(fold(w), { name, from, to });
}
export const SEASONS = seasons;

export const YEAR_WORDS = wordSet(R.yearWords);
export const YEAR_PREPOSITIONS = wordSet(R.yearPrepositions);
export const YEAR_NOT_BEFORE = wordSet(R.yearNotBefore);

export const AGO = wordSet(R.ago);
function numberMap(x: unknown): Map<string, number> {
  const map = new Map<string, number>();
  for (const [k, v] of Object.entries(asRecord(x))) if (typeof v === 'number') map.set(fold(k), v);
  return map;
}
/** Singular and dual units in days ("يومين" → 2). */
export const AGO_UNITS = numberMap(R.agoUnits);
/** Units after a count, in days per unit ("أيام" → 1). */
export const AGO_COUNTED = numberMap(R.agoCounted);
export const COUNT_WORDS = numberMap(R.counts);

export const WEEKDAY_NOT_AFTER = wordSet(R.weekdayNotAfter);
export const WEEKDAY_NOT_BEFORE = wordSet(R.weekdayNotBefore);
export const TWO_BEFORE = wordSet(R.twoBefore);
export const FUTURE_MARKERS = wordSet(R.futureMarkers);
export const NOT_FUTURE_VERBS = wordSet(R.notFutureVerbs);
export const NOT_FUTURE_STEMS = [...wordSet(R.notFutureStems)];

// ---- Named historical dates ----

export interface EventDate {
  after: Set<string>;
  day: number;
  month: number;
  /** ISO day of the event; absent for names of blocs and movements, which are not dates. */
  date?: string;
}

function readEvents(x: unknown, withDate: boolean): EventDate[] {
  const out: EventDate[] = [];
  for (const item of asList(x)) {
    const r = asRecord(item);
    const day = Number(r.day);
    const month = Number(r.month);
    const date = typeof r.date === 'string' ? r.date : undefined;
    if (!Number.isInteger(day) || !Number.isInteger(month)) continue;
    if (withDate && !/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) continue;
    out.push({ after: wordSet(r.after), day, month, date: withDate ? date : undefined });
  }
  return out;
}

const E = asRecord(events);
export const EVENTS = readEvents(E.events, true);
export const BLOC_NAMES = readEvents(E.names, false);
