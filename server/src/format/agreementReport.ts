// The agreement report of two annotators, for people: the figures per type, then every
// disagreement on one line, for a person walking through them with the articles open. One
// rendering, in two dresses: plain text with aligned columns (`sanad compare --format table`) and
// Markdown (the document the editor opens for "Sanad: Compare Annotators").
import { LABEL_TYPES, type Agreement, type AgreementReport, type Disagreement, type Said } from '../labels';
import { showInterval } from './table';
import { printable } from './printable';

export type AgreementFormat = 'table' | 'markdown';

export interface AgreementReportOptions {
  /** How the two label folders are named in the report; A is the reference. */
  a: string;
  b: string;
  format?: AgreementFormat;
  /** Label files that could not be read, when the caller does not report them elsewhere. */
  unreadable?: number;
}

/** A ratio with three decimals; a figure with nothing to count is a dash. */
function showFigure(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : x.toFixed(3);
}

/**
 * Quotes come from articles: line breaks would break the table and bidirectional controls could
 * reorder the line around them, so both become spaces.
 */
function quote(text: string): string {
  // Control characters are what it takes out.
  // eslint-disable-next-line no-control-regex
  return `«${text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').trim()}»`;
}

function showSaid(s: Said | null): string {
  if (!s) return 'nothing';
  const value = s.value === undefined ? '' : ` = ${typeof s.value === 'string' ? s.value : showInterval(s.value)}`;
  const status = s.status === 'rejected' ? 'rejected ' : '';
  return `${status}${s.type} ${quote(s.text)} ${s.start}–${s.end}${value}`;
}

/** "news/d.txt 25–28  type: A place «حلب» 25–28 · B organization «حلب» 25–28" */
export function describeDisagreement(d: Disagreement): string {
  return `${printable(d.path)} ${d.start}–${d.end}  ${d.kind}: A ${showSaid(d.a)} · B ${showSaid(d.b)}`;
}

/** Text from articles and paths, shown literally in Markdown. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`);
}

export function formatAgreement(report: AgreementReport, options: AgreementReportOptions): string {
  const markdown = options.format === 'markdown';
  const withTokens = report.overall.tokenKappa !== undefined;
  const head = ['type', 'A', 'B', 'both', 'precision', 'recall', 'F1', 'kappa (spans)', ...(withTokens ? ['kappa (tokens)'] : [])];
  const row = (name: string, g: Agreement): string[] => [
    name,
    String(g.tp + g.fn),
    String(g.tp + g.fp),
    String(g.tp),
    showFigure(g.precision),
    showFigure(g.recall),
    showFigure(g.f1),
    showFigure(g.kappa),
    ...(withTokens ? [showFigure(g.tokenKappa)] : []),
  ];
  const rows = [head, ...LABEL_TYPES.map((t) => row(t, report.byType[t])), row('all', report.overall)];
  const unreadable = options.unreadable ? ` · ${options.unreadable} label file(s) could not be read` : '';
  const counts = `${report.compared.length} article(s) compared · ${report.onlyInA.length} labelled only in A · ${report.onlyInB.length} only in B${unreadable}`;
  const note = [
    'A and B count labels; both counts exact matches (same span and type). Precision is the share of',
    "B's labels A has too; kappa (spans) is over the spans either labelled, per type one against the rest.",
  ];
  const disagreementsHead = report.disagreements.length ? `${report.disagreements.length} disagreement(s):` : 'no disagreements';

  if (markdown) {
    const cells = (r: string[]) => `| ${r.join(' | ')} |`;
    const lines = [
      '# Agreement between two annotators',
      '',
      `- A (the reference): ${md(options.a)}`,
      `- B: ${md(options.b)}`,
      `- ${counts}`,
      '',
      cells(head),
      cells(head.map((_, i) => (i === 0 ? '---' : '---:'))),
      ...rows.slice(1).map(cells),
      '',
      note.join(' '),
    ];
    if (report.onlyInA.length) lines.push('', 'Only in A (not compared):', '', ...report.onlyInA.map((p) => `- ${md(p)}`));
    if (report.onlyInB.length) lines.push('', 'Only in B (not compared):', '', ...report.onlyInB.map((p) => `- ${md(p)}`));
    lines.push('', disagreementsHead);
    if (report.disagreements.length) lines.push('', ...report.disagreements.map((d) => `- ${md(describeDisagreement(d))}`));
    return lines.join('\n') + '\n';
  }

  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = [
    `A (the reference): ${options.a}`,
    `B: ${options.b}`,
    counts,
    '',
    ...rows.map((r) =>
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join('  ')
        .trimEnd(),
    ),
    '',
    ...note,
  ];
  if (report.onlyInA.length) lines.push('', 'Only in A (not compared):', ...report.onlyInA.map((p) => `  ${p}`));
  if (report.onlyInB.length) lines.push('', 'Only in B (not compared):', ...report.onlyInB.map((p) => `  ${p}`));
  lines.push('', disagreementsHead, ...report.disagreements.map((d) => `  ${describeDisagreement(d)}`));
  return lines.join('\n') + '\n';
}
