// A table of folded phrases matched against tokens, longest first, with the Arabic clitics
// و ف ب ل ك allowed on the first word ("وأمس", "بالأمس", "للأسبوع"). Lexicon YAML arrives as
// `unknown`, so the readers below take what has the right shape and skip the rest: a bad entry
// loses itself, never the engine.
import { fold } from './normalize';
import { entryTokens, Token } from './dateTokens';

export interface PhraseMatch<V> {
  value: V;
  /** Token index just past the phrase. */
  next: number;
  /** Shadow offset where the phrase starts, after any clitic. */
  s: number;
  /** Shadow offset where it ends. */
  e: number;
}

/** One-letter conjunctions and prepositions that attach to the next word. */
const CLITICS = ['و', 'ف', 'ب', 'ل', 'ك'];

/** The forms a word may have under its clitics, with how many letters were stripped. */
export function cliticForms(word: string): Array<[string, number]> {
  const out: Array<[string, number]> = [[word, 0]];
  let rest = word;
  let cut = 0;
  // At most two clitics ("وب", "فل"); the stem must keep at least two letters.
  for (let k = 0; k < 2 && rest.length > 3; k++) {
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

  /** The longest phrase starting at token i; with `clitics`, its first word may carry clitics. */
  match(tokens: Token[], i: number, clitics = false): PhraseMatch<V> | null {
    const tok = tokens[i];
    if (!tok || tok.k === 'm' && tok.t === '\n') return null;
    const forms: Array<[string, number]> = clitics && tok.k === 'w' ? cliticForms(tok.t) : [[tok.t, 0]];
    for (const [form, cut] of forms) {
      const list = this.byFirst.get(form);
      if (!list) continue;
      for (const { words, value } of list) {
        if (i + words.length > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < words.length; k++) {
          if (tokens[i + k].t !== words[k]) {
            ok = false;
            break;
          }
        }
        if (ok) return { value, next: i + words.length, s: tok.s + cut, e: tokens[i + words.length - 1].e };
      }
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
  return asList(x).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
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
