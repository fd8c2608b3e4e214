// Two annotators' label folders: loading them for a comparison (the Agreement view's figures) and
// settling them into one label set. The reviewer walks through the disagreements in the client;
// the server lists them (sanad/settlePlan) and writes the settled set (sanad/settle) into a new
// folder beside folder A, `labels-<name>`, with <name> as the annotator. Neither folder is written.
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cleanRelativePath, disagreementsToSettle, LABEL_TYPES, settleAnnotators, settleKey, type Agreement, type AgreementReport, type LabelsByPath, type Said } from '../../labels';
import { loadLabelFolder, saveLabelFile } from '../../labels/labelFs';
import { isWithin } from '../../corpus/regularFile';
import { showInterval } from '../../format/table';
import { count, say } from '../uiText';
import { rangeOf } from './locations';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { AgreementFigures, AgreementSummary, LabelActionResult, SettleItem, SettlePlan, SettleSide, SettleParams } from '../../../../shared/src/protocol';

/** Both folders' label files, or why they cannot be compared (a broken file named file:line:column). */
export async function loadPair(a: string, b: string): Promise<{ ok: true; a: LabelsByPath; b: LabelsByPath; unreadable: number } | { ok: false; message: string }> {
  const [la, lb] = await Promise.all([loadLabelFolder(dirname(a), basename(a)), loadLabelFolder(dirname(b), basename(b))]);
  const named = (folder: string, problems: Map<string, Array<{ line: number; column: number; message: string }>>) =>
    [...problems].map(([rel, ps]) => `${join(dirname(folder), ...rel.split('/'))}:${(ps[0]?.line ?? 0) + 1}:${(ps[0]?.column ?? 0) + 1}: ${ps[0]?.message ?? 'could not be read'}`);
  for (const [folder, loaded] of [
    [a, la],
    [b, lb],
  ] as const) {
    if (loaded.labels.size > 0) continue;
    const bad = named(folder, loaded.problems);
    return { ok: false, message: bad.length ? `${say('No readable label files in {0}:', folder)} ${bad.slice(0, 3).join('; ')}` : say('No label files found in {0}.', folder) };
  }
  return { ok: true, a: la.labels, b: lb.labels, unreadable: la.problems.size + lb.problems.size };
}

/** The name most of a folder's labels carry, else the folder's own name. */
function annotatorOf(labels: LabelsByPath, folder: string): string {
  const seen = new Map<string, number>();
  for (const file of labels.values()) for (const l of file.labels) if (l.annotator) seen.set(l.annotator, (seen.get(l.annotator) ?? 0) + 1);
  return [...seen].sort((x, y) => y[1] - x[1])[0]?.[0] ?? basename(folder);
}

function figuresOf(g: Agreement): AgreementFigures {
  const out: AgreementFigures = { a: g.tp + g.fn, b: g.tp + g.fp, both: g.tp, precision: g.precision, recall: g.recall, f1: g.f1, kappa: g.kappa };
  if (g.tokenKappa !== undefined) out.tokenKappa = g.tokenKappa;
  return out;
}

/** The Agreement view's figures for a report. */
export function agreementSummary(report: AgreementReport, a: string, b: string, la: LabelsByPath, lb: LabelsByPath): AgreementSummary {
  return {
    a,
    b,
    annotatorA: annotatorOf(la, a),
    annotatorB: annotatorOf(lb, b),
    compared: report.compared.length,
    onlyInA: report.onlyInA.length,
    onlyInB: report.onlyInB.length,
    overall: figuresOf(report.overall),
    byType: LABEL_TYPES.map((type) => ({ type, ...figuresOf(report.byType[type]) })),
  };
}

function side(s: Said | null): SettleSide | null {
  if (!s) return null;
  const out: SettleSide = { type: s.type, status: s.status, text: s.text };
  if (s.value !== undefined) out.value = typeof s.value === 'string' ? s.value : showInterval(s.value);
  if (s.note) out.note = s.note;
  return out;
}

/** The words around START–END on its own line: up to about 60 characters either side. */
function contextOf(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  let from = Math.max(lineStart, start - 60);
  let to = Math.min(lineEnd, end + 60);
  // Whole words at the cut.
  if (from > lineStart) from = text.indexOf(' ', from) + 1 || from;
  if (to < lineEnd) to = Math.max(end, text.lastIndexOf(' ', to));
  return `${from > lineStart ? '… ' : ''}${text.slice(from, to).trim()}${to < lineEnd ? ' …' : ''}`;
}

export async function settlePlan(a: string, b: string, index: WorkspaceIndex): Promise<SettlePlan> {
  const pair = await loadPair(a, b);
  if (!pair.ok) return { ok: false, message: pair.message };
  const disagreements = disagreementsToSettle(pair.a, pair.b);
  const items = disagreements.map((d): SettleItem => {
    const entry = index.byPath(d.path);
    const item: SettleItem = { path: d.path, kind: d.kind, context: entry ? contextOf(entry.text, d.start, Math.min(d.end, entry.text.length)) : (d.a ?? d.b)!.text, a: side(d.a), b: side(d.b) };
    if (entry) {
      item.uri = entry.uri;
      item.range = rangeOf(entry, d.start, Math.min(d.end, entry.text.length));
    }
    return item;
  });
  const preview = settleAnnotators(pair.a, pair.b, [], { annotator: '', now: '' });
  return {
    ok: true,
    key: settleKey(disagreements),
    annotatorA: annotatorOf(pair.a, a),
    annotatorB: annotatorOf(pair.b, b),
    items,
    agreed: preview.agreed,
    onlyInA: preview.onlyInA.length,
    onlyInB: preview.onlyInB.length,
  };
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u;

/** Writes the settled set into labels-<annotator> beside folder A, which must not exist yet. */
export async function settle(params: SettleParams, roots: readonly string[], now = new Date().toISOString()): Promise<LabelActionResult & { folder?: string; files?: number }> {
  const name = params.annotator.trim();
  if (!NAME.test(name)) return { ok: false, message: say('A settled set needs a name of letters, digits, "-", "_" or "." (no spaces), such as settled.') };
  const folder = join(dirname(params.a), `labels-${name}`);
  const root = roots.find((r) => isWithin(folder, r));
  if (!root) return { ok: false, message: say('The settled set would be written to {0}, outside the workspace folder.', folder) };
  if (folder === params.a || folder === params.b) return { ok: false, message: say('{0} is one of the compared folders; choose another name.', folder) };
  if (
    await fs.lstat(folder).then(
      () => true,
      () => false,
    )
  )
    return { ok: false, message: say('{0} already exists; choose another name (nothing is written over).', folder) };
  const pair = await loadPair(params.a, params.b);
  if (!pair.ok) return { ok: false, message: pair.message };
  if (settleKey(disagreementsToSettle(pair.a, pair.b)) !== params.key) {
    return { ok: false, message: say('The label folders changed while you settled them; nothing was written. Run the command again.') };
  }
  const settled = settleAnnotators(pair.a, pair.b, params.choices, { annotator: name, now });
  let files = 0;
  for (const [path, file] of settled.files) {
    const rel = cleanRelativePath(path);
    if (!rel) continue;
    const saved = await saveLabelFile(`${join(folder, ...rel.split('/'))}.yaml`, file, { within: root });
    if (!saved.ok) return { ok: false, message: `${say('The settled set was only partly written to {0}:', folder)} ${saved.problems[0]?.message ?? ''}` };
    if (saved.written) files++;
  }
  const parts = [
    say('Settled into {0}:', folder),
    say('{0} agreed, {1} decided ({2} kept).', count(settled.agreed, '{0} label', '{0} labels'), count(settled.decided, '{0} disagreement', '{0} disagreements'), settled.kept),
  ];
  if (settled.onlyInA.length + settled.onlyInB.length)
    parts.push(say('{0} only one annotator labelled were left out.', count(settled.onlyInA.length + settled.onlyInB.length, '{0} article', '{0} articles')));
  return { ok: true, folder, files, message: parts.join(' ') };
}
