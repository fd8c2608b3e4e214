// The lines an outlet repeats in its articles (menus, footers, slogans), kept up to date one
// document at a time. A corpus read finds them for every outlet at once (repeatedAmong); an
// editor changes one article at a time, and re-reading every article of its outlet on each edit
// would grow with the outlet. This keeps, per outlet, how many of its documents hold each short
// line, so a change costs the lines of the changed document. The ranges are those repeatedAmong
// gives over the same documents: a line is furniture when at least `minDocs` documents of one
// outlet hold it.
import type { ShortLine } from './boilerplate';

type Range = { start: number; end: number };

interface Member {
  outlet: string;
  lines: ShortLine[];
  /** Its distinct line texts, each counted once per document. */
  keys: Set<string>;
}

export class RepeatedLines {
  private readonly members = new Map<string, Member>();
  /** Per outlet: how many of its documents hold each line text. */
  private readonly counts = new Map<string, Map<string, number>>();
  /** Per outlet and line text: the documents that hold it. */
  private readonly holders = new Map<string, Map<string, Set<string>>>();

  constructor(private readonly minDocs = 3) {}

  /** Whether a document of this outlet has been given (an outlet's documents are given together). */
  knows(path: string): boolean {
    return this.members.has(path);
  }

  /**
   * Sets a document's outlet and short lines (null outlet: none, it takes part in no group).
   * Returns the other documents whose repeated lines changed.
   */
  set(path: string, outlet: string | null, lines: ShortLine[]): string[] {
    const changed = new Set<string>();
    this.drop(path, changed);
    if (outlet) {
      const keys = new Set(lines.map((l) => l.text));
      this.members.set(path, { outlet, lines, keys });
      const counts = this.countsOf(outlet);
      const holders = this.holdersOf(outlet);
      for (const k of keys) {
        const n = (counts.get(k) ?? 0) + 1;
        counts.set(k, n);
        let h = holders.get(k);
        if (!h) holders.set(k, (h = new Set()));
        h.add(path);
        if (n === this.minDocs) for (const p of h) changed.add(p);
      }
    }
    changed.delete(path);
    return [...changed];
  }

  /** Forgets a document; returns the documents whose repeated lines changed. */
  remove(path: string): string[] {
    const changed = new Set<string>();
    this.drop(path, changed);
    changed.delete(path);
    return [...changed];
  }

  /** The ranges of a document's lines that its outlet repeats. */
  rangesOf(path: string): Range[] {
    const m = this.members.get(path);
    if (!m) return [];
    const counts = this.counts.get(m.outlet)!;
    return m.lines.filter((l) => (counts.get(l.text) ?? 0) >= this.minDocs).map((l) => ({ start: l.s, end: l.e }));
  }

  private drop(path: string, changed: Set<string>): void {
    const m = this.members.get(path);
    if (!m) return;
    this.members.delete(path);
    const counts = this.counts.get(m.outlet)!;
    const holders = this.holders.get(m.outlet)!;
    for (const k of m.keys) {
      const n = (counts.get(k) ?? 1) - 1;
      const h = holders.get(k);
      h?.delete(path);
      if (n === this.minDocs - 1 && h) for (const p of h) changed.add(p);
      if (n > 0) counts.set(k, n);
      else {
        counts.delete(k);
        holders.delete(k);
      }
    }
  }

  private countsOf(outlet: string): Map<string, number> {
    let c = this.counts.get(outlet);
    if (!c) this.counts.set(outlet, (c = new Map()));
    return c;
  }

  private holdersOf(outlet: string): Map<string, Set<string>> {
    let h = this.holders.get(outlet);
    if (!h) this.holders.set(outlet, (h = new Map()));
    return h;
  }
}
