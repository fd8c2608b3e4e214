// Settling two annotators into one label set. What both said carries over by itself; each
// disagreement (as compareAnnotators lists them, so the report and the settling agree on what a
// disagreement is) is decided by a reviewer: A's label, B's label, or neither. The result is a new
// set of label files under a new annotator name; neither annotator's files are touched.
//
// Per article both annotators labelled:
// - a span both labelled alike (same type and value) keeps one label (A's, with B's note when A
//   has none);
// - a rejection carries over when the other annotator put no label of their own on that span
//   (both said "nothing here"), so the settled set does not suggest it again;
// - a disagreement takes the chosen side's label on it ("a" or "b"), or none ("neither"); a side
//   that rejected the span gives its rejection.
// Articles only one annotator labelled are not settled (no one checked that annotator there):
// they are left out and listed. A contradiction review carries over when both made the same
// decision on the same pair.
import { compareAnnotators, type Disagreement, type Said } from './agreement';
import { compareLabels, type ContradictionReview, type Label, type LabelFile, type LabelsByPath, LABEL_SCHEMA } from './labelTypes';

export type SettleChoice = 'a' | 'b' | 'neither';

export interface SettleOptions {
  /** The settled set's annotator name, written on every label. */
  annotator: string;
  /** ISO time written as `updated` on every label. */
  now: string;
}

export interface Settlement {
  /** The settled label files, by article path. */
  files: Map<string, LabelFile>;
  /** Labels (accepted, manual or rejected) both annotators agreed on, carried over. */
  agreed: number;
  /** Disagreements decided, and how many of them kept a label. */
  decided: number;
  kept: number;
  /** Articles only one annotator has label files for: not settled. */
  onlyInA: string[];
  onlyInB: string[];
}

/** The disagreements to settle, in the order the reviewer sees them (path, then offset). */
export function disagreementsToSettle(a: LabelsByPath, b: LabelsByPath): Disagreement[] {
  return compareAnnotators(a, b).disagreements;
}

/**
 * A key for the disagreements as they are: the reviewer's choices are only applied to the same
 * list (a label file changed meanwhile would shift them onto other spans).
 */
export function settleKey(disagreements: readonly Disagreement[]): string {
  let h = 0x811c9dc5;
  const text = JSON.stringify(disagreements.map((d) => [d.path, d.kind, d.start, d.end, d.a?.type, d.a?.status, d.b?.type, d.b?.status]));
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${disagreements.length}-${h.toString(16)}`;
}

/**
 * The settled label set: agreements carried over, each disagreement as CHOICES says (one per
 * disagreement of disagreementsToSettle, in order). A disagreement without a choice keeps nothing.
 */
export function settleAnnotators(a: LabelsByPath, b: LabelsByPath, choices: readonly SettleChoice[], options: SettleOptions): Settlement {
  const disagreements = disagreementsToSettle(a, b);
  const byPath = new Map<string, Array<{ d: Disagreement; choice: SettleChoice | undefined }>>();
  disagreements.forEach((d, i) => {
    const list = byPath.get(d.path) ?? [];
    list.push({ d, choice: choices[i] });
    byPath.set(d.path, list);
  });
  const compared = [...a.keys()].filter((p) => b.has(p)).sort();
  const files = new Map<string, LabelFile>();
  let agreed = 0;
  let decided = 0;
  let kept = 0;
  for (const path of compared) {
    const fa = a.get(path)!;
    const fb = b.get(path)!;
    const la = fa.labels.filter((l) => !l.orphaned);
    const lb = fb.labels.filter((l) => !l.orphaned);
    const out = new Map<string, Label>();
    const put = (l: Label, note?: string) => {
      const key = `${l.start}:${l.end}:${l.type}:${l.status === 'rejected' ? 'r' : 'p'}`;
      if (out.has(key)) return false;
      const settled: Label = { ...l, annotator: options.annotator, updated: options.now };
      if (!settled.note && note) settled.note = note;
      out.set(key, settled);
      return true;
    };
    const positiveAt = (ls: readonly Label[], l: Label) => ls.some((o) => o.status !== 'rejected' && o.start === l.start && o.end === l.end);
    for (const x of la) {
      if (x.status === 'rejected') {
        // Both said "nothing here": B rejected it too, or put nothing of its own there.
        if (!positiveAt(lb, x) && put(x)) agreed++;
        continue;
      }
      const y = lb.find((o) => o.status !== 'rejected' && o.start === x.start && o.end === x.end && o.type === x.type && sameValue(o, x));
      if (y && put(x, y.note)) agreed++;
    }
    for (const y of lb) if (y.status === 'rejected' && !positiveAt(la, y) && put(y)) agreed++;
    for (const { d, choice } of byPath.get(path) ?? []) {
      if (choice === undefined) continue;
      decided++;
      const side = choice === 'a' ? d.a : choice === 'b' ? d.b : null;
      const label = side && find(choice === 'a' ? la : lb, side);
      if (label) {
        put(label);
        if (label.status !== 'rejected') kept++;
      }
    }
    const labels = [...out.values()].sort(compareLabels);
    const reviews = sharedReviews(fa.reviews, fb.reviews, options);
    if (!labels.length && !reviews.length) continue;
    const file: LabelFile = { schema: LABEL_SCHEMA, labels, reviews };
    const article = fa.article ?? fb.article;
    if (article !== undefined) file.article = article;
    files.set(path, file);
  }
  return {
    files,
    agreed,
    decided,
    kept,
    onlyInA: [...a.keys()].filter((p) => !b.has(p)).sort(),
    onlyInB: [...b.keys()].filter((p) => !a.has(p)).sort(),
  };
}

/** The label a disagreement's side stands for. */
function find(labels: readonly Label[], s: Said): Label | undefined {
  return labels.find((l) => l.start === s.start && l.end === s.end && l.type === s.type && l.status === s.status);
}

function sameValue(x: Label, y: Label): boolean {
  if (x.value === undefined || y.value === undefined) return x.value === y.value;
  if (typeof x.value === 'string' || typeof y.value === 'string') return x.value === y.value;
  return x.value.min === y.value.min && x.value.max === y.value.max;
}

function sharedReviews(ra: readonly ContradictionReview[], rb: readonly ContradictionReview[], options: SettleOptions): ContradictionReview[] {
  return ra.filter((x) => rb.some((y) => y.key === x.key && y.decision === x.decision)).map((x) => ({ ...x, reviewer: options.annotator, updated: options.now }));
}
