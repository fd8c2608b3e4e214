// The engine's suggestions seen through the annotators' decisions: what the editor paints and
// the exports write. A mention an annotator accepted or rejected carries that status (rejected
// ones are kept, marked, so the UI can show them struck through and the engine's repeat of them
// is not offered again); labels the engine has no mention for are added; a suggestion that
// overlaps a label of the same family is left out, since the annotator has already decided there.
import type { DocumentAnalysis, Mention, MentionKind } from '../analysis/types';
import { fold } from '../analysis/text/normalize';
import type { Label, LabelsByPath, LabelType } from './labelTypes';

export type ReviewStatus = 'suggested' | 'accepted' | 'rejected' | 'manual';

export interface ReviewedMention extends Mention {
  status: ReviewStatus;
  /** The id of the label that decided the status; absent for plain suggestions. */
  label?: string;
  /** The annotator's note (the engine's own explanation stays in `note`). */
  labelNote?: string;
}

/** Names, organisations and places are one family: relabelling a place as an organisation replaces the suggestion. */
function family(kind: MentionKind): string {
  return kind === 'date' || kind === 'quantity' ? kind : 'actor';
}

/**
 * Merges a document's engine mentions with its labels (already placed on the same text; orphans
 * are left out, they have no place). Sorted by position.
 */
export function reviewMentions(doc: Pick<DocumentAnalysis, 'mentions' | 'boilerplate'>, labels: readonly Label[]): ReviewedMention[] {
  const placed = labels.filter((l) => !l.orphaned);
  const exact = new Map<string, Label>();
  for (const l of placed) exact.set(spanKey(l.start, l.end, l.type), l);
  const used = new Set<Label>();
  const out: ReviewedMention[] = [];
  for (const m of doc.mentions) {
    const l = exact.get(spanKey(m.start, m.end, m.kind));
    if (l) {
      used.add(l);
      out.push(fromLabel(l, m));
      continue;
    }
    // A decided label of the same family over part of this span stands for it.
    if (placed.some((p) => p.status !== 'rejected' && family(p.type) === family(m.kind) && p.start < m.end && m.start < p.end)) continue;
    out.push({ ...m, status: 'suggested' });
  }
  for (const l of placed) if (!used.has(l)) out.push(fromLabel(l, undefined, doc.boilerplate));
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function fromLabel(l: Label, m: Mention | undefined, boilerplate: ReadonlyArray<{ start: number; end: number }> = []): ReviewedMention {
  const base: Mention = m ? { ...m } : { id: l.id, kind: l.type, start: l.start, end: l.end, text: l.text, boilerplate: boilerplate.some((r) => l.start >= r.start && l.end <= r.end) };
  const out: ReviewedMention = { ...base, kind: l.type, status: l.status, label: l.id };
  // A corrected value replaces the engine's; for names the value is the entity key.
  if (l.type === 'person' || l.type === 'organization' || l.type === 'place') {
    delete out.value;
    out.entity = typeof l.value === 'string' ? l.value : (out.entity ?? l.text);
  } else if (l.value !== undefined) out.value = l.value;
  if (l.note) out.labelNote = l.note;
  return out;
}

function spanKey(start: number, end: number, kind: string): string {
  return `${start}:${end}:${kind}`;
}

/** The label on exactly this span (and of this type, when given), for turning a decision around. */
export function findLabel(labels: readonly Label[], start: number, end: number, type?: LabelType): Label | undefined {
  return labels.find((l) => !l.orphaned && l.start === start && l.end === end && (type === undefined || l.type === type));
}

export interface TaughtName {
  kind: 'person' | 'organization' | 'place';
  /** The name as written in the article. */
  name: string;
  /** The entity key: the label's value, or the name itself. */
  entity: string;
}

/**
 * The actor names annotators accepted or added, across all label files, one per spelling and
 * kind: what the lexicon learns so that the name is recognised in every file.
 */
export function acceptedActors(labelsByPath: LabelsByPath): TaughtName[] {
  const seen = new Set<string>();
  const out: TaughtName[] = [];
  for (const file of labelsByPath.values()) {
    for (const l of file.labels) {
      if (l.status === 'rejected' || (l.type !== 'person' && l.type !== 'organization' && l.type !== 'place')) continue;
      const name = l.text.replace(/\s+/g, ' ').trim();
      const key = `${l.type}:${fold(name)}`;
      if (!name || seen.has(key)) continue;
      seen.add(key);
      out.push({ kind: l.type, name, entity: typeof l.value === 'string' && l.value ? l.value : name });
    }
  }
  return out.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
