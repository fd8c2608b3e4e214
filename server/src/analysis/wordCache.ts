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
