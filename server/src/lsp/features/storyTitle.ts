// A story's readable name (its kind of event, place and first day: format/storyNames.ts) from
// its articles, for the Stories view and the story line of a figure's hover.
import type { Mention } from '../../analysis';
import { profileOf } from '../../analysis/stories/profile';
import { ActorNames } from '../../format/actorNames';
import { storyName, type StoryFacts } from '../../format/storyNames';
import type { MeasureName } from '../../format/measureNames';
import type { IndexEntry, WorkspaceIndex } from '../workspaceIndex';
import { firstLineOf } from './publication';
import { count, say, uiLanguageNow } from '../uiText';
import { fsi } from '../../../../shared/src/bidi';

/** What a story's name is made of, per article: kept with its analysis (made again when it changes). */
const facts = new WeakMap<object, { kind: string | null; local: string | null }>();

function articleFacts(entry: IndexEntry): { kind: string | null; local: string | null } {
  let f = facts.get(entry.analysis);
  if (!f) {
    try {
      const p = profileOf(entry.analysis, entry.text);
      f = { kind: p.kind, local: p.local };
    } catch {
      f = { kind: null, local: null };
    }
    facts.set(entry.analysis, f);
  }
  return f;
}

/** The value found most often (ties: the first in sorted order, so the name is stable). */
function mostCommon(values: Array<string | null>): string | null {
  const n = new Map<string, number>();
  for (const v of values) if (v) n.set(v, (n.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, c] of [...n].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (best === null || c > n.get(best)!) best = v;
  return best;
}

/** The readable name of the story made of `entries`. */
export function nameOf(entries: IndexEntry[]): MeasureName {
  const each = entries.map(articleFacts);
  let place = mostCommon(each.map((f) => f.local));
  const names = new ActorNames();
  const placeMentions: Mention[] = [];
  for (const e of entries) for (const m of e.analysis.mentions) if (m.kind === 'place' && !m.boilerplate && m.entity) placeMentions.push(m);
  for (const m of placeMentions) names.add(m);
  // No town or site stands out: the place the articles name most.
  place ??= mostCommon(placeMentions.map((m) => m.entity ?? null));
  const days = entries
    .map((e) => e.analysis.published)
    .filter((d): d is string => !!d)
    .sort();
  const story: StoryFacts = { kind: mostCommon(each.map((f) => f.kind)), place: place ? { key: place, spelt: names.nameOf(place) } : null, day: days[0] ?? null };
  const first = entries[0];
  const head = first ? firstLineOf(first) : { start: 0, end: 0 };
  return storyName(story, first ? first.text.slice(head.start, head.end).trim() : '');
}

/** The readable name of the story `path` belongs to, and how many articles tell it (null: a story of one). */
export function storyNameOf(index: WorkspaceIndex, path: string): { name: MeasureName; articles: number } | null {
  const id = index.claims.storyOf(path);
  if (!id) return null;
  const members = index.claims.storyList().find((s) => s.id === id)?.paths ?? [path];
  const entries = members.map((p) => index.byPath(p)).filter((e): e is IndexEntry => !!e);
  if (entries.length < 2) return null;
  return { name: nameOf(entries), articles: entries.length };
}

/** The hover's line on a figure: which story it belongs to, and how many articles tell it. */
export function storyHoverLine(index: WorkspaceIndex, path: string): string | null {
  const story = storyNameOf(index, path);
  if (!story) return null;
  return `${say('Story:')} ${fsi(uiLanguageNow() === 'ar' ? story.name.ar : story.name.en)} (${count(story.articles, '{0} article', '{0} articles')})`;
}
