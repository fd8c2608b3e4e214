// Placing labels again after the article changed outside the editor (a re-scrape, a fix in
// another program, a merge). A label remembers its quote and some text either side; it is put
// where the quote occurs, matched on the engine's folded shadow so that a change of hamza, ta
// marbuta, digits or diacritics does not lose it, and where several occurrences exist, where the
// surrounding text looks most like the remembered context and lies nearest where the neighbouring
// labels moved. A label that cannot be placed with confidence is kept, marked orphaned.
import { Shadow, fold, isWordChar } from '../analysis/normalize';
import { contextAround } from './labelActions';
import { compareLabels, type Label } from './labelTypes';

/** Candidate occurrences looked at per quote; beyond that the text is not an article. */
const MAX_CANDIDATES = 2000;
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
      taken.add(`${l.start}:${l.end}`);
      continue;
    }
    search ??= new SearchText(text);
    const placed = search.place(l, l.start + shift, taken);
    if (placed) {
      out[i] = withContext(l, text, placed[0], placed[1]);
      shift = placed[0] - l.start;
      taken.add(`${placed[0]}:${placed[1]}`);
    } else {
      out[i] = l.orphaned ? l : { ...l, orphaned: true };
    }
  }
  return out;
}

/** The quote is still at its offsets (up to folding) with context that still looks the same. */
function inPlace(l: Label, text: string): boolean {
  if (l.end > text.length || l.end <= l.start) return false;
  const slice = text.slice(l.start, l.end);
  if (slice !== l.text && fold(slice) !== fold(l.text)) return false;
  const ctx = contextAround(text, l.start, l.end);
  if (ctx.before === l.before && ctx.after === l.after) return true;
  return contextScore(l, ctx.before, ctx.after, text, l.start, l.end) >= 0.5;
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
function contextScore(l: Label, before: string, after: string, text: string, start: number, end: number): number {
  let score = (similarity(fold(l.before), fold(before)) + similarity(fold(l.after), fold(after))) / 2;
  // A quote that was a whole word should land on a whole word, and a part of a word on a part.
  const wasWordBefore = isWordChar(lastChar(l.before));
  const wasWordAfter = isWordChar(l.after[0]);
  if (wasWordBefore !== isWordChar(lastChar(text.slice(Math.max(0, start - 2), start)))) score *= 0.5;
  if (wasWordAfter !== isWordChar(text[end])) score *= 0.5;
  return score;
}

function lastChar(s: string): string | undefined {
  return s.length ? s[s.length - 1] : undefined;
}

/** Dice coefficient over character trigrams; two empty contexts (both at the text's edge) agree. */
export function similarity(a: string, b: string): number {
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
    const toNorm = new Int32Array(norm.length + 1);
    const parts: string[] = [];
    let n = 0;
    let runStart = -1;
    for (let i = 0; i < norm.length; i++) {
      if (isSpace(norm.charCodeAt(i))) {
        if (runStart < 0) {
          runStart = i;
          toNorm[n++] = i;
          parts.push(' ');
        }
        continue;
      }
      runStart = -1;
      toNorm[n++] = i;
      parts.push(norm[i]);
    }
    toNorm[n] = norm.length;
    this.flat = parts.join('');
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
    for (let at = this.flat.indexOf(q); at >= 0 && list.length < MAX_CANDIDATES; at = this.flat.indexOf(q, at + 1)) list.push(at);
    this.found.set(q, list);
    return list;
  }

  place(l: Label, predicted: number, taken: ReadonlySet<string>): [number, number] | undefined {
    const q = fold(l.text);
    if (!q) return undefined;
    const hits = this.occurrences(q);
    if (hits.length) return this.best(l, q, hits.map((h) => this.span(h, h + q.length)), predicted, taken);
    return this.byContext(l, q, predicted);
  }

  private best(l: Label, q: string, spans: Array<[number, number]>, predicted: number, taken: ReadonlySet<string>): [number, number] | undefined {
    let best: { span: [number, number]; score: number; ctx: number } | undefined;
    let second = -Infinity;
    for (const span of spans) {
      const ctx = contextAround(this.text, span[0], span[1]);
      const c = contextScore(l, ctx.before, ctx.after, this.text, span[0], span[1]);
      const near = 1 / (1 + Math.abs(span[0] - predicted) / 64);
      const score = c + 0.25 * near - (taken.has(`${span[0]}:${span[1]}`) ? 1 : 0);
      if (!best || score > best.score) {
        if (best) second = best.score;
        best = { span, score, ctx: c };
      } else if (score > second) second = score;
    }
    if (!best) return undefined;
    const unique = spans.length === 1 && q.length >= UNIQUE_QUOTE_CHARS;
    const atPrediction = best.span[0] === predicted && best.ctx > 0;
    // Some of the context left, and well ahead of every other occurrence.
    const clearWinner = best.ctx >= MIN_CONTEXT / 2 && best.score - second >= 0.25;
    return best.ctx >= MIN_CONTEXT || unique || atPrediction || clearWinner ? best.span : undefined;
  }

  /**
   * The quote itself was edited: look for the remembered context with a short stretch between
   * its two sides that still resembles the quote. Figures and dates must keep their digits, so
   * "150" is never carried onto "160".
   */
  private byContext(l: Label, q: string, predicted: number): [number, number] | undefined {
    const left = tail(fold(l.before), 12);
    const right = fold(l.after).slice(0, 12).trim();
    if (left.length < 4 || right.length < 4) return undefined;
    const digits = q.replace(/\D/g, '');
    let best: { span: [number, number]; dist: number } | undefined;
    for (let at = this.flat.indexOf(left), n = 0; at >= 0 && n < MAX_CANDIDATES; at = this.flat.indexOf(left, at + 1), n++) {
      const from = at + left.length;
      const stop = this.flat.indexOf(right, from);
      if (stop < 0) break;
      if (stop - from > 2 * q.length + 10) continue;
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
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function tail(s: string, n: number): string {
  return s.slice(Math.max(0, s.length - n)).trim();
}
