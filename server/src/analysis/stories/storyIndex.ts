// Stories: articles about the same event, grouped so that only their figures are compared. Two
// articles are linked when they name a common place, report the same kind of event (or leave it
// unsaid), were published within STORY_DAYS of each other (or one is undated), and their profiles
// (profile.ts: distinctive words, places, actors) are similar enough; a story is a connected group
// of linked articles. Whether two articles are linked depends on those two only, so the groups do
// not depend on the order articles arrive in, and the index below, updated one article at a time,
// always holds what a one-shot run over the same articles would give.
//
// Cost: an article is only compared with the articles that share one of its keys (places and
// heaviest words, an inverted index), and a change regroups only the stories it touched. A key
// that more than MAX_SHARED articles hold is like a stop word: it tells no story from another
// ("غزة" in an archive of the war), and comparing every article that holds it made the index
// quadratic (a thousand generated articles took seconds, ten thousand minutes). Such a key is not
// followed; the rarer keys the articles share still link them. (The one place where arrival order
// matters: articles that came while the key was still rare were compared through it.)
import type { DocumentAnalysis } from '../types';
import { ONE_SITE, profileOf, similarity, type StoryProfile } from './profile';
import { NO_FEATURES } from './features';
import { within } from '../claims/placeTree';

/** A key held by more articles than this is not followed to find an article's candidates. */
const MAX_SHARED = 64;

/** Articles published further apart than this are not one story (a quarter: campaigns run for months). */
const STORY_DAYS = 92;
/** Similarity that links two articles into one story. */
const LINK = 0.15;
/** Distinctive words, places and actors (features.ts sharedDot) two articles must share to be linked. */
const MIN_EVIDENCE = 3;
/** Similarity that links two articles naming no place in common. */
const UNPLACED_LINK = 0.2;
/**
 * Similarity at which two articles are surely about the same event: what a figure whose time is
 * unknown needs before it is compared (an undated figure is not taken to be simultaneous).
 */
const STRONG = 0.3;

/** True when the places two articles name most can be one site ("بغداد" and "الكرادة" can). */
function sameSite(a: StoryProfile, b: StoryProfile): boolean {
  // Campaigns and wide disasters span many places; only one-site events are told apart by site.
  if (!(a.kind && ONE_SITE.has(a.kind)) && !(b.kind && ONE_SITE.has(b.kind))) return true;
  if (!a.local || !b.local || a.local === b.local) return true;
  if (within(a.local, b.local) || within(b.local, a.local)) return true;
  // Each names the other's site: a follow-up recalls the first place, the first names the second.
  return a.places.includes(b.local) && b.places.includes(a.local);
}

/** How two articles relate: null when they are not one story, else their similarity. */
export function affinity(a: StoryProfile, b: StoryProfile): number | null {
  return a.path === b.path ? 1 : between(a, b);
}

/** How two articles of different paths relate (affinity without comparing the paths). */
function between(a: StoryProfile, b: StoryProfile): number | null {
  if (a.kind && b.kind && a.kind !== b.kind) return null;
  if (a.day !== null && b.day !== null && Math.abs(a.day - b.day) > STORY_DAYS) return null;
  if (!sameSite(a, b)) return null;
  const s = similarity(a, b, MIN_EVIDENCE);
  if (s === null) return null;
  // Without a place in common the words alone must say more.
  const shared = a.places.some((p) => b.places.includes(p));
  return s >= (shared ? LINK : UNPLACED_LINK) ? s : null;
}

/** A short, stable id for the story whose first article (by path) is `path`. */
function storyId(path: string): string {
  // FNV-1a over the UTF-16 units: the same on every machine.
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `s${h.toString(16).padStart(8, '0')}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const EMPTY: Omit<StoryProfile, 'path'> = { day: null, features: NO_FEATURES, norm: 0, places: [], keys: [], kind: null, local: null };

/** An article in the index. */
interface Entry {
  path: string;
  profile: StoryProfile;
  /** Linked paths with their similarity. */
  links: Map<string, number>;
  /** The update that last compared it (StoryIndex.visits). */
  seen: number;
}

/**
 * The stories of a corpus, kept up to date one article at a time. Dated articles make the
 * stories: a story is a connected group of linked dated articles. An undated article joins the
 * story of the dated article it is most like (it never joins two stories into one: an explainer
 * that recalls two fires is not a bridge between them); undated articles linked to no dated one
 * make stories among themselves.
 */
export class StoryIndex {
  /** Path → the article's profile and links. */
  private readonly entries = new Map<string, Entry>();
  /** Index key (place or heavy word) → the articles that hold it. */
  private readonly byKey = new Map<string, Set<Entry>>();
  /** Counts updates: an entry whose `seen` is the current count was compared in this one. */
  private visits = 0;
  /** Some profile was given with a path that is not its article's (then paths are compared as well). */
  private strayPaths = false;
  /** Path → story id. */
  private readonly ids = new Map<string, string>();
  /** Story id → its paths. */
  private readonly members = new Map<string, Set<string>>();
  /**
   * Story id → its first dated article by path (null: none), while known. A story's id is made
   * from it; finding it by walking the story at every new article made loading a corpus whose
   * stories grow to thousands of articles quadratic. Kept as articles join; forgotten (found
   * again on demand) when the first one leaves or when an article of the story is updated.
   */
  private readonly firsts = new Map<string, string | null>();

  /** Names the story of an article; records it in `changed` when it is new. */
  private assign(p: string, id: string, changed: Set<string>): void {
    const old = this.ids.get(p);
    if (old === id) return;
    if (old) this.leave(p, old);
    this.ids.set(p, id);
    let set = this.members.get(id);
    if (!set) this.members.set(id, (set = new Set()));
    set.add(p);
    const first = this.firsts.get(id);
    if (first !== undefined && this.dated(p) && (first === null || p < first)) this.firsts.set(id, p);
    changed.add(p);
  }

  private leave(p: string, id: string): void {
    const set = this.members.get(id);
    set?.delete(p);
    if (set && !set.size) this.members.delete(id);
    if (this.firsts.get(id) === p || !set?.size) this.firsts.delete(id);
  }

  /** The first dated article (by path) of a story, null when it has none. */
  private firstDated(id: string): string | null {
    let first = this.firsts.get(id);
    if (first === undefined) {
      first = null;
      for (const p of this.members.get(id) ?? []) if (this.dated(p) && (first === null || p < first)) first = p;
      this.firsts.set(id, first);
    }
    return first;
  }

  /**
   * Adds or replaces an article (its profile made from `doc` and `text`, or `given`); returns the
   * paths whose story changed (this one included).
   */
  update(doc: DocumentAnalysis, text?: string, given?: StoryProfile): string[] {
    let profile: StoryProfile;
    try {
      profile = given ?? profileOf(doc, text);
    } catch {
      profile = { ...EMPTY, path: doc.path };
    }
    this.datedBefore = this.entries.has(doc.path) ? this.dated(doc.path) : null;
    // Its story's first dated article may change with its date, whatever else happens.
    const story = this.ids.get(doc.path);
    if (story) this.firsts.delete(story);
    const before = this.unlink(doc.path);
    const mine = new Map<string, number>();
    const entry: Entry = { path: doc.path, profile, links: mine, seen: 0 };
    this.entries.set(doc.path, entry);
    for (const k of profile.keys) {
      let set = this.byKey.get(k);
      if (!set) this.byKey.set(k, (set = new Set()));
      set.add(entry);
    }
    // Each article sharing a key is compared once (the articles met are marked with this visit).
    const visit = ++this.visits;
    entry.seen = visit;
    // Two entries never share a path, so two profiles do unless one was given under another path.
    if (profile.path !== doc.path) this.strayPaths = true;
    const relate = this.strayPaths ? affinity : between;
    for (const k of profile.keys) {
      const holders = this.byKey.get(k);
      if (!holders || holders.size > MAX_SHARED) continue;
      for (const other of holders) {
        if (other.seen === visit) continue;
        other.seen = visit;
        const s = relate(profile, other.profile);
        if (s === null) continue;
        mine.set(other.path, s);
        other.links.set(doc.path, s);
      }
    }
    // A dated article that lost no link can only join stories together: merged without walking
    // them (a story of thousands of articles is not walked at each edit).
    const lost = before.some((p) => !mine.has(p));
    const changed = !lost && profile.day !== null && (!this.ids.has(doc.path) || this.datedBefore === true) ? this.merge(doc.path) : this.regroup([doc.path, ...before, ...mine.keys()]);
    this.datedBefore = null;
    return changed;
  }

  /** Whether the article being updated was dated before the update (null: not in the index). */
  private datedBefore: boolean | null = null;

  /** Joins a dated article's story with its dated neighbours' stories; returns the paths renamed. */
  private merge(path: string): string[] {
    const changed = new Set<string>();
    const stories = new Set<string>();
    const own = this.ids.get(path);
    if (own) stories.add(own);
    const undated: string[] = [];
    for (const o of this.entries.get(path)?.links.keys() ?? []) {
      if (this.dated(o)) {
        const id = this.ids.get(o);
        if (id) stories.add(id);
      } else undated.push(o);
    }
    let first = path;
    for (const id of stories) {
      const f = this.firstDated(id);
      if (f !== null && f < first) first = f;
    }
    const id = storyId(first);
    for (const s of stories) if (s !== id) for (const p of [...(this.members.get(s) ?? [])]) this.assign(p, id, changed);
    this.assign(path, id, changed);
    // Undated neighbours may now be most like this article.
    if (undated.length) for (const p of this.regroup(undated)) changed.add(p);
    return [...changed].sort(cmp);
  }

  /** Removes an article; returns the paths whose story changed. */
  remove(path: string): string[] {
    if (!this.entries.has(path)) return [];
    const before = this.unlink(path);
    const id = this.ids.get(path);
    if (id) this.leave(path, id);
    this.ids.delete(path);
    return this.regroup(before);
  }

  /** Drops an article's profile and links; returns the paths it was linked to. */
  private unlink(path: string): string[] {
    const old = this.entries.get(path);
    if (!old) return [];
    for (const k of old.profile.keys) {
      const set = this.byKey.get(k);
      set?.delete(old);
      if (set && !set.size) this.byKey.delete(k);
    }
    const linked = [...old.links.keys()];
    for (const o of linked) this.entries.get(o)?.links.delete(path);
    this.entries.delete(path);
    return linked;
  }

  private dated(path: string): boolean {
    return this.entries.get(path)?.profile.day != null;
  }

  /** The dated article an undated one is most like: highest similarity, then first path. */
  private anchor(path: string): string | null {
    let best: string | null = null;
    let score = -1;
    for (const [o, s] of this.entries.get(path)?.links ?? []) {
      if (!this.dated(o)) continue;
      if (s > score || (s === score && best !== null && o < best)) [best, score] = [o, s];
    }
    return best;
  }

  /** Names again the stories around `from`; returns the paths whose id changed. */
  private regroup(from: string[]): string[] {
    const changed = new Set<string>();
    const assign = (p: string, id: string) => this.assign(p, id, changed);
    // Dated articles: connected groups over links between dated articles.
    const done = new Set<string>();
    const undated = new Set<string>();
    const near = (p: string) => {
      for (const o of this.entries.get(p)?.links.keys() ?? []) if (!this.dated(o)) undated.add(o);
    };
    for (const start of from) {
      if (!this.entries.has(start)) continue;
      if (!this.dated(start)) {
        undated.add(start);
        continue;
      }
      if (done.has(start)) continue;
      const group = this.walk(start, (p) => this.dated(p), done);
      const id = storyId(group[0]);
      for (const p of group) {
        assign(p, id);
        near(p);
      }
    }
    // Undated articles: with their anchor's story, else with the undated articles they link to
    // (the whole undated group around a changed one is looked at again, so that its name does
    // not depend on which of its members changed).
    const reach = new Set<string>();
    for (const p of undated) if (!reach.has(p)) this.walk(p, (o) => !this.dated(o), reach);
    for (const p of reach) undated.add(p);
    const orphans = new Set<string>();
    for (const p of undated) {
      const a = this.anchor(p);
      if (a) assign(p, this.ids.get(a)!);
      else orphans.add(p);
    }
    const seen = new Set<string>();
    for (const p of orphans) {
      if (seen.has(p)) continue;
      const group = this.walk(p, (o) => !this.dated(o) && !this.anchor(o), seen);
      const id = storyId(group[0]);
      for (const o of group) assign(o, id);
    }
    return [...changed].sort(cmp);
  }

  /** The connected group of `start` over links to articles `inside` lets in, sorted by path. */
  private walk(start: string, inside: (p: string) => boolean, done: Set<string>): string[] {
    const group: string[] = [];
    const queue = [start];
    done.add(start);
    while (queue.length) {
      const p = queue.pop()!;
      group.push(p);
      for (const o of this.entries.get(p)?.links.keys() ?? []) {
        if (!done.has(o) && inside(o)) {
          done.add(o);
          queue.push(o);
        }
      }
    }
    return group.sort(cmp);
  }

  /** The story of an article; null when it is not in the index. */
  storyOf(path: string): string | null {
    return this.ids.get(path) ?? null;
  }

  /** Every story id with its articles (sorted by path), sorted by id. */
  stories(): Array<{ id: string; paths: string[] }> {
    return [...this.members].map(([id, paths]) => ({ id, paths: [...paths].sort(cmp) })).sort((a, b) => cmp(a.id, b.id));
  }

  /**
   * Whether two articles are surely about the same event: the same article, or a direct link at
   * least STRONG. What a figure with no known time needs to be compared.
   */
  strong(a: string, b: string): boolean {
    if (a === b) return true;
    const s = this.entries.get(a)?.links.get(b);
    return s !== undefined && s >= STRONG;
  }

  /** Whether two articles are linked at all (the same article, or a direct link). */
  linked(a: string, b: string): boolean {
    return a === b || this.entries.get(a)?.links.has(b) === true;
  }

  /** Whether the article tells an event of one site (a fire, an explosion: profile.ts ONE_SITE). */
  oneSite(path: string): boolean {
    const kind = this.entries.get(path)?.profile.kind;
    return !!kind && ONE_SITE.has(kind);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }
}
