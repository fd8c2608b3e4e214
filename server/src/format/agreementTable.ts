// The `sanad compare --format table` view of an agreement report: the figures per type, then every
// disagreement on one line, for a person walking through them with the articles open.
import { LABEL_TYPES, type Agreement, type AgreementReport, type Disagreement, type Said } from '../labels';
import { showInterval } from './table';

/** A ratio with three decimals; a figure with nothing to count is a dash. */
function showFigure(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : x.toFixed(3);
}

/**
 * Quotes come from articles: line breaks would break the table and bidirectional controls could
 * reorder the terminal line around them, so both become spaces.
 */
function quote(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
  return `«${text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').trim()}»`;
}

function showSaid(s: Said | null): string {
  if (!s) return 'nothing';
  const value = s.value === undefined ? '' : ` = ${typeof s.value === 'string' ? s.value : showInterval(s.value)}`;
  const status = s.status === 'rejected' ? 'rejected ' : '';
  return `${status}${s.type} ${quote(s.text)} ${s.start}–${s.end}${value}`;
}

function showDisagreement(d: Disagreement): string {
  return `  ${d.path} ${d.start}–${d.end}  ${d.kind}: A ${showSaid(d.a)} · B ${showSaid(d.b)}`;
}

export function formatAgreement(report: AgreementReport, names: { a: string; b: string }): string {
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
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = [
    `A (the reference): ${names.a}`,
    `B: ${names.b}`,
    `${report.compared.length} article(s) compared · ${report.onlyInA.length} labelled only in A · ${report.onlyInB.length} only in B`,
    '',
    ...rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd()),
    '',
    'A and B count labels; both counts exact matches (same span and type). Precision is the share of',
    "B's labels A has too; kappa (spans) is over the spans either labelled, per type one against the rest.",
  ];
  if (report.onlyInA.length) lines.push('', 'Only in A (not compared):', ...report.onlyInA.map((p) => `  ${p}`));
  if (report.onlyInB.length) lines.push('', 'Only in B (not compared):', ...report.onlyInB.map((p) => `  ${p}`));
  lines.push('');
  if (report.disagreements.length) lines.push(`${report.disagreements.length} disagreement(s):`, ...report.disagreements.map(showDisagreement));
  else lines.push('no disagreements');
  return lines.join('\n') + '\n';
}
