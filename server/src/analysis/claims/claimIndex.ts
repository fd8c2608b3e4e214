// The claims of a corpus, bucketed by measure and kept up to date one document at a time.
//
// Two bounds keep it fast at any size. A claim is only compared with claims of its own measure
// whose reference day lies within the comparison window (compareClaims.reportWindowDays), found
// by binary search in day-sorted lists, so an edit costs the changed claims times the claims of
// a few weeks. And each claim lists at most NEAREST contradictions, those nearest to it in time:
// a figure that a desk reported a thousand times, each a little different, would otherwise make
// hundreds of thousands of pairs, which nobody reads and no editor can draw. A pair is listed
// when either of its claims counts the other among its nearest; the rule is symmetric and does
// not depend on the order documents arrive in, so the language server, updated edit by edit,
// lists what the CLI lists for the same files.
import type { Contradiction, DocumentAnalysis, Interval } from '../types';
import { claimsOf, type Claim } from './claims';
import { alike, clash, collides, pairKind, referenceDay, reportWindowDays, timely, topicOf, updateOrder } from './compare';
import { StoryIndex } from '../stories/storyIndex';
import { isCountry } from './placeTree';
import type { StoryProfile } from '../stories/profile';

/**
 * A document's claims and story profile read beforehand (claimRecord.ts: the map step of a
 * sharded run), given to update in place of reading them from the document and its text.
 */
export interface ClaimsRead {
  claims: Claim[];
  profile: StoryProfile;
}

/** Contradictions listed per claim, nearest in time first. */
export const NEAREST = 5;

/**
 * Claims of one document compared, at most: its first ones. A news article has a few dozen; a
 * page of thousands is a table or a generated dump, and comparing them all is quadratic in one
 * bucket (a 2 MB page of figure lines held the server for seconds). The rest are still
 * highlighted, only not compared.
 */
export const MAX_CLAIMS_PER_DOCUMENT = 1000;

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

/** A claim in the index. */
interface Node {
  claim: Claim;
  /** Reference day (compareClaims.referenceDay); null when undated. */
  day: number | null;
  /** The nearest clashing claims, at most NEAREST, best first (see `closer`). */
  near: Node[];
  /** The listed pairs this claim is part of, by the other claim. */
  pairs: Map<Node, Pair>;
}

/** Two clashing claims, listed because one counts the other among its nearest. */
interface Pair {
  /** First in document order. */
  a: Node;
  b: Node;
  /** How many of the two near-lists hold the pair (1 or 2). */
  refs: number;
  /** Documents and reason: a figure repeated in headline and body clashes once, not twice. */
  key: string;
  reason: string;
  kind: 'contradiction' | 'update' | 'internal';
}

interface Bucket {
  /** The same claims by what they say about place, side and target (see Group). */
  groups: Map<string, Group>;
}

/**
 * Claims that name the same places, the same forces and the same target (or leave them unsaid).
 * Claims naming different places or forces are never comparable (compareClaims.alike), so a
 * claim is only set against the groups that agree with it or leave out what it says.
 */
interface Group {
  places: readonly string[] | null;
  of: readonly string[] | null;
  on: readonly string[] | null;
  /** Dated claims by reference day. */
  dated: Node[];
  /** Undated claims: compared with every claim of an agreeing group. */
  undated: Node[];
}

function listKey(xs: readonly string[] | null): string {
  return xs ? xs.join('\u0001') : '\u0002';
}

function groupKey(c: Claim): string {
  return `${listKey(c.places)}\u0000${listKey(c.qualifiers.of)}\u0000${listKey(c.qualifiers.on)}`;
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

/** The bucket a claim is compared in: its story, measure and kind. */
function bucketOf(c: Claim): string {
  return `${c.story}\u0003${c.key}`;
}

function cite(c: Claim): string {
  const parts = [c.path, c.date ?? 'undated'];
  if (c.source) parts.push(`per ${c.source}`);
  return `"${c.text}" (${parts.join(', ')})`;
}

function order(x: Contradiction, y: Contradiction): number {
  return cmp(x.a.path, y.a.path) || x.a.start - y.a.start || cmp(x.b.path, y.b.path) || x.b.start - y.b.start || x.a.end - y.a.end || x.b.end - y.b.end || cmp(x.topic, y.topic);
}

/** The first index in `list` (sorted by day) whose day is at least `day`. */
function lowerBound(list: Node[], day: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid].day as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Days between two claims for ranking; an undated claim is as far as can be. */
function distance(x: Node, y: Node): number {
  return x.day === null || y.day === null ? Infinity : Math.abs(x.day - y.day);
}

/** True when `p` is a nearer partner of `n` than `q`: by days, then document order. */
function closer(n: Node, p: Node, q: Node): boolean {
  const dp = distance(n, p);
  const dq = distance(n, q);
  if (dp !== dq) return dp < dq;
  return byPosition(p.claim, q.claim) < 0;
}

function pairId(x: Node, y: Node): [Node, Node] {
  return byPosition(x.claim, y.claim) <= 0 ? [x, y] : [y, x];
}

export class ClaimIndex {
  private readonly docs = new Map<string, Node[]>();
  /** Which articles tell the same story: only their figures are compared. */
  private readonly stories = new StoryIndex();
  private readonly buckets = new Map<string, Bucket>();
  /** Listed pairs by key; the key's contradiction is its pair first in document order. */
  private readonly keys = new Map<string, Set<Pair>>();
  /** The keys each document takes part in, so that an edit finds its own at once. */
  private readonly keysOf = new Map<string, Set<string>>();
  private sorted: Contradiction[] | null = null;
  /** Sorted contradictions per document, made on request and dropped when they change. */
  private readonly sortedOf = new Map<string, Contradiction[]>();
  /** Each key's contradiction once made: both documents' lists share it. */
  private readonly made = new Map<string, Contradiction>();

  private contradictionAt(key: string): Contradiction {
    let c = this.made.get(key);
    if (!c) this.made.set(key, (c = contradictionOf(this.keys.get(key)!)));
    return c;
  }

  /**
   * Adds or replaces a document. `text` (the document's text, matching the analysis) lets the
   * claims read whose soldiers and which forces a figure is about; without it fewer figures
   * are told apart. `read` gives the claims and profile already read (then only `doc.path`
   * counts). Returns the paths whose contradictions changed, this one included.
   */
  update(doc: DocumentAnalysis, text?: string, read?: ClaimsRead): string[] {
    const touched = new Set<string>([doc.path]);
    let moved: string[] = [];
    try {
      moved = this.stories.update(doc, text, read?.profile);
    } catch {
      // A malformed analysis is a story of its own.
    }
    const refill = this.drop(doc.path, touched);
    let claims: Claim[];
    try {
      claims = read ? read.claims : claimsOf(doc, text);
      if (claims.length > MAX_CLAIMS_PER_DOCUMENT) claims = claims.slice(0, MAX_CLAIMS_PER_DOCUMENT);
    } catch {
      // A malformed analysis loses its own claims, never the index.
      claims = [];
    }
    const story = this.stories.storyOf(doc.path) ?? '';
    const oneSite = this.stories.oneSite(doc.path);
    for (const c of claims) {
      c.story = story;
      c.oneSite = oneSite;
    }
    const nodes: Node[] = claims.map((claim) => ({ claim, day: referenceDay(claim), near: [], pairs: new Map() }));
    this.docs.set(doc.path, nodes);
    this.place(nodes, refill, touched);
    // Articles whose story this one joined, split or left are compared again in their new story.
    for (const p of moved) if (p !== doc.path) this.rebucket(p, touched);
    this.changed(touched);
    return [...touched].sort(cmp);
  }

  /** Removes a document; returns the paths whose contradictions changed. */
  remove(path: string): string[] {
    const touched = new Set<string>();
    if (this.docs.has(path)) touched.add(path);
    let moved: string[];
    try {
      moved = this.stories.remove(path);
    } catch {
      moved = [];
    }
    const refill = this.drop(path, touched);
    this.docs.delete(path);
    for (const n of refill) this.renear(n, touched);
    for (const p of moved) if (p !== path) this.rebucket(p, touched);
    this.changed(touched);
    return [...touched].sort(cmp);
  }

  /** Adds a document's new nodes, then lets the claims that lost a partner find their nearest again. */
  private place(nodes: Node[], refill: Set<Node>, touched: Set<string>): void {
    // One at a time: a document's later figures meet its earlier ones exactly once.
    for (const n of nodes) {
      this.insert(n);
      this.add(n, touched);
    }
    for (const n of refill) if (this.docs.get(n.claim.path)?.includes(n)) this.renear(n, touched);
  }

  /** Moves a document's claims to the buckets of its (new) story. */
  private rebucket(path: string, touched: Set<string>): void {
    const nodes = this.docs.get(path);
    if (!nodes) return;
    touched.add(path);
    const refill = this.drop(path, touched);
    const story = this.stories.storyOf(path) ?? '';
    for (const n of nodes) {
      n.claim.story = story;
      n.near = [];
      n.pairs = new Map();
    }
    this.place(nodes, refill, touched);
  }

  /** The story of a document (a stable id), null when it is not in the index. */
  storyOf(path: string): string | null {
    return this.stories.storyOf(path);
  }

  /** Every story with its documents, sorted by id. */
  storyList(): Array<{ id: string; paths: string[] }> {
    return this.stories.stories();
  }

  /** Places a node in its bucket's group, keeping the group's days sorted. */
  private insert(n: Node): void {
    const c = n.claim;
    let bucket = this.buckets.get(bucketOf(c));
    if (!bucket) this.buckets.set(bucketOf(c), (bucket = { groups: new Map() }));
    const key = groupKey(c);
    let g = bucket.groups.get(key);
    if (!g) bucket.groups.set(key, (g = { places: c.places, of: c.qualifiers.of, on: c.qualifiers.on, dated: [], undated: [] }));
    if (n.day === null) g.undated.push(n);
    else {
      // After the equal days, so that insertion order among them does not matter to anyone.
      const at = lowerBound(g.dated, n.day + 1);
      g.dated.splice(at, 0, n);
    }
  }

  /**
   * Calls `visit` with every claim comparable with `n`: within its window of days, in the groups
   * that name places and forces it could share, asking the group-wide half of the rules once.
   */
  private comparables(n: Node, visit: (o: Node) => void, worth?: (o: Node) => boolean): void {
    const c = n.claim;
    const bucket = this.buckets.get(bucketOf(c));
    if (!bucket) return;
    const window = reportWindowDays(c.kind);
    // A figure whose time is unknown is not taken to be simultaneous with the others: it is only
    // compared with figures of articles surely about the same event.
    const sure = (o: Node) => (n.day !== null && o.day !== null) || this.stories.strong(c.path, o.claim.path) || (samePlace(c, o.claim) && this.stories.linked(c.path, o.claim.path));
    for (const g of bucket.groups.values()) {
      const rep = g.dated[0] ?? g.undated[0];
      const place = rep ? alike(c, rep.claim) : null;
      if (place === null) continue;
      const { dated, undated } = g;
      let i = n.day === null ? 0 : lowerBound(dated, n.day - window);
      const last = n.day === null ? Infinity : n.day + window;
      for (; i < dated.length && (dated[i].day as number) <= last; i++) {
        const o = dated[i];
        if (o !== n && (!worth || worth(o)) && sure(o) && timely(c, o.claim, place, true)) visit(o);
      }
      for (const o of undated) if (o !== n && (!worth || worth(o)) && sure(o) && timely(c, o.claim, place)) visit(o);
    }
  }

  /** Claims that clash with `n`, of those `worth` lets through (a cheap test of distance first). */
  private clashing(n: Node, visit: (o: Node) => void, worth?: (o: Node) => boolean): void {
    this.comparables(
      n,
      (o) => {
        if (collides(n.claim, o.claim)) visit(o);
      },
      worth,
    );
  }

  /** A new node: its own nearest, and a place among the nearest of the claims it clashes with. */
  private add(n: Node, touched: Set<string>): void {
    const mine: Node[] = [];
    // A claim that would enter neither list is not worth comparing: in a measure reported daily
    // the lists fill with the nearest days and almost every other claim is let go unread.
    const intoMine = (o: Node) => mine.length < NEAREST || closer(n, o, mine[NEAREST - 1]);
    const intoTheirs = (o: Node) => o.near.length < NEAREST || closer(o, n, o.near[o.near.length - 1]);
    this.clashing(
      n,
      (o) => {
        if (intoMine(o)) offer(mine, n, o);
        if (intoTheirs(o)) {
          if (o.near.length === NEAREST) this.unlink(o, o.near.pop()!, touched);
          o.near.splice(slot(o.near, o, n), 0, n);
          this.link(o, n, touched);
        }
      },
      (o) => intoMine(o) || intoTheirs(o),
    );
    for (const o of mine) {
      n.near.push(o);
      this.link(n, o, touched);
    }
  }

  /** Recomputes a node's nearest after one of them went. */
  private renear(n: Node, touched: Set<string>): void {
    const mine: Node[] = [];
    this.clashing(
      n,
      (o) => offer(mine, n, o),
      (o) => mine.length < NEAREST || closer(n, o, mine[NEAREST - 1]),
    );
    const before = new Set(n.near);
    for (const o of mine) if (!before.has(o)) this.link(n, o, touched);
    const after = new Set(mine);
    for (const o of before) if (!after.has(o)) this.unlink(n, o, touched);
    n.near = mine;
  }

  /** `n` now lists `o`. */
  private link(n: Node, o: Node, touched: Set<string>): void {
    const known = n.pairs.get(o);
    if (known) {
      known.refs++;
      return;
    }
    const [a, b] = pairId(n, o);
    const reason = clash(a.claim, b.claim) ?? '';
    const kind = pairKind(a.claim, b.claim) ?? 'contradiction';
    const pair: Pair = { a, b, refs: 1, key: `${a.claim.path}\u0000${b.claim.path}\u0000${reason}`, reason, kind };
    a.pairs.set(b, pair);
    b.pairs.set(a, pair);
    let set = this.keys.get(pair.key);
    if (!set) {
      this.keys.set(pair.key, (set = new Set()));
      for (const path of [a.claim.path, b.claim.path]) {
        let keys = this.keysOf.get(path);
        if (!keys) this.keysOf.set(path, (keys = new Set()));
        keys.add(pair.key);
      }
    }
    set.add(pair);
    this.made.delete(pair.key);
    touched.add(a.claim.path);
    touched.add(b.claim.path);
  }

  /** `n` no longer lists `o`. */
  private unlink(n: Node, o: Node, touched: Set<string>): void {
    const pair = n.pairs.get(o);
    if (!pair || --pair.refs > 0) return;
    this.forget(pair, touched);
  }

  private forget(pair: Pair, touched: Set<string>): void {
    pair.a.pairs.delete(pair.b);
    pair.b.pairs.delete(pair.a);
    const set = this.keys.get(pair.key);
    if (set) {
      set.delete(pair);
      this.made.delete(pair.key);
      if (!set.size) {
        this.keys.delete(pair.key);
        for (const path of [pair.a.claim.path, pair.b.claim.path]) {
          const keys = this.keysOf.get(path);
          keys?.delete(pair.key);
          if (keys && !keys.size) this.keysOf.delete(path);
        }
      }
    }
    touched.add(pair.a.claim.path);
    touched.add(pair.b.claim.path);
  }

  /** Takes a document's claims out; returns the other claims that lost one of their nearest. */
  private drop(path: string, touched: Set<string>): Set<Node> {
    const refill = new Set<Node>();
    const old = this.docs.get(path);
    if (!old) return refill;
    const going = new Set(old);
    for (const n of old) {
      for (const pair of [...n.pairs.values()]) {
        const other = pair.a === n ? pair.b : pair.a;
        if (!going.has(other)) {
          const i = other.near.indexOf(n);
          if (i >= 0) {
            other.near.splice(i, 1);
            refill.add(other);
          }
        }
        this.forget(pair, touched);
      }
      n.near = [];
    }
    for (const n of old) {
      const bucket = this.buckets.get(bucketOf(n.claim));
      const g = bucket?.groups.get(groupKey(n.claim));
      if (!bucket || !g) continue;
      const list = n.day === null ? g.undated : g.dated;
      let i = n.day === null ? 0 : lowerBound(list, n.day);
      while (i < list.length && list[i] !== n) i++;
      if (i < list.length) list.splice(i, 1);
      if (!g.dated.length && !g.undated.length) bucket.groups.delete(groupKey(n.claim));
      if (!bucket.groups.size) this.buckets.delete(bucketOf(n.claim));
    }
    return refill;
  }

  private changed(touched: Set<string>): void {
    this.sorted = null;
    for (const p of touched) this.sortedOf.delete(p);
  }

  /** How many contradictions are listed: contradictions().length without sorting them. */
  get count(): number {
    return this.keys.size;
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  /** Every listed contradiction, in a stable order (by the first span's path and offset). */
  contradictions(): Contradiction[] {
    if (!this.sorted) this.sorted = [...this.keys.keys()].map((k) => this.contradictionAt(k)).sort(order);
    return this.sorted;
  }

  /** The contradictions one document takes part in, in the same order. */
  contradictionsOf(path: string): Contradiction[] {
    let list = this.sortedOf.get(path);
    if (!list) {
      const keys = this.keysOf.get(path);
      list = keys ? [...keys].map((k) => this.contradictionAt(k)).sort(order) : [];
      this.sortedOf.set(path, list);
    }
    return list;
  }

  /** The comparable claims of one document (boilerplate and unknown measures left out). */
  claims(path: string): ClaimView[] {
    return (this.docs.get(path) ?? []).map((n) => view(n.claim));
  }

  /**
   * The figure at `offset` in `path` with the other sources' figures on the same measure, for
   * hovers and code lenses; null when there is no comparable figure there.
   */
  groupAt(path: string, offset: number): ClaimGroup | null {
    const own = this.docs.get(path);
    if (!own) return null;
    let found: Node | undefined;
    for (const n of own) {
      const c = n.claim;
      if (c.start <= offset && offset < c.end && (!found || c.end - c.start < found.claim.end - found.claim.start)) found = n;
    }
    return found ? this.groupOf(found) : null;
  }

  /**
   * The two figures of a listed pair as the group of `mine` would show them, found directly: a
   * warning's text needs only these two, and building the whole group for each warning made
   * publishing a large corpus's problems quadratic in the size of its claim buckets.
   */
  pairAt(mine: { path: string; start: number; end: number }, theirs: { path: string; start: number; end: number }): { claim: ClaimView; other: (ClaimView & { reason?: string }) | null } | null {
    const at = (s: { path: string; start: number; end: number }) => this.docs.get(s.path)?.find((n) => n.claim.start === s.start && n.claim.end === s.end);
    const m = at(mine);
    if (!m) return null;
    const o = at(theirs);
    if (!o) return { claim: view(m.claim), other: null };
    const [a, b] = byPosition(m.claim, o.claim) <= 0 ? [m.claim, o.claim] : [o.claim, m.claim];
    const reason = clash(a, b);
    return { claim: view(m.claim), other: reason ? { ...view(o.claim), reason } : view(o.claim) };
  }

  /** Groups for every figure of a document that another source also reports on. */
  groupsIn(path: string): ClaimGroup[] {
    const out: ClaimGroup[] = [];
    for (const n of this.docs.get(path) ?? []) {
      const g = this.groupOf(n);
      if (g.sources > 1) out.push(g);
    }
    return out;
  }

  private groupOf(n: Node): ClaimGroup {
    const claim = n.claim;
    const others: ClaimGroup['others'] = [];
    let topicWith: Claim = claim;
    this.comparables(n, (o) => {
      const other = o.claim;
      const [a, b] = byPosition(claim, other) <= 0 ? [claim, other] : [other, claim];
      const reason = clash(a, b);
      others.push(reason ? { ...view(other), agrees: false, reason } : { ...view(other), agrees: true });
      if (topicWith === claim) topicWith = other;
    });
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

/**
 * Both figures name the same town, site or province (not a country): with a link between their
 * articles, evidence enough that an undated figure tells the same event ("32 قتيلاً في سوهاج").
 */
function samePlace(x: Claim, y: Claim): boolean {
  return !!x.places && !!y.places && x.places.length === y.places.length && x.places.every((p, i) => p === y.places![i] && !p.startsWith('*') && !isCountry(p));
}

/** Where `o` goes in `n`'s list of nearest, kept best first. */
function slot(list: Node[], n: Node, o: Node): number {
  let i = list.length;
  while (i > 0 && closer(n, o, list[i - 1])) i--;
  return i;
}

/** Keeps `list` the NEAREST best partners of `n` seen so far. */
function offer(list: Node[], n: Node, o: Node): void {
  if (list.length === NEAREST && !closer(n, o, list[NEAREST - 1])) return;
  list.splice(slot(list, n, o), 0, o);
  if (list.length > NEAREST) list.pop();
}

/** The contradiction a key stands for: its pair first in document order. */
function contradictionOf(pairs: Set<Pair>): Contradiction {
  let best: Pair | undefined;
  for (const p of pairs) {
    if (!best || p.a.claim.start < best.a.claim.start || (p.a.claim.start === best.a.claim.start && p.b.claim.start < best.b.claim.start)) best = p;
  }
  const a = best!.a.claim;
  const b = best!.b.claim;
  const kind = best!.kind;
  let message = `${cite(a)} vs ${cite(b)}: ${best!.reason}`;
  if (kind === 'update') {
    const [early, late] = updateOrder(a, b);
    message = `updated from ${citeValue(early)} to ${citeValue(late)}`;
  } else if (kind === 'internal') {
    message = `within one article: ${message}`;
  }
  return {
    kind,
    story: a.story,
    topic: topicOf(a, b),
    message,
    a: { path: a.path, start: a.start, end: a.end },
    b: { path: b.path, start: b.start, end: b.end },
  };
}

/** "40 ("40 قتيلاً", a.txt, 2024-06-12, per الدفاع المدني)": a figure in an update. */
function citeValue(c: Claim): string {
  const parts = [`"${c.text}"`, c.path, c.date ?? 'undated'];
  if (c.source) parts.push(`per ${c.source}`);
  return `${c.value.label} (${parts.join(', ')})`;
}
