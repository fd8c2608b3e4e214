// The Stories view and the story line of a figure's hover: the engine's stories (articles about
// the same event, analysis/stories/) with a readable name (format/storyNames.ts), their articles,
// their figures by measure and their listed pairs (contradictions, updates, internal).
import type { CorpusLocation, FigureMeasure, StoryConflict, StorySummary } from '../../../../shared/src/protocol';
import type { Contradiction } from '../../analysis';
import type { IndexEntry, WorkspaceIndex } from '../workspaceIndex';
import { contextOf, rangeOf } from './locations';
import { figures } from './panels';
import { firstLineOf } from './publication';
import { nameOf } from './storyTitle';

function location(entry: IndexEntry, start: number, end: number): CorpusLocation {
  return { uri: entry.uri, path: entry.path, range: rangeOf(entry, start, end), text: entry.text.slice(start, end), context: contextOf(entry, start, end), boilerplate: false };
}

function conflictOf(c: Contradiction, index: WorkspaceIndex): StoryConflict | null {
  const a = index.byPath(c.a.path);
  const b = index.byPath(c.b.path);
  if (!a || !b) return null;
  return { kind: c.kind ?? 'contradiction', topic: c.topic, message: c.message, a: location(a, c.a.start, c.a.end), b: location(b, c.b.start, c.b.end) };
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Every story of the corpus, the ones with most conflicts and articles first. */
export function stories(index: WorkspaceIndex, showAll = false): StorySummary[] {
  const groups = new Map<string, IndexEntry[]>();
  for (const entry of index.all()) {
    const id = index.claims.storyOf(entry.path);
    if (!id) continue;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = []));
    g.push(entry);
  }
  const storyOfPath = (path: string) => index.claims.storyOf(path) ?? '';
  // The Figures view's measures, split by story: a measure's figures of one story together.
  const measures = new Map<string, FigureMeasure[]>();
  for (const m of figures(index, showAll)) {
    const split = new Map<string, FigureMeasure>();
    for (const c of m.claims) {
      const id = storyOfPath(c.location.path);
      let part = split.get(id);
      if (!part) split.set(id, (part = { ...m, claims: [], conflicts: 0 }));
      part.claims.push(c);
      if (c.conflict) part.conflicts++;
    }
    for (const [id, part] of split) measures.set(id, [...(measures.get(id) ?? []), part]);
  }
  const conflicts = new Map<string, StoryConflict[]>();
  for (const c of index.contradictions()) {
    const id = c.story ?? storyOfPath(c.a.path);
    const conflict = conflictOf(c, index);
    if (conflict) conflicts.set(id, [...(conflicts.get(id) ?? []), conflict]);
  }
  const out: StorySummary[] = [];
  for (const [id, entries] of groups) {
    entries.sort(byPath);
    out.push({
      id,
      title: nameOf(entries),
      articles: entries.map((e) => {
        const head = firstLineOf(e);
        return {
          uri: e.uri,
          path: e.path,
          outlet: e.analysis.outlet,
          published: e.analysis.published,
          publishedFrom: e.analysis.publishedFrom ?? null,
          headline: e.text.slice(head.start, head.end).replace(/\s+/g, ' ').trim(),
          range: rangeOf(e, head.start, head.end),
        };
      }),
      measures: (measures.get(id) ?? []).sort((a, b) => b.conflicts - a.conflicts || b.claims.length - a.claims.length || (a.topic < b.topic ? -1 : 1)),
      conflicts: conflicts.get(id) ?? [],
    });
  }
  const warnings = (s: StorySummary) => s.conflicts.filter((c) => c.kind !== 'update').length;
  return out.sort((a, b) => warnings(b) - warnings(a) || b.articles.length - a.articles.length || (a.title.en < b.title.en ? -1 : a.title.en > b.title.en ? 1 : a.id < b.id ? -1 : 1));
}
