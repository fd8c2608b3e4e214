// The shadow text cut into words, the unit the actor recogniser works in. Names are matched word by
// word (never inside a word: "العراق" is not in "العراقية"), and what separates two words decides
// whether a name may run on across it: a space yes, a hyphen inside organisation names, a quote only
// inside a known name (كتائب “سيد الشهداء”), punctuation and line ends never.
import type { Shadow } from '../text/normalize';
import { lexemeOf, WordReader } from '../text/wordCache';

/** What stands between a word and the one before it. Ordered: a larger value is a stronger break. */
export const GAP_SPACE = 0;
const GAP_HYPHEN = 1;
export const GAP_QUOTE = 2;
export const GAP_HARD = 3;

export interface Words {
  readonly shadow: Shadow;
  readonly count: number;
  /** Shadow offsets of each word, end exclusive. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** The break before each word (GAP_*); the first word has GAP_HARD. */
  readonly gap: Uint8Array;
  /** Each word in canonical spelling (see canon). */
  readonly form: string[];
  /** What is known about each word's form, shared with every other text that has the word. */
  readonly info: WordInfo[];
}

/**
 * A word form with its readings and what the finders have asked of it before. The finders ask
 * the same questions of every word of every text; asked once per form, the answers are kept here.
 */
export interface WordInfo {
  /** The word in canonical spelling (canon). */
  readonly form: string;
  readonly readings: Reading[];
  /** actorVocab.wordFacts, or -1 until asked. */
  facts: number;
  /** Lexicon.startsOf for the shipped lexicon alone, or -1 until asked. */
  baseStarts: number;
  /** Lexicon.startsOf for one grown lexicon, valid while its state is `startsStamp`. */
  starts: number;
  startsStamp: number;
}

/** The info of a word as written in the shadow, under its canonical form. */
function infoOf(written: string): WordInfo {
  const lx = lexemeOf(written);
  return (lx.info as WordInfo | undefined) ?? (lx.info = makeInfo(lx.word));
}

function makeInfo(written: string): WordInfo {
  const form = canon(written);
  return { form, readings: readingsOf(form), facts: -1, baseStarts: -1, starts: 0, startsStamp: -1 };
}

function isWordCode(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true; // the shadow has lowercased Latin
  if (c >= 0x30 && c <= 0x39) return true;
  if (c >= 0x0621 && c <= 0x064a) return true;
  if ((c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff)) return true;
  if (c < 0xc0) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral symbols (emoji) break words
  let k = letters[c];
  if (k === 2) k = letters[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 0;
  return k === 1;
}
const LETTER = /\p{L}/u;
/** Whether a unit is a letter of another script: 1 yes, 0 no, 2 not asked yet. */
const letters = new Uint8Array(0x10000).fill(2);

function gapOf(c: number): number {
  if (c === 0x20 || c === 0x09) return GAP_SPACE;
  if (c === 0x2d || c === 0x2010 || c === 0x2011) return GAP_HYPHEN;
  if (c === 0x22 || c === 0x27) return GAP_QUOTE; // the shadow folds smart quotes and guillemets to these
  return GAP_HARD;
}

/** The shadow cut into words, once per shadow (read-only for the finders). */
export function wordsOf(shadow: Shadow): Words {
  return (shadow.actorWords as Words | undefined) ?? (shadow.actorWords = cutWords(shadow));
}

/** Cuts the shadow into words. Linear in the text; allocates one string per word. */
function cutWords(shadow: Shadow): Words {
  const norm = shadow.norm;
  const starts: number[] = [];
  const ends: number[] = [];
  const gaps: number[] = [];
  const forms: string[] = [];
  const info: WordInfo[] = [];
  const reader = new WordReader(shadow);
  let gap = GAP_HARD;
  let i = 0;
  while (i < norm.length) {
    const c = norm.charCodeAt(i);
    if (!isWordCode(c)) {
      let g = gapOf(c);
      // Only an opening quote, one that touches the word after it, may stand inside a name
      // ("كتائب “سيد الشهداء”"); a closing one ends it ("حزب الله" اللبناني).
      if (g === GAP_QUOTE && !(i + 1 < norm.length && isWordCode(norm.charCodeAt(i + 1)))) g = GAP_HARD;
      if (g > gap) gap = g;
      i++;
      continue;
    }
    // "د. نهلة": the period of the abbreviated title does not end a sentence.
    if (gap === GAP_HARD && forms.length && forms[forms.length - 1] === 'د' && /^\.\s*$/.test(norm.slice(ends[ends.length - 1], i))) gap = GAP_SPACE;
    let j = i + 1;
    while (j < norm.length && isWordCode(norm.charCodeAt(j))) j++;
    starts.push(i);
    ends.push(j);
    gaps.push(gap);
    const lx = reader.at(i, j);
    const word = (lx.info as WordInfo | undefined) ?? (lx.info = makeInfo(lx.word));
    forms.push(word.form);
    info.push(word);
    gap = GAP_SPACE;
    i = j;
  }
  return {
    shadow,
    count: starts.length,
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    gap: Uint8Array.from(gaps),
    form: forms,
    info,
  };
}

// Spellings the shadow keeps apart but news uses interchangeably for the same word: [from, to].
const CANON: Array<[string, string]> = [
  ['اميرك', 'امريك'], // أميركا / أمريكا, الأميركية / الأمريكية
];

/** No name word is longer; longer runs of letters (scraping debris) are not looked into. */
const MAX_NAME_WORD = 40;

/** A word in the spelling lexicon keys use. Applied to document words and lexicon entries alike. */
function canon(word: string): string {
  if (word.length > MAX_NAME_WORD) return word;
  let w = word;
  for (let k = 0; k < CANON.length; k++) if (w.includes(CANON[k][0])) w = w.split(CANON[k][0]).join(CANON[k][1]);
  return w;
}

/** A text (a lexicon entry, a mention) as canonical words. Hyphens and quotes separate words. */
export function canonWords(folded: string): string[] {
  const out: string[] = [];
  for (const part of folded.split(/[^\p{L}\p{N}]+/u)) if (part) out.push(canon(part));
  return out;
}

/** One way to read a word: the word itself, or the word behind its proclitics. */
export interface Reading {
  /** The word without its clitics, in canonical spelling. */
  form: string;
  /** How many shadow characters of the word the clitics take; the mention starts after them. */
  skip: number;
  /** The clitic letters removed ('' for none): و ف ب ك ل, alone or as و/ف + ب ك ل. */
  clitic: string;
}

/**
 * The readings of a word, the bare word first. Proclitics are a conjunction (و ف) followed by a
 * preposition (ب ك ل). With ل before the article the alef is not written: "للحرس" is ل + الحرس, and
 * "للجنة" is ل + اللجنة or ل + لجنة. For ل + ال the mention starts at the second ل: the article's
 * alef was elided, so its lam is the first letter that belongs to the name.
 * A reading is only a guess; callers accept one only when its form is a word they know.
 */
export function readings(form: string): Reading[] {
  // Shared with every caller: never changed.
  const info = infoOf(form);
  // A form that is not canonical has readings of its own (callers pass canonical forms).
  return info.form === form ? info.readings : readingsOf(form);
}

function readingsOf(form: string): Reading[] {
  const out: Reading[] = [{ form, skip: 0, clitic: '' }];
  if (form.length < 3 || form.length > MAX_NAME_WORD) return out;
  const bases: Array<[string, number, string]> = [[form, 0, '']];
  const c0 = form[0];
  if (c0 === 'و' || c0 === 'ف') {
    bases.push([form.slice(1), 1, c0]);
    out.push({ form: form.slice(1), skip: 1, clitic: c0 });
  }
  for (const [b, off, conj] of bases) {
    if (b.length < 3) continue;
    const p = b[0];
    if (p === 'ل' && b[1] === 'ل' && b.length >= 4) {
      out.push({ form: 'ال' + b.slice(2), skip: off + 1, clitic: conj + 'ل' });
      out.push({ form: 'ال' + b.slice(1), skip: off + 1, clitic: conj + 'ل' });
      out.push({ form: b.slice(1), skip: off + 1, clitic: conj + 'ل' });
    } else if (p === 'ب' || p === 'ك' || p === 'ل') {
      out.push({ form: b.slice(1), skip: off + 1, clitic: conj + p });
    }
  }
  return out;
}

/** The word without a leading conjunction or preposition, when what remains starts with the article. */
export function definiteCore(form: string): string | null {
  if (form.startsWith('ال') && form.length > 3) return form;
  for (const r of readings(form)) if (r.skip > 0 && r.form.startsWith('ال') && r.form.length > 3) return r.form;
  return null;
}

/** The word without its article ("العراقية" → "عراقية"), or the word itself. */
export function stripArticle(form: string): string {
  return form.startsWith('ال') && form.length > 3 ? form.slice(2) : form;
}

export function isDigits(form: string): boolean {
  return /^[0-9]+$/.test(form);
}

export function isArabicWord(form: string): boolean {
  return /^[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+$/.test(form);
}

/** The original text of words [first, last], for checks on what the shadow dropped (diacritics, ى). */
export function originalOf(words: Words, first: number, last: number): string {
  const [s, e] = words.shadow.span(words.start[first], words.end[last]);
  return words.shadow.text.slice(s, e);
}
