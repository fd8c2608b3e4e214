// A figure's timeline (issue 16 item 2): the chart the report and the editor's webview both draw
// (server/src/format/timelineSvg.ts, scales, ticks and shapes from d3), and the measure a figure is
// charted in (reportMeasureOf, the report's own grouping restricted to the figure's story).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorpus } from '../../server/src/analysis';
import { buildReport, reportMeasureOf } from '../../server/src/format/reportModel';
import { renderTimeline, type ChartPoint } from '../../server/src/format/timelineSvg';

/** The centre of each mark (its symbol's translation), by data-id. */
function markCentres(svg: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const m of svg.matchAll(/<g class="mark [^"]*"[^>]*data-id="([^"]+)"[^>]*>.*?<path class="symbol" transform="translate\(([-\d.]+) ([-\d.]+)\)"/g)) out.set(m[1], [Number(m[2]), Number(m[3])]);
  return out;
}

/** The first and last points of each link's path. */
function linkEnds(svg: string): Array<{ kind: string; from: [number, number]; to: [number, number] }> {
  return [...svg.matchAll(/<path class="link link-(\w+)" d="([^"]+)"/g)].map((m) => {
    const n = (m[2].match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    return { kind: m[1], from: [n[0], n[1]], to: [n[n.length - 2], n[n.length - 1]] };
  });
}

const near = (a: [number, number], b: [number, number]) => Math.abs(a[0] - b[0]) < 0.2 && Math.abs(a[1] - b[1]) < 0.2;

const POINTS: ChartPoint[] = [
  { id: 'a', date: '2024-01-26', min: 20, max: 99, series: 'إرم نيوز', label: 'dozens' },
  { id: 'b', date: '2024-01-26', min: 3, max: 3, series: 'إيلاف', label: '3' },
  { id: 'c', date: '2024-01-28', min: 151, max: null, series: 'إيلاف', label: 'more than 150' },
  { id: 'd', date: '2024-02-03', min: 4, max: 4, series: 'الجزيرة', label: '4' },
];

test('one mark per report, two reports on one day included; marks are buttons where the host opens them', () => {
  const { svg } = renderTimeline(POINTS, [], { title: 't', interactive: true });
  const centres = markCentres(svg);
  assert.deepEqual([...centres.keys()], ['a', 'b', 'c', 'd']);
  assert.notEqual(centres.get('a')![0], centres.get('b')![0], 'two reports of one day sit side by side');
  assert.equal(svg.match(/role="button"/g)?.length, 4);
  assert.equal(svg.match(/tabindex="0"/g)?.length, 4, 'every mark is reachable with Tab');
  // Without a host to open them (the report links them instead), marks are pictures.
  assert.doesNotMatch(renderTimeline(POINTS, [], { title: 't' }).svg, /role="button"/);
});

test('an interval is a range between its bounds, "more than" a bar open to the top, a single value a mark alone', () => {
  const { svg } = renderTimeline(POINTS, [], { title: 't' });
  const markOf = (id: string) => new RegExp(`<g class="mark [^"]*"[^>]*data-id="${id}"[^>]*>(.*?)</g>`).exec(svg)![1];
  const ys = (g: string) => [...g.matchAll(/<line class="range"[^>]*y1="([-\d.]+)" y2="([-\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
  // The range: a bar and two caps; the bar's ends are the bounds' heights, the lower bound lower.
  const [bar] = ys(markOf('a'));
  assert.equal(ys(markOf('a')).length, 3);
  assert.ok(bar[0] > bar[1], 'y grows downwards: 20 is below 99');
  assert.equal(markOf('c').match(/class="range open"/g)?.length, 2, 'the open bar and its arrow');
  assert.doesNotMatch(markOf('b'), /range/);
  assert.doesNotMatch(markOf('d'), /range/);
});

test('contradictions and updates are drawn from mark to mark; a link to a report not drawn is left out', () => {
  const { svg } = renderTimeline(
    POINTS,
    [
      { a: 'c', b: 'a', kind: 'contradiction', label: 'x' },
      { a: 'b', b: 'd', kind: 'update', label: 'y' },
      { a: 'a', b: 'gone', kind: 'update', label: 'z' },
    ],
    { title: 't' },
  );
  const centres = markCentres(svg);
  const links = linkEnds(svg);
  assert.deepEqual(
    links.map((l) => l.kind),
    ['contradiction', 'update'],
  );
  for (const [l, [p, q]] of [
    [links[0], ['a', 'c']],
    [links[1], ['b', 'd']],
  ] as const) {
    const ends = [centres.get(p)!, centres.get(q)!];
    assert.ok(ends.some((e) => near(e, l.from)) && ends.some((e) => near(e, l.to)), `the ${l.kind} joins ${p} and ${q}: ${JSON.stringify(l)} vs ${JSON.stringify(ends)}`);
  }
  // Links lie under the marks, so a mark is never hidden by a line.
  assert.ok(svg.indexOf('class="links"') < svg.indexOf('class="marks"'));
});

test('the axes: round values from zero up past the largest bound; ISO days in order, or months over a long span', () => {
  const { svg } = renderTimeline(POINTS, [], { title: 't' });
  const yLabels = [...svg.matchAll(/<text x="\d+" y="[-\d.]+" text-anchor="end">([\d,]+)<\/text>/g)].map((m) => Number(m[1].replace(/,/g, '')));
  assert.equal(yLabels[0], 0);
  assert.ok(yLabels[yLabels.length - 1] >= 151, `the top tick ${yLabels[yLabels.length - 1]} is above 151`);
  const step = yLabels[1] - yLabels[0];
  assert.ok(/^[125]0*$/.test(String(step)), `a round step: ${step}`);
  const days = [...svg.matchAll(/text-anchor="middle">(\d{4}-\d{2}-\d{2})</g)].map((m) => m[1]);
  assert.ok(days.length >= 3, days.join());
  assert.deepEqual([...days].sort(), days);
  assert.ok(days[0] <= '2024-01-26' && days[days.length - 1] >= '2024-02-01', days.join());

  const long = renderTimeline(
    [
      { id: 'x', date: '2023-10-08', min: 1, max: 1, series: 's', label: 'x' },
      { id: 'y', date: '2024-06-01', min: 2, max: 2, series: 's', label: 'y' },
    ],
    [],
    { title: 't' },
  ).svg;
  const months = [...long.matchAll(/text-anchor="middle">([\d-]+)</g)].map((m) => m[1]);
  assert.ok(months.length >= 3 && months.every((m) => /^\d{4}-\d{2}$/.test(m)), months.join());
});

test('an undated report has a column of its own, named in the language asked for', () => {
  const { svg } = renderTimeline([{ id: 'u', date: null, min: 5, max: 5, series: 's', label: 'u' }, ...POINTS], [], { title: 't', undatedLabel: 'غير مؤرخ' });
  assert.match(svg, />غير مؤرخ</);
  const centres = markCentres(svg);
  const u = centres.get('u')!;
  assert.ok(
    [...centres.values()].every((c) => c === u || c[0] < u[0]),
    'right of every dated report',
  );
});

// A small corpus with two stories' worth of articles, the second only to be left out.
const A = 'بغداد - 29 يناير 2024\n\nقتل ثلاثة جنود أمريكيين وأصيب 34 آخرون، أمس الأحد، في هجوم بطائرة مسيرة استهدف قاعدة عسكرية في الأردن قرب الحدود السورية.\n';
const B = '30 يناير 2024\n\nأعلنت وزارة الدفاع الأمريكية مقتل أربعة جنود أمريكيين في هجوم بطائرة مسيرة على قاعدة في الأردن أمس الأحد.\n';
const C = '31 يناير 2024\n\nقال مسؤول إن خمسة جنود أمريكيين قتلوا في الهجوم على القاعدة في الأردن.\n';
const texts = new Map([
  ['news/a.txt', A],
  ['news/b.txt', B],
  ['news/c.txt', C],
]);
const corpus = analyzeCorpus([...texts].map(([path, text]) => ({ path, text })));
const input = { documents: corpus.documents, contradictions: corpus.contradictions, texts, hrefOf: () => undefined };

test("a figure's chart is its measure in the report: the same reports, marks and links", () => {
  const c = corpus.contradictions[0];
  assert.ok(c, 'the articles disagree on the toll');
  const found = reportMeasureOf(input, c.a.path, c.a.start);
  assert.ok(found, 'the contradicted figure is charted');
  const inReport = buildReport(input)
    .stories.flatMap((s) => s.measures)
    .find((m) => m.figures.some((f) => f.id === `${c.a.path}#${c.a.start}`));
  assert.ok(inReport);
  assert.deepEqual(
    found.measure.points.map((p) => p.id),
    inReport.points.map((p) => p.id),
  );
  assert.deepEqual(found.measure.links, inReport.links);
  assert.ok(
    found.measure.points.some((p) => p.id === `${c.b.path}#${c.b.start}`),
    'the other side of the contradiction is on the chart',
  );
  const { svg } = renderTimeline(found.measure.points, found.measure.links, { title: 't' });
  assert.equal(svg.match(/class="mark /g)?.length, found.measure.figures.length, 'one mark per report');
  assert.ok(linkEnds(svg).length >= 1, 'the contradiction is drawn');
});

test('a place that is not a charted figure has no chart', () => {
  const date = A.indexOf('2024');
  assert.equal(reportMeasureOf(input, 'news/a.txt', date), undefined);
  assert.equal(reportMeasureOf(input, 'news/missing.txt', 0), undefined);
});
