// The text of one line as the boilerplate rules compare it: folded, without the punctuation,
// symbols and spaces at its edges, with each run of spaces made one space, and cut into words
// (runs of letters and digits). It is what `raw.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu,
// '').replace(/\s+/g, ' ')` and `.match(/[\p{L}\p{N}]+/gu)` give, computed in one pass over
// character classes, because those three regular expressions on every line of every document
// were the largest cost of finding boilerplate.

/** \s: a space or line break. */
const SPACE = 1;
/** \p{P} or \p{S}: punctuation or a symbol. */
const MARK = 2;
/** \p{L} or \p{N}: part of a word. */
const WORD = 4;
const UNKNOWN = 0xff;

const IS_SPACE = /^\s$/u;
const IS_MARK = /^[\p{P}\p{S}]$/u;
const IS_WORD = /^[\p{L}\p{N}]$/u;

function classOf(ch: string): number {
  return (IS_SPACE.test(ch) ? SPACE : 0) | (IS_MARK.test(ch) ? MARK : 0) | (IS_WORD.test(ch) ? WORD : 0);
}

/** Classes of the UTF-16 units that are whole characters, filled on first sight. */
const unitClass = new Uint8Array(0x10000).fill(UNKNOWN);
/** Classes of astral characters (surrogate pairs), by code point. */
const astralClass = new Map<number, number>();

/**
 * The class of the character at i (shifted left by one) and, in the low bit, whether it is one
 * unit (else a surrogate pair). A lone surrogate is a character of no class, as the regular
 * expressions with the u flag read it.
 */
function charAt(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    let k = unitClass[c];
    if (k === UNKNOWN) k = unitClass[c] = classOf(String.fromCharCode(c));
    return (k << 1) | 1;
  }
  if (c <= 0xdbff && i + 1 < end) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      let k = astralClass.get(cp);
      if (k === undefined) astralClass.set(cp, (k = classOf(String.fromCodePoint(cp))));
      return k << 1; // low bit clear: two units
    }
  }
  return 1; // no class, one unit
}

export interface LineText {
  /** The line without edge punctuation and spaces, spaces made single. */
  text: string;
  words: string[];
}

/** The compared text and the words of s[start, end). */
export function lineText(s: string, start: number, end: number): LineText {
  const bounds: number[] = [];
  const text = lineWords(s, start, end, bounds);
  const words: string[] = [];
  for (let k = 0; k < bounds.length; k += 2) words.push(s.slice(bounds[k], bounds[k + 1]));
  return { text, words };
}

/**
 * lineText with the words as offsets into s (start, end, start, end …), pushed onto `bounds`: the
 * boilerplate rules mostly count words, and look at few of them, so no string is made for the
 * others, and one array holds the words of every line (an array per line weighed more than the
 * text of a page of short lines). Returns the line's text.
 */
export function lineWords(s: string, start: number, end: number, bounds: number[]): string {
  // Edges: whole characters of space, punctuation or symbol classes.
  let a = start;
  while (a < end) {
    const x = charAt(s, a, end);
    if (!((x >> 1) & (SPACE | MARK))) break;
    a += x & 1 ? 1 : 2;
  }
  let b = end;
  while (b > a) {
    // The character ending at b: a pair when b - 1 is a low surrogate after a high one.
    const lo = s.charCodeAt(b - 1);
    const at = lo >= 0xdc00 && lo <= 0xdfff && b - 2 >= a && isHigh(s.charCodeAt(b - 2)) ? b - 2 : b - 1;
    const x = charAt(s, at, end);
    if (!((x >> 1) & (SPACE | MARK))) break;
    b = at;
  }
  // Runs of spaces become one space; words are runs of word characters.
  let text = '';
  let from = a;
  let wordStart = -1;
  for (let i = a; i < b;) {
    const x = charAt(s, i, end);
    const cls = x >> 1;
    const len = x & 1 ? 1 : 2;
    if (cls & SPACE) {
      if (wordStart >= 0) bounds.push(wordStart, i);
      wordStart = -1;
      // Spaces are all single units.
      let j = i + 1;
      while (j < b && (charAt(s, j, end) >> 1) & SPACE) j++;
      if (j - i !== 1 || s.charCodeAt(i) !== 0x20) {
        text += s.slice(from, i) + ' ';
        from = j;
      }
      i = j;
      continue;
    }
    if (cls & WORD) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      bounds.push(wordStart, i);
      wordStart = -1;
    }
    i += len;
  }
  if (wordStart >= 0) bounds.push(wordStart, b);
  return from === a ? s.slice(a, b) : text + s.slice(from, b);
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** True when the text has a character that is not a space: `s.trim() !== ''`. */
export function hasNonSpace(s: string, start: number, end: number): boolean {
  for (let i = start; i < end;) {
    const x = charAt(s, i, end);
    if (!((x >> 1) & SPACE)) return true;
    i += x & 1 ? 1 : 2;
  }
  return false;
}
