// The claims of a corpus, bucketed by measure, kept up to date one document at a time. A claim
// is only ever compared with the claims in its own bucket, so an edit costs the changed
// document's claims times the size of their buckets, and a whole corpus costs the number of
// claims times the size of their buckets, never all pairs of figures.
import type { Contradiction, DocumentAnalysis, Interval } from './types';
import { claimsOf, type Claim } from './claims';
import { comparable, clash, topicOf } from './compareClaims';

/** One figure as shown beside another: in a hover, a code lens or a contradiction. */
export interface ClaimView {
  path: string;
  start: number;
  end: number;
  text: string;
  value: Interval;
  /** "dozens (20–99)", "more than 150". */
  label: string;
  /** "dozens", "150+". */
  short: string;
  /** Publication date of the document, ISO; null when undated. */
  date: string | null;
  source: string | null;
  outlet: string | null;
}

/** The other sources' figures on the same measure as one figure. */
export interface ClaimGroup {
  topic: string;
  claim: ClaimView;
  others: Array<ClaimView & { agrees: boolean; reason?: string }>;
  /** Distinct documents with a figure on the measure, this one included. */
  sources: number;
  /** "3 sources: 150+ · dozens · 200+" (this document's figure first). */
  summary: string;
}

interface Found {
  a: Claim;
  b: Claim;
  /** Documents and reason: a figure repeated in headline and body clashes once, not twice. */
  key: string;
  contradiction: Contradiction;
}

interface Bucket {
  claims: Claim[];
  /** The same claims by what they say about place, side and target (see Group). */
  groups: Map<string, Group>;
  /** Contradictions by key; of duplicates, the pair first in document order is kept. */
  found: Map<string, Found>;
}

/**
 * Claims that name the same places, the same forces and the same target (or leave them unsaid).
 * Claims naming different places or forces are never comparable (compareClaims.comparable), so a
 * new claim is only set against the groups that agree with it or leave out what it says.
 */
interface Group {
  places: readonly string[] | null;
  of: readonly string[] | null;
  on: readonly string[] | null;
  claims: Claim[];
}

function listKey(xs: readonly string[] | null): string {
  return xs ? xs.join('\u0001') : '\u0002';
}

function groupKey(c: Claim): string {
  return `${listKey(c.places)}\u0000${listKey(c.qualifiers.of)}\u0000${listKey(c.qualifiers.on)}`;
}

/** Both name the same list, or one of them names none. */
function mayAgree(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return !a || !b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

function agrees(g: Group, c: Claim): boolean {
  return mayAgree(g.places, c.places) && mayAgree(g.of, c.qualifiers.of) && mayAgree(g.on, c.qualifiers.on);
}

function view(c: Claim): ClaimView {
  return {
    path: c.path,
    start: c.start,
    end: c.end,
    text: c.text,
    value: { min: c.value.lo, max: c.value.hi === Infinity ? null : c.value.hi },
    label: c.value.label,
    short: c.value.short,
    date: c.date,
    source: c.source,
    outlet: c.outlet,
  };
}

/** Code-unit order, the same on every machine (localeCompare is not). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byPosition(x: Claim, y: Claim): number {
  return cmp(x.path, y.path) || x.start - y.start || x.end - y.end;
}

function cite(c: Claim): string {
  const parts = [c.path, c.date ?? 'undated'];
  if (c.source) parts.push(`per ${c.source}`);
  return `"${c.text}" (${parts.join(', ')})`;
}

/** The contradiction between two claims, if any, with `a` first in document order. */
function contradictionOf(x: Claim, y: Claim): Found | null {
  // `comparable` does not depend on the order of its claims: most pairs are let go before ordering.
  if (!comparable(x, y)) return null;
  const first = byPosition(x, y) <= 0;
  const a = first ? x : y;
  const b = first ? y : x;
  const reason = clash(a, b);
  if (!reason) return null;
  return {
    a,
    b,
    key: `${a.path}\u0000${b.path}\u0000${reason}`,
    contradiction: {
      topic: topicOf(a, b),
      message: `${cite(a)} vs ${cite(b)}: ${reason}`,
      a: { path: a.path, start: a.start, end: a.end },
      b: { path: b.path, start: b.start, end: b.end },
    },
  };
}

function order(x: Contradiction, y: Contradiction): number {
  return (
    cmp(x.a.path, y.a.path) || x.a.start - y.a.start || cmp(x.b.path, y.b.path) || x.b.start - y.b.start || x.a.end - y.a.end || x.b.end - y.b.end || cmp(x.topic, y.topic)
  );
}

export class ClaimIndex {
  private readonly docs = new Map<string, Claim[]>();
  private readonly buckets = new Map<string, Bucket>();
  /** The contradictions each document takes part in, so that an edit finds its own at once. */
  private readonly involving = new Map<string, Set<Found>>();
  private total = 0;
  private sorted: Contradiction[] | null = null;
  /** Sorted contradictions per document, made on request and dropped when they change. */
  private readonly sortedOf = new Map<string, Contradiction[]>();

  /**
   * Adds or replaces a document. `text` (the document's text, matching the analysis) lets the
   * claims read whose soldiers and which forces a figure is about; without it fewer figures
   * are told apart. Returns the paths whose contradictions changed, this one included.
   */
  update(doc: DocumentAnalysis, text?: string): string[] {
    const touched = new Set<string>([doc.path]);
    this.drop(doc.path, touched);
    let claims: Claim[] = [];
    try {
      claims = claimsOf(doc, text);
    } catch {
      // A malformed analysis loses its own claims, never the index.
      claims = [];
    }
    this.docs.set(doc.path, claims);
    for (const c of claims) {
      let bucket = this.buckets.get(c.key);
      if (!bucket) this.buckets.set(c.key, (bucket = { claims: [], groups: new Map(), found: new Map() }));
      for (const g of bucket.groups.values()) {
        if (!agrees(g, c)) continue;
        for (const other of g.claims) {
          // Within one document only figures with named sources are compared (compareClaims.ts).
          if (other.path === c.path && (!c.source || !other.source)) continue;
          const f = contradictionOf(c, other);
          if (!f) continue;
          const kept = bucket.found.get(f.key);
          if (!kept || f.a.start < kept.a.start || (f.a.start === kept.a.start && f.b.start < kept.b.start)) {
            if (kept) this.forget(kept);
            bucket.found.set(f.key, f);
            this.remember(f);
          }
          touched.add(other.path);
        }
      }
      bucket.claims.push(c);
      const key = groupKey(c);
      const g = bucket.groups.get(key);
      if (g) g.claims.push(c);
      else bucket.groups.set(key, { places: c.places, of: c.qualifiers.of, on: c.qualifiers.on, claims: [c] });
    }
    this.changed(touched);
    return [...touched].sort(cmp);
  }

  /** Removes a document; returns the paths whose contradictions changed. */
  remove(path: string): string[] {
    const touched = new Set<string>();
    if (this.docs.has(path)) touched.add(path);
    this.drop(path, touched);
    this.docs.delete(path);
    this.changed(touched);
    return [...touched].sort(cmp);
  }

  private drop(path: string, touched: Set<string>): void {
    const old = this.docs.get(path);
    if (!old) return;
    for (const f of [...(this.involving.get(path) ?? [])]) {
      touched.add(f.a.path);
      touched.add(f.b.path);
      this.buckets.get(f.a.key)?.found.delete(f.key);
      this.forget(f);
    }
    for (const key of new Set(old.map((c) => c.key))) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      bucket.claims = bucket.claims.filter((c) => c.path !== path);
      for (const [k, g] of bucket.groups) {
        g.claims = g.claims.filter((c) => c.path !== path);
        if (!g.claims.length) bucket.groups.delete(k);
      }
      if (!bucket.claims.length) this.buckets.delete(key);
    }
  }

  private remember(f: Found): void {
    for (const p of f.a.path === f.b.path ? [f.a.path] : [f.a.path, f.b.path]) {
      let set = this.involving.get(p);
      if (!set) this.involving.set(p, (set = new Set()));
      set.add(f);
    }
    this.total++;
  }

  private forget(f: Found): void {
    for (const p of f.a.path === f.b.path ? [f.a.path] : [f.a.path, f.b.path]) {
      const set = this.involving.get(p);
      if (!set) continue;
      set.delete(f);
      if (!set.size) this.involving.delete(p);
    }
    this.total--;
  }

  private changed(touched: Set<string>): void {
    this.sorted = null;
    for (const p of touched) this.sortedOf.delete(p);
  }

  /** How many contradictions there are: contradictions().length without sorting them. */
  get count(): number {
    return this.total;
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  /** Every contradiction, in a stable order (by the first span's path and offset). */
  contradictions(): Contradiction[] {
    if (!this.sorted) {
      const all: Contradiction[] = [];
      for (const bucket of this.buckets.values()) for (const f of bucket.found.values()) all.push(f.contradiction);
      this.sorted = all.sort(order);
    }
    return this.sorted;
  }

  /** The contradictions one document takes part in, in the same order. */
  contradictionsOf(path: string): Contradiction[] {
    let list = this.sortedOf.get(path);
    if (!list) {
      const found = this.involving.get(path);
      list = found ? [...found].map((f) => f.contradiction).sort(order) : [];
      this.sortedOf.set(path, list);
    }
    return list;
  }

  /** The comparable claims of one document (boilerplate and unknown measures left out). */
  claims(path: string): ClaimView[] {
    return (this.docs.get(path) ?? []).map(view);
  }

  /**
   * The figure at `offset` in `path` with the other sources' figures on the same measure, for
   * hovers and code lenses; null when there is no comparable figure there.
   */
  groupAt(path: string, offset: number): ClaimGroup | null {
    const own = this.docs.get(path);
    if (!own) return null;
    let claim: Claim | undefined;
    for (const c of own) if (c.start <= offset && offset < c.end && (!claim || c.end - c.start < claim.end - claim.start)) claim = c;
    return claim ? this.groupOf(claim) : null;
  }

  /** Groups for every figure of a document that another source also reports on. */
  groupsIn(path: string): ClaimGroup[] {
    const out: ClaimGroup[] = [];
    for (const c of this.docs.get(path) ?? []) {
      const g = this.groupOf(c);
      if (g.sources > 1) out.push(g);
    }
    return out;
  }

  private groupOf(claim: Claim): ClaimGroup {
    const others: ClaimGroup['others'] = [];
    let topicWith: Claim = claim;
    for (const other of this.buckets.get(claim.key)?.claims ?? []) {
      if (other === claim || !comparable(claim, other)) continue;
      const [a, b] = byPosition(claim, other) <= 0 ? [claim, other] : [other, claim];
      const reason = clash(a, b);
      others.push(reason ? { ...view(other), agrees: false, reason } : { ...view(other), agrees: true });
      if (topicWith === claim) topicWith = other;
    }
    others.sort((x, y) => cmp(x.path, y.path) || x.start - y.start);
    const perPath = new Map<string, string>([[claim.path, claim.value.short]]);
    for (const o of others) if (!perPath.has(o.path)) perPath.set(o.path, o.short);
    const sources = perPath.size;
    return {
      topic: topicOf(claim, topicWith),
      claim: view(claim),
      others,
      sources,
      summary: `${sources} source${sources === 1 ? '' : 's'}: ${[...perPath.values()].join(' · ')}`,
    };
  }
}
