// Splits the shadow text into words, numbers and marks for the date recognisers. Dates are short
// token patterns ("25 يناير/ كانون الثاني الماضي"), and matching tokens against folded word
// tables is linear in the text, where one regular expression with every month spelling would be
// slow and fragile. Offsets are shadow offsets; the caller maps them with `shadow.span`.

import { WordReader, type HasWords, type Lexeme } from '../text/wordCache';

/** w: a word, n: a run of ASCII digits (the shadow folds Arabic digits), m: one mark. */
export type Kind = 'w' | 'n' | 'm';

export interface Token {
  t: string;
  k: Kind;
  s: number;
  e: number;
  /** Whitespace precedes it ("2024م" and "12th" have none between their parts). */
  sp: boolean;
  /** What the recognisers know of the word (datePhrases.dateWord): set by tokenize when given the
   *  shadow, else found on first use. Always present, so that every token has the same shape. */
  d: DateWord | undefined;
}

/** A word's forms under its possible clitics, and answers the recognisers keep about it. */
export interface DateWord {
  readonly forms: Array<[string, number]>;
  /** Whether a date expression may start at the word: 1, 0, or -1 until asked (dateScan.ts). */
  trigger: number;
  /** Whether the word may start a signature cue: 1, 0, or -1 until asked (dateline.ts). */
  cue: number;
  /** Whether the word is a caption word ("صورة") behind any clitics: 1, 0, or -1 until asked (dateline.ts). */
  caption: number;
}

/** One-letter conjunctions and prepositions that attach to the next word. */
const CLITICS = ['و', 'ف', 'ب', 'ل', 'ك'];

/** The forms a word may have under its clitics, with how many letters were stripped. */
function cliticForms(word: string): Array<[string, number]> {
  const out: Array<[string, number]> = [[word, 0]];
  let rest = word;
  let cut = 0;
  // At most two clitics ("وب", "فل"); the stem must keep at least two letters ("وفي" → "في").
  for (let k = 0; k < 2 && rest.length >= 3; k++) {
    const c = rest[0];
    if (!CLITICS.includes(c)) break;
    if (k === 1 && (c === 'و' || c === 'ف')) break; // و and ف come first
    // ل before the article drops its alef: ل + الأسبوع = للأسبوع.
    if ((c === 'ل' || c === 'ب' || c === 'ك') && rest.startsWith('لل')) {
      out.push(['ا' + rest.slice(1), cut]);
    }
    rest = rest.slice(1);
    cut++;
    out.push([rest, cut]);
  }
  return out;
}

/** What the date recognisers know of a word, kept on its lexeme. */
export function dateWordOf(lx: Lexeme): DateWord {
  return (lx.date as DateWord | undefined) ?? (lx.date = { forms: cliticForms(lx.word), trigger: -1, cue: -1, caption: -1 });
}

/**
 * Line breaks become a mark token "\n" so that no pattern runs across lines. */
export function tokenize(norm: string, shadow?: HasWords): Token[] {
  const reader = shadow && shadow.norm === norm ? new WordReader(shadow) : null;
  const out: Token[] = [];
  const n = norm.length;
  let i = 0;
  let sp = true;
  while (i < n) {
    const c = norm.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      const last = out[out.length - 1];
      if (!last || last.t !== '\n') out.push({ t: '\n', k: 'm', s: i, e: i + 1, sp, d: undefined });
      i++;
      sp = true;
      continue;
    }
    if (isSpace(c)) {
      i++;
      sp = true;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (i < n && isDigit(norm.charCodeAt(i))) i++;
      out.push({ t: norm.slice(start, i), k: 'n', s: start, e: i, sp, d: undefined });
    } else if (isLetter(norm, i)) {
      while (i < n && isLetter(norm, i)) i += norm.charCodeAt(i) >= 0xd800 && norm.charCodeAt(i) <= 0xdbff ? 2 : 1;
      i = Math.min(i, n);
      if (reader) {
        // The word's string and forms are shared by every token of the same text.
        const lx = reader.at(start, i);
        out.push({ t: lx.word, k: 'w', s: start, e: i, sp, d: dateWordOf(lx) });
      } else out.push({ t: norm.slice(start, i), k: 'w', s: start, e: i, sp, d: undefined });
    } else {
      i++;
      out.push({ t: norm[start], k: 'm', s: start, e: i, sp, d: undefined });
    }
    sp = false;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const OTHER_LETTER = /\p{L}/u;

function isLetter(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff)) return true;
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x0600 && c <= 0x06ff) return false; // Arabic punctuation, digits and signs
  if (c >= 0xd800 && c <= 0xdbff) {
    const lo = s.charCodeAt(i + 1);
    return lo >= 0xdc00 && lo <= 0xdfff && OTHER_LETTER.test(s.slice(i, i + 2));
  }
  if (c >= 0xdc00 && c <= 0xdfff) return false;
  return OTHER_LETTER.test(s[i]);
}

/** The words of a folded lexicon entry ("تشرين الاول" → two words, "أ.ف.ب" → a ف b with marks). */
export function entryTokens(folded: string): string[] {
  return tokenize(folded).map((t) => t.t);
}
