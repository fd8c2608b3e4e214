// The corpus report as one self-contained HTML file: no script, no external resource, a content
// security policy that allows only its own style sheet (by hash), Arabic text in right-to-left
// blocks, and every value or name that mixes directions isolated in <bdi>. Charts are inline SVG
// (timelineSvg.ts); each mark links to its article.
import { createHash } from 'node:crypto';
import type { Report, ReportContradiction, ReportDecision, ReportFigure, ReportMeasure, ReportQuote, ReportStory } from './reportModel';
import { CHART_CSS, CHART_LIGHT_VARS, escapeXml, legendSwatch, renderTimeline } from './timelineSvg';

const esc = escapeXml;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

/** Text in its own direction: Arabic as a right-to-left isolate, anything else as it comes. */
function bidi(s: string): string {
  return ARABIC.test(s) ? `<bdi dir="rtl" lang="ar">${esc(s)}</bdi>` : `<bdi>${esc(s)}</bdi>`;
}

const CSS = `
:root { color-scheme: light; ${CHART_LIGHT_VARS} --chart-fg:#333; --chart-grid:#e3e3e3; }
body { font: 15px/1.55 system-ui, "Noto Naskh Arabic", "Segoe UI", sans-serif; margin: 0 auto; max-width: 980px; padding: 1.5rem; color: #1b1b1b; background: #fff; }
h1, h2, h3 { line-height: 1.25; }
h2 { border-bottom: 2px solid #ddd; padding-bottom: .25rem; margin-top: 2.5rem; }
.ar { font-family: "Noto Naskh Arabic", "Geeza Pro", "Traditional Arabic", system-ui, sans-serif; font-size: 1.08em; }
blockquote { margin: .4rem 0; padding: .4rem .8rem; background: #f6f6f6; border-inline-start: 4px solid #bbb; }
blockquote mark { background: #ffe69a; padding: 0 .1em; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .5rem; vertical-align: top; text-align: start; }
td.num, th.num { white-space: nowrap; }
.meta { color: #555; font-size: .9em; }
.pair { border: 1px solid #ddd; border-radius: 6px; padding: .6rem .9rem; margin: .8rem 0; }
.pair.contradiction { border-inline-start: 5px solid #c62828; }
.pair.update { border-inline-start: 5px solid #2e7d32; }
.pair.internal { border-inline-start: 5px solid #ef6c00; }
.kind { font-weight: 600; text-transform: capitalize; }
.decision { background: #eef3fb; border-radius: 4px; padding: .3rem .6rem; margin-top: .4rem; }
.verdict { font-weight: 600; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
.legend .line { display: inline-block; width: 22px; border-top: 2px solid; vertical-align: middle; }
.legend .line.contradiction { border-color: #c62828; border-top-style: dashed; }
.legend .line.update { border-color: #2e7d32; }
figure { margin: 1rem 0; }
a { color: #0a58ca; }
${CHART_CSS}
@media print { .pair, figure { break-inside: avoid; } }
`;

/**
 * An English sentence holding Arabic quotes (the engine's messages): laid out left to right, each
 * quoted piece isolated so that its Arabic does not pull the punctuation around it.
 */
function sentenceHtml(s: string): string {
  return `<span dir="ltr">${s
    .split(/("[^"]*")/)
    .map((part) => (part.startsWith('"') && part.endsWith('"') && part.length > 1 ? `"${bidi(part.slice(1, -1))}"` : esc(part)))
    .join('')}</span>`;
}

function decisionHtml(d: ReportDecision | undefined): string {
  if (!d) return '';
  const verdict = d.verdict ? ` · verdict: <span class="verdict">${esc(d.verdict)}</span>` : '';
  const by = d.by ? ` by ${bidi(d.by)}` : '';
  const when = d.updated ? ` <span class="meta">(${esc(d.updated.slice(0, 10))})</span>` : '';
  const note = d.note ? `<div${ARABIC.test(d.note) ? ' dir="rtl" lang="ar" class="ar"' : ''}>${esc(d.note)}</div>` : '';
  return `<div class="decision">Reviewed: <strong>${esc(d.decision)}</strong>${verdict}${by}${when}${note}</div>`;
}

function fileLink(q: { path: string; href?: string }, line?: number): string {
  const text = `${esc(q.path)}${line ? `, line ${line}` : ''}`;
  return q.href ? `<a href="${esc(q.href)}"><bdi dir="ltr">${text}</bdi></a>` : `<bdi dir="ltr">${text}</bdi>`;
}

function quoteHtml(q: ReportQuote): string {
  return `<blockquote dir="rtl" lang="ar" class="ar">${esc(q.before)}<mark>${esc(q.text)}</mark>${esc(q.after)}</blockquote>`;
}

function sideHtml(label: string, q: ReportQuote): string {
  const who = q.outlet ? bidi(q.outlet) : 'unknown outlet';
  return `<div><div class="meta">${label}: ${who} · <bdi dir="ltr">${esc(q.published ?? 'undated')}</bdi> · ${fileLink(q, q.line)}</div>${quoteHtml(q)}</div>`;
}

function contradictionHtml(c: ReportContradiction): string {
  const name = c.measure ? ` — ${bidi(c.measure.en)} · <span class="ar" dir="rtl" lang="ar">${esc(c.measure.ar)}</span>` : '';
  return `<section class="pair ${c.kind}"><div><span class="kind">${esc(c.kind)}</span>: ${esc(c.topic)}${name}</div>
<p class="meta">${sentenceHtml(c.message)}</p>
${sideHtml('A', c.a)}
${sideHtml('B', c.b)}
${decisionHtml(c.decision)}</section>`;
}

function figureRow(f: ReportFigure, m: ReportMeasure): string {
  return `<tr data-measure="${esc(m.key)}" data-id="${esc(f.id)}"><td class="num"><bdi dir="ltr">${esc(f.published ?? 'undated')}</bdi></td><td>${f.outlet ? bidi(f.outlet) : '—'}</td><td class="num"><bdi dir="ltr">${esc(f.value)}</bdi>${f.conflict ? ' ⚠' : ''}</td><td dir="rtl" lang="ar" class="ar">${esc(f.text)}${f.source ? ` <span class="meta">(${esc(f.source)})</span>` : ''}</td><td>${fileLink(f, f.line)}${decisionHtml(f.decision)}</td></tr>`;
}

function measureHtml(m: ReportMeasure, chart: boolean): string {
  const title = `${bidi(m.name.en)} · <span class="ar" dir="rtl" lang="ar">${esc(m.name.ar)}</span>`;
  let figure = '';
  if (chart) {
    const { svg, series } = renderTimeline(m.points, m.links, { title: `${m.name.en} — ${m.name.ar}`, data: { measure: m.key, reports: m.points.length } });
    const legend = series.map((s) => `<li>${legendSwatch(s)} ${bidi(s.name)}</li>`).join('');
    const lines = [...new Set(m.links.map((l) => l.kind))].map((k) => `<li><span class="line ${k}"></span> ${esc(k)}</li>`).join('');
    figure = `<figure>${svg}<figcaption><ul class="legend">${legend}${lines}</ul></figcaption></figure>`;
  }
  return `<section class="measure" data-measure="${esc(m.key)}"><h3>${title}</h3>${figure}
<table><thead><tr><th class="num">Date</th><th>Outlet</th><th class="num">Value</th><th>Quote</th><th>Article</th></tr></thead><tbody>
${m.figures.map((f) => figureRow(f, m)).join('\n')}
</tbody></table></section>`;
}

/** A chart is drawn for a measure reported at least twice, or taking part in a contradiction. */
function wantsChart(m: ReportMeasure): boolean {
  return m.figures.length >= 2 || m.links.length > 0;
}

function storyHtml(s: ReportStory, i: number): string {
  const contradictions = s.contradictions.filter((c) => c.kind !== 'update');
  const updates = s.contradictions.filter((c) => c.kind === 'update');
  const docs = s.documents.map((d) => `<li>${fileLink(d)} · ${d.outlet ? bidi(d.outlet) : 'unknown outlet'} · <bdi dir="ltr">${esc(d.published ?? 'undated')}</bdi></li>`).join('');
  const charted = s.measures.filter(wantsChart);
  const once = s.measures.filter((m) => !wantsChart(m));
  return `<article class="story" id="story-${i + 1}"><h2>${bidi(s.title)}</h2>
<p class="meta">${s.documents.length} article(s) · ${contradictions.length} contradiction(s) · ${updates.length} update(s) · ${s.measures.length} measure(s)</p>
<details><summary>Articles</summary><ul>${docs}</ul></details>
${contradictions.length ? `<h3>Contradictions</h3>${contradictions.map(contradictionHtml).join('\n')}` : ''}
${updates.length ? `<h3>Updates</h3>${updates.map(contradictionHtml).join('\n')}` : ''}
${charted.length ? `<h3>Figures by measure</h3>${charted.map((m) => measureHtml(m, true)).join('\n')}` : ''}
${once.length ? `<h3>Figures reported once</h3>${once.map((m) => measureHtml(m, false)).join('\n')}` : ''}
</article>`;
}

export function renderReportHtml(r: Report): string {
  const css = CSS.trim();
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  // Nothing may load or run: the only thing allowed is this style sheet, named by its hash; links to
  // the articles are navigation, which the policy does not govern.
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const toc = r.stories.map((s, i) => `<li><a href="#story-${i + 1}">${bidi(s.title)}</a></li>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Sanad">
<title>${esc(r.title)}</title>
<style>${css}</style>
</head>
<body>
<header><h1>${esc(r.title)}</h1>
<p class="meta">${r.documents} article(s) in ${r.stories.length} stor${r.stories.length === 1 ? 'y' : 'ies'}${r.generated ? ` · made <bdi dir="ltr">${esc(r.generated)}</bdi>` : ''} · the figures are Sanad's readings of the articles: check each against its article.</p>
${r.stories.length > 1 ? `<nav><ul>${toc}</ul></nav>` : ''}</header>
<main>
${r.stories.map(storyHtml).join('\n')}
</main>
</body>
</html>
`;
}
