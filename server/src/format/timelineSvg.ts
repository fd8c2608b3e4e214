// A figure's timeline as an SVG picture: the date each report was published on the x axis, its
// value on the y axis (an interval drawn as a range, "more than" as a bar open at the top), one mark
// shape per outlet, and the contradictions and updates drawn as curves between the marks. Pure: a
// string out, no DOM, so the corpus report (a static HTML file) and the editor's webview (which
// the language server hands this same SVG) draw the same picture.
//
// The scales, ticks and shapes come from d3 (d3-scale, d3-time, d3-time-format, d3-shape: small,
// well kept, bundled by esbuild, nothing loaded at run time); the SVG is written here as a string,
// which keeps it testable in Node and free of runtime script (the report's content security policy
// allows none). Colours are classes (.s0 … .s7, .link-contradiction …) so the host page decides
// them: fixed colours in the report, the editor theme's variables in the webview. Only dates and
// numbers are drawn as SVG text, which runs left to right; Arabic names go in the host page's
// legend, where the browser orders them.
import { scaleLinear, scaleUtc } from 'd3-scale';
import { curveBumpX, line, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import { utcDay, utcMonth } from 'd3-time';
import { utcFormat, utcParse } from 'd3-time-format';

export interface ChartPoint {
  /** Unique within the chart (e.g. "path#start"); contradictions refer to it. */
  id: string;
  /** ISO day of the report (its publication date), or null when undated. */
  date: string | null;
  min: number;
  /** null: open above ("more than"). */
  max: number | null;
  /** The outlet (or file) that reported it: one mark style each. */
  series: string;
  /** Read by screen readers and shown as the tooltip. */
  label: string;
  /** A link the mark opens (the report links the article file). */
  href?: string;
  /** Extra attributes for the host's script (the webview's click → open). Names are prefixed data-. */
  data?: Record<string, string | number>;
}

export interface ChartLink {
  a: string;
  b: string;
  kind: 'contradiction' | 'update' | 'internal';
  label: string;
}

export interface ChartOptions {
  width?: number;
  height?: number;
  /** Accessible name of the whole chart. */
  title: string;
  /** Extra data- attributes on the <svg> element. */
  data?: Record<string, string | number>;
  /** The host page opens a mark on click and Enter (the webview): marks are buttons, not pictures. */
  interactive?: boolean;
  /** The column of reports without a date ("undated"), in the host's language. */
  undatedLabel?: string;
}

export interface ChartSeries {
  name: string;
  /** The class the series' marks carry (s0 … s7) and the shape drawn. */
  cls: string;
  shape: Shape;
}

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'wye' | 'cross';
const SYMBOLS: Record<Shape, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  star: symbolStar,
  wye: symbolWye,
  cross: symbolCross,
};
const SHAPES = Object.keys(SYMBOLS) as Shape[];
const COLOURS = 8;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The styles of the series, in order of first appearance (the same order the legend uses). */
function seriesOf(points: readonly ChartPoint[]): ChartSeries[] {
  const names: string[] = [];
  for (const p of points) if (!names.includes(p.series)) names.push(p.series);
  return names.map((name, i) => ({ name, cls: `s${i % COLOURS}`, shape: SHAPES[i % SHAPES.length] }));
}

const f1 = (n: number) => String(Math.round(n * 10) / 10);

/** One mark's shape centred on (x, y), about `r` in radius: d3's symbol of the series' shape. */
function shapePath(shape: Shape, x: number, y: number, r = 5): string {
  // d3 sizes symbols by area; a circle of radius r is the reference.
  const d = symbol(SYMBOLS[shape], Math.PI * r * r).digits(1)();
  return `<path class="symbol" transform="translate(${f1(x)} ${f1(y)})" d="${d ?? ''}"/>`;
}

const parseDay = utcParse('%Y-%m-%d');
const dayOf = (iso: string): Date | null => parseDay(iso.slice(0, 10));
const isoDay = utcFormat('%Y-%m-%d');
const isoMonth = utcFormat('%Y-%m');

/** Tick dates for [lo, hi]: about five whole days, evenly from the first, over a short span; else d3's own (months). */
function dateTicks(x: ReturnType<typeof scaleUtc<number>>, lo: Date, hi: Date): { ticks: Date[]; format: (d: Date) => string } {
  const span = utcDay.count(lo, hi);
  if (span <= 62) {
    // Not utcDay.every(n), which counts from each month's first day: "01-31, 02-01" side by side.
    return { ticks: utcDay.range(utcDay.ceil(lo), utcDay.offset(utcDay.floor(hi), 1), Math.max(1, Math.ceil(span / 5))), format: isoDay };
  }
  const ticks = x.ticks(5);
  return { ticks, format: ticks.every((t) => +utcMonth.floor(t) === +t) ? isoMonth : isoDay };
}

function attrs(data: Record<string, string | number> | undefined): string {
  if (!data) return '';
  return Object.entries(data)
    .map(([k, v]) => ` data-${k.replace(/[^a-z0-9-]/gi, '')}="${escapeXml(String(v))}"`)
    .join('');
}

const formatNumber = (n: number): string => (Math.abs(n) >= 10_000 ? n.toLocaleString('en-US') : String(n));

/**
 * The chart of one measure. Every point is one mark (class "mark"), so a reader, a test or the
 * webview finds one per report; links between two points that are both drawn become curves.
 */
export function renderTimeline(points: readonly ChartPoint[], links: readonly ChartLink[], options: ChartOptions): { svg: string; series: ChartSeries[] } {
  const width = options.width ?? 720;
  const height = options.height ?? 300;
  const m = { top: 16, right: 16, bottom: 40, left: 64 };
  const series = seriesOf(points);
  const styleOf = new Map(series.map((s) => [s.name, s]));

  // x: days, with undated reports in a column of their own at the right.
  const days = points.map((p) => (p.date ? dayOf(p.date) : null));
  const known = days.filter((d): d is Date => d !== null);
  const undated = days.some((d) => d === null);
  let lo = known.length ? new Date(Math.min(...known.map(Number))) : new Date(0);
  let hi = known.length ? new Date(Math.max(...known.map(Number))) : new Date(0);
  if (utcDay.count(lo, hi) < 2) {
    lo = utcDay.offset(lo, -1);
    hi = utcDay.offset(hi, 1);
  }
  const undatedWidth = undated ? 100 : 0;
  const plotRight = width - m.right - undatedWidth;
  // Inset so that the first and last dates' labels stay inside the plot.
  const x = scaleUtc()
    .domain([lo, hi])
    .range([m.left + 36, plotRight - 36]);
  const undatedX = plotRight + undatedWidth / 2;

  // y: from zero to a little above the largest bound stated, on round ticks.
  const bounds = points.flatMap((p) => (p.max === null ? [p.min] : [p.min, p.max]));
  // Room above an open bar for its arrow to read as "and more".
  const top = Math.max(1, ...bounds) * (points.some((p) => p.max === null) ? 1.35 : 1.15);
  const plotBottom = height - m.bottom;
  const y = scaleLinear().domain([0, top]).nice(5).range([plotBottom, m.top]);
  const yTicks = y.ticks(5);

  // Reports on the same day sit side by side, not on top of each other.
  const slot = new Map<string, number>();
  const placed = points.map((p, i) => {
    const d = days[i];
    const key = d === null ? 'undated' : isoDay(d);
    const k = slot.get(key) ?? 0;
    slot.set(key, k + 1);
    const offset = (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 9;
    const cx = (d === null ? undatedX : x(d)) + offset;
    const yMin = y(p.min);
    const yMax = p.max === null ? m.top : y(p.max);
    const cy = p.max === null ? yMin : (yMin + yMax) / 2;
    return { p, cx, cy, yMin, yMax };
  });
  const at = new Map(placed.map((q) => [q.p.id, q]));

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="sanad-timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-label="${escapeXml(options.title)}"${attrs(options.data)}>`,
  );
  out.push(`<title>${escapeXml(options.title)}</title>`);
  // Axes and grid.
  out.push('<g class="axis y-axis">');
  for (const t of yTicks) {
    out.push(`<line class="grid" x1="${m.left}" x2="${plotRight}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/>`);
    out.push(`<text x="${m.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${formatNumber(t)}</text>`);
  }
  out.push('</g><g class="axis x-axis">');
  out.push(`<line x1="${m.left}" x2="${plotRight}" y1="${plotBottom}" y2="${plotBottom}"/>`);
  const { ticks, format } = dateTicks(x, lo, hi);
  for (const d of ticks) {
    out.push(`<line x1="${x(d).toFixed(1)}" x2="${x(d).toFixed(1)}" y1="${plotBottom}" y2="${plotBottom + 4}"/>`);
    out.push(`<text x="${x(d).toFixed(1)}" y="${plotBottom + 18}" text-anchor="middle">${format(d)}</text>`);
  }
  if (undated) {
    out.push(`<line class="grid" x1="${plotRight}" x2="${plotRight}" y1="${m.top}" y2="${plotBottom}"/>`);
    out.push(`<text x="${undatedX}" y="${plotBottom + 18}" text-anchor="middle">${escapeXml(options.undatedLabel ?? 'undated')}</text>`);
  }
  out.push('</g>');
  // Contradictions and updates first, so the marks are drawn over them: a curve leaving each mark
  // level, so a link never lies along a range bar.
  const curve = line().curve(curveBumpX).digits(1);
  out.push('<g class="links">');
  for (const l of links) {
    const a = at.get(l.a);
    const b = at.get(l.b);
    if (!a || !b) continue;
    const [from, to] = a.cx <= b.cx ? [a, b] : [b, a];
    out.push(
      `<path class="link link-${l.kind}" d="${
        curve([
          [from.cx, from.cy],
          [to.cx, to.cy],
        ]) ?? ''
      }" data-a="${escapeXml(l.a)}" data-b="${escapeXml(l.b)}"><title>${escapeXml(l.label)}</title></path>`,
    );
  }
  out.push('</g><g class="marks">');
  const role = options.interactive ? 'button' : 'img';
  for (const q of placed) {
    const s = styleOf.get(q.p.series)!;
    const parts: string[] = [];
    if (q.p.max === null) {
      // Open above: a bar from the stated bound up to the top, ending in an arrow, no cap.
      parts.push(`<line class="range open" x1="${q.cx.toFixed(1)}" x2="${q.cx.toFixed(1)}" y1="${q.yMin.toFixed(1)}" y2="${(m.top + 4).toFixed(1)}"/>`);
      parts.push(`<path class="range open" d="M${(q.cx - 4).toFixed(1)} ${(m.top + 9).toFixed(1)}L${q.cx.toFixed(1)} ${(m.top + 3).toFixed(1)}L${(q.cx + 4).toFixed(1)} ${(m.top + 9).toFixed(1)}"/>`);
    } else if (q.p.max !== q.p.min) {
      parts.push(`<line class="range" x1="${q.cx.toFixed(1)}" x2="${q.cx.toFixed(1)}" y1="${q.yMin.toFixed(1)}" y2="${q.yMax.toFixed(1)}"/>`);
      for (const yy of [q.yMin, q.yMax]) parts.push(`<line class="range" x1="${(q.cx - 4).toFixed(1)}" x2="${(q.cx + 4).toFixed(1)}" y1="${yy.toFixed(1)}" y2="${yy.toFixed(1)}"/>`);
    }
    parts.push(shapePath(s.shape, q.cx, q.cy));
    const g = `<g class="mark ${s.cls}" tabindex="0" role="${role}" aria-label="${escapeXml(q.p.label)}" data-id="${escapeXml(q.p.id)}"${attrs(q.p.data)}><title>${escapeXml(q.p.label)}</title>${parts.join('')}</g>`;
    out.push(q.p.href ? `<a href="${escapeXml(q.p.href)}" class="mark-link">${g}</a>` : g);
  }
  out.push('</g></svg>');
  return { svg: out.join(''), series };
}

/** The styles the chart's classes need, parameterised by CSS variables the host page sets. */
export const CHART_CSS = `
.sanad-timeline { font: 11px system-ui, sans-serif; max-width: 100%; height: auto; }
.sanad-timeline text { fill: var(--chart-fg, #333); }
.sanad-timeline .axis line { stroke: var(--chart-fg, #333); stroke-width: 1; }
.sanad-timeline .grid { stroke: var(--chart-grid, #ddd) !important; }
.sanad-timeline .mark { cursor: pointer; }
.sanad-timeline .mark .symbol { stroke-width: 1.5; }
.sanad-timeline .mark:focus, .sanad-timeline .mark-link:focus { outline: 2px solid var(--chart-focus, #0a58ca); }
.sanad-timeline .mark:focus .symbol, .sanad-timeline .mark:hover .symbol { stroke: var(--chart-focus, #0a58ca); stroke-width: 3; }
.sanad-timeline .range { stroke-width: 2; fill: none; }
.sanad-timeline .range.open { stroke-dasharray: 4 3; }
.sanad-timeline .link { stroke-width: 2; fill: none; }
.sanad-timeline .link-contradiction { stroke: var(--chart-contradiction, #c62828); stroke-dasharray: 6 4; }
.sanad-timeline .link-update { stroke: var(--chart-update, #2e7d32); }
.sanad-timeline .link-internal { stroke: var(--chart-internal, #ef6c00); stroke-dasharray: 2 3; }
${Array.from({ length: COLOURS }, (_, i) => `.s${i} { fill: var(--chart-s${i}); stroke: var(--chart-s${i}); } .s${i} .range { stroke: var(--chart-s${i}); }`).join('\n')}
.legend-swatch { vertical-align: middle; }
`;

/** Colours for a page with a light background (the report); the webview maps the editor theme. */
export const CHART_LIGHT_VARS = `--chart-s0:#1f77b4;--chart-s1:#d62728;--chart-s2:#2ca02c;--chart-s3:#9467bd;--chart-s4:#8c564b;--chart-s5:#e377c2;--chart-s6:#7f7f7f;--chart-s7:#bcbd22;`;

/** A small SVG of a series' mark, for a legend in the host page. */
export function legendSwatch(s: ChartSeries): string {
  return `<svg class="sanad-timeline legend-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><g class="${s.cls}">${shapePath(s.shape, 7, 7, 4)}</g></svg>`;
}
