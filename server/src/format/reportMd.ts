// The corpus report as Markdown, for a pull request, a wiki or an editor's inbox: the same content
// as the HTML report (reportModel.ts), with each measure's timeline as a table in date order
// instead of a chart (Markdown renderers strip inline SVG). Arabic quotes are wrapped in a
// right-to-left <div>, which GitHub and most renderers keep.
import type { Report, ReportContradiction, ReportDecision, ReportFigure, ReportQuote } from './reportModel';

/** Markdown's own characters in text from articles, so a quote never turns into markup. */
function md(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+\-!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function link(q: { path: string; href?: string }, line?: number): string {
  const text = `${md(q.path)}${line ? `, line ${line}` : ''}`;
  return q.href ? `[${text}](${q.href.replace(/[()\s]/g, encodeURIComponent)})` : text;
}

function decision(d: ReportDecision | undefined): string {
  if (!d) return '';
  return `Reviewed: **${d.decision}**${d.verdict ? ` · verdict: **${d.verdict}**` : ''}${d.by ? ` by ${md(d.by)}` : ''}${d.note ? ` — ${md(d.note)}` : ''}`;
}

function quote(label: string, q: ReportQuote): string[] {
  return [
    `${label}: ${q.outlet ? md(q.outlet) : 'unknown outlet'} · ${q.published ?? 'undated'} · ${link(q, q.line)}`,
    '',
    `<div dir="rtl" lang="ar">${md(q.before)}<b>${md(q.text)}</b>${md(q.after)}</div>`,
    '',
  ];
}

function pair(c: ReportContradiction): string[] {
  const name = c.measure ? ` (${md(c.measure.en)} · ${md(c.measure.ar)})` : '';
  const out = [`#### ${c.kind}: ${md(c.topic)}${name}`, '', md(c.message), '', ...quote('A', c.a), ...quote('B', c.b)];
  const d = decision(c.decision);
  if (d) out.push(d, '');
  return out;
}

function row(f: ReportFigure): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return `| ${f.published ?? 'undated'} | ${cell(f.outlet ? md(f.outlet) : '—')} | ${f.value}${f.conflict ? ' ⚠' : ''} | ${cell(md(f.text))} | ${cell(link(f, f.line))} | ${cell(decision(f.decision))} |`;
}

export function renderReportMarkdown(r: Report): string {
  const out: string[] = [`# ${md(r.title)}`, '', `${r.documents} article(s) in ${r.stories.length} stor${r.stories.length === 1 ? 'y' : 'ies'}${r.generated ? ` · made ${r.generated}` : ''}.`, ''];
  for (const s of r.stories) {
    out.push(`## ${md(s.title)}`, '');
    out.push(...s.documents.map((d) => `- ${link(d)} · ${d.outlet ? md(d.outlet) : 'unknown outlet'} · ${d.published ?? 'undated'}`), '');
    const contradictions = s.contradictions.filter((c) => c.kind !== 'update');
    const updates = s.contradictions.filter((c) => c.kind === 'update');
    if (contradictions.length) out.push('### Contradictions', '', ...contradictions.flatMap(pair));
    if (updates.length) out.push('### Updates', '', ...updates.flatMap(pair));
    if (s.measures.length) out.push('### Figures by measure', '');
    for (const m of s.measures) {
      out.push(`#### ${md(m.name.en)} · ${md(m.name.ar)}`, '', '| Date | Outlet | Value | Quote | Article | Review |', '| --- | --- | --- | --- | --- | --- |', ...m.figures.map(row), '');
    }
  }
  return out.join('\n');
}
