// One copy of each string the index's analyses repeat. The analyses of a large workspace come
// back from the worker threads as JSON, and JSON.parse makes a new string for every value: ten
// thousand articles held the same entity keys, measure words, mention ids ("d12"), kinds and
// date notes hundreds of thousands of times over (docs/PERFORMANCE.md, "The server's memory").
// The index keeps the analyses' mentions with these strings made one.
import type { DocumentResult, Mention } from '../analysis';

/**
 * Strings shorter than this are never slices of a longer string in V8, so keeping one cannot
 * keep an article's whole text alive after the article changed.
 */
const SLICE_FREE = 13;

/** Forgotten past this many distinct strings (it is only a saving: a fresh pool is as correct). */
const MAX_STRINGS = 1 << 20;

export class SharedStrings {
  private pool = new Map<string, string>();

  /** The one copy of `s`. */
  private one(s: string): string {
    const known = this.pool.get(s);
    if (known !== undefined) return known;
    if (this.pool.size >= MAX_STRINGS) this.pool = new Map();
    this.pool.set(s, s);
    return s;
  }

  /**
   * The analysis with its mentions' repeated strings made one (in place). A mention's own text
   * and source, which may be slices of the article's text, are shared only when short.
   */
  share(analysis: DocumentResult, from = 0, to = analysis.mentions.length): DocumentResult {
    const mentions = analysis.mentions as Array<Mention & Record<string, unknown>>;
    for (let i = from; i < to; i++) {
      const m = mentions[i];
      m.id = this.one(m.id);
      m.kind = this.one(m.kind) as Mention['kind'];
      if (m.text.length < SLICE_FREE) m.text = this.one(m.text);
      if (m.entity !== undefined) m.entity = this.one(m.entity);
      if (typeof m.value === 'string') m.value = this.one(m.value);
      if (m.counted !== undefined) m.counted = this.one(m.counted);
      if (m.event !== undefined) m.event = this.one(m.event);
      if (m.place !== undefined) m.place = this.one(m.place);
      if (m.window !== undefined) m.window = this.one(m.window);
      if (m.note !== undefined) m.note = this.one(m.note);
      if (m.source !== undefined && m.source.length < SLICE_FREE) m.source = this.one(m.source);
    }
    if (to < mentions.length) return analysis;
    if (analysis.outlet) analysis.outlet = this.one(analysis.outlet);
    if (analysis.published) analysis.published = this.one(analysis.published);
    return analysis;
  }

  /** share(), a slice of mentions at a time with `pause` between (a page of 100,000 mentions takes about half a second). */
  async shareInSlices(analysis: DocumentResult, pause: () => Promise<void>): Promise<DocumentResult> {
    const SLICE = 10_000;
    for (let from = 0; from < analysis.mentions.length; from += SLICE) {
      this.share(analysis, from, Math.min(from + SLICE, analysis.mentions.length));
      await pause();
    }
    return this.share(analysis, analysis.mentions.length);
  }
}
