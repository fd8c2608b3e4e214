// The normalised shadow of a text. Arabic news spells the same word many ways (alef forms, ta
// marbuta, Persian yeh and keheh from scraping, tatweel, diacritics, two digit systems), so the
// engine matches on a shadow where each of these is folded to one form, and keeps a map from every
// shadow character back to the UTF-16 offset it came from in the original text.

const DROP = -1;

/** The shadow form of one UTF-16 code unit: a string of 0, 1 or 2 characters. */
function foldUnit(c: number): string | typeof DROP | null {
  // Diacritics (harakat, shadda, sukun, superscript alef), Quranic marks, tatweel.
  if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640) return DROP;
  // Zero-width and directional marks carry no letters.
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x200e || c === 0x200f || c === 0x061c || c === 0xfeff) return DROP;
  if (c === 0x2066 || c === 0x2067 || c === 0x2068 || c === 0x2069 || (c >= 0x202a && c <= 0x202e)) return DROP;
  switch (c) {
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: case 0x0672: case 0x0673: return 'ا';
    case 0x0649: case 0x06cc: case 0x06d2: case 0x064a: return 'ي';
    case 0x0629: case 0x06be: case 0x06c1: case 0x06d5: case 0x06c0: return 'ه';
    case 0x06a9: case 0x06aa: return 'ك';
    case 0x0624: case 0x0626: return 'ء';
    case 0x060c: case 0x066b: return ','; // Arabic comma; U+066B is the decimal separator, folded below
    case 0x061b: return ';';
    case 0x061f: return '?';
    case 0x066c: return ','; // Arabic thousands separator
    case 0x066a: return '%';
    case 0x00a0: case 0x2007: case 0x202f: case 0x2009: case 0x200a: case 0x3000: return ' ';
    case 0x201c: case 0x201d: case 0x201e: case 0x00ab: case 0x00bb: case 0x2033: return '"';
    case 0x2018: case 0x2019: case 0x201a: return "'";
    case 0x2013: case 0x2014: case 0x2212: return '-';
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

export class Shadow {
  /** The folded text the matchers read. */
  readonly norm: string;
  /** For each shadow character, the offset of the original code unit it came from. */
  private readonly from: Int32Array;

  constructor(readonly text: string) {
    const parts: string[] = [];
    const from = new Int32Array(text.length + 1);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let f = foldUnit(c);
      if (c === 0x066b) f = i > 0 && i + 1 < text.length && isDigitUnit(text.charCodeAt(i - 1)) && isDigitUnit(text.charCodeAt(i + 1)) ? '.' : ',';
      if (f === DROP) continue;
      const s = f === null ? text[i] : f;
      for (let k = 0; k < s.length; k++) {
        if (n >= from.length - 1) break; // a ligature never expands the text by more than it drops
        from[n++] = i;
      }
      parts.push(s);
    }
    this.norm = parts.join('');
    // A ligature can make the shadow longer than the text; keep the map the shadow's length.
    this.from = from.length > this.norm.length ? from : growMap(from, this.norm, text);
    this.from[this.norm.length] = text.length;
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

/** Rebuilds the offset map when ligatures made the shadow longer than the text. */
function growMap(_small: Int32Array, norm: string, text: string): Int32Array {
  const from = new Int32Array(norm.length + 1);
  let n = 0;
  for (let i = 0; i < text.length && n < norm.length; i++) {
    const c = text.charCodeAt(i);
    let f = foldUnit(c);
    if (c === 0x066b) f = ',';
    if (f === DROP) continue;
    const len = f === null ? 1 : f.length;
    for (let k = 0; k < len && n < norm.length; k++) from[n++] = i;
  }
  return from;
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
  return new Shadow(s).norm.replace(/\s+/g, ' ').trim();
}

const ARABIC_LETTER = /[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]/;

export function isArabicLetter(ch: string | undefined): boolean {
  return ch !== undefined && ARABIC_LETTER.test(ch);
}

/** A letter or digit of any script: what a word is made of. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
