// The `--format table` view of an analysis: what a person wants to see at a glance per document.
import { printable } from './printable';
import type { CorpusAnalysis, Interval, Mention } from '../analysis';
import { ActorNames } from './actorNames';

function showValue(m: Mention): string {
  const v = m.value;
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return showInterval(v);
}

export function showInterval(v: Interval): string {
  if (v.min !== null && v.min === v.max) return String(v.min);
  if (v.max === null) return `${v.min ?? 0}+`;
  return `${v.min ?? 0}–${v.max}`;
}

export function formatTable(result: CorpusAnalysis): string {
  const lines: string[] = [];
  const totals = { person: 0, organization: 0, place: 0, date: 0, quantity: 0 };
  for (const doc of result.documents) {
    const live = doc.mentions.filter((m) => !m.boilerplate);
    for (const m of live) totals[m.kind]++;
    lines.push(printable(doc.path));
    lines.push(`  published ${doc.published ?? 'unknown'} · outlet ${doc.outlet ?? 'unknown'} · ${live.length} mentions (+${doc.mentions.length - live.length} in boilerplate)`);
    const actors = new Map<string, number>();
    for (const m of live) if (m.entity) actors.set(m.entity, (actors.get(m.entity) ?? 0) + 1);
    const top = [...actors].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8);
    const names = ActorNames.of(live);
    if (top.length) lines.push(`  actors:  ${top.map(([e, n]) => (n > 1 ? `${names.nameOf(e)} ×${n}` : names.nameOf(e))).join(' · ')}`);
    const dates = live.filter((m) => m.kind === 'date').map((m) => `${m.text.trim()} → ${showValue(m)}`);
    if (dates.length) lines.push(`  dates:   ${dates.join(' · ')}`);
    const figures = live.filter((m) => m.kind === 'quantity').map((m) => `${m.text.trim()} → ${showValue(m)}${m.counted ? ' ' + m.counted : ''}`);
    if (figures.length) lines.push(`  figures: ${figures.join(' · ')}`);
    lines.push('');
  }
  lines.push(`${result.documents.length} documents · ${totals.person} persons · ${totals.organization} organisations · ${totals.place} places · ${totals.date} dates · ${totals.quantity} figures`);
  if (result.contradictions.length) {
    lines.push('', `${result.contradictions.length} contradiction(s):`);
    for (const c of result.contradictions) lines.push(`  ! ${c.topic}: ${c.message}`);
  } else lines.push('no contradictions between sources');
  return lines.join('\n');
}
