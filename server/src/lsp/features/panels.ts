// Answers for the Sanad panel: actors with counts, an actor's mentions, the timeline of dates, and
// figures grouped by what they measure.
import type { ActorSummary, CorpusLocation, FigureMeasure, TimelineEntry } from '../../../../shared/src/protocol';
import type { Mention } from '../../analysis';
import type { IndexEntry, WorkspaceIndex } from '../workspaceIndex';
import { contextOf, rangeOf } from './locations';
import { mentionsOf } from './navigation';
import { showInterval } from '../../format/table';
import { measureKeyOf, readableMeasure } from './measures';
import { isComparedMeasure } from '../../format/measureNames';
import { ActorNames } from '../../format/actorNames';

/** The articles' own spelling of each place key (for places the name data does not know). */
function placeSpeller(index: WorkspaceIndex): (key: string) => string {
  const names = new ActorNames();
  for (const entry of index.all()) for (const m of entry.analysis.mentions) if (m.kind === 'place' && !m.boilerplate) names.add(m);
  return (k) => names.nameOf(k);
}

function corpusLocation(entry: IndexEntry, m: Mention): CorpusLocation {
  return { uri: entry.uri, path: entry.path, range: rangeOf(entry, m.start, m.end), text: m.text, context: contextOf(entry, m.start, m.end), boilerplate: m.boilerplate };
}

export function actors(index: WorkspaceIndex): ActorSummary[] {
  const byEntity = new Map<string, Omit<ActorSummary, 'paths'> & { uris: Set<string> }>();
  const names = new ActorNames();
  for (const entry of index.all()) {
    for (const m of entry.analysis.mentions) {
      if (!m.entity || m.boilerplate || (m.kind !== 'person' && m.kind !== 'organization' && m.kind !== 'place')) continue;
      names.add(m);
      let a = byEntity.get(m.entity);
      if (!a) byEntity.set(m.entity, (a = { entity: m.entity, name: m.entity, kind: m.kind, mentions: 0, files: 0, uris: new Set() }));
      a.mentions++;
      a.uris.add(entry.path);
    }
  }
  return [...byEntity.values()]
    .map(({ uris, ...a }) => ({ ...a, name: names.nameOf(a.entity), files: uris.size, paths: [...uris].sort() }))
    .sort((a, b) => b.mentions - a.mentions || (a.entity < b.entity ? -1 : 1));
}

export function entityMentions(index: WorkspaceIndex, entity: string): CorpusLocation[] {
  return mentionsOf(index, entity).map(({ entry, mention }) => corpusLocation(entry, mention));
}

export function timeline(index: WorkspaceIndex): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const entry of index.all()) {
    for (const m of entry.analysis.mentions) {
      if (m.kind !== 'date' || m.boilerplate || typeof m.value !== 'string') continue;
      out.push({ value: m.value, note: m.note, location: corpusLocation(entry, m), published: entry.analysis.published });
    }
  }
  return out.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.location.path < b.location.path ? -1 : 1));
}

/**
 * Figures grouped by what they measure, named for people. Figures nobody compares across sources
 * (durations) are left out unless `showAll` (the setting sanad.figures.showAll) asks for them.
 */
export function figures(index: WorkspaceIndex, showAll = false): FigureMeasure[] {
  const conflicted = new Set<string>();
  for (const c of index.contradictions()) {
    conflicted.add(`${c.a.path}#${c.a.start}`);
    conflicted.add(`${c.b.path}#${c.b.start}`);
  }
  const groups = new Map<string, FigureMeasure>();
  const spell = placeSpeller(index);
  for (const entry of index.all()) {
    for (const m of entry.analysis.mentions) {
      if (m.kind !== 'quantity' || m.boilerplate || !m.value || typeof m.value !== 'object') continue;
      const key = measureKeyOf(m);
      if (!key || (!showAll && !isComparedMeasure(m))) continue;
      // Grouped by the name people read: two engine keys that read alike ("attacks in Iraq") are
      // one measure to a fact-checker, and two rows of one name could not be told apart.
      const name = readableMeasure(m, spell);
      const shown = `${name.en}\u0000${name.ar}`;
      let g = groups.get(shown);
      if (!g) groups.set(shown, (g = { topic: name.en, topicAr: name.ar, key, claims: [], conflicts: 0 }));
      const conflict = conflicted.has(`${entry.path}#${m.start}`);
      if (conflict) g.conflicts++;
      g.claims.push({ location: corpusLocation(entry, m), value: showInterval(m.value), published: entry.analysis.published, outlet: entry.analysis.outlet, source: m.source, conflict });
    }
  }
  return [...groups.values()].sort((a, b) => b.conflicts - a.conflicts || b.claims.length - a.claims.length || (a.topic < b.topic ? -1 : 1));
}
