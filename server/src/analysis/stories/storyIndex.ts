// Stories: articles about the same event, grouped so that only their figures are compared. Two
// articles are linked when they name a common place, report the same kind of event (or leave it
// unsaid), were published within STORY_DAYS of each other (or one is undated), and their profiles
// (profile.ts: distinctive words, places, actors) are similar enough; a story is a connected group
// of linked articles. Whether two articles are linked depends on those two only, so the groups do
// not depend on the order articles arrive in, and the index below, updated one article at a time,
// always holds what a one-shot run over the same articles would give.
//
// Cost: an article is only compared with the articles that name one of its places (an inverted
// index), and a change regroups only the stories it touched.
import type { DocumentAnalysis } from '../types';
import { cosine, profileOf, type StoryProfile } from './profile';

/** Articles published further apart than this are not one story (a quarter: campaigns run for months). */
export const STORY_DAYS = 92;
/** Similarity that links two articles into one story. */
export const LINK = 0.2;
/**
 * Similarity at which two articles are surely about the same event: what a figure whose time is
 * unknown needs before it is compared (an undated figure is not taken to be simultaneous).
 */
export const STRONG = 0.3;

/** How two articles relate: null when they are not one story, else their similarity. */
export function affinity(a: StoryProfile, b: StoryProfile): number | null {
  if (a.path === b.path) return 1;
  if (a.kind && b.kind && a.kind !== b.kind) return null;
  if (a.day !== null && b.day !== null && Math.abs(a.day - b.day) > STORY_DAYS) return null;
  if (!a.places.some((p) => b.places.includes(p))) return null;
  const s = cosine(a, b);
  return s >= LINK ? s : null;
}

/** A short, stable id for the story whose first article (by path) is `path`. */
export function storyId(path: string): string {
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

export class StoryIndex {
  private readonly profiles = new Map<string, StoryProfile>();
  /** Place key → paths naming it. */
  private readonly byPlace = new Map<string, Set<string>>();
  /** Path → linked paths with their similarity. */
  private readonly links = new Map<string, Map<string, number>>();
  /** Path → story id. */
  private readonly ids = new Map<string, string>();
  /** Story id → its paths, sorted. */
  private readonly members = new Map<string, string[]>();

  /** Adds or replaces an article; returns the paths whose story changed (this one included). */
  update(doc: DocumentAnalysis, text?: string): string[] {
    let profile: StoryProfile;
    try {
      profile = profileOf(doc, text);
    } catch {
      profile = { path: doc.path, day: null, features: new Map(), norm: 0, places: [], kind: null };
    }
    const before = this.unlink(doc.path);
    this.profiles.set(doc.path, profile);
    for (const p of profile.places) {
      let set = this.byPlace.get(p);
      if (!set) this.byPlace.set(p, (set = new Set()));
      set.add(doc.path);
    }
    const mine = new Map<string, number>();
    this.links.set(doc.path, mine);
    const seen = new Set<string>([doc.path]);
    for (const p of profile.places) {
      for (const other of this.byPlace.get(p) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        const o = this.profiles.get(other)!;
        const s = affinity(profile, o);
        if (s === null) continue;
        mine.set(other, s);
        this.links.get(other)!.set(doc.path, s);
      }
    }
    return this.regroup([doc.path, ...before, ...mine.keys()]);
  }

  /** Removes an article; returns the paths whose story changed. */
  remove(path: string): string[] {
    if (!this.profiles.has(path)) return [];
    const before = this.unlink(path);
    this.links.delete(path);
    const changed = this.regroup(before);
    const id = this.ids.get(path);
    this.ids.delete(path);
    if (id) this.dropMember(id, path);
    return changed;
  }

  /** Drops an article's profile and links; returns the paths it was linked to. */
  private unlink(path: string): string[] {
    const old = this.profiles.get(path);
    if (!old) return [];
    for (const p of old.places) {
      const set = this.byPlace.get(p);
      set?.delete(path);
      if (set && !set.size) this.byPlace.delete(p);
    }
    const linked = [...(this.links.get(path)?.keys() ?? [])];
    for (const o of linked) this.links.get(o)?.delete(path);
    this.links.set(path, new Map());
    this.profiles.delete(path);
    return linked;
  }

  private dropMember(id: string, path: string): void {
    const list = this.members.get(id);
    if (!list) return;
    const i = list.indexOf(path);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) this.members.delete(id);
  }

  /** Names again the stories of the groups holding `from`; returns the paths whose id changed. */
  private regroup(from: string[]): string[] {
    const changed = new Set<string>();
    const done = new Set<string>();
    for (const start of from) {
      if (done.has(start) || !this.profiles.has(start)) continue;
      const group: string[] = [];
      const queue = [start];
      done.add(start);
      while (queue.length) {
        const p = queue.pop()!;
        group.push(p);
        for (const o of this.links.get(p)?.keys() ?? []) {
          if (!done.has(o)) {
            done.add(o);
            queue.push(o);
          }
        }
      }
      group.sort(cmp);
      const id = storyId(group[0]);
      for (const p of group) {
        const old = this.ids.get(p);
        if (old === id) continue;
        if (old) this.dropMember(old, p);
        this.ids.set(p, id);
        changed.add(p);
      }
      this.members.set(id, group);
    }
    return [...changed].sort(cmp);
  }

  /** The story of an article; null when it is not in the index. */
  storyOf(path: string): string | null {
    return this.ids.get(path) ?? null;
  }

  /** The articles of a story, sorted by path. */
  membersOf(id: string): string[] {
    return this.members.get(id) ?? [];
  }

  /** Every story id with its articles, sorted by id. */
  stories(): Array<{ id: string; paths: string[] }> {
    return [...this.members].map(([id, paths]) => ({ id, paths })).sort((a, b) => cmp(a.id, b.id));
  }

  /**
   * Whether two articles are surely about the same event: the same article, or a direct link at
   * least STRONG. What a figure with no known time needs to be compared.
   */
  strong(a: string, b: string): boolean {
    if (a === b) return true;
    const s = this.links.get(a)?.get(b);
    return s !== undefined && s >= STRONG;
  }

  has(path: string): boolean {
    return this.profiles.has(path);
  }
}
