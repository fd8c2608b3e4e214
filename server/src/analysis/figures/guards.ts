// Numbers that are not counted claims: dates, clock times, percentages, money, measures, phone
// numbers, ages, years, list markers, and numbers that are part of a name ("القرار 2334",
// "البرج 22"). The recogniser asks here before it reports a number (docs/FIGURES.md says why each
// is left out).
import nonCounts from '../lexicons/non-counts.yaml';
import functionWords from '../lexicons/function-words.yaml';
import { asRecord, foldList, formsOf, isWord, PhraseSet, type Token } from './tokens';

const NC = asRecord(nonCounts);

function phrases(x: unknown): PhraseSet<true> {
  return new PhraseSet(foldList(x).map((w) => [w, true] as [string, true]));
}

const MONTHS = phrases(NC.months);
const CURRENCIES = phrases(NC.currencies);
const PERCENT = phrases(NC.percent);
const MEASURES = phrases(NC.measures);
const FREQUENCY = phrases(NC.frequency);
const TIMES_OF_DAY = phrases(NC.timesOfDay);
const AGE_AFTER = phrases(NC.ageAfter);
const AGE_BEFORE = new Set(foldList(NC.ageBefore));
const AGE_UNITS = new Set(foldList(NC.ageUnits));
const NAME_NOUNS = new Set(foldList(NC.nameNouns));
export const LEADS = new Set(foldList(NC.leads));
export const FUNCTION_WORDS = new Set(foldList(asRecord(functionWords).words));

const CURRENCY_SIGNS = new Set(['$', '€', '£']);
/** Punctuation that may stand between a day or year and its month ("8 تموز/يوليو", "أكتوبر، 2024"). */
const DATE_GLUE = new Set([',', '/', '(', ')', '-']);

function isPunct(t: Token | undefined, chars: string): boolean {
  return !!t && t.kind === 'punct' && chars.includes(t.text);
}

/** A month name right after token j, over a slash or a day range ("25 يناير/ كانون الثاني", "7-8 أغسطس"). */
function monthAfter(toks: readonly Token[], j: number): boolean {
  let k = j;
  // "7-8 أغسطس": a second day before the month.
  if (isPunct(toks[k], '-/') && toks[k + 1]?.kind === 'num') k += 2;
  if (isPunct(toks[k], ',')) k++;
  return MONTHS.matchAt(toks, k, false) !== null;
}

/** A month name just before token i ("شباط 2024", "October 30, 2024", "(تشرين الأول) 2023"). */
function monthBefore(toks: readonly Token[], i: number): boolean {
  let k = i;
  let glue = 0;
  while (k > 0 && glue < 2 && toks[k - 1].kind === 'punct' && DATE_GLUE.has(toks[k - 1].text)) {
    k--;
    glue++;
  }
  if (MONTHS.matchEndingAt(toks, k, false)) return true;
  // "October 30, 2024": the year after a day that follows a month.
  if (toks[k - 1]?.kind === 'num' && MONTHS.matchEndingAt(toks, k - 1, false)) return true;
  return false;
}

export interface GuardInput {
  /** Tokens of the number itself [start, end). */
  start: number;
  end: number;
  /** The number is a single digits token. */
  digits?: Token;
  counted: boolean;
  /** The count is weak evidence of a claim (no noun of its own, or a duration), so a name before
   *  the number still wins. */
  weak: boolean;
  hedged: boolean;
  /** The number follows a toll ("عدد الجرحى 6000"): the definite noun before it is no name. */
  afterToll?: boolean;
}

/** How many numbers are joined by hyphens, with nothing between, through tokens [start, end). */
function hyphenChain(toks: readonly Token[], start: number, end: number): number {
  let count = 0;
  for (let k = start; k < end; k++) if (toks[k].kind === 'num') count++;
  if (count === 0) return 0;
  const joined = (a: Token | undefined, b: Token | undefined) => !!a && !!b && a.e === b.s;
  for (let k = start - 1; isPunct(toks[k], '-') && toks[k - 1]?.kind === 'num' && joined(toks[k - 1], toks[k]) && joined(toks[k], toks[k + 1]); k -= 2) count++;
  for (let k = end; isPunct(toks[k], '-') && toks[k + 1]?.kind === 'num' && joined(toks[k - 1], toks[k]) && joined(toks[k], toks[k + 1]); k += 2) count++;
  return count;
}

/** Why the number at hand is not a counted claim, or null when it may be one. */
export function nonCount(toks: readonly Token[], g: GuardInput): string | null {
  const { start, end } = g;
  const prev = toks[start - 1];
  const next = toks[end];
  if (monthAfter(toks, end) || monthBefore(toks, start)) return 'date';
  // 12/02/2024, 2024/2/12
  if ((isPunct(next, '/') && toks[end + 1]?.kind === 'num') || (isPunct(prev, '/') && toks[start - 2]?.kind === 'num')) return 'date';
  // 2024-13-45, 12-02-2024: three or more numbers joined by hyphens are a date or a code, even
  // when no month could be that (a range joins two).
  if (hyphenChain(toks, start, end) >= 3) return 'date';
  // 8:03
  if ((isPunct(next, ':') && toks[end + 1]?.kind === 'num' && toks[end + 1].s === next.e) || (isPunct(prev, ':') && toks[start - 2]?.kind === 'num' && prev.s === toks[start - 2].e)) return 'time';
  if (TIMES_OF_DAY.matchAt(toks, end, false)) return 'time';
  if (PERCENT.matchAt(toks, end) || isPunct(prev, '%')) return 'percent';
  if (CURRENCIES.matchAt(toks, end) || (prev && prev.kind === 'punct' && CURRENCY_SIGNS.has(prev.text))) return 'money';
  if (!g.counted && MEASURES.matchAt(toks, end)) return 'measure';
  if (!g.counted && (FREQUENCY.matchAt(toks, end) || (toks[end]?.text === 'من' && FREQUENCY.matchAt(toks, end + 1)))) return 'frequency';
  const d = g.digits;
  if (d) {
    if ((d.digits.length >= 7 && !d.grouped && !d.frac) || (d.digits.length >= 2 && d.digits[0] === '0' && !d.frac) || isPunct(prev, '+')) return 'phone';
    // Numbers side by side with nothing between are a code or a phone number written in groups.
    if (prev?.kind === 'num' || next?.kind === 'num') return 'phone';
  }
  if (isAge(toks, start, end)) return 'age';
  if (g.hedged) return null;
  if (g.counted) return g.weak && isName(toks, start) ? 'name' : null;
  if (d && !d.grouped && !d.frac && d.digits.length === 4) {
    const y = Number(d.digits);
    if (y >= 1900 && y <= 2100) return 'year';
  }
  // "1." or "2)" opening a line is a list marker.
  if (d && (!prev || prev.kind === 'break') && isPunct(next, '.)-')) return 'list';
  if (!g.afterToll && isName(toks, start)) return 'name';
  return null;
}

/** "(25 عاماً)", "يبلغ من العمر 40 عاماً", "البالغ 30 عاماً", "ابن 12 سنة". */
function isAge(toks: readonly Token[], start: number, end: number): boolean {
  const unit = toks[end];
  if (!unit || unit.kind !== 'word' || !AGE_UNITS.has(unit.text)) return false;
  if (AGE_AFTER.matchAt(toks, end + 1, false)) return true;
  if (isPunct(toks[start - 1], '(') && isPunct(toks[end + 1], ')')) return true;
  for (let k = start - 1; k >= Math.max(0, start - 3); k--) {
    const t = toks[k];
    if (t.kind !== 'word') break;
    if (isWord(t, AGE_BEFORE)) return true;
  }
  return false;
}

/** A bare number after a definite noun, a name noun, a Latin word or a hyphenated word is part of
 *  a name or a reference: "القرار 2334", "البرج 22", "لواء 30", "F-16", "إف-35". */
function isName(toks: readonly Token[], start: number): boolean {
  const prev = toks[start - 1];
  if (!prev) return false;
  // "و98", "بـ150": a clitic on the number starts a new phrase.
  if (toks[start].kind === 'num' && toks[start].pre) return false;
  if (prev.kind === 'punct' && prev.text === '-' && toks[start - 2]?.kind === 'word' && toks[start - 2].e === prev.s) return true;
  if (prev.kind !== 'word') return false;
  if (/^[a-z]/.test(prev.text)) return true;
  if (isWord(prev, NAME_NOUNS)) return true;
  if (FUNCTION_WORDS.has(prev.text) || isWord(prev, LEADS)) return false;
  return formsOf(prev).some((f) => f.def && f.pre.endsWith('ال') && !FUNCTION_WORDS.has(f.w));
}
