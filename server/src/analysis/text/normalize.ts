// The normalised shadow of a text. Arabic news spells the same word many ways (alef forms, ta
// marbuta, Persian yeh and keheh from scraping, tatweel, diacritics, two digit systems), so the
// engine matches on a shadow where each of these is folded to one form, and keeps a map from every
// shadow character back to the UTF-16 offset it came from in the original text.

import type { ShadowWords } from './wordCache';

const DROP = -1;

/** The shadow form of one UTF-16 code unit: a string of 0, 1 or 2 characters. */
function foldUnit(c: number): string | typeof DROP | null {
  // Diacritics (harakat, shadda, sukun, superscript alef), Quranic marks, tatweel.
  if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640) return DROP;
  // Zero-width and directional marks carry no letters.
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x200e || c === 0x200f || c === 0x061c || c === 0xfeff) return DROP;
  if (c === 0x2066 || c === 0x2067 || c === 0x2068 || c === 0x2069 || (c >= 0x202a && c <= 0x202e)) return DROP;
  switch (c) {
    case 0x0623:
    case 0x0625:
    case 0x0622:
    case 0x0671:
    case 0x0672:
    case 0x0673:
      return 'ا';
    case 0x0649:
    case 0x06cc:
    case 0x06d2:
    case 0x064a:
      return 'ي';
    case 0x0629:
    case 0x06be:
    case 0x06c1:
    case 0x06d5:
    case 0x06c0:
      return 'ه';
    case 0x06a9:
    case 0x06aa:
      return 'ك';
    case 0x0624:
    case 0x0626:
      return 'ء';
    case 0x060c:
    case 0x066b:
      return ','; // Arabic comma; U+066B is the decimal separator, folded below
    case 0x061b:
      return ';';
    case 0x061f:
      return '?';
    case 0x066c:
      return ','; // Arabic thousands separator
    case 0x066a:
      return '%';
    case 0x00a0:
    case 0x2007:
    case 0x202f:
    case 0x2009:
    case 0x200a:
    case 0x3000:
      return ' ';
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x00ab:
    case 0x00bb:
    case 0x2033:
      return '"';
    case 0x2018:
    case 0x2019:
    case 0x201a:
      return "'";
    case 0x2013:
    case 0x2014:
    case 0x2212:
      return '-';
  }
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(48 + c - 0x0660);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(48 + c - 0x06f0);
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  // Presentation forms (scraped PDFs): decompose to the base letters, then fold those.
  if ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) {
    const base = String.fromCharCode(c).normalize('NFKC');
    // Some code points in these blocks have no decomposition; they stay as they are.
    if (base.length === 1 && base.charCodeAt(0) === c) return null;
    let out = '';
    for (let i = 0; i < base.length; i++) {
      const f = foldUnit(base.charCodeAt(i));
      if (f === DROP) continue;
      out += f === null ? base[i] : f;
    }
    return out;
  }
  return null;
}

/** A decimal separator "٫" between digits is a point, elsewhere it stays a comma. */
function isDigitUnit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

/** The code one unit folds to, for the units that fold to at most one unit. */
const SAME = -1;
const DROPPED = -2;
/** Folds to 0 or 2+ units, or needs its neighbours (U+066B): taken the slow way. */
const SLOW = -3;
const UNKNOWN = -4;

/** foldUnit as a code per unit, filled on first sight of each unit: the shadow is built from codes. */
const table = new Int32Array(0x10000).fill(UNKNOWN);

function codeOf(c: number): number {
  const f = foldUnit(c);
  if (c === 0x066b) return SLOW;
  if (f === DROP) return DROPPED;
  if (f === null) return SAME;
  return f.length === 1 ? f.charCodeAt(0) : SLOW;
}

/** The folded form of one unit at `i` of `text` that takes the slow way: '' when dropped. */
function slowFold(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c === 0x066b) return i > 0 && i + 1 < text.length && isDigitUnit(text.charCodeAt(i - 1)) && isDigitUnit(text.charCodeAt(i + 1)) ? '.' : ',';
  const f = foldUnit(c);
  return f === DROP ? '' : f === null ? text[i] : f;
}

/** Strings are built from code buffers in slices, below the engine's argument limit. */
const SLICE = 8192;

/** Decodes a buffer with no surrogates far faster than fromCharCode; it would replace lone ones. */
const utf16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;

function stringOf(codes: Uint16Array, n: number, surrogates: boolean): string {
  if (!surrogates && utf16 && n > 64) return utf16.decode(codes.subarray(0, n));
  if (n <= SLICE) return String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
  const parts: string[] = [];
  for (let k = 0; k < n; k += SLICE) parts.push(String.fromCharCode.apply(null, codes.subarray(k, Math.min(n, k + SLICE)) as unknown as number[]));
  return parts.join('');
}

/**
 * Folds `text` unit by unit into a code buffer; with `map`, also records for each shadow unit the
 * offset of the original unit it came from. One pass, no string per character.
 */
function foldCodes(text: string, map: boolean): { norm: string; from: Int32Array | null } {
  const len = text.length;
  let codes: Uint16Array = new Uint16Array(len + 8);
  let from: Int32Array | null = map ? new Int32Array(len + 9) : null;
  let n = 0;
  let changed = false;
  let surrogates = false;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    let f = table[c];
    if (f === UNKNOWN) f = table[c] = codeOf(c);
    if (f === SAME || f >= 0) {
      if (n >= codes.length) ({ codes, from } = grow(codes, from));
      if (f >= 0) changed = true;
      else if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
      codes[n] = f >= 0 ? f : c;
      if (from) from[n] = i;
      n++;
      continue;
    }
    changed = true;
    if (f === DROPPED) continue;
    const s = slowFold(text, i);
    for (let k = 0; k < s.length; k++) {
      const u = s.charCodeAt(k);
      if (u >= 0xd800 && u <= 0xdfff) surrogates = true;
      if (n >= codes.length) ({ codes, from } = grow(codes, from));
      codes[n] = u;
      if (from) from[n] = i;
      n++;
    }
  }
  const norm = changed ? stringOf(codes, n, surrogates) : text;
  // `from` always has one slot more than `codes`: the end of the text.
  if (from) from[n] = len;
  return { norm, from };
}

function grow(codes: Uint16Array, from: Int32Array | null): { codes: Uint16Array; from: Int32Array | null } {
  const c = new Uint16Array(codes.length * 2 + 16);
  c.set(codes);
  let f = from;
  if (from) {
    f = new Int32Array(c.length + 1);
    f.set(from);
  }
  return { codes: c, from: f };
}

export class Shadow {
  /** The folded text the matchers read. */
  readonly norm: string;
  /** For each shadow character, the offset of the original code unit it came from. */
  private readonly from: Int32Array;
  /** The words its first tokeniser met, for the others (wordCache.WordReader). */
  words: ShadowWords | undefined = undefined;
  /** The actor recogniser's words (actorWords.wordsOf): they do not depend on the lexicon, so a
   *  second actor search over the same shadow, after the lexicon learnt names, reuses them. */
  actorWords: unknown = undefined;

  constructor(readonly text: string) {
    const { norm, from } = foldCodes(text, true);
    this.norm = norm;
    this.from = from as Int32Array;
  }

  /** Original offset of the shadow character at `i` (or the text's end for i = norm.length). */
  startOf(i: number): number {
    return i >= this.norm.length ? this.text.length : this.from[i];
  }

  /** Original end offset (exclusive) of a shadow span ending before `j`; it takes in the
   *  diacritics written on its last letter, which the shadow dropped. */
  endOf(j: number): number {
    if (j <= 0 || this.norm.length === 0) return 0;
    const last = this.from[Math.min(j, this.norm.length) - 1];
    let e = last + 1 + surrogateTail(this.text, last);
    while (e < this.text.length && isMark(this.text.charCodeAt(e))) e++;
    return e;
  }

  /** Original [start, end) of the shadow span [i, j). */
  span(i: number, j: number): [number, number] {
    const start = this.startOf(i);
    return [start, Math.max(start, this.endOf(j))];
  }
}

function surrogateTail(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 1 : 0;
}

function isMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670;
}

/** Folds a lexicon entry or a query the same way as document text. */
export function fold(s: string): string {
  const f = foldText(s);
  return UNTIDY_SPACE.test(f) ? f.replace(/\s+/g, ' ').trim() : f;
}

/** Spaces that fold() makes single and trims: a run, one that is not " ", or one at an end. */
const UNTIDY_SPACE = /\s\s|[^\S ]|^\s|\s$/;

/** The shadow text of `s` without the offset map: for matching a phrase, not for reporting it. */
function foldText(s: string): string {
  // Most words and quotations fold to themselves: found without allocating anything.
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let f = table[c];
    if (f === UNKNOWN) f = table[c] = codeOf(c);
    if (f !== SAME) break;
  }
  if (i === s.length) return s;
  if (s.length > 64) return foldCodes(s, false).norm;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let f = table[c];
    if (f === UNKNOWN) f = table[c] = codeOf(c);
    if (f === SAME) out += s[i];
    else if (f >= 0) out += String.fromCharCode(f);
    else if (f !== DROPPED) out += slowFold(s, i);
  }
  return out;
}

/** A letter or digit of any script: what a word is made of. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
