// Parts of months and years and seasons: "أواخر كانون الثاني", "منتصف تشرين الأول/أكتوبر",
// "مطلع 2023", "نهاية العام الماضي", "منتصف الشهر الماضي", "صيف 2014", "الشتاء المقبل".
import type { Token } from './tokens';
import type { Part } from './lexicon';
import { DIRECTIONS, PERIODS, SEASONS, THIS, UNITS } from './lexicon';
import { Parse, lookup, one, wordAt, wordIn } from './expr';
import { parseDate, readYear } from './absolute';
import { bareYear, parseYear } from './years';

/** "مطلع/منتصف/أواخر" + a month, a year, or a unit ("أواخر كانون الثاني", "مطلع العام الماضي"). */
export function parsePeriod(tokens: Token[], i: number): Parse | null {
  const p = lookup(tokens, i, PERIODS);
  if (!p) return parseSeason(tokens, i);
  const part: Part = p.value;
  const k = i + 1;
  const date = parseDate(tokens, k, { cued: true });
  if (date) {
    const it = date.items[0];
    if (!it || it.expr.type !== 'date' || it.expr.from.d !== null || it.expr.to !== null) return null;
    return one(p.s, it.e, { ...it.expr, part }, date.next);
  }
  const year = parseYear(tokens, k) ?? (readYear(tokens, k) !== null ? bareYear(tokens, k) : null);
  if (year && year.items.length === 1) {
    const it = year.items[0];
    if (it.expr.type === 'year' && it.expr.y2 === null) return one(p.s, it.e, { ...it.expr, part }, year.next);
  }
  let u = k;
  let shift: number | null = null;
  if (wordIn(tokens, u, THIS) >= 0) {
    shift = 0;
    u++;
  }
  const unit = lookup(tokens, u, UNITS);
  if (!unit) return null;
  let next = u + 1;
  if (shift === null) {
    const d = DIRECTIONS.get(wordAt(tokens, next));
    shift = d === 'past' ? -1 : d === 'future' ? 1 : 0;
    if (d) next++;
  }
  return one(p.s, tokens[next - 1].e, { type: 'unit', unit: unit.value, shift, part, day: null }, next);
}

/** "صيف 2014", "شتاء العام الماضي", "الصيف الماضي". */
function parseSeason(tokens: Token[], i: number): Parse | null {
  const season = lookup(tokens, i, SEASONS);
  if (!season) return null;
  const k = i + 1;
  const dir = DIRECTIONS.get(wordAt(tokens, k));
  if (dir && dir !== 'current') return one(season.s, tokens[k].e, { type: 'season', season: season.value, y: null, shift: null, dir }, k + 1);
  const year = parseYear(tokens, k) ?? (readYear(tokens, k) !== null ? bareYear(tokens, k) : null);
  if (year && year.items.length === 1) {
    const e = year.items[0].expr;
    if (e.type === 'year' && e.y2 === null && e.cal === 'g') return one(season.s, year.items[0].e, { type: 'season', season: season.value, y: e.y, shift: null, dir: null }, year.next);
  }
  if (lookup(tokens, k, UNITS)?.value !== 'year') return null;
  const d = DIRECTIONS.get(wordAt(tokens, k + 1));
  if (!d) return null;
  const shift = d === 'past' ? -1 : d === 'future' ? 1 : 0;
  return one(season.s, tokens[k + 1].e, { type: 'season', season: season.value, y: null, shift, dir: null }, k + 2);
}
