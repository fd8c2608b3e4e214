// Counting two-word phrases ("اندلاع النيران", "هزة أرضية") in the folded text of an article
// without folding the whole article: the folded text is only needed around its spaces, and a
// phrase is looked at only where the letters on both sides of a space are its own. Folding and
// searching a whole article took about as long as the rest of its story profile.
//
// What is counted is exactly what `fold(text)` and a search for each phrase would count: the
// folded text is the text's units folded one by one (normalize.ts), with each run of spaces made
// one; a phrase "W1 W2" is found where a run of spaces has W1 folded just before it and W2 just
// after, and, as a search from the end of the last one found would, only when it does not overlap
// the last one counted ("هزات ارتداديه" begins as it ends). A text with a unit that folds to more
// than one character (presentation forms) is counted the slow way.
import { fold } from '../text/normalize';

/** How one UTF-16 unit folds: to one character (its code), to nothing, to a space, or otherwise. */
const DROPPED = -1;
const SPACE = -2;
const COMPLEX = -3;
const UNKNOWN = -4;

const table = new Int32Array(0x10000).fill(UNKNOWN);

/** The unit's fold, read from `fold` itself between two letters that fold to themselves. */
function classify(u: number): number {
  const mid = fold(`ب${String.fromCharCode(u)}ب`).slice(1, -1);
  if (mid === '') return DROPPED;
  if (mid === ' ') return SPACE;
  return mid.length === 1 ? mid.charCodeAt(0) : COMPLEX;
}

function codeOf(u: number): number {
  let c = table[u];
  if (c === UNKNOWN) c = table[u] = classify(u);
  return c;
}

/** True when the phrase can be counted at spaces: one space between two words, no other spacing. */
function countable(phrase: string): boolean {
  const space = phrase.indexOf(' ');
  return space > 0 && space < phrase.length - 1 && !/\s/.test(phrase.slice(0, space) + phrase.slice(space + 1));
}

/** Counts each of `phrases` (folded) in the folded text of a text: what `fold(text)` searched phrase by phrase gives. */
export class PhraseCounter {
  private readonly fast: boolean;
  private readonly before: string[];
  private readonly after: string[];
  /** The last code before a space and the first after it → the phrases they may begin and end. */
  private readonly byEdge = new Map<number, number[]>();
  /** Codes that end a phrase's first word, and that begin its second: most spaces are passed by these. */
  private readonly ends = new Uint8Array(0x10000);
  private readonly begins = new Uint8Array(0x10000);

  constructor(private readonly phrases: readonly string[]) {
    this.fast = phrases.every(countable);
    this.before = phrases.map((p) => p.slice(0, p.indexOf(' ')));
    this.after = phrases.map((p) => p.slice(p.indexOf(' ') + 1));
    phrases.forEach((_, k) => {
      const last = this.before[k].charCodeAt(this.before[k].length - 1);
      const first = this.after[k].charCodeAt(0);
      this.ends[last] = 1;
      this.begins[first] = 1;
      const edge = this.edge(last, first);
      const list = this.byEdge.get(edge);
      if (list) list.push(k);
      else this.byEdge.set(edge, [k]);
    });
  }

  private edge(last: number, first: number): number {
    return last * 0x10000 + first;
  }

  /** How many times each phrase is in the folded text (non-overlapping, as a left-to-right search finds them). */
  count(text: string): number[] {
    const counts = this.fast ? this.atSpaces(text) : null;
    return counts ?? this.slowly(text);
  }

  private slowly(text: string): number[] {
    const folded = fold(text);
    return this.phrases.map((phrase) => {
      let n = 0;
      for (let i = folded.indexOf(phrase); i >= 0; i = folded.indexOf(phrase, i + phrase.length)) n++;
      return n;
    });
  }

  /** Null when a unit of the text folds to more than one character. */
  private atSpaces(text: string): number[] | null {
    const counts = this.phrases.map(() => 0);
    // The unit of the last character of each phrase's last counted occurrence: each folded
    // character comes from one unit here, so occurrences overlap when they share a unit.
    const lastEnd = this.phrases.map(() => -1);
    const n = text.length;
    // The last folded character seen (a code, or SPACE within a run of spaces) and its unit.
    let last = SPACE;
    let lastAt = -1;
    let runStart = -1;
    for (let i = 0; i < n; i++) {
      const c = codeOf(text.charCodeAt(i));
      if (c === DROPPED) continue;
      if (c === COMPLEX) return null;
      if (c === SPACE) {
        if (last !== SPACE) runStart = lastAt;
        last = SPACE;
        continue;
      }
      if (last === SPACE && runStart >= 0 && this.begins[c]) {
        const end = codeOf(text.charCodeAt(runStart));
        const candidates = this.ends[end] ? this.byEdge.get(this.edge(end, c)) : undefined;
        if (candidates) {
          for (const k of candidates) {
            const from = this.startOf(text, runStart, this.before[k]);
            const to = from > lastEnd[k] ? this.endOf(text, i, this.after[k]) : -1;
            if (to >= 0) {
              counts[k]++;
              lastEnd[k] = to;
            }
          }
        }
      }
      last = c;
      lastAt = i;
    }
    return counts;
  }

  /** When the folded characters ending with the unit at `at` end with `word`, the unit of its first character; else -1. */
  private startOf(text: string, at: number, word: string): number {
    let k = word.length - 1;
    let i = at;
    for (; i >= 0; i--) {
      const c = codeOf(text.charCodeAt(i));
      if (c === DROPPED) continue;
      if (c !== word.charCodeAt(k)) return -1;
      if (--k < 0) return i;
    }
    return -1;
  }

  /** When the folded characters from the unit at `at` begin with `word`, the unit of its last character; else -1. */
  private endOf(text: string, at: number, word: string): number {
    let k = 0;
    for (let i = at; i < text.length; i++) {
      const c = codeOf(text.charCodeAt(i));
      if (c === DROPPED) continue;
      if (c !== word.charCodeAt(k)) return -1;
      if (++k === word.length) return i;
    }
    return -1;
  }
}
