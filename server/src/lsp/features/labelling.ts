// The annotation workflow over LSP: code actions on a span (accept, reject, relabel, take back),
// the label request the client's commands send, and reviews of contradictions.
import { say } from '../uiText';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Contradiction, Mention } from '../../analysis';
import { contradictionKey, findReview, makeReview, type ContradictionReview } from '../../labels';
import type { LabelService, LabelResult } from '../labelService';
import type { IndexEntry, WorkspaceIndex } from '../workspaceIndex';
import type { ContradictionData, LabelAction, LabelActionResult, LabelSnapshot, ReviewContradictionParams, SpanKind } from '../../../../shared/src/protocol';
import { COMMANDS, command } from '../../../../shared/src/commands';

const KIND_NAME: Record<SpanKind, string> = { person: 'person', organization: 'organisation', place: 'place', date: 'date', quantity: 'figure' };

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/** Code actions (Ctrl+.) for the spans under the cursor or selection. */
export function labelCodeActions(doc: TextDocument, range: Range, index: WorkspaceIndex, labels: LabelService, diagnostics: Diagnostic[]): CodeAction[] {
  const entry = index.get(doc.uri);
  if (!entry) return [];
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const actions: CodeAction[] = [];
  const reviewed = labels.review(doc.uri, entry.analysis).filter((m) => m.start <= to && from <= m.end && (from === to ? from < m.end : true));
  for (const m of reviewed.slice(0, 3)) {
    const args = { uri: doc.uri, start: m.start, end: m.end, kind: m.kind };
    const what = `${say(KIND_NAME[m.kind])} "${short(m.text)}"`;
    if (m.status !== 'accepted' && m.status !== 'manual') {
      actions.push({
        title: say('Sanad: Accept {0}', what),
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        command: command('Accept', COMMANDS.labelApply, { action: 'accept' as const, ...args }),
      });
    }
    if (m.status !== 'rejected') {
      actions.push({ title: say('Sanad: Reject {0}', what), kind: CodeActionKind.QuickFix, command: command('Reject', COMMANDS.labelApply, { action: 'reject' as const, ...args }) });
    }
    const decided = m.status !== 'suggested';
    const relabel = decided ? say('Sanad: Change type of {0}…', what) : say('Sanad: Label {0} as another type…', `"${short(m.text)}"`);
    actions.push({ title: relabel, kind: CodeActionKind.QuickFix, command: command('Relabel', COMMANDS.labelSelection, { uri: doc.uri, start: m.start, end: m.end }) });
    if (decided) {
      actions.push({ title: say('Sanad: Add a note to {0}…', what), kind: CodeActionKind.QuickFix, command: command('Note', COMMANDS.labelNote, { uri: doc.uri, start: m.start, end: m.end }) });
      actions.push({
        title: say('Sanad: Remove label on {0}', what),
        kind: CodeActionKind.QuickFix,
        command: command('Clear', COMMANDS.labelApply, { action: 'clear', uri: doc.uri, start: m.start, end: m.end }),
      });
    }
  }
  if (from < to && !reviewed.some((m) => m.start === from && m.end === to)) {
    actions.push({ title: say('Sanad: Label selection as…'), kind: CodeActionKind.QuickFix, command: command('Label', COMMANDS.labelSelection, { uri: doc.uri, start: from, end: to }) });
  }
  // One pair of actions per contradiction, each naming its pair: a figure that contradicts two
  // others carries two diagnostics, and two identical titles would not say which is which.
  const seen = new Set<string>();
  for (const d of diagnostics.filter((x) => x.source === 'sanad' && x.code === 'contradiction')) {
    const data = d.data as ContradictionData | undefined;
    const key = data?.pair ?? `${d.range.start.line}:${d.range.start.character}:${typeof d.message === 'string' ? d.message : d.message.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const args = { uri: doc.uri, start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end), other: data?.other, pair: data?.title };
    const which = data?.title ? `: ${data.title}` : ` ${say('this contradiction')}`;
    actions.push({
      title: `${say('Sanad: Mark as explained')}${which}…`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: command('Explain', COMMANDS.contradictionReview, { ...args, decision: 'explained' as const }),
    });
    actions.push({
      title: `${say('Sanad: Confirm')}${which}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: command('Confirm', COMMANDS.contradictionReview, { ...args, decision: 'confirmed' as const }),
    });
  }
  return actions;
}

function mentionFor(analysisMentions: readonly Mention[], a: { start: number; end: number; kind: SpanKind }): Mention | undefined {
  return analysisMentions.find((m) => m.start === a.start && m.end === a.end && m.kind === a.kind) ?? analysisMentions.find((m) => m.start === a.start && m.end === a.end);
}

function parseValue(kind: SpanKind, value: string | undefined): string | { min: number | null; max: number | null } | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (kind !== 'quantity') return value.trim();
  // Figures: "3", "151+", "20-99".
  const v = value.trim().replace(/[–—]/g, '-');
  let m = /^(\d+)$/.exec(v);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  m = /^(\d+)\+$/.exec(v);
  if (m) return { min: Number(m[1]), max: null };
  m = /^(\d+)\s*-\s*(\d+)$/.exec(v);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  return undefined;
}

/** The label on exactly this span as it stands, for undo. */
function snapshotAt(labels: LabelService, uri: string, start: number, end: number): LabelSnapshot | null {
  const l = labels.labels(uri).find((x) => !x.orphaned && x.start === start && x.end === end);
  return l ? { status: l.status, type: l.type, ...(l.value !== undefined && { value: l.value }), ...(l.note !== undefined && { note: l.note }) } : null;
}

/** Undo of one decision: the span's label as it was, or no label. */
async function restore(a: Extract<LabelAction, { action: 'restore' }>, text: string, entry: IndexEntry, labels: LabelService): Promise<LabelResult> {
  const now = labels.labels(a.uri).find((l) => !l.orphaned && l.start === a.start && l.end === a.end);
  const p = a.previous;
  if (!p) return now ? labels.clear(a.uri, text, now.id) : { ok: true };
  const value = p.value;
  let result: LabelResult;
  if (p.status === 'manual') result = await labels.labelSpan(a.uri, text, a.start, a.end, p.type, { value });
  else {
    const m: Mention = mentionFor(entry.analysis.mentions, { start: a.start, end: a.end, kind: p.type }) ?? {
      id: now?.id ?? `restore-${a.start}`,
      kind: p.type,
      start: a.start,
      end: a.end,
      text: text.slice(a.start, a.end),
      boilerplate: false,
    };
    result = await labels.decide(a.uri, text, { ...m, kind: p.type }, p.status, { value });
  }
  // decide and labelSpan keep a note they are not given: set it (or take it away) as it was.
  const placed = result.ok ? labels.labels(a.uri).find((l) => !l.orphaned && l.start === a.start && l.end === a.end) : undefined;
  if (placed && placed.note !== p.note) result = await labels.annotate(a.uri, text, placed.id, { note: p.note ?? null });
  return result;
}

/** Carries out a label action the client sent. */
export async function applyLabelAction(a: LabelAction, text: string, index: WorkspaceIndex, labels: LabelService): Promise<LabelActionResult> {
  const entry = index.get(a.uri);
  if (!entry) return { ok: false, message: 'Sanad does not know this article; is it open as Arabic News?' };
  const previous = snapshotAt(labels, a.uri, a.start, a.end);
  let result: LabelResult;
  if (a.action === 'restore') {
    result = await restore(a, text, entry, labels);
  } else if (a.action === 'accept' || a.action === 'reject') {
    const mention = mentionFor(entry.analysis.mentions, a);
    const existing = labels.labels(a.uri).find((l) => l.start === a.start && l.end === a.end);
    if (!mention && !existing) return { ok: false, message: 'There is no suggestion on that span any more.' };
    const value = parseValue(a.kind, a.value);
    if (a.value !== undefined && value === undefined && a.kind === 'quantity') return { ok: false, message: `"${a.value}" is not a figure (write 3, 151+ or 20-99).` };
    const m: Mention = mention ?? { id: existing!.id, kind: existing!.type, start: a.start, end: a.end, text: text.slice(a.start, a.end), boilerplate: false };
    result = await labels.decide(a.uri, text, m, a.action === 'accept' ? 'accepted' : 'rejected', { note: a.note, value });
  } else if (a.action === 'label') {
    const value = parseValue(a.kind, a.value);
    result = await labels.labelSpan(a.uri, text, a.start, a.end, a.kind, { note: a.note, value });
  } else if (a.action === 'verdict') {
    // A verdict is a decision on the figure: a suggestion is accepted with it.
    let label = labels.labels(a.uri).find((l) => l.start === a.start && l.end === a.end && !l.orphaned);
    if (!label) {
      const mention = mentionFor(entry.analysis.mentions, a);
      if (!mention) return { ok: false, message: 'There is no figure on that span to give a verdict.' };
      const accepted = await labels.decide(a.uri, text, mention, 'accepted', {});
      if (!accepted.ok) return { ok: false, message: accepted.message };
      label = labels.labels(a.uri).find((l) => l.start === a.start && l.end === a.end);
      if (!label) return { ok: false, message: 'The figure could not be accepted.' };
    }
    result = await labels.annotate(a.uri, text, label.id, a.note === undefined ? { verdict: a.verdict } : { verdict: a.verdict, note: a.note || null });
  } else {
    const label = labels.labels(a.uri).find((l) => l.start === a.start && l.end === a.end);
    if (!label) return { ok: false, message: 'There is no decision on that span to change.' };
    result = a.action === 'note' ? await labels.annotate(a.uri, text, label.id, { note: a.note || null }) : await labels.clear(a.uri, text, label.id);
  }
  return result.ok ? { ok: true, previous } : { ok: false, message: result.message };
}

function quoteOf(index: WorkspaceIndex) {
  return (side: { path: string; start: number; end: number }) => index.byPath(side.path)?.text.slice(side.start, side.end);
}

/** For the status bar: whether a reviewer explained the pair (nothing is read when no review exists). */
export function explainedOf(index: WorkspaceIndex, labels: LabelService): ((c: Contradiction) => boolean) | undefined {
  if (!labels.hasReviews()) return undefined;
  return (c) => reviewOf(c, index, labels)?.decision === 'explained';
}

/** The reviewers' decision on a contradiction, if any. */
export function reviewOf(c: Contradiction, index: WorkspaceIndex, labels: LabelService): ContradictionReview | undefined {
  if (!labels.hasReviews()) return undefined;
  return findReview(c, labels.byPath(), quoteOf(index));
}

export async function reviewContradiction(p: ReviewContradictionParams, index: WorkspaceIndex, labels: LabelService, reviewer: string): Promise<LabelActionResult & { touched?: string[] }> {
  const entry = index.get(p.uri);
  if (!entry) return { ok: false, message: 'Sanad does not know this article.' };
  const same = (s: { path: string; start: number; end: number }, path: string, start: number, end: number) => s.path === path && s.start === start && s.end === end;
  // The pair the action named (a figure may contradict several others); the first one otherwise.
  const c = index.claims.contradictionsOf(entry.path).find((x) => {
    const mine = same(x.a, entry.path, p.start, p.end) ? x.a : same(x.b, entry.path, p.start, p.end) ? x.b : undefined;
    if (!mine) return false;
    const theirs = mine === x.a ? x.b : x.a;
    return !p.other || same(theirs, p.other.path, p.other.start, p.other.end);
  });
  if (!c) return { ok: false, message: 'That contradiction is no longer reported.' };
  const sideA = index.byPath(c.a.path);
  const sideB = index.byPath(c.b.path);
  if (!sideA || !sideB) return { ok: false, message: 'One of the two articles is no longer indexed.' };
  // Both sides' label files are read, so a decision filed under either is found.
  await labels.load(sideB.uri, sideB.text);
  const result =
    p.decision === 'clear'
      ? await labels.reviewContradiction(sideA.uri, sideA.text, { clearKey: contradictionKey(c, quoteOf(index)) })
      : await labels.reviewContradiction(sideA.uri, sideA.text, { ...makeReview(c, quoteOf(index), p.decision, { note: p.note, reviewer }), ...(p.verdict ? { verdict: p.verdict } : {}) });
  return result.ok ? { ok: true, touched: [sideA.uri, sideB.uri] } : { ok: false, message: result.message };
}
