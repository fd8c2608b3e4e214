// "Sanad: Show Timeline of This Figure": the chart of the figure's measure in its story, as the
// corpus report draws it. The report's model picks the story and the measure (format/reportModel.ts)
// and the same renderer draws it (format/timelineSvg.ts), so the editor and the report never show
// two pictures of one measure; each mark comes with its figure's place, for the editor to open.
import type { FigureTimeline, TimelineMark } from '../../../../shared/src/protocol';
import { COMMANDS } from '../../../../shared/src/commands';
import type { Mention } from '../../analysis';
import { reportMeasureOf } from '../../format/reportModel';
import { CHART_CSS, legendSwatch, renderTimeline } from '../../format/timelineSvg';
import { say, uiLanguageNow } from '../uiText';
import { storyNameOf } from './storyTitle';
import type { WorkspaceIndex } from '../workspaceIndex';
import { corpusOf } from './exporting';
import { rangeOf } from './locations';

/** The innermost figure over OFFSET. */
function figureAt(mentions: readonly Mention[], offset: number): Mention | undefined {
  let best: Mention | undefined;
  for (const m of mentions) if (m.kind === 'quantity' && m.start <= offset && offset < m.end && (!best || m.end - m.start < best.end - best.start)) best = m;
  return best;
}

function readableStory(index: WorkspaceIndex, path: string): string | null {
  const story = storyNameOf(index, path);
  return story ? (uiLanguageNow() === 'ar' ? story.name.ar : story.name.en) : null;
}

export function figureTimeline(uri: string, offset: number, index: WorkspaceIndex): FigureTimeline | null {
  const entry = index.get(uri);
  if (!entry) return null;
  // The cursor just after a figure (where a double click or typing leaves it) still means it.
  const figure = figureAt(entry.analysis.mentions, offset) ?? figureAt(entry.analysis.mentions, offset - 1);
  if (!figure) return null;
  const { corpus, texts } = corpusOf(index);
  const found = reportMeasureOf({ documents: corpus.documents, contradictions: corpus.contradictions, texts, hrefOf: () => undefined }, entry.path, figure.start);
  if (!found) return null;
  const { story, measure } = found;
  const marks: TimelineMark[] = [];
  for (const f of measure.figures) {
    const e = index.byPath(f.path);
    if (e) marks.push({ id: f.id, uri: e.uri, path: f.path, range: rangeOf(e, f.start, f.end), outlet: f.outlet, date: f.published, value: f.value, text: f.text });
  }
  const { svg, series } = renderTimeline(measure.points, measure.links, {
    title: `${measure.name.en} — ${measure.name.ar}`,
    interactive: true,
    undatedLabel: say('undated'),
    data: { measure: measure.key, reports: measure.points.length },
  });
  const kinds = ['contradiction', 'update', 'internal'] as const;
  return {
    measure: measure.name,
    // The name the Stories view and the hover give it; the report's title when it is a story of one.
    story: readableStory(index, entry.path) ?? story.title,
    svg,
    css: CHART_CSS,
    legend: series.map((s) => ({ name: s.name, swatch: legendSwatch(s) })),
    links: kinds.map((kind) => ({ kind, count: measure.links.filter((l) => l.kind === kind).length })).filter((l) => l.count > 0),
    marks,
    focus: `${entry.path}#${figure.start}`,
  };
}

/**
 * A hover's link to the chart: a command link (the client trusts this one command in the server's
 * Markdown), its arguments the figure's article and position.
 */
export function timelineLink(uri: string, position: { line: number; character: number }): string {
  const args = encodeURIComponent(JSON.stringify([uri, position]));
  return `[${say('Show timeline')}](command:${COMMANDS.showTimeline}?${args} "${say('A chart of this measure across the sources, by date')}")`;
}
