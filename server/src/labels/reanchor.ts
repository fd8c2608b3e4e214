// Placing labels again after the article changed outside the editor (a re-scrape, a fix in
// another program, a merge). A label remembers its quote and some text either side; it is put
// where the quote occurs, matched on the engine's folded shadow so that a change of hamza, ta
// marbuta, digits or diacritics does not lose it, and where several occurrences exist, where the
// surrounding text looks most like the remembered context and lies nearest where the neighbouring
// labels moved. A label that cannot be placed with confidence is kept, marked orphaned.
import { Shadow, fold, isWordChar } from '../analysis/text/normalize';
import { contextAround } from './labelActions';
import { compareLabels, type Label } from './labelTypes';

/** Occurrences of one quote collected, and looked at per label (the nearest first). */
const MAX_OCCURRENCES = 100_000;
const MAX_EXAMINED = 2000;
/** Weight of nearness to the predicted offset against context similarity (0..1). */
const NEAR_WEIGHT = 0.25;
/** Context similarity from which a non-unique quote is placed. */
const MIN_CONTEXT = 0.35;
/** A quote this long (folded) that occurs once is placed even if its context changed. */
const UNIQUE_QUOTE_CHARS = 5;

/**
 * Each label placed in `text`, in the input order. A label already in place is returned as the
 * same object (so callers can tell nothing changed); a moved one is a copy with new offsets, quote
 * and context; one that cannot be placed is a copy with `orphaned: true` and its old offsets.
 */
export function reanchorLabels(labels: readonly Label[], text: string): Label[] {
  const out: Label[] = new Array(labels.length);
  const order = labels.map((l, i) => ({ l, i })).sort((a, b) => compareLabels(a.l, b.l));
  let search: SearchText | undefined;
  const taken = new Set<string>();
  // How far the previously placed label moved: the best guess for the next one.
  let shift = 0;
  for (const { l, i } of order) {
    if (inPlace(l, text)) {
      out[i] = withContext(l, text, l.start, l.end);
      shift = 0;
      taken.add(`${l.start}:${l.end}:${l.type}`);
      continue;
    }
    search ??= new SearchText(text);
    const placed = search.place(l, l.start + shift, (s, e) => taken.has(`${s}:${e}:${l.type}`));
    if (placed) {
      out[i] = withContext(l, text, placed[0], placed[1]);
      shift = placed[0] - l.start;
      taken.add(`${placed[0]}:${placed[1]}:${l.type}`);
    } else {
      out[i] = l.orphaned ? l : { ...l, orphaned: true };
    }
  }
  return out;
}

/** What a label remembers of its surroundings, folded once. */
interface Remembered {
  before: string;
  after: string;
  wordBefore: boolean;
  wordAfter: boolean;
}

function remember(l: Label): Remembered {
  return { before: fold(l.before), after: fold(l.after), wordBefore: isWordChar(lastChar(l.before)), wordAfter: isWordChar(l.after[0]) };
}

/** The quote is still at its offsets (up to folding) with context that still looks the same. */
function inPlace(l: Label, text: string): boolean {
  if (l.end > text.length || l.end <= l.start) return false;
  const slice = text.slice(l.start, l.end);
  if (slice !== l.text && fold(slice) !== fold(l.text)) return false;
  const ctx = contextAround(text, l.start, l.end);
  if (ctx.before === l.before && ctx.after === l.after) return true;
  // A label written by hand may carry no context at all: its quote at its offsets is all it says.
  if (!l.before && !l.after) return true;
  return contextScore(remember(l), text, l.start, l.end) >= 0.5;
}

/** The label at [start, end) with its quote and context read from the text; the same object if nothing changed. */
export function withContext(l: Label, text: string, start: number, end: number): Label {
  const slice = text.slice(start, end);
  const ctx = contextAround(text, start, end);
  if (l.start === start && l.end === end && l.text === slice && l.before === ctx.before && l.after === ctx.after && !l.orphaned) return l;
  const out: Label = { ...l, start, end, text: slice, before: ctx.before, after: ctx.after };
  delete out.orphaned;
  return out;
}

/** How alike the remembered context and a candidate's are (0..1), with a penalty for a changed word boundary. */
function contextScore(mem: Remembered, text: string, start: number, end: number): number {
  const ctx = contextAround(text, start, end);
  let score = (similarity(mem.before, fold(ctx.before)) + similarity(mem.after, fold(ctx.after))) / 2;
  // A quote that was a whole word should land on a whole word, and a part of a word on a part.
  if (mem.wordBefore !== isWordChar(lastChar(text.slice(Math.max(0, start - 2), start)))) score *= 0.5;
  if (mem.wordAfter !== isWordChar(text[end])) score *= 0.5;
  return score;
}

function lastChar(s: string): string | undefined {
  return s.length ? s[s.length - 1] : undefined;
}

/** Dice coefficient over character trigrams; two empty contexts (both at the text's edge) agree. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const grams = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    const p = ` ${s} `;
    for (let i = 0; i + 3 <= p.length; i++) {
      const g = p.slice(i, i + 3);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total ? (2 * common) / total : 0;
}

/**
 * The text folded as the engine folds it, with runs of white space made one space (as `fold`
 * does to a quote), and a map from that flat form back to the shadow.
 */
class SearchText {
  private readonly shadow: Shadow;
  private readonly flat: string;
  private readonly toNorm: Int32Array;
  private readonly found = new Map<string, number[]>();

  constructor(private readonly text: string) {
    this.shadow = new Shadow(text);
    const norm = this.shadow.norm;
    // One native replace builds the flat text; one pass over char codes builds the map.
    this.flat = norm.replace(/\s+/g, ' ');
    const toNorm = new Int32Array(this.flat.length + 1);
    let n = 0;
    let inRun = false;
    for (let i = 0; i < norm.length; i++) {
      const space = isSpace(norm.charCodeAt(i));
      if (!space || !inRun) toNorm[n++] = i;
      inRun = space;
    }
    toNorm[n] = norm.length;
    this.toNorm = toNorm;
  }

  /** Original [start, end) of the flat range [i, j). */
  private span(i: number, j: number): [number, number] {
    return this.shadow.span(this.toNorm[i], this.toNorm[j - 1] + 1);
  }

  private occurrences(q: string): number[] {
    let list = this.found.get(q);
    if (list) return list;
    list = [];
    for (let at = this.flat.indexOf(q); at >= 0 && list.length < MAX_OCCURRENCES; at = this.flat.indexOf(q, at + 1)) list.push(at);
    this.found.set(q, list);
    return list;
  }

  /** Where the label goes, or undefined; `taken` tells a span another label of its type already holds. */
  place(l: Label, predicted: number, taken: (start: number, end: number) => boolean): [number, number] | undefined {
    const q = fold(l.text);
    if (!q) return undefined;
    const mem = remember(l);
    const hits = this.occurrences(q);
    if (hits.length) return this.best(mem, q, hits, predicted, taken);
    return this.byContext(mem, q, predicted);
  }

  /**
   * The best occurrence: context similarity plus a little for nearness to the predicted offset.
   * Occurrences are visited nearest first, so the search stops as soon as no farther one could
   * score higher (in the usual case, text inserted above, the first one visited).
   */
  private best(mem: Remembered, q: string, hits: readonly number[], predicted: number, taken: (start: number, end: number) => boolean): [number, number] | undefined {
    const spanAt = (k: number): [number, number] => this.span(hits[k], hits[k] + q.length);
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spanAt(mid)[0] < predicted) lo = mid + 1;
      else hi = mid;
    }
    let left = lo - 1;
    let right = lo;
    const nearness = (start: number): number => 1 / (1 + Math.abs(start - predicted) / 64);
    let best: { span: [number, number]; score: number; ctx: number } | undefined;
    let second = -Infinity;
    for (let examined = 0; examined < MAX_EXAMINED && (left >= 0 || right < hits.length); examined++) {
      const l = left >= 0 ? spanAt(left) : undefined;
      const r = right < hits.length ? spanAt(right) : undefined;
      const takeLeft = l !== undefined && (r === undefined || predicted - l[0] <= r[0] - predicted);
      const span = takeLeft ? l : r!;
      if (takeLeft) left--;
      else right++;
      const near = nearness(span[0]);
      if (best && best.score >= 1 + NEAR_WEIGHT * near) break; // nothing farther can win
      const c = contextScore(mem, this.text, span[0], span[1]);
      const score = c + NEAR_WEIGHT * near - (taken(span[0], span[1]) ? 1 : 0);
      if (!best || score > best.score) {
        if (best) second = best.score;
        best = { span, score, ctx: c };
      } else if (score > second) second = score;
    }
    if (!best) return undefined;
    const unique = hits.length === 1 && q.length >= UNIQUE_QUOTE_CHARS;
    const atPrediction = best.span[0] === predicted && best.ctx > 0;
    // Some of the context left, and well ahead of every other occurrence looked at.
    const clearWinner = best.ctx >= MIN_CONTEXT / 2 && best.score - second >= 0.25;
    return best.ctx >= MIN_CONTEXT || unique || atPrediction || clearWinner ? best.span : undefined;
  }

  /**
   * The quote itself was edited: look for the remembered context with a short stretch between
   * its two sides that still resembles the quote. Figures and dates must keep their digits, so
   * "150" is never carried onto "160".
   */
  private byContext(mem: Remembered, q: string, predicted: number): [number, number] | undefined {
    const left = tail(mem.before, 12);
    const right = mem.after.slice(0, 12).trim();
    if (left.length < 4 || right.length < 4) return undefined;
    const digits = q.replace(/\D/g, '');
    let best: { span: [number, number]; dist: number } | undefined;
    for (let at = this.flat.indexOf(left), n = 0; at >= 0 && n < MAX_EXAMINED; at = this.flat.indexOf(left, at + 1), n++) {
      const from = at + left.length;
      // Only a short stretch is looked at, so a long text is not scanned once per candidate.
      const gap = this.flat.slice(from, from + 2 * q.length + 10 + right.length).indexOf(right);
      if (gap < 0) continue;
      const stop = from + gap;
      let i = from;
      let j = stop;
      while (i < j && this.flat[i] === ' ') i++;
      while (j > i && this.flat[j - 1] === ' ') j--;
      if (j <= i) continue;
      const between = this.flat.slice(i, j);
      if (between.replace(/\D/g, '') !== digits || similarity(between, q) < 0.5) continue;
      const span = this.span(i, j);
      const dist = Math.abs(span[0] - predicted);
      if (!best || dist < best.dist) best = { span, dist };
    }
    return best?.span;
  }
}

/** White space as `\s` knows it, without a regular expression per character. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function tail(s: string, n: number): string {
  return s.slice(Math.max(0, s.length - n)).trim();
}
