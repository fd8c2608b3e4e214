// Navigation over actors across the corpus: definition (the fullest mention of that actor),
// references (every mention in every file), the Outline, and Ctrl+T.
import { measureBaseName } from '../../format/measureNames';
import { SymbolKind, type DocumentSymbol, type Location, type WorkspaceSymbol } from 'vscode-languageserver/node';
import { fold, type Mention } from '../../analysis';
import type { WorkspaceIndex, IndexEntry } from '../workspaceIndex';
import { locationOf, rangeOf } from './locations';
import { mentionAt } from './hover';
import { showInterval } from '../../format/table';
import { ActorNames } from '../../format/actorNames';
import { fsi, ltr } from '../../../../shared/src/bidi';

function actorAt(entry: IndexEntry, offset: number): Mention | undefined {
  const m = mentionAt(entry.analysis.mentions, offset);
  return m?.entity ? m : undefined;
}

/** Every mention of one actor across the corpus, boilerplate last, in a stable order. */
export function mentionsOf(index: WorkspaceIndex, entity: string): Array<{ entry: IndexEntry; mention: Mention }> {
  const out: Array<{ entry: IndexEntry; mention: Mention }> = [];
  for (const entry of index.all()) for (const mention of entry.analysis.mentions) if (mention.entity === entity) out.push({ entry, mention });
  return out.sort((a, b) => Number(a.mention.boilerplate) - Number(b.mention.boilerplate) || (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : a.mention.start - b.mention.start));
}

export function references(index: WorkspaceIndex, uri: string, offset: number): Location[] | null {
  const entry = index.get(uri);
  const actor = entry && actorAt(entry, offset);
  if (!actor) return null;
  return mentionsOf(index, actor.entity!).map(({ entry: e, mention }) => locationOf(e, mention.start, mention.end));
}

/** The definition of an actor is its fullest mention: the longest spelling, outside boilerplate. */
export function definition(index: WorkspaceIndex, uri: string, offset: number): Location | null {
  const entry = index.get(uri);
  const actor = entry && actorAt(entry, offset);
  if (!actor) return null;
  let best: { entry: IndexEntry; mention: Mention } | undefined;
  for (const c of mentionsOf(index, actor.entity!)) {
    if (!best || (best.mention.boilerplate && !c.mention.boilerplate) || (c.mention.boilerplate === best.mention.boilerplate && c.mention.text.length > best.mention.text.length)) best = c;
  }
  return best ? locationOf(best.entry, best.mention.start, best.mention.end) : null;
}

const SYMBOL_KIND: Record<Mention['kind'], SymbolKind> = {
  person: SymbolKind.Variable,
  organization: SymbolKind.Module,
  place: SymbolKind.Package,
  date: SymbolKind.Event,
  quantity: SymbolKind.Number,
};

const GROUPS: Array<{ name: string; kinds: Array<Mention['kind']> }> = [
  { name: 'Actors', kinds: ['person', 'organization', 'place'] },
  { name: 'Dates', kinds: ['date'] },
  { name: 'Figures', kinds: ['quantity'] },
];

// The Outline draws a symbol's name and detail on one left-to-right row: the Arabic name and the
// values are isolated so that a date's ISO value or an interval never mixes into the Arabic run.
function detailOf(m: Mention): string {
  if (m.kind === 'date' && typeof m.value === 'string') return ltr(m.value);
  if (m.kind === 'quantity' && m.value && typeof m.value === 'object') {
    // What the figure counts, named for people (format/measureNames.ts), never the engine's key.
    const name = measureBaseName(m);
    return `${ltr(showInterval(m.value))}${name ? ' ' + fsi(name.en) : ''}`;
  }
  return m.kind === 'organization' ? 'organisation' : m.kind;
}

/** The Outline: actors (one entry per actor, its mentions beneath), dates and figures in order. */
export function documentSymbols(entry: IndexEntry): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const live = entry.analysis.mentions.filter((m) => !m.boilerplate);
  for (const group of GROUPS) {
    const members = live.filter((m) => group.kinds.includes(m.kind));
    if (members.length === 0) continue;
    let children: DocumentSymbol[];
    if (group.name === 'Actors') {
      const byEntity = new Map<string, Mention[]>();
      for (const m of members) byEntity.set(m.entity ?? m.text, [...(byEntity.get(m.entity ?? m.text) ?? []), m]);
      const names = ActorNames.of(members);
      children = [...byEntity].map(([entity, ms]) => ({
        name: fsi(names.nameOf(entity)),
        detail: `${detailOf(ms[0])} · ${ltr(`${ms.length}×`)}`,
        kind: SYMBOL_KIND[ms[0].kind],
        range: rangeOf(entry, ms[0].start, ms[ms.length - 1].end),
        selectionRange: rangeOf(entry, ms[0].start, ms[0].end),
        children: ms.map((m) => ({ name: fsi(m.text), detail: '', kind: SYMBOL_KIND[m.kind], range: rangeOf(entry, m.start, m.end), selectionRange: rangeOf(entry, m.start, m.end) })),
      }));
    } else {
      children = members.map((m) => ({
        name: fsi(m.text.replace(/\s+/g, ' ')),
        detail: detailOf(m),
        kind: SYMBOL_KIND[m.kind],
        range: rangeOf(entry, m.start, m.end),
        selectionRange: rangeOf(entry, m.start, m.end),
      }));
    }
    const first = members[0];
    const last = members[members.length - 1];
    out.push({ name: group.name, kind: SymbolKind.Namespace, range: rangeOf(entry, first.start, last.end), selectionRange: rangeOf(entry, first.start, first.end), children });
  }
  return out;
}

/**
 * VS Code filters the symbols it gets by the characters typed, without folding Arabic spellings:
 * "السودانى" (final ى) or "ايران" (no hamza) would find the actor here and then be hidden there.
 * When the typed spelling is not in the name, it is shown beside it, so the row stays.
 */
function shownFor(name: string, query: string): string {
  const typed = query.trim();
  return !typed || name.toLowerCase().includes(typed.toLowerCase()) ? name : `${name} ≈ ${typed}`;
}

/** Ctrl+T: actors whose canonical name or any spelling holds the query, one item per actor and file. */
export function workspaceSymbols(index: WorkspaceIndex, query: string, limit = 500): WorkspaceSymbol[] {
  const q = fold(query);
  const names = ActorNames.of(index.all().flatMap((e) => e.analysis.mentions));
  const seen = new Set<string>();
  const out: WorkspaceSymbol[] = [];
  for (const entry of index.all()) {
    for (const m of entry.analysis.mentions) {
      if (!m.entity || m.boilerplate) continue;
      const key = `${m.entity}\u0000${entry.uri}`;
      if (seen.has(key)) continue;
      if (q && !fold(m.entity).includes(q) && !fold(m.text).includes(q)) continue;
      seen.add(key);
      out.push({ name: shownFor(names.nameOf(m.entity), query), kind: SYMBOL_KIND[m.kind], containerName: entry.path, location: locationOf(entry, m.start, m.end) });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
