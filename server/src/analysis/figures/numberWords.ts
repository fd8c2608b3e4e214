// Reads a number at a token: digits ("2,500", "٢٫٥ مليون"), number words with their compounds
// ("ثلاثة وعشرون", "ألفين وخمسمئة", "مئة وخمسون ألفاً") and vague amounts ("عشرات", "بضعة آلاف",
// "مئات الآلاف"). Ordinals are not in the lexicon, so "الثالث" or "الخامسة" never read as numbers.
import numberWords from '../lexicons/number-words.yaml';
import hedges from '../lexicons/hedges.yaml';
import { fold } from '../text/normalize';
import { asRecord, foldList, formsOf, type Token } from './tokens';
import type { Interval } from '../types';

/** Kinds of number words: unit 1–10, first word of 11/12, second word of 11–19, tens, hundreds,
 *  a scale word alone (one), its dual (two), its plural, a fraction, a vague amount. */
type Cls = 'U' | 'T1' | 'TT' | 'TEN' | 'H' | 'S1' | 'S2' | 'SP' | 'F' | 'V';

interface Lex {
  cls: Cls;
  v: number;
  /** Vague amounts: the interval. */
  min?: number;
  max?: number;
}

const LEX = new Map<string, Lex[]>();
const TEEN_TENS = new Set<string>();
const HUNDRED_WORDS = new Set<string>();

function add(word: string, lex: Lex): void {
  const w = fold(word);
  if (!w) return;
  const list = LEX.get(w) ?? [];
  list.push(lex);
  LEX.set(w, list);
}

function numericKeys(x: unknown): Array<[number, string[]]> {
  return Object.entries(asRecord(x))
    .map(([k, v]) => [Number(k), foldList(v)] as [number, string[]])
    .filter(([k]) => Number.isFinite(k));
}

(function load() {
  const nw = asRecord(numberWords);
  for (const [v, words] of numericKeys(nw.units)) for (const w of words) add(w, { cls: 'U', v });
  for (const [v, words] of numericKeys(nw.teenUnits)) for (const w of words) add(w, { cls: 'T1', v });
  for (const w of foldList(nw.teenTens)) TEEN_TENS.add(w);
  for (const [v, words] of numericKeys(nw.tens)) for (const w of words) add(w, { cls: 'TEN', v });
  for (const [v, words] of numericKeys(nw.hundreds)) for (const w of words) add(w, { cls: 'H', v });
  const hundredWords = foldList(nw.hundredWords);
  for (const w of hundredWords) HUNDRED_WORDS.add(w);
  for (const [v, stems] of numericKeys(nw.hundredStems)) for (const s of stems) for (const h of hundredWords) add(s + h, { cls: 'H', v: v * 100 });
  for (const [scale, forms] of Object.entries(asRecord(nw.scales))) {
    const s = Number(scale);
    if (!Number.isFinite(s)) continue;
    const f = asRecord(forms);
    for (const w of foldList(f.one)) add(w, { cls: 'S1', v: s });
    for (const w of foldList(f.two)) add(w, { cls: 'S2', v: s });
    for (const w of foldList(f.plural)) add(w, { cls: 'SP', v: s });
  }
  for (const [v, words] of numericKeys(nw.fractions)) for (const w of words) add(w, { cls: 'F', v });
  for (const [word, range] of Object.entries(asRecord(asRecord(hedges).vague))) {
    if (Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number') add(word, { cls: 'V', v: range[0], min: range[0], max: range[1] });
  }
})();

function lexOf(word: string, cls: Cls): Lex | undefined {
  const list = LEX.get(word);
  return list?.find((l) => l.cls === cls);
}

/** What a number phrase says. */
export interface NumberRead {
  /** Tokens [start, end). */
  start: number;
  end: number;
  value: Interval;
  /** An amount word with no exact value (عشرات، مئات، بضعة). */
  vague: boolean;
  /** Written (at least partly) in words. */
  words: boolean;
  /** The first word carries the article ("الثلاثة", "العشرات", "الـ22"). */
  def: boolean;
  /** Shadow characters of clitics (و، ب …) to leave out of the span at the start. */
  trim: number;
  /** A single token of digits, when that is all the number is. */
  digits?: Token;
  /** How it was read, for hovers. */
  how: string;
}

interface Atom {
  v: number;
  cls: Cls | 'D' | 'TEEN';
  end: number;
}

/** The stem of a token joined to the number before it by "و" ("وعشرون", "و200"). */
function joinedAt(toks: readonly Token[], i: number): { tok: Token; w: string | null; at: number } | null {
  const t = toks[i];
  if (!t) return null;
  if (t.kind === 'word' && t.text === 'و') {
    const u = toks[i + 1];
    if (u && u.kind === 'num' && u.pre === '') return { tok: u, w: null, at: i + 1 };
    if (u && u.kind === 'word') return { tok: u, w: u.text, at: i + 1 };
    return null;
  }
  if (t.kind === 'num' && t.pre === 'و') return { tok: t, w: null, at: i };
  if (t.kind === 'word' && t.text.length > 2 && t.text[0] === 'و') return { tok: t, w: t.text.slice(1), at: i };
  return null;
}

/** One number word or digit run below the scale words, with the teen and "ثلاث مئة" forms. */
function atomOf(toks: readonly Token[], i: number, word: string | null): Atom | null {
  const t = toks[i];
  if (word === null) return t.kind === 'num' ? { v: t.num, cls: 'D', end: i + 1 } : null;
  const next = toks[i + 1];
  const nextWord = next && next.kind === 'word' ? next.text : '';
  const t1 = lexOf(word, 'T1');
  if (t1 && TEEN_TENS.has(nextWord)) return { v: 10 + t1.v, cls: 'TEEN', end: i + 2 };
  const u = lexOf(word, 'U');
  if (u) {
    if (u.v >= 3 && u.v <= 9 && TEEN_TENS.has(nextWord)) return { v: 10 + u.v, cls: 'TEEN', end: i + 2 };
    if (u.v >= 3 && u.v <= 9 && HUNDRED_WORDS.has(nextWord)) return { v: u.v * 100, cls: 'H', end: i + 2 };
    return { v: u.v, cls: 'U', end: i + 1 };
  }
  const ten = lexOf(word, 'TEN');
  if (ten) return { v: ten.v, cls: 'TEN', end: i + 1 };
  const h = lexOf(word, 'H');
  if (h) return { v: h.v, cls: 'H', end: i + 1 };
  return null;
}

/** The largest power of ten that divides n (the place a following "و…" must fit under). */
function lowestPlace(n: number): number {
  if (!Number.isInteger(n) || n <= 0) return 1;
  let p = 1;
  while (n % (p * 10) === 0 && p < 1e12) p *= 10;
  return p;
}

/** A number below the scale words: "ثلاثمئة وخمسة وعشرون", "خمسة عشر", "2500". */
function readSub(toks: readonly Token[], first: Atom): { v: number; end: number } {
  let acc = first.v;
  let last = first.v;
  let end = first.end;
  // Digits are never joined to what follows by "و": "بين 100 و50" is two numbers.
  while (first.cls !== 'D') {
    const j = joinedAt(toks, end);
    if (!j) break;
    const a = atomOf(toks, j.at, j.w);
    if (!a || a.cls === 'D' || a.v >= 1000 || acc >= 1000) break;
    // "مئة وخمسون": the part joined fits under the last place; "ثلاثة وعشرون": Arabic says the
    // unit before the ten.
    const fits = a.v < lowestPlace(acc);
    const unitThenTen = last >= 1 && last <= 9 && a.cls === 'TEN' && acc % 100 < 10;
    if (!fits && !unitThenTen) break;
    acc += a.v;
    last = a.v;
    end = a.end;
  }
  return { v: acc, end };
}

/** A scale word at token i written without clitics ("آلاف", "ألف", "مليون"); the article is allowed
 *  after a vague amount ("عشرات الآلاف"). */
function scaleAt(toks: readonly Token[], i: number, allowArticle: boolean): Lex | null {
  const t = toks[i];
  if (!t || t.kind !== 'word') return null;
  for (const f of formsOf(t)) {
    if (f.pre !== '' && !(allowArticle && f.pre === 'ال')) continue;
    const list = LEX.get(f.w);
    const s = list?.find((l) => l.cls === 'S1' || l.cls === 'SP');
    if (s) return s;
  }
  return null;
}

/** An exact number, with its scale and the smaller parts joined by "و". */
function readCompound(toks: readonly Token[], i: number, word: string | null, limit: number): { v: number; end: number; words: boolean } | null {
  const t = toks[i];
  let v: number;
  let end: number;
  let level: number;
  let words = t.kind === 'word';
  const atom = atomOf(toks, i, word);
  if (atom) {
    const sub = readSub(toks, atom);
    const s = scaleAt(toks, sub.end, false);
    if (s && s.v < limit && s.v >= 1000 && sub.v > 0) {
      v = sub.v * s.v;
      level = s.v;
      end = sub.end + 1;
      words = true;
    } else {
      v = sub.v;
      level = atom.cls === 'D' ? 1 : lowestPlace(sub.v);
      end = sub.end;
    }
  } else if (word !== null) {
    const list = LEX.get(word) ?? [];
    const s1 = list.find((l) => l.cls === 'S1' && l.v >= 1000);
    const s2 = list.find((l) => l.cls === 'S2');
    const fr = list.find((l) => l.cls === 'F');
    if (s1 && s1.v < limit) {
      v = s1.v;
      level = s1.v;
      end = i + 1;
    } else if (s2 && s2.v < limit) {
      v = 2 * s2.v;
      level = s2.v;
      end = i + 1;
    } else if (fr) {
      const s = scaleAt(toks, i + 1, false);
      if (!s || s.cls !== 'S1' || s.v < 1000 || s.v >= limit) return null;
      v = fr.v * s.v;
      level = s.v;
      end = i + 2;
    } else return null;
  } else return null;
  // Smaller groups joined by "و": "ألفين وخمسمئة", "مليون و200 ألف"; and "مليون ونصف (المليون)".
  while (level >= 1000) {
    const j = joinedAt(toks, end);
    if (!j) break;
    if (j.w !== null && lexOf(j.w, 'F')?.v === 0.5 && v % level === 0) {
      v += level / 2;
      end = j.at + 1;
      const again = scaleAt(toks, end, true);
      if (again && again.v === level) end++;
      break;
    }
    const more = readCompound(toks, j.at, j.w, level);
    if (!more || more.v >= level || more.v <= 0) break;
    v += more.v;
    level = lowestPlace(more.v);
    end = more.end;
    words = words || more.words;
  }
  return { v, end, words };
}

/** A vague amount, multiplied out by a following scale word: "عشرات الآلاف" = [20000, 99999]. */
function readVague(toks: readonly Token[], i: number, word: string): { min: number; max: number; end: number; how: string } | null {
  const list = LEX.get(word) ?? [];
  let min: number;
  let max: number;
  const v = list.find((l) => l.cls === 'V');
  const sp = list.find((l) => l.cls === 'SP');
  if (v && v.min !== undefined && v.max !== undefined) {
    min = v.min;
    max = v.max;
  } else if (sp) {
    min = 2 * sp.v;
    max = 10 * sp.v - 1;
  } else return null;
  let end = i + 1;
  const s = scaleAt(toks, end, true);
  if (s && s.v >= 100 && s.v > max / 10) {
    const scaleMin = min * s.v;
    const scaleMax = (max + 1) * s.v - 1;
    min = scaleMin;
    max = scaleMax;
    end++;
    // "عشرات الآلاف من الملايين": thousands of millions, a second, larger scale after "من" with
    // the article multiplies again (read alone, it was taken for 20,000–99,999).
    const then = toks[end]?.kind === 'word' && toks[end].text === 'من' ? scaleAt(toks, end + 1, true) : null;
    if (then && then.v > s.v && then.v >= 1000 && toks[end + 1].text.startsWith('ال')) {
      min *= then.v;
      max = (max + 1) * then.v - 1;
      end += 2;
    }
  }
  return { min, max, end, how: `vague amount [${min}, ${max}]` };
}

/** Clitic letters before the stem of a form, except the article (which stays in the span). */
function trimOf(pre: string): number {
  return pre.endsWith('ال') ? pre.length - 2 : pre.length;
}

/** The number phrase starting at token i, if any. */
export function readNumber(toks: readonly Token[], i: number): NumberRead | null {
  const t = toks[i];
  if (!t) return null;
  if (t.kind === 'num') {
    const c = readCompound(toks, i, null, Infinity);
    if (!c) return null;
    const single = c.end === i + 1;
    return {
      start: i,
      end: c.end,
      value: { min: c.v, max: c.v },
      vague: false,
      words: c.words,
      def: t.pre.includes('ال'),
      trim: t.pre.length,
      digits: single ? t : undefined,
      how: single ? 'digits' : 'digits with a scale word',
    };
  }
  if (t.kind !== 'word') return null;
  for (const f of formsOf(t)) {
    if (!LEX.has(f.w)) continue;
    const c = readCompound(toks, i, f.w, Infinity);
    if (c) {
      return { start: i, end: c.end, value: { min: c.v, max: c.v }, vague: false, words: true, def: f.def, trim: trimOf(f.pre), how: 'number words' };
    }
    const vg = readVague(toks, i, f.w);
    if (vg) return { start: i, end: vg.end, value: { min: vg.min, max: vg.max }, vague: true, words: true, def: f.def, trim: trimOf(f.pre), how: vg.how };
  }
  return null;
}

/** True for a word that is a number word of any kind (used to keep counted nouns apart). */
export function isNumberWord(word: string): boolean {
  return LEX.has(word);
}
