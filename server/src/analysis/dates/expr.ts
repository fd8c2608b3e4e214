// What the date recognisers read from the text, before any value is computed. Reading and
// resolving are separate because the publication date is itself read from the text: first every
// date expression is found, then the dateline picks the publication date among them, then each
// expression is resolved against it (dateResolve.ts).
import type { Calendar, Direction, Part, Season, Unit } from './lexicon';
import type { Token } from './tokens';
import { formsOf } from './phrases';

/** A calendar point as written: the year may be missing ("25 يناير الماضي"), the day too. */
export interface Pt {
  y: number | null;
  m: number;
  d: number | null;
}

export type Expr =
  /** A day, a month or a range of days named with a month ("7-8 أغسطس/ آب 2023"). */
  | {
      type: 'date';
      cal: Calendar;
      from: Pt;
      /** The end of a range, or null. */
      to: Pt | null;
      dir: Direction | null;
      part: Part | null;
      /** A weekday written with the date ("الأحد ١١ شباط"), for checking. */
      weekday: number | null;
      /** A future verb before it: a date without a year is then looked for after publication. */
      future: boolean;
      /** The ISO day of a named event ("ثورة 25 يناير"). */
      event: string | null;
      /** Written with two month names ("تموز/يوليو"). */
      paired: boolean;
    }
  | { type: 'year'; cal: Calendar; y: number; y2: number | null; part: Part | null }
  /** A season of a year ("صيف 2014"), of a relative year (`shift`, "صيف العام الماضي"), or the
   *  latest or next one ("الصيف الماضي", `dir`). */
  | { type: 'season'; season: Season; y: number | null; shift: number | null; dir: Direction | null }
  /** Days from publication: "أمس" is -1; a weekday may be named with it ("أمس الخميس"). */
  | { type: 'offset'; days: number; weekday: number | null }
  | { type: 'weekday'; weekday: number; dir: Direction | null; future: boolean }
  /** "الشهر الماضي" (shift -1), "هذا العام" (0), "مطلع الأسبوع المقبل"; `day` for "28 من الشهر الجاري". */
  | { type: 'unit'; unit: Unit; shift: number; part: Part | null; day: number | null }
  /** "الشهر نفسه", "نفس العام": the month or year of the date mentioned before. */
  | { type: 'same'; unit: 'day' | 'month' | 'year' }
  /** "قبل يومين", "قبل ثلاثة أسابيع". */
  | { type: 'ago'; n: number; unitDays: number };

/** One expression with its shadow span. */
export interface Item {
  s: number;
  e: number;
  expr: Expr;
}

/** A recogniser's answer: what it found (possibly nothing it wants reported) and where to go on. */
export interface Parse {
  items: Item[];
  next: number;
}

export function one(s: number, e: number, expr: Expr, next: number): Parse {
  return { items: [{ s, e, expr }], next };
}

// ---- Token helpers ----

/** The word at i, or '' for numbers, marks and the end. */
export function wordAt(tokens: Token[], i: number): string {
  const t = tokens[i];
  return t && t.k === 'w' ? t.t : '';
}

export function isMark(tokens: Token[], i: number, chars: string): boolean {
  const t = tokens[i];
  return !!t && t.k === 'm' && t.t !== '\n' && chars.includes(t.t);
}

export function numberAt(tokens: Token[], i: number): number | null {
  const t = tokens[i];
  return t && t.k === 'n' && t.t.length <= 6 ? Number(t.t) : null;
}

/** The word at i found in `set`, allowing clitics: the shadow offset after them, or -1. */
export function wordIn(tokens: Token[], i: number, set: Set<string> | Map<string, unknown>, clitics = true): number {
  const t = tokens[i];
  if (!t || t.k !== 'w') return -1;
  if (set.has(t.t)) return t.s;
  if (!clitics) return -1;
  for (const [form, cut] of formsOf(t)) if (set.has(form)) return t.s + cut;
  return -1;
}

/** The value for the word at i in `map`, allowing clitics. */
export function lookup<V>(tokens: Token[], i: number, map: Map<string, V>, clitics = true): { value: V; s: number } | null {
  const t = tokens[i];
  if (!t || t.k !== 'w') return null;
  const v = map.get(t.t);
  if (v !== undefined) return { value: v, s: t.s };
  if (!clitics) return null;
  for (const [form, cut] of formsOf(t)) {
    const v = map.get(form);
    if (v !== undefined) return { value: v, s: t.s + cut };
  }
  return null;
}

/** Two tokens touch: nothing, not even a space, between them. */
export function touching(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return !!t && !t.sp;
}
