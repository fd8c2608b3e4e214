// One left-to-right pass over the tokens that collects every date expression, the longest
// reading at each position first. The result does not depend on the publication date, so the
// caller computes it once per text and hands it to both readPublication and findDates.
import type { Shadow } from '../text/normalize';
import { Token, tokenize } from './tokens';
import type { Item, Parse } from './expr';
import { parseDate, parseNumeric } from './absolute';
import { parsePeriod } from './periods';
import { parseYear } from './years';
import { parseRelative } from './relative';
import { dateWord } from './phrases';
import { fold } from '../text/normalize';
import { AGO, DAY_OFFSETS, MONTHS, ORDINALS, PERIODS, SAME_BEFORE, SEASONS, THIS, TIMES_OF_DAY, TODAY, UNITS, WEEKDAYS, YEAR_PREPOSITIONS, YEAR_WORDS } from './lexicon';

export interface Scan {
  tokens: Token[];
  items: Item[];
}

// Not cached per shadow: a WeakMap keyed by short-lived shadows keeps their tokens alive through
// collections and more than doubled the cost of reading dates.
export function scanShadow(shadow: Shadow): Scan {
  const tokens = tokenize(shadow.norm, shadow);
  return { tokens, items: scanTokens(tokens) };
}

function scanTokens(tokens: Token[]): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < tokens.length) {
    const p = parseAt(tokens, i);
    if (p && p.next > i) {
      for (const it of p.items) if (it.e > it.s) items.push(it);
      i = p.next;
    } else i++;
  }
  return items;
}

/** Every word a date expression can start with; most words are not, and are passed over at once. */
const TRIGGERS = new Set<string>([
  ...MONTHS.firstWords(),
  ...ORDINALS.firstWords(),
  ...DAY_OFFSETS.firstWords(),
  ...TIMES_OF_DAY.firstWords(),
  ...TODAY,
  ...WEEKDAYS.keys(),
  ...THIS,
  ...SAME_BEFORE,
  ...UNITS.keys(),
  ...AGO,
  ...PERIODS.keys(),
  ...SEASONS.keys(),
  ...YEAR_WORDS,
  ...YEAR_PREPOSITIONS,
  fold('بين'),
  fold('من'),
  fold('يوم'),
]);

function parseAt(tokens: Token[], i: number): Parse | null {
  const t = tokens[i];
  if (t.k === 'm') return null;
  if (t.k === 'n') return parseNumeric(tokens, i) ?? parseDate(tokens, i) ?? parseYear(tokens, i);
  const d = dateWord(t);
  if (d.trigger < 0) d.trigger = d.forms.some(([f]) => TRIGGERS.has(f)) ? 1 : 0;
  if (!d.trigger) return null;
  return parseRelative(tokens, i) ?? parsePeriod(tokens, i) ?? parseYear(tokens, i) ?? parseDate(tokens, i);
}
