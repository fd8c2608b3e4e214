// The figure recogniser: counted claims such as "أكثر من 150 ضربة", "نحو 2500 جندي", "ثلاثة جنود",
// "عشرات الهجمات", "جنديين". Each becomes an interval (`value`), what it counts (`counted`), and,
// from its sentence, the event, place, time window and source (quantityContext.ts). Numbers that
// are not counts (dates, years, times, percentages, money, measures, phones, ages, names) are
// left out; docs/FIGURES.md lists every choice.
//
// Intervals (hedges.yaml has the table):
//   exact "ثلاثة"            [3, 3]           over "أكثر من 150"   [151, ∞)
//   atLeast "23 على الأقل"   [23, ∞)          under "أقل من 10"    [1, 9]
//   atMost "لا يتجاوز 500"  [1, 500]          about "نحو 2500"     [2250, 2750] (±10%, ≥ ±1)
//   "عشرات" [20, 99], "مئات" [200, 999], "آلاف" [2000, 9999], "بضعة/عدة" [3, 9],
//   "عدد من" [2, ∞), "العديد من" [3, ∞), "X ونيف" [X+1, next step − 1], "3 أو 4" / "بين 3 و4" [3, 4].
import hedges from '../lexicons/hedges.yaml';
import type { Shadow } from '../text/normalize';
import type { Found, Interval } from '../types';
import { isNumberWord, readNumber, type NumberRead } from './numberWords';
import { countedAt, countedBefore, dualAt, groupOf, isDualNoun } from './countedNouns';
import { FUNCTION_WORDS, LEADS, nonCount } from './guards';
import { attribute, isEventCue, tollEndsAt, type Draft, type FigureContext } from './context';

export type { FigureContext } from './context';
import { asRecord, foldList, formsOf, PhraseSet, tokenize, wordOf, type Token } from './tokens';

type Hedge = 'over' | 'atLeast' | 'under' | 'atMost' | 'about' | 'odd';

const H = asRecord(hedges);
const TOLERANCE = typeof H.tolerance === 'number' && H.tolerance >= 0 && H.tolerance < 1 ? H.tolerance : 0.1;

const HEDGE_NOTES: Record<Hedge, string> = {
  over: 'more than',
  atLeast: 'at least',
  under: 'fewer than',
  atMost: 'at most',
  about: 'about',
  odd: 'and some over',
};

function isHedge(kind: string): kind is Hedge {
  return Object.prototype.hasOwnProperty.call(HEDGE_NOTES, kind);
}

/** The hedge phrases of hedges.yaml; a kind the code does not know is left out. */
function hedgeSet(x: unknown): PhraseSet<Hedge> {
  const pairs: Array<[string, Hedge]> = [];
  for (const [kind, words] of Object.entries(asRecord(x))) if (isHedge(kind)) for (const w of foldList(words)) pairs.push([w, kind]);
  return new PhraseSet(pairs);
}

const BEFORE = hedgeSet(H.before);
const AFTER = hedgeSet(H.after);
const VAGUE_OF = new PhraseSet<[number, number | null]>(
  Object.entries(asRecord(H.vagueOf)).flatMap(([phrase, range]): Array<[string, [number, number | null]]> =>
    Array.isArray(range) && typeof range[0] === 'number' && (typeof range[1] === 'number' || range[1] === null) ? [[phrase, [range[0], range[1]]]] : [],
  ),
);

/** Words that may stand alone between a hedge and its number ("قرابة الـ 2500", "تقدر بـ 2500"). */
const HEDGE_GLUE = new Set(['ال', 'ب', 'بال', 'ل']);
const RANGE_WORDS = new Set(['او']);
const BETWEEN = new Set(['بين']);

function applyHedge(h: Hedge, v: Interval): Interval {
  const lo = v.min ?? 0;
  const hi = v.max ?? lo;
  const exact = v.min !== null && v.min === v.max;
  switch (h) {
    case 'over':
      return { min: exact ? Math.floor(lo) + 1 : lo, max: null };
    case 'atLeast':
      return { min: lo, max: null };
    case 'under':
      return { min: lo > 1 ? 1 : 0, max: Math.max(0, Math.ceil(lo) - 1) };
    case 'atMost':
      return { min: hi >= 1 ? 1 : 0, max: hi };
    case 'about': {
      if (!exact) return v;
      const tol = Math.max(1, Math.round(lo * TOLERANCE));
      return { min: Math.max(0, Math.round(lo - tol)), max: Math.round(lo + tol) };
    }
    case 'odd': {
      if (!exact || lo < 10) return { min: lo + 1, max: lo + 9 };
      const step = Math.pow(10, Math.floor(Math.log10(lo)));
      return { min: lo + 1, max: lo + step - 1 };
    }
  }
}

function hedgeNote(h: Hedge, said: Interval, value: Interval): string {
  const base = `${HEDGE_NOTES[h]} ${describe(said)}`;
  return h === 'about' || h === 'odd' ? `${base}: ${describe(value)}` : base;
}

function describe(v: Interval): string {
  if (v.min !== null && v.min === v.max) return String(v.min);
  return `[${v.min ?? 0}, ${v.max ?? '∞'}]`;
}

/** Shadow offset where token i's text starts, leaving `trim` clitic letters out. */
function startOf(toks: readonly Token[], i: number, trim: number): number {
  return toks[i].s + Math.min(trim, toks[i].e - toks[i].s - 1);
}

/** Clitic letters to leave out of a span: "و", "ب", "ل" before a hedge or noun are not part of the
 *  figure ("بنحو 2500" → "نحو 2500"); the article is ("العشرات"). */
function trimOf(pre: string): number {
  return pre.endsWith('ال') ? pre.length - 2 : pre.length;
}

/** A leading و/ف on a word that starts a figure ("وثلاثة جنود" → "ثلاثة جنود"). */
function cliticTrim(t: Token): number {
  if (t.kind !== 'word') return 0;
  const f = formsOf(t);
  return f.length > 1 && (f[1].pre === 'و' || f[1].pre === 'ف') ? 1 : 0;
}

/** "آخرون": more of what the figure before counted ("قتل خمسة جنود وأصيب ثمانية آخرون"). */
const OTHERS = new Set(['اخر', 'اخرون', 'اخرين', 'اخران', 'اخري', 'اخريات']);
/** "وأسقطت المدمرة 5 منها": a part of what the figure before counted. */
const PARTITIVE = new Set(['منها', 'منهم', 'منهن', 'منهما', 'بينهم', 'بينها', 'بينهن', 'ومنهم', 'وبينهم']);

function sameClause(toks: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = toks[k];
    if (t.kind === 'break' || (t.kind === 'punct' && '.?!;…'.includes(t.text))) return false;
  }
  return true;
}

/** The number is joined to what precedes it by "و" ("و2500", "وخمسة", "و 2500"). */
function joinedByAnd(toks: readonly Token[], nr: NumberRead): boolean {
  const t = toks[nr.start];
  if (t.kind === 'num') return t.pre === 'و' || (toks[nr.start - 1]?.text === 'و' && t.pre === '');
  return formsOf(t).some((f) => f.pre === 'و' && isNumberWord(f.w)) || toks[nr.start - 1]?.text === 'و';
}

interface Step {
  draft: Draft | null;
  next: number;
}

export function findQuantities(shadow: Shadow, ctx: FigureContext): Found[] {
  return attributeFigures(shadow, findFigures(shadow, ctx.dates), ctx);
}

/** The figures of a text before their sentences are read: what depends on the text and the dates only. */
export interface Figures {
  drafts: Draft[];
  /** The tokens the drafts index into; made again from the shadow when dropped. */
  toks: Token[] | null;
}

/**
 * Finds the figures (value, counted noun, span). The result does not depend on the actors, so a
 * corpus analysis finds them once and attributes them again when the lexicon has grown.
 */
export function findFigures(shadow: Shadow, found: Found[]): Figures {
  const toks = tokenize(shadow.norm, shadow);
  const dates = found
    .filter((d) => d.end > d.start)
    .map((d) => [d.start, d.end] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const drafts: Draft[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.kind !== 'num' && (t.kind !== 'word' || !mayStartFigure(t))) {
      i++;
      continue;
    }
    const step = figureAt(toks, i, shadow, dates, drafts[drafts.length - 1]);
    if (step.draft) drafts.push(step.draft);
    i = Math.max(step.next, i + 1);
  }
  return { drafts, toks };
}

/**
 * Whether a word can begin a figure at all: a vague amount ("عدد من"), a number word, or a dual
 * noun, read behind any clitics. Most words are none of these, and figureAt is not asked of them.
 */
function mayStartFigure(t: Token): boolean {
  const w = wordOf(t);
  if (w.figure < 0) {
    const forms = w.forms;
    w.figure = VAGUE_OF.mayStart(forms) || forms.some((f) => isNumberWord(f.w)) || forms.some((f) => !f.def && isDualNoun(f.w)) ? 1 : 0;
  }
  return w.figure === 1;
}

/** The figures as mentions, each with the event, place, time and source its sentence gives. */
export function attributeFigures(shadow: Shadow, figures: Figures, ctx: FigureContext): Found[] {
  if (!figures.drafts.length) return [];
  // Attribution writes into the drafts; copies keep `figures` reusable.
  const drafts = figures.drafts.map((d) => ({ ...d }));
  attribute(drafts, figures.toks ?? tokenize(shadow.norm, shadow), shadow, ctx);
  return drafts.map((d) => {
    const [start, end] = shadow.span(d.s, d.e);
    const f: Found = { kind: 'quantity', start, end, value: d.value, note: d.note };
    if (d.counted) f.counted = d.counted;
    if (d.event) f.event = d.event;
    if (d.source) f.source = d.source;
    if (d.place) f.place = d.place;
    if (d.window) f.window = d.window;
    if (d.cumulative !== undefined) f.cumulative = d.cumulative;
    if (d.modality) f.modality = d.modality;
    return f;
  });
}

/** True when the shadow span overlaps a date the date recogniser found. */
function inDate(shadow: Shadow, dates: Array<[number, number]>, s: number, e: number): boolean {
  if (!dates.length) return false;
  const [a, b] = shadow.span(s, e);
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid][1] <= a) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < dates.length && dates[k][0] < b; k++) if (dates[k][1] > a) return true;
  return false;
}

function figureAt(toks: readonly Token[], i: number, shadow: Shadow, dates: Array<[number, number]>, prev: Draft | undefined): Step {
  const t = toks[i];
  if (t.kind !== 'word' && t.kind !== 'num') return { draft: null, next: i + 1 };

  // "عدد من قياداتها", "العديد من الهجمات": an amount only with a counted noun.
  const vo = VAGUE_OF.matchAt(toks, i);
  if (vo) {
    const c = countedAt(toks, vo.end, { definite: true, possessive: true, lexiconOnly: true });
    if (c) {
      const value = { min: vo.value[0], max: vo.value[1] };
      const note = vo.value[1] === null ? `a number of: at least ${vo.value[0]}` : `a few: ${describe(value)}`;
      return { draft: { s: startOf(toks, i, trimOf(vo.pre)), e: toks[c.end - 1].e, start: i, end: c.end, value, note, counted: c.key }, next: c.end };
    }
  }

  const nr = readNumber(toks, i);
  if (nr) return fromNumber(toks, nr, shadow, dates, prev);

  const dual = dualAt(toks, i);
  if (dual) {
    let end = dual.end;
    const two = readNumber(toks, end);
    if (two && !two.vague && two.value.min === 2 && two.words) end = two.end; // "جنديين اثنين"
    const s = startOf(toks, i, dual.trim);
    if (inDate(shadow, dates, s, toks[end - 1].e)) return { draft: null, next: end };
    return { draft: { s, e: toks[end - 1].e, start: i, end, value: { min: 2, max: 2 }, note: 'two (dual noun)', counted: dual.key }, next: end };
  }
  return { draft: null, next: i + 1 };
}

function fromNumber(toks: readonly Token[], nr: NumberRead, shadow: Shadow, dates: Array<[number, number]>, prevDraft: Draft | undefined): Step {
  // "3,4" with no scale word may be a list as well as a decimal comma: not read as either.
  if (nr.digits && nr.digits.frac && nr.digits.text.includes(',')) return { draft: null, next: nr.end };
  let value: Interval = nr.value;
  let first = nr.start;
  let firstTrim = nr.trim;
  let last = nr.end; // token after the phrase so far
  let numEnd = nr.end;
  const notes: string[] = [];
  let hedged = nr.vague;
  let ranged = false;

  // Ranges: "3 أو 4 جنود", "5-10 جنود", "بين 10 و20 جندياً".
  if (!nr.vague && nr.value.min !== null) {
    const sep = toks[nr.end];
    const betweenBefore = toks[nr.start - 1] && toks[nr.start - 1].kind === 'word' && formsOf(toks[nr.start - 1]).some((f) => BETWEEN.has(f.w));
    let second: NumberRead | null = null;
    // "(18 إلى 20)": "إلى" makes a range only in brackets; elsewhere it is often a rise ("من 18 إلى 20").
    const bracketed = toks[nr.start - 1]?.text === '(' && sep?.kind === 'word' && sep.text === 'الي';
    if (
      sep &&
      ((sep.kind === 'word' && RANGE_WORDS.has(sep.text)) ||
        bracketed ||
        (sep.kind === 'punct' && sep.text === '-') ||
        (betweenBefore && sep.kind === 'word' && (sep.text === 'و' || sep.text === 'الي')))
    ) {
      second = readNumber(toks, nr.end + 1);
    } else if (betweenBefore && sep && ((sep.kind === 'num' && sep.pre === 'و') || (sep.kind === 'word' && sep.text.startsWith('و')))) {
      second = readNumber(toks, nr.end);
      if (second && second.trim !== 1) second = null;
    }
    // "بين 18 و20 ألف": the scale word of the second number scales the first as well.
    const head = second ? toks[second.start] : undefined;
    const scale = second && second.words && !nr.words && !nr.vague && head?.kind === 'num' && head.num && second.value.max !== null && nr.value.min < head.num ? second.value.max / head.num : 1;
    const low = scale >= 1000 && Number.isInteger(scale) ? nr.value.min * scale : nr.value.min;
    if (second && !second.vague && second.value.max !== null && second.value.max > low && (second.words === nr.words || low !== nr.value.min)) {
      value = { min: low, max: second.value.max };
      last = numEnd = second.end;
      ranged = true;
      notes.push(`range ${describe(value)}`);
      if (betweenBefore) {
        first = nr.start - 1;
        firstTrim = cliticTrim(toks[first]);
        if (toks[first - 1]?.text === 'ما') first--;
      }
    }
  }

  // "(18 إلى 20) ألف": a range in brackets, then its scale word.
  if (ranged && toks[numEnd]?.text === ')' && toks[first - 1]?.text === '(') {
    const sc = readNumber(toks, numEnd + 1);
    const factor = sc && sc.words && !sc.vague && sc.start === numEnd + 1 && sc.end === numEnd + 2 ? sc.value.min : null;
    if (factor !== null && (factor === 1000 || factor === 1e6 || factor === 1e9) && value.min !== null && value.max !== null) {
      value = { min: value.min * factor, max: value.max * factor };
      notes[notes.length - 1] = `range ${describe(value)}`;
      last = numEnd = sc!.end;
      first--;
      firstTrim = 0;
    }
  }

  // A hedge before the number ("أكثر من", "نحو", "على الأقل"), maybe over a lone "الـ".
  let j = first;
  if (toks[j - 1]?.kind === 'word' && HEDGE_GLUE.has(toks[j - 1].text)) j--;
  const pre = ranged ? null : BEFORE.matchEndingAt(toks, j);
  if (pre) {
    value = applyHedge(pre.value, value);
    notes.push(hedgeNote(pre.value, nr.value, value));
    first = pre.start;
    firstTrim = trimOf(pre.pre);
    hedged = true;
  }

  // What is counted: the noun after the number, or after "من" ("العشرات من الهجمات").
  let counted: string | undefined;
  const many = !nr.vague && (nr.value.min ?? 0) >= 11;
  let c = countedAt(toks, numEnd, { definite: nr.vague, possessive: false, singular: many });
  let partitive = false;
  if (!c && toks[numEnd]?.kind === 'word' && toks[numEnd].text === 'من') {
    // "150 من الجنود": a part of a plural; "الطابق 3 من المبنى" is not.
    c = countedAt(toks, numEnd + 1, { definite: true, possessive: true });
    if (c && !c.plural) c = null;
    partitive = !!c;
  }
  if (c) {
    counted = c.key;
    last = c.end;
  } else if (!nr.vague && nr.words && toks[nr.start - 1]) {
    // The noun before: "الجنود الثلاثة" (both definite), "جندي واحد" (1 and 2 follow their noun).
    const before = nr.def ? countedBefore(toks, nr.start - 1, true) : nr.value.min !== null && nr.value.min <= 2 ? countedBefore(toks, nr.start - 1, false) : null;
    if (before) {
      counted = before;
      if (!pre) {
        first = nr.start - 1;
        firstTrim = cliticTrim(toks[first]);
      }
    }
  }

  // "وأصيب ثمانية آخرون", "900 جندي في سوريا و2500 في العراق": the noun of the figure before.
  let inherited = false;
  if (!counted && !nr.vague && prevDraft?.counted && sameClause(toks, prevDraft.end, nr.start)) {
    const after = toks[numEnd];
    const before = toks[nr.start - 1];
    // "منهم 2500 في العراق", "10 منهم", "ثمانية آخرون".
    const others = (after?.kind === 'word' && (OTHERS.has(after.text) || PARTITIVE.has(after.text))) || (before?.kind === 'word' && PARTITIVE.has(before.text));
    if (others || (joinedByAnd(toks, nr) && nr.start - prevDraft.end <= 4)) {
      counted = prevDraft.counted;
      // "آخرون" and "منها" say so outright; a bare "و2500" only suggests it.
      inherited = !others;
      notes.push('counts what the figure before counts');
      if (others && after?.kind === 'word' && (OTHERS.has(after.text) || PARTITIVE.has(after.text))) last = numEnd + 1;
    }
  }

  // "2.500 جندي": a point before three digits groups thousands when the count must be whole.
  if (counted && nr.digits && nr.digits.frac.length === 3 && !hedged && !ranged) {
    const n = Number(nr.digits.digits + nr.digits.frac);
    value = { min: n, max: n };
    notes.push('point read as a thousands separator');
  }

  // A hedge after the number or its noun, maybe past an adjective: "23 قتيلاً على الأقل".
  if (!pre && !ranged) {
    for (let k = last; k <= last + 2 && k < toks.length; k++) {
      const post = AFTER.matchAt(toks, k);
      if (post) {
        const before = value;
        value = applyHedge(post.value, value);
        notes.push(hedgeNote(post.value, before, value));
        last = post.end;
        hedged = true;
        break;
      }
      if (toks[k].kind !== 'word' || isNumberWord(toks[k].text)) break;
    }
  }

  const next = Math.max(last, numEnd);
  const s = startOf(toks, first, firstTrim);
  const e = toks[next - 1].e;
  // Durations right after a name are part of the name's phrase ("البرج 22 يوم 28 يناير").
  const weak = !counted || inherited || partitive || groupOf(counted) === 'time';
  const afterToll = !counted && toks[nr.start - 1]?.kind === 'word' && tollEndsAt(toks, nr.start - 1);
  const reason = nonCount(toks, { start: nr.start, end: numEnd, digits: ranged ? undefined : nr.digits, counted: !!counted, weak, hedged: hedged || ranged, afterToll });
  if (reason || inDate(shadow, dates, toks[nr.start].s, toks[numEnd - 1].e)) return { draft: null, next: numEnd };

  if (!counted && !hedged && !ranged && !keepBare(toks, nr)) return { draft: null, next: numEnd };

  // The hover note: the hedge or range when there is one, else how the number was written.
  const base = nr.vague ? nr.how : nr.digits ? `exact ${describe(nr.value)}` : nr.how === 'number words' ? `${describe(nr.value)} in words` : `${describe(nr.value)} (${nr.how})`;
  const shaped = hedged && !nr.vague ? [] : ranged ? [] : [base];
  const note = [...shaped, ...notes].join('; ');
  return { draft: { s, e, start: first, end: next, value, note, counted }, next };
}

/**
 * A number with no counted noun and no hedge is kept only where a count is plainly meant: after a
 * count lead or an event word ("قتل 3 وأصيب 5", "ارتفعت الحصيلة إلى 23"), or before a noun the
 * lexicon does not know ("3 مستشفيات"). Elsewhere a bare number is more often a name, a score or
 * a reference than a claim.
 */
function keepBare(toks: readonly Token[], nr: NumberRead): boolean {
  const first = toks[nr.start];
  if (nr.def) return false; // "الثلاثة", "الـ22": ordinals and days of the week
  if (first.kind === 'word') {
    const f = formsOf(first).find((x) => isNumberWord(x.w));
    if (f && /[بلك]/.test(f.pre)) return false; // "لست" is "I am not", not "six"
  }
  const prev = toks[nr.start - 1];
  if (prev && prev.kind === 'word' && (formsOf(prev).some((f) => LEADS.has(f.w)) || isEventCue(toks, nr.start - 1))) return true;
  // "تجاوز عدد الجرحى ستة آلاف": the number right after a toll is its count.
  if (prev && prev.kind === 'word' && tollEndsAt(toks, nr.start - 1)) return true;
  const next = toks[nr.end];
  if (next && next.kind === 'word' && isEventCue(toks, nr.end)) return true;
  if (next && next.kind === 'word' && /^[\u0621-\u064a]/.test(next.text)) {
    const def = formsOf(next).some((f) => f.def);
    if (!def && !FUNCTION_WORDS.has(next.text) && !isNumberWord(next.text) && next.text.length > 2 && !formsOf(next).some((f) => FUNCTION_WORDS.has(f.w))) return true;
  }
  return false;
}
