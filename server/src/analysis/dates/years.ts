// Years: "عام 2014", "في العام 2021", "عامي 2019 و2020", "بين 2014 و2017", "من 2018 إلى 2022",
// "منذ 2003", "2014-2017", and Hijri years ("عام 1445 هـ"). A bare four-digit number is a year
// only after a year word or a preposition, and not when a counted noun follows it ("منذ 2000 عام").
import type { Token } from './tokens';
import type { Calendar } from './lexicon';
import { YEAR_NOT_BEFORE, YEAR_PREPOSITIONS, YEAR_WORDS } from './lexicon';
import { Parse, isMark, one, touching, wordAt, wordIn } from './expr';
import { AND, FROM, TO, plausibleYear, readEra, readYear } from './absolute';

const BETWEEN = 'بين';
const BETWEEN_SET = new Set([BETWEEN]);
/** Words that open a range of years: "بين 2014 و2017", "من 2018 إلى 2022". */
const RANGE_OPENERS = new Set([BETWEEN, FROM]);

/** Years: "عام 2014", "العام 2021", "عامي 2014 و2017", "بين 2014 و2017", "من 2014 إلى 2017", "منذ 2003". */
export function parseYear(tokens: Token[], i: number): Parse | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.k === 'n') return bareYearRange(tokens, i);
  const ws = wordIn(tokens, i, YEAR_WORDS);
  if (ws >= 0) {
    const y = yearWithEra(tokens, i + 1, false);
    if (!y) return null;
    const between = wordIn(tokens, i - 1, BETWEEN_SET) >= 0;
    return withSecondYear(tokens, ws, y, between);
  }
  const between = wordIn(tokens, i, RANGE_OPENERS) >= 0;
  if (between || wordIn(tokens, i, YEAR_PREPOSITIONS) >= 0) {
    const y = yearWithEra(tokens, i + 1, true);
    if (!y) return null;
    if (between) {
      const r = withSecondYear(tokens, tokens[i + 1].s, y, true);
      const e = r.items[0].expr;
      return e.type === 'year' && e.y2 !== null ? r : null;
    }
    const after = tokens[y.next];
    if (after && after.k === 'w' && wordIn(tokens, y.next, YEAR_NOT_BEFORE) >= 0) return null;
    if (after && after.k === 'm' && after.t === '%') return null;
    return withSecondYear(tokens, tokens[i + 1].s, y, false);
  }
  return null;
}

function yearWithEra(tokens: Token[], i: number, strict: boolean): { y: number; cal: Calendar; next: number; e: number } | null {
  const y = readYear(tokens, i);
  if (y === null) return null;
  // The year of a numeric date ("2024-01-26", "2024/1/26") or a time: parseNumeric reads those.
  if (touching(tokens, i + 1) && isMark(tokens, i + 1, '/-.:') && touching(tokens, i + 2)) {
    const n = tokens[i + 2];
    if (n.k === 'n' && n.t.length <= 2) return null;
  }
  const era = readEra(tokens, i + 1);
  const cal: Calendar = era?.cal === 'h' ? 'h' : 'g';
  if (!plausibleYear(y, cal)) return null;
  if (strict && cal === 'g' && (y < 1900 || y > 2100)) return null;
  const next = era ? era.next : i + 1;
  return { y, cal, next, e: tokens[next - 1].e };
}

/** After a first year: a range ("2014-2017", "بين 2014 و2017", "من 2018 إلى 2022"), or a second year of its own ("في 2022 و2023"). */
function withSecondYear(tokens: Token[], s: number, first: { y: number; cal: Calendar; next: number; e: number }, between: boolean): Parse {
  const k = first.next;
  const w = wordAt(tokens, k);
  const isAnd = w === AND;
  if (isMark(tokens, k, '-/') || TO.has(w) || isAnd) {
    let k2 = k + 1;
    if (wordIn(tokens, k2, YEAR_WORDS) >= 0) k2++;
    const second = yearWithEra(tokens, k2, false);
    if (second && second.cal === first.cal && second.y > first.y && second.y - first.y <= 100) {
      // "عامي 2019 و2020", "في 2023 و2024": two years, each its own mention.
      if (isAnd && !between) {
        return {
          items: [
            { s, e: first.e, expr: { type: 'year', cal: first.cal, y: first.y, y2: null, part: null } },
            { s: tokens[k2].s, e: second.e, expr: { type: 'year', cal: second.cal, y: second.y, y2: null, part: null } },
          ],
          next: second.next,
        };
      }
      return one(s, second.e, { type: 'year', cal: first.cal, y: first.y, y2: second.y, part: null }, second.next);
    }
  }
  return one(s, first.e, { type: 'year', cal: first.cal, y: first.y, y2: null, part: null }, first.next);
}

/** "2014-2017" with no word before it. */
function bareYearRange(tokens: Token[], i: number): Parse | null {
  const y = yearWithEra(tokens, i, true);
  if (!y || !isMark(tokens, y.next, '-')) return null;
  const r = withSecondYear(tokens, tokens[i].s, y, false);
  const e = r.items[0].expr;
  return e.type === 'year' && e.y2 !== null ? r : null;
}

/** A year standing alone ("مطلع 2023", "صيف 2014"), for callers that have their own cue. */
export function bareYear(tokens: Token[], i: number): Parse | null {
  const y = yearWithEra(tokens, i, true);
  return y ? one(tokens[i].s, y.e, { type: 'year', cal: y.cal, y: y.y, y2: null, part: null }, y.next) : null;
}
