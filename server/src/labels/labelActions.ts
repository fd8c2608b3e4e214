// What an annotator does to a span: accept or reject a suggestion, label a span the engine
// missed, edit a label. Each returns a new label (or list); nothing is changed in place. Times and
// ids can be passed in so that tests and callers replaying actions get the same result.
import type { Mention } from '../analysis/types';
import { compareLabels, type Label, type LabelStatus, type LabelType, type LabelValue, type Verdict } from './labelTypes';

/** Characters of context kept on each side of a quote. */
const CONTEXT_CHARS = 30;

export interface ActionOptions {
  annotator?: string;
  /** ISO time of the action; defaults to now. */
  now?: string;
  note?: string;
  /** A corrected value (figures and dates) or entity key (names). */
  value?: LabelValue;
  id?: string;
}

/** A short id that two windows creating labels at the same moment will not both pick. */
function newLabelId(now = Date.now(), random: () => number = Math.random): string {
  let r = '';
  for (let i = 0; i < 6; i++) r += Math.floor(random() * 36).toString(36);
  return `L${now.toString(36)}${r}`;
}

/** The text either side of [start, end), cut so that no surrogate pair is split. */
export function contextAround(text: string, start: number, end: number, width = CONTEXT_CHARS): { before: string; after: string } {
  let b = Math.max(0, start - width);
  if (b > 0 && isLowSurrogate(text.charCodeAt(b)) && isHighSurrogate(text.charCodeAt(b - 1))) b++;
  let a = Math.min(text.length, end + width);
  if (a < text.length && isLowSurrogate(text.charCodeAt(a)) && isHighSurrogate(text.charCodeAt(a - 1))) a--;
  return { before: text.slice(b, Math.max(b, start)), after: text.slice(Math.min(end, a), a) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A label on [start, end) of `text`; its quote and context are read from the text. */
export function createLabel(text: string, start: number, end: number, type: LabelType, status: LabelStatus, options: ActionOptions = {}): Label {
  const s = clamp(start, text.length);
  const e = Math.max(s, clamp(end, text.length));
  const now = options.now ?? new Date().toISOString();
  const label: Label = {
    id: options.id ?? newLabelId(),
    type,
    status,
    text: text.slice(s, e),
    start: s,
    end: e,
    ...contextAround(text, s, e),
  };
  if (options.value !== undefined) label.value = options.value;
  if (options.note) label.note = options.note;
  if (options.annotator) label.annotator = options.annotator;
  label.created = now;
  label.updated = now;
  return label;
}

/** The value the engine gave a mention, in a label's terms: the entity key for names. */
function valueOfMention(m: Mention): LabelValue | undefined {
  if (m.kind === 'person' || m.kind === 'organization' || m.kind === 'place') return m.entity;
  return m.value;
}

/** Accepts (or rejects) an engine suggestion; an accepted one may carry a corrected value. */
export function decideMention(text: string, mention: Mention, status: 'accepted' | 'rejected', options: ActionOptions = {}): Label {
  const value = options.value ?? valueOfMention(mention);
  return createLabel(text, mention.start, mention.end, mention.kind, status, { ...options, value });
}

export interface LabelEdit {
  type?: LabelType;
  status?: LabelStatus;
  value?: LabelValue | null;
  note?: string | null;
  /** A reviewer's verdict on the figure as a claim; null removes it. */
  verdict?: Verdict | null;
  /** A new span: the quote and context are read again from `text`. */
  start?: number;
  end?: number;
  text?: string;
}

/** A label with some fields changed; `null` removes a value or note. */
export function editLabel(label: Label, edit: LabelEdit, options: { annotator?: string; now?: string } = {}): Label {
  const out: Label = { ...label };
  if (edit.type) out.type = edit.type;
  if (edit.status) out.status = edit.status;
  if (edit.value === null) delete out.value;
  else if (edit.value !== undefined) out.value = edit.value;
  if (edit.verdict === null) delete out.verdict;
  else if (edit.verdict !== undefined) out.verdict = edit.verdict;
  if (edit.note === null || edit.note === '') delete out.note;
  else if (edit.note !== undefined) out.note = edit.note;
  if (edit.text !== undefined && (edit.start !== undefined || edit.end !== undefined)) {
    const s = clamp(edit.start ?? label.start, edit.text.length);
    const e = Math.max(s, clamp(edit.end ?? label.end, edit.text.length));
    Object.assign(out, { start: s, end: e, text: edit.text.slice(s, e) }, contextAround(edit.text, s, e));
    delete out.orphaned;
  }
  if (options.annotator) out.annotator = options.annotator;
  out.updated = options.now ?? new Date().toISOString();
  return out;
}

/** The list with `label` added, or replacing the label with its id; kept in file order. */
export function upsertLabel(labels: readonly Label[], label: Label): Label[] {
  return [...labels.filter((l) => l.id !== label.id), label].sort(compareLabels);
}

export function removeLabel(labels: readonly Label[], id: string): Label[] {
  return labels.filter((l) => l.id !== id);
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), max) : 0;
}
