// Shapes of the index sent to the client: spans to paint, the status bar counts, the summary.
import type { CorpusStatus, CorpusSummaryDocument, DocumentSpansParams, SpanKind } from '../../../../shared/src/protocol';
import type { IndexEntry, WorkspaceIndex } from '../workspaceIndex';
import type { LabelService } from '../labelService';
import type { Contradiction } from '../../analysis';

export function spansOf(entry: IndexEntry, labels: LabelService): DocumentSpansParams {
  return {
    uri: entry.uri,
    version: entry.version ?? 0,
    spans: labels.review(entry.uri, entry.analysis).map((m) => ({ kind: m.kind, start: m.start, end: m.end, boilerplate: m.boilerplate, status: m.status })),
    boilerplate: entry.analysis.boilerplate,
  };
}

function counts(entry: IndexEntry): Record<SpanKind, number> {
  const c: Record<SpanKind, number> = { person: 0, organization: 0, place: 0, date: 0, quantity: 0 };
  for (const m of entry.analysis.mentions) if (!m.boilerplate) c[m.kind]++;
  return c;
}

/**
 * The status bar's numbers. A pair a reviewer marked explained is no longer counted: the count is
 * of what still needs a look. Only when some review exists are the pairs walked one by one.
 */
export function statusOf(index: WorkspaceIndex, indexing: { active: boolean; done: number; total: number }, explained?: (c: Contradiction) => boolean): CorpusStatus {
  const counts = index.counts();
  const open = indexing.active ? 0 : explained ? index.contradictions().filter((c) => !explained(c)).length : index.contradictionCount;
  return {
    indexing: indexing.active,
    done: indexing.done,
    total: indexing.total,
    documents: index.size,
    actors: counts.actors,
    dates: counts.dates,
    figures: counts.figures,
    contradictions: open,
    unreadable: [...index.unreadable].map(([uri, reason]) => ({ path: index.displayPath(uri), reason })),
  };
}

export function summaryOf(index: WorkspaceIndex, labels: LabelService): CorpusSummaryDocument[] {
  return index
    .all()
    .map((e) => {
      const spans = labels.review(e.uri, e.analysis).filter((m) => !m.boilerplate);
      return {
        uri: e.uri,
        path: e.path,
        published: e.analysis.published,
        publishedFrom: e.analysis.publishedFrom ?? null,
        outlet: e.analysis.outlet,
        counts: counts(e),
        unreviewed: spans.filter((m) => m.status === 'suggested').length,
        reviewable: spans.length,
      };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}
