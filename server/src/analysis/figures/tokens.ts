// Tokens of the shadow text for the figure recogniser. Figures are phrases ("أكثر من 150 ضربة",
// "ألفين وخمسمئة جندي"), so the recogniser reads words and numbers rather than characters; one
// linear pass over the shadow makes them, and every later step looks at a few tokens around a hit.
import { fold } from '../text/normalize';
import { lexemeOf, WordReader, type HasWords } from '../text/wordCache';

export type TokenKind = 'word' | 'num' | 'punct' | 'break';

export interface Token {
  kind: TokenKind;
  /** Shadow offsets [s, e). */
  s: number;
  e: number;
  /** The shadow text of the token. */
  text: string;
  /** Numbers: the value written (2.5 for "2.5"); NaN otherwise. */
  num: number;
  /** Numbers: clitic letters glued before the digits ("و" in "و150", "بال" in "بالـ2500"). */
  pre: string;
  /** Numbers: the integer digits, without separators. */
  digits: string;
  /** Numbers: the digits after the decimal point ('' when none). */
  frac: string;
  /** Numbers: written with thousands separators ("2,500", "٢٬٥٠٠"). */
  grouped: boolean;
  /** Words: readings with clitics stripped, computed on first use (see formsOf). Present from
   *  the start (undefined), like `word`, so that every token has the same shape. */
  forms: Form[] | undefined;
  /** Words: what the figure finder knows of the word's text (see wordOf). */
  word: WordForms | undefined;
}

/** A word's readings, and whether a figure may start at it, shared by every token of the same text. */
export interface WordForms {
  readonly forms: Form[];
  /** Whether a figure may start at the word: 1 yes, 0 no, -1 not asked yet (quantities.ts). */
  figure: number;
  /** One bit per phrase set (PhraseSet.bit): whether the set was asked about the word, and whether
   *  some reading of the word begins one of its phrases. */
  asked: number;
  starts: number;
}

/** One reading of a word: the stem left after stripping clitics. */
export interface Form {
  w: string;
  /** The stripped clitics, in order ("و", "ب", "ال" …). */
  pre: string;
  /** The article was stripped. */
  def: boolean;
}

function isArabicLetterCode(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f);
}

const OTHER_LETTER = /\p{L}/u;
/** Whether a unit of another script is a letter: 1 yes, 0 no, 2 not asked yet. */
const otherLetters = new Uint8Array(0x10000).fill(2);

/** Takes the code alone: making the one-character string at every unit was most of tokenize's time. */
function isLetterCode(c: number): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
  if (c < 0x80) return false;
  if (isArabicLetterCode(c)) return true;
  // Surrogates and other scripts: letters of other scripts join words, anything else is punctuation.
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let k = otherLetters[c];
  if (k === 2) k = otherLetters[c] = OTHER_LETTER.test(String.fromCharCode(c)) ? 1 : 0;
  return k === 1;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Clitic letters that may be glued to digits in Arabic news ("و3", "بـ150", "الـ2500"). */
/** Words that bad scraping glues to the number after them (folded): split off, not clitics. */
const GLUED_WORDS = new Set(['من', 'الي', 'عن', 'في', 'نحو', 'حوالي', 'قرابه', 'بنحو', 'بحوالي', 'لنحو', 'اكثر', 'اقل']);
const DIGIT_CLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ولل', 'وب', 'ول', 'فب', 'فل', 'وبال', 'فبال']);

/** Reads a number written in digits at `p`: [end, digits, frac, grouped]. */
function scanDigits(norm: string, p: number): [number, string, string, boolean] {
  let q = p;
  while (q < norm.length && isDigitCode(norm.charCodeAt(q))) q++;
  let digits = norm.slice(p, q);
  let grouped = false;
  // Thousands groups: a comma followed by exactly three digits ("2,500", "1,250,000").
  while (
    q + 3 < norm.length + 1 &&
    norm[q] === ',' &&
    isDigitCode(norm.charCodeAt(q + 1)) &&
    isDigitCode(norm.charCodeAt(q + 2)) &&
    isDigitCode(norm.charCodeAt(q + 3)) &&
    !isDigitCode(norm.charCodeAt(q + 4))
  ) {
    digits += norm.slice(q + 1, q + 4);
    grouped = true;
    q += 4;
  }
  let frac = '';
  // "2,5 مليون": a comma before one or two digits, with no thousands groups, is a decimal comma.
  if (!grouped && norm[q] === ',' && isDigitCode(norm.charCodeAt(q + 1))) {
    let r = q + 1;
    while (r < norm.length && isDigitCode(norm.charCodeAt(r))) r++;
    if (r - q - 1 <= 2 && norm[r] !== ',' && norm[r] !== '.') {
      frac = norm.slice(q + 1, r);
      return [r, digits, frac, grouped];
    }
  }
  if (norm[q] === '.' && isDigitCode(norm.charCodeAt(q + 1))) {
    let r = q + 1;
    while (r < norm.length && isDigitCode(norm.charCodeAt(r))) r++;
    frac = norm.slice(q + 1, r);
    q = r;
  }
  return [q, digits, frac, grouped];
}

function makeToken(kind: TokenKind, s: number, e: number, text: string): Token {
  return { kind, s, e, text, num: NaN, pre: '', digits: '', frac: '', grouped: false, forms: undefined, word: undefined };
}

/**
 * Splits the shadow into words, numbers, punctuation marks and line breaks. Linear in its length.
 * Given the shadow, words another tokeniser met in it are not looked up again (WordReader).
 */
export function tokenize(norm: string, shadow?: HasWords): Token[] {
  const reader = shadow && shadow.norm === norm ? new WordReader(shadow) : null;
  const out: Token[] = [];
  let i = 0;
  const n = norm.length;
  while (i < n) {
    const c = norm.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      const last = out[out.length - 1];
      if (!last || last.kind !== 'break') out.push(makeToken('break', i, i + 1, '\n'));
      i++;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c) {
      i++;
      continue;
    }
    if (isDigitCode(c) || isLetterCode(c)) {
      // A run of letters and digits; it is a number when it is digits, possibly after clitics.
      let j = i;
      while (j < n && isLetterCode(norm.charCodeAt(j))) j++;
      if (j < n && isDigitCode(norm.charCodeAt(j)) && (j === i || DIGIT_CLITICS.has(norm.slice(i, j)))) {
        const [q, digits, frac, grouped] = scanDigits(norm, j);
        const next = q < n ? norm.charCodeAt(q) : 0;
        if (q >= n || !(isDigitCode(next) || isLetterCode(next))) {
          const t = makeToken('num', i, q, norm.slice(i, q));
          t.pre = norm.slice(i, j);
          t.digits = digits;
          t.frac = frac;
          t.grouped = grouped;
          t.num = Number(frac ? `${digits}.${frac}` : digits);
          out.push(t);
          i = q;
          continue;
        }
      }
      // A preposition or hedge glued to digits by careless scraping ("من500", "الى40"): two tokens.
      if (j > i && j < n && isDigitCode(norm.charCodeAt(j)) && GLUED_WORDS.has(norm.slice(i, j))) {
        const [q] = scanDigits(norm, j);
        const next = q < n ? norm.charCodeAt(q) : 0;
        if (q >= n || !(isDigitCode(next) || isLetterCode(next))) {
          out.push(makeToken('word', i, j, norm.slice(i, j)));
          i = j;
          continue;
        }
      }
      // Letters glued to digits ("12th", "xhhQ5", "F16") make one word, never a number.
      while (j < n && (isDigitCode(norm.charCodeAt(j)) || isLetterCode(norm.charCodeAt(j)))) j++;
      if (reader) {
        // The word's string and readings are shared by every token of the same text.
        const lx = reader.at(i, j);
        const t = makeToken('word', i, j, lx.word);
        t.word = (lx.figure as WordForms | undefined) ?? (lx.figure = makeWordForms(lx.word));
        out.push(t);
      } else out.push(makeToken('word', i, j, norm.slice(i, j)));
      i = j;
      continue;
    }
    // Keep surrogate pairs whole so that no token starts inside a character.
    const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    out.push(makeToken('punct', i, i + w, norm.slice(i, i + w)));
    i += w;
  }
  return out;
}

/** The readings of a word: as written, then without و/ف, ب/ل/ك and the article, in that order. */
export function formsOf(t: Token): Form[] {
  if (t.forms) return t.forms;
  if (t.kind !== 'word') return (t.forms = [{ w: t.text, pre: '', def: false }]);
  return (t.forms = wordOf(t).forms);
}

/** What is known of a word token's text; shared (callers must not change the forms). */
export function wordOf(t: Token): WordForms {
  if (t.word) return t.word;
  const lx = lexemeOf(t.text);
  return (t.word = (lx.figure as WordForms | undefined) ?? (lx.figure = makeWordForms(lx.word)));
}

function makeWordForms(w: string): WordForms {
  return { forms: wordForms(w), figure: -1, asked: 0, starts: 0 };
}

function wordForms(w: string): Form[] {
  const out: Form[] = [{ w, pre: '', def: false }];
  if (w.length > 2 && (w[0] === 'و' || w[0] === 'ف')) out.push({ w: w.slice(1), pre: w[0], def: false });
  for (const f of out.slice()) {
    const x = f.w;
    if (x.length > 3 && x.startsWith('لل')) out.push({ w: 'ال' + x.slice(2), pre: f.pre + 'ل', def: false });
    else if (x.length > 2 && (x[0] === 'ب' || x[0] === 'ل' || x[0] === 'ك')) out.push({ w: x.slice(1), pre: f.pre + x[0], def: false });
  }
  for (const f of out.slice()) {
    if (f.w.length > 3 && f.w.startsWith('ال')) out.push({ w: f.w.slice(2), pre: f.pre + 'ال', def: true });
  }
  return out;
}

/** The token is this word, allowing clitics before it. */
export function isWord(t: Token | undefined, words: ReadonlySet<string>): boolean {
  if (!t || t.kind !== 'word') return false;
  for (const f of formsOf(t)) if (words.has(f.w)) return true;
  return false;
}

interface Entry<V> {
  words: string[];
  value: V;
}

/** Phrase sets made so far, each numbered for WordForms' bits. */
let phraseSets = 0;

/**
 * A set of folded phrases matched on tokens. The first word may carry clitics (و، ف، ب، ل، ك، ال);
 * the others must be written as listed. A phrase of one word ending in "*" matches any ending.
 */
export class PhraseSet<V> {
  private readonly byFirst = new Map<string, Array<Entry<V>>>();
  private readonly prefixes: Array<{ prefix: string; value: V }> = [];
  /** The longest phrase, in words. */
  readonly longest: number = 0;
  /** This set's bit in WordForms.asked and .starts; 0 for sets beyond the first 31. */
  private readonly bit: number;

  constructor(entries: Iterable<[string, V]>) {
    this.bit = phraseSets < 31 ? 1 << phraseSets : 0;
    phraseSets++;
    let longest = 0;
    for (const [raw, value] of entries) {
      const phrase = fold(raw);
      if (!phrase) continue;
      if (phrase.endsWith('*') && !phrase.includes(' ')) {
        this.prefixes.push({ prefix: phrase.slice(0, -1), value });
        longest = Math.max(longest, 1);
        continue;
      }
      const words = phrase.split(' ');
      const list = this.byFirst.get(words[0]) ?? [];
      list.push({ words, value });
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(words[0], list);
      longest = Math.max(longest, words.length);
    }
    this.longest = longest;
  }

  /** The longest phrase starting at token i: its value and the token index after it. */
  matchAt(toks: readonly Token[], i: number, clitics = true): { value: V; end: number; pre: string } | null {
    const t = toks[i];
    if (!t || (t.kind !== 'word' && t.kind !== 'punct')) return null;
    if (!clitics) return this.matchForm(toks, i, t.text, '') ?? this.matchPrefix(t, i, t.text, '');
    if (t.kind === 'word' && this.bit) {
      // Most words begin no phrase of the set: asked once per word, not at every token.
      const w = wordOf(t);
      if (!(w.asked & this.bit)) {
        w.asked |= this.bit;
        if (this.mayStart(w.forms)) w.starts |= this.bit;
      }
      if (!(w.starts & this.bit)) return null;
    }
    const forms = formsOf(t);
    for (const f of forms) {
      const m = this.matchForm(toks, i, f.w, f.pre);
      if (m) return m;
    }
    for (const f of forms) {
      const m = this.matchPrefix(t, i, f.w, f.pre);
      if (m) return m;
    }
    return null;
  }

  /** The longest phrase whose first word is `first` (token i read as that form). */
  private matchForm(toks: readonly Token[], i: number, first: string, pre: string): { value: V; end: number; pre: string } | null {
    const list = this.byFirst.get(first);
    if (!list) return null;
    for (const e of list) {
      let ok = true;
      for (let k = 1; k < e.words.length; k++) {
        const u = toks[i + k];
        if (!u || u.kind === 'break' || u.text !== e.words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { value: e.value, end: i + e.words.length, pre };
    }
    return null;
  }

  /** Whether some reading of a word (its forms) may begin a phrase of the set. */
  mayStart(forms: readonly Form[]): boolean {
    for (const f of forms) {
      if (this.byFirst.has(f.w)) return true;
      for (const p of this.prefixes) if (f.w.startsWith(p.prefix)) return true;
    }
    return false;
  }

  /** A one-word phrase "…*" that the word `w` begins with. */
  private matchPrefix(t: Token, i: number, w: string, pre: string): { value: V; end: number; pre: string } | null {
    if (!this.prefixes.length || t.kind !== 'word') return null;
    for (const p of this.prefixes) if (w.startsWith(p.prefix)) return { value: p.value, end: i + 1, pre };
    return null;
  }

  /** A phrase that ends just before token j (at j - 1): its value and first token. */
  matchEndingAt(toks: readonly Token[], j: number, clitics = true): { value: V; start: number; pre: string } | null {
    for (let len = Math.min(this.longest, j); len >= 1; len--) {
      const m = this.matchAt(toks, j - len, clitics);
      if (m && m.end === j) return { value: m.value, start: j - len, pre: m.pre };
    }
    return null;
  }
}

/** Folds each string of a YAML list, dropping anything that is not a string. */
export function foldList(x: unknown): string[] {
  return Array.isArray(x)
    ? x
        .filter((s): s is string => typeof s === 'string')
        .map(fold)
        .filter(Boolean)
    : [];
}

export function asRecord(x: unknown): Record<string, unknown> {
  return x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

/**
 * Sentence number of each token: a new sentence starts after a line break or a full stop, question
 * or exclamation mark, or semicolon. Figures take their event, place, time and source from their
 * own sentence.
 */
export function sentenceIds(toks: readonly Token[]): Int32Array {
  const ids = new Int32Array(toks.length);
  let id = 0;
  for (let i = 0; i < toks.length; i++) {
    ids[i] = id;
    const t = toks[i];
    if (t.kind === 'break' || (t.kind === 'punct' && (t.text === '.' || t.text === '?' || t.text === '!' || t.text === ';' || t.text === '…'))) id++;
  }
  return ids;
}
