// Shapes of the index sent to the client: spans to paint, the status bar counts, the summary.
import type { CorpusStatus, CorpusSummaryDocument, DocumentSpansParams, SpanKind } from '../protocol';
import type { IndexEntry, WorkspaceIndex } from '../workspaceIndex';

export function spansOf(entry: IndexEntry): DocumentSpansParams {
  return {
    uri: entry.uri,
    version: entry.version ?? 0,
    spans: entry.analysis.mentions.map((m) => ({ kind: m.kind, start: m.start, end: m.end, boilerplate: m.boilerplate })),
    boilerplate: entry.analysis.boilerplate,
  };
}

function counts(entry: IndexEntry): Record<SpanKind, number> {
  const c: Record<SpanKind, number> = { person: 0, organization: 0, place: 0, date: 0, quantity: 0 };
  for (const m of entry.analysis.mentions) if (!m.boilerplate) c[m.kind]++;
  return c;
}

export function statusOf(index: WorkspaceIndex, indexing: { active: boolean; done: number; total: number }): CorpusStatus {
  const counts = index.counts();
  return {
    indexing: indexing.active,
    done: indexing.done,
    total: indexing.total,
    documents: index.size,
    actors: counts.actors,
    dates: counts.dates,
    figures: counts.figures,
    contradictions: indexing.active ? 0 : index.contradictions().length,
    unreadable: [...index.unreadable].map(([uri, reason]) => ({ path: index.displayPath(uri), reason })),
  };
}

export function summaryOf(index: WorkspaceIndex): CorpusSummaryDocument[] {
  return index
    .all()
    .map((e) => ({ uri: e.uri, path: e.path, published: e.analysis.published, outlet: e.analysis.outlet, counts: counts(e) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}
