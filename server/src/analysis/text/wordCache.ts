// What the recognisers work out about a word (its readings behind clitics, whether it can start a
// name, a date, a figure) depends on the word alone, and the same few thousand words fill every
// article. Each recogniser keeps its answers in one of these caches, keyed by the word.
//
// Bounded, because a language server reads new text for days: two generations, each of at most
// `size` words. When the young one is full it becomes the old one and the oldest answers are
// dropped; a word still in use is found in the old generation and moved back to the young one.
// Memory stays under two generations; the words of the articles at hand stay cached.
export class WordCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly size: number) {}

  /** The answer for `word`, worked out by `make` the first time (or after it was dropped). */
  get(word: string, make: (word: string) => V): V {
    let v = this.young.get(word);
    if (v !== undefined) return v;
    v = this.old.get(word);
    if (v === undefined) v = make(word);
    if (this.young.size >= this.size) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(word, v);
    return v;
  }
}

// ---- One look-up per word of a text ----------------------------------------------------------
//
// The date, figure and actor recognisers each cut the same shadow into words and look each word
// up in their cache: three string copies and three hashed look-ups per word. Instead each word's
// answers live on one shared `Lexeme`, and the first tokeniser of a shadow leaves the words it
// met, with their offsets, on the shadow (ShadowWords); the next tokenisers find a word there by
// its offsets, without copying or hashing it. Words that the tokenisers cut differently ("F16")
// are looked up as before.

/**
 * A word, with what each recogniser knows of it; all of it depends on the word's text alone. The
 * text room knows no recogniser, so the slots are opaque here: each recogniser reads and fills its
 * own through a typed accessor of its module (lexicon/nameWords, figures/tokens, dates/tokens).
 */
export class Lexeme {
  /** lexicon/nameWords: its readings as part of a name. */
  info: unknown = undefined;
  /** figures/tokens: its readings for figures. */
  figure: unknown = undefined;
  /** dates/tokens: its forms for dates. */
  date: unknown = undefined;

  constructor(readonly word: string) {}
}

const lexemes = new WordCache<Lexeme>(40_000);

function newLexeme(word: string): Lexeme {
  return new Lexeme(word);
}

/** The shared lexeme of a word. */
export function lexemeOf(word: string): Lexeme {
  return lexemes.get(word, newLexeme);
}

/** The words of one shadow in text order, as its first tokeniser met them. */
export class ShadowWords {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly lexemes: Lexeme[] = [];
  /** A tokeniser has begun recording (only the first one records). */
  recorded = false;
}

/** Something that can hold its words: the Shadow (normalize.ts). */
export interface HasWords {
  readonly norm: string;
  words: ShadowWords | undefined;
}

/** Reads the words of one shadow left to right for one tokeniser. */
export class WordReader {
  private k = 0;
  private readonly memo: ShadowWords;
  private readonly record: boolean;
  private readonly norm: string;

  constructor(shadow: HasWords) {
    this.norm = shadow.norm;
    this.memo = shadow.words ??= new ShadowWords();
    this.record = !this.memo.recorded;
    this.memo.recorded = true;
  }

  /** The lexeme of norm[i, j); calls come in increasing i. */
  at(i: number, j: number): Lexeme {
    const m = this.memo;
    if (this.record) {
      const lx = lexemeOf(this.norm.slice(i, j));
      m.starts.push(i);
      m.ends.push(j);
      m.lexemes.push(lx);
      return lx;
    }
    const starts = m.starts;
    let k = this.k;
    while (k < starts.length && starts[k] < i) k++;
    this.k = k;
    if (k < starts.length && starts[k] === i && m.ends[k] === j) return m.lexemes[k];
    return lexemeOf(this.norm.slice(i, j));
  }
}
