// How a figure's interval is read for comparison: its label for people ("dozens (20–99)",
// "more than 150") and its fuzzy edges. The extractor gives the interval; the figure's own words
// say how loosely it was meant, and so how far its edges may stretch (lexicons/claim-values.yaml).
import data from '../lexicons/claim-values.yaml';
import { fold } from '../text/normalize';
import type { Interval } from '../types';

export type Hedge = 'more' | 'atLeast' | 'less' | 'atMost' | 'about';

export interface ValueReading {
  /** The interval as stated; `hi` is Infinity when the top is open. */
  lo: number;
  hi: number;
  /** The edges used for comparison, stretched by how loose the wording is. */
  loF: number;
  hiF: number;
  /** For messages: "dozens (20–99)", "more than 150", "about 2500 (2250–2750)", "3". */
  label: string;
  /** For one-line summaries: "dozens", "150+", "~2500", "3". */
  short: string;
}

interface Cues {
  vague: Map<string, string>;
  /** Each with its words padded as looked for, bare and after "و" (made once, not per figure). */
  hedges: Array<{ hedge: Hedge; words: string; bare: string; withWaw: string }>;
  fuzz: { vague: number; hedge: number; about: number; round: number };
}

const cues: Cues = loadCues();

function loadCues(): Cues {
  const root = (data ?? {}) as { vague?: unknown; hedges?: unknown; fuzz?: unknown };
  const vague = new Map<string, string>();
  for (const [label, words] of entries(root.vague)) for (const w of list(words)) vague.set(fold(w), label);
  const hedges: Cues['hedges'] = [];
  for (const [hedge, words] of entries(root.hedges)) {
    if (hedge !== 'more' && hedge !== 'atLeast' && hedge !== 'less' && hedge !== 'atMost' && hedge !== 'about') continue;
    for (const w of list(words)) hedges.push({ hedge, words: fold(w), bare: ` ${fold(w)} `, withWaw: ` و${fold(w)} ` });
  }
  // Longer phrases first, so "ما لا يقل عن" is not read as "يقل عن".
  hedges.sort((a, b) => b.words.length - a.words.length);
  const f = (root.fuzz ?? {}) as Record<string, unknown>;
  const num = (v: unknown, d: number): number => (typeof v === 'number' && v >= 0 && v < 1 ? v : d);
  return { vague, hedges, fuzz: { vague: num(f.vague, 0.25), hedge: num(f.hedge, 0.05), about: num(f.about, 0.1), round: num(f.round, 0.05) } };
}

function entries(v: unknown): Array<[string, unknown]> {
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v as Record<string, unknown>) : [];
}

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const CLITIC = /^[وفبل]/;

function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function vagueWord(tokens: string[]): string | null {
  for (const t of tokens) {
    const hit = cues.vague.get(t) ?? (CLITIC.test(t) ? cues.vague.get(t.slice(1)) : undefined);
    if (hit) return hit;
  }
  return null;
}

function hedgeOf(tokens: string[]): Hedge | null {
  const joined = ` ${tokens.join(' ')} `;
  for (const h of cues.hedges) {
    if (joined.includes(h.bare) || joined.includes(h.withWaw)) return h.hedge;
  }
  return null;
}

/** The first number written in digits in the folded surface ("أكثر من 150" → 150). */
function statedNumber(folded: string): number | null {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(folded);
  if (!m) return null;
  const n = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

function show(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

function range(lo: number, hi: number): string {
  if (hi === Infinity) return `${show(lo)}+`;
  return lo === hi ? show(lo) : `${show(lo)}–${show(hi)}`;
}

/**
 * The number as stated, at the interval's scale: "أكثر من 20 ألف" states 20 but means 20,000
 * (the interval holds 20,001+), so messages say "more than 20000", never "more than 20".
 */
function scaled(stated: number | null, lo: number, hi: number): number | null {
  if (stated === null || stated <= 0) return stated;
  const bound = lo > 0 ? lo : hi;
  if (!Number.isFinite(bound) || bound < stated * 500) return stated;
  let best = stated;
  for (const f of [1e3, 1e6, 1e9]) if (Math.abs(stated * f - bound) < Math.abs(best - bound)) best = stated * f;
  return best;
}

/**
 * Reads a figure's value with the words it was written in. Null when the value is not a usable
 * interval (no bounds, negative, inverted, not finite).
 */
export function readValue(value: Interval | string | undefined, surface: string): ValueReading | null {
  if (!value || typeof value !== 'object') return null;
  const { min, max } = value;
  if (min === null && max === null) return null;
  let lo = typeof min === 'number' ? min : 0;
  let hi = typeof max === 'number' ? max : Infinity;
  if (!Number.isFinite(lo) || Number.isNaN(hi) || lo < 0 || hi < lo) return null;

  // "أكثر من500": digits glued to the word before them by scraping are read apart.
  const folded = fold(surface).replace(/(\p{L})(\d)/gu, '$1 $2');
  const tokens = words(folded);
  // "أكثر من 4 آلاف": a scale word after digits is no vague amount.
  const vague = /\d/.test(folded) ? null : vagueWord(tokens);
  const hedge = vague ? null : hedgeOf(tokens);
  const stated = scaled(statedNumber(folded), lo, hi);
  const { fuzz } = cues;

  if (vague) {
    return { lo, hi, loF: lo * (1 - fuzz.vague), hiF: hi * (1 + fuzz.vague), label: `${vague} (${range(lo, hi)})`, short: vague };
  }
  if (hedge) {
    // A hedge the interval does not show (the extractor gave a point) is applied here.
    if (lo === hi) {
      if (hedge === 'about') {
        const d = lo * fuzz.about;
        lo = Math.max(0, lo - d);
        hi = hi + d;
      } else if (hedge === 'more' || hedge === 'atLeast') {
        if (hedge === 'more' && stated === lo) lo += 1;
        hi = Infinity;
      } else {
        if (hedge === 'less' && stated === hi) hi = Math.max(0, hi - 1);
        lo = 0;
      }
    }
    const loF = lo > 0 ? lo - Math.max(1, lo * fuzz.hedge) : 0;
    const hiF = hi === Infinity ? Infinity : hi + Math.max(1, hi * fuzz.hedge);
    const n = stated ?? (hedge === 'more' ? lo - 1 : hedge === 'less' ? hi + 1 : hedge === 'atLeast' ? lo : hedge === 'atMost' ? hi : (lo + hi) / 2);
    switch (hedge) {
      case 'more':
        return { lo, hi, loF, hiF, label: `more than ${show(n)}`, short: `${show(n)}+` };
      case 'atLeast':
        return { lo, hi, loF, hiF, label: `at least ${show(n)}`, short: `${show(n)}+` };
      case 'less':
        return { lo, hi, loF, hiF, label: `fewer than ${show(n)}`, short: `<${show(n)}` };
      case 'atMost':
        return { lo, hi, loF, hiF, label: `at most ${show(n)}`, short: `≤${show(n)}` };
      case 'about':
        return { lo, hi, loF, hiF, label: `about ${show(n)} (${range(lo, hi)})`, short: `~${show(n)}` };
    }
  }
  if (lo === hi) {
    // A plain round figure of a hundred or more is itself a rounding.
    const d = lo >= 100 && lo % 100 === 0 ? lo * fuzz.round : 0;
    return { lo, hi, loF: lo - d, hiF: hi + d, label: show(lo), short: show(lo) };
  }
  const loF = lo > 0 ? lo - Math.max(1, lo * fuzz.hedge) : 0;
  const hiF = hi === Infinity ? Infinity : hi + Math.max(1, hi * fuzz.hedge);
  const label = hi === Infinity ? `${show(lo)} or more` : lo === 0 ? `up to ${show(hi)}` : range(lo, hi);
  return { lo, hi, loF, hiF, label, short: range(lo, hi) };
}

/** True when the two fuzzy intervals cannot hold together. */
export function disjoint(a: ValueReading, b: ValueReading): boolean {
  return a.hiF < b.loF || b.hiF < a.loF;
}
