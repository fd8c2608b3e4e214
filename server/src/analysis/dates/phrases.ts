// A table of folded phrases matched against tokens, longest first, with the Arabic clitics
// و ف ب ل ك allowed on the first word ("وأمس", "بالأمس", "للأسبوع"). Lexicon YAML arrives as
// `unknown`, so the readers below take what has the right shape and skip the rest: a bad entry
// loses itself, never the engine.
import { fold } from '../text/normalize';
import { lexemeOf } from '../text/wordCache';
import { dateWordOf, entryTokens, type DateWord, Token } from './tokens';

export interface PhraseMatch<V> {
  value: V;
  /** Token index just past the phrase. */
  next: number;
  /** Shadow offset where the phrase starts, after any clitic. */
  s: number;
  /** Shadow offset where it ends. */
  e: number;
}

const NO_FORMS: Array<[string, number]> = [];

/** The clitic forms of a word token: every recogniser asks for them. */
export function formsOf(tok: Token): Array<[string, number]> {
  if (tok.k !== 'w') return NO_FORMS;
  return dateWord(tok).forms;
}

/** What is known of a word token's text, shared by every token of the same text (never changed). */
export function dateWord(tok: Token): DateWord {
  return (tok.d ??= dateWordOf(lexemeOf(tok.t)));
}

export class PhraseTable<V> {
  private readonly byFirst = new Map<string, Array<{ words: string[]; value: V }>>();

  add(phrase: string, value: V): void {
    const words = entryTokens(fold(phrase));
    if (!words.length) return;
    let list = this.byFirst.get(words[0]);
    if (!list) this.byFirst.set(words[0], (list = []));
    if (list.some((x) => x.words.join(' ') === words.join(' '))) return;
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
  }

  has(word: string): boolean {
    return this.byFirst.has(word);
  }

  /**
   * The longest phrase starting at token i; with `clitics`, its first word may carry clitics.
   * With `glued`, the last word may run on into the next word, as scraped text does when a line
   * break is lost ("الخليج الجديدالمصدر").
   */
  match(tokens: Token[], i: number, clitics = false, glued = false): PhraseMatch<V> | null {
    const tok = tokens[i];
    if (!tok || tok.t === '\n') return null;
    if (!clitics || tok.k !== 'w') return this.matchForm(tokens, i, tok.t, 0, glued);
    for (const [form, cut] of formsOf(tok)) {
      const m = this.matchForm(tokens, i, form, cut, glued);
      if (m) return m;
    }
    return null;
  }

  /** First words of every phrase, for a quick test of whether a token can start one. */
  firstWords(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  private matchForm(tokens: Token[], i: number, form: string, cut: number, glued: boolean): PhraseMatch<V> | null {
    const list = this.byFirst.get(form);
    if (!list) return null;
    for (const { words, value } of list) {
      const n = words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n; k++) {
        const t = tokens[i + k].t;
        if (t === words[k]) continue;
        // A glued last word keeps at least three letters of its neighbour after it.
        if (glued && k === n - 1 && t.length >= words[k].length + 3 && t.startsWith(words[k])) continue;
        ok = false;
        break;
      }
      if (!ok) continue;
      const last = tokens[i + n - 1];
      const e = last.t === words[n - 1] || n === 1 ? last.e : last.s + words[n - 1].length;
      return { value, next: i + n, s: tokens[i].s + cut, e };
    }
    return null;
  }
}

// ---- Readers for YAML data of unknown shape ----

export function asRecord(x: unknown): Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

export function asList(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

export function asStrings(x: unknown): string[] {
  return asList(x)
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map(String);
}

/** A set of single folded words. */
export function wordSet(x: unknown): Set<string> {
  return new Set(asStrings(x).map(fold).filter(Boolean));
}

/** A phrase table from a list of phrases, each mapping to `value`. */
export function phrases<V>(x: unknown, value: V, into = new PhraseTable<V>()): PhraseTable<V> {
  for (const p of asStrings(x)) into.add(p, value);
  return into;
}

/** A phrase table from `{phrase: number}`. */
export function numberedPhrases(x: unknown): PhraseTable<number> {
  const table = new PhraseTable<number>();
  for (const [k, v] of Object.entries(asRecord(x))) if (typeof v === 'number') table.add(k, v);
  return table;
}

/** `{1: [..], 2: [..]}` → pairs of (number, phrase). */
export function numberedLists(x: unknown): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (const [k, v] of Object.entries(asRecord(x))) {
    const n = Number(k);
    if (Number.isInteger(n)) for (const p of asStrings(v)) out.push([n, p]);
  }
  return out;
}
