// Comparing two annotators (two label folders). Folder A is the reference. A span counts as
// labelled by an annotator when it holds an accepted or manual label that is not orphaned; a
// rejected label is the same as no label for the figures, but shown in the disagreements.
//
// Precision, recall and F1 count exact matches: same article, same start and end, same type.
// Cohen's kappa needs items both annotators judged. Spans: the items are the union of the spans
// either annotator labelled; each annotator's category for an item is the type of their label on
// exactly that span, or "none". Because every item was labelled by someone, "none/none" never
// occurs, so span kappa is a strict figure (it cannot be inflated by the text nobody labelled).
// Tokens (when the articles' texts are given): the items are all word tokens of the compared
// articles; a token's category is the type of the annotator's label over it, or "none"; this is
// the usual, more forgiving figure. Per type, both kappas are one-against-the-rest: the category
// is "this type" or "anything else, including none". Kappa is null when chance agreement is
// total (every item in one category for both annotators), where it is undefined.
import { LABEL_TYPES, type Label, type LabelsByPath, type LabelStatus, type LabelType, type LabelValue } from './labelTypes';

export interface Agreement {
  /** Exact matches, labels only B has, labels only A has. */
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Kappa over the union of labelled spans, and the number of those spans. */
  kappa: number | null;
  spans: number;
  /** Kappa over word tokens, when texts were given. */
  tokenKappa?: number | null;
}

export interface Said {
  type: LabelType;
  status: LabelStatus;
  start: number;
  end: number;
  text: string;
  value?: LabelValue;
  note?: string;
}

export type DisagreementKind = 'type' | 'boundary' | 'only-a' | 'only-b' | 'value';

export interface Disagreement {
  path: string;
  kind: DisagreementKind;
  start: number;
  end: number;
  /** A's label (or rejection) on the span, null when A said nothing there. */
  a: Said | null;
  b: Said | null;
}

export interface AgreementReport {
  /** Articles both folders have label files for; only these are compared. */
  compared: string[];
  onlyInA: string[];
  onlyInB: string[];
  overall: Agreement;
  byType: Record<LabelType, Agreement>;
  disagreements: Disagreement[];
}

type Category = LabelType | 'none';

export function compareAnnotators(a: LabelsByPath, b: LabelsByPath, options: { texts?: ReadonlyMap<string, string> } = {}): AgreementReport {
  const compared = [...a.keys()].filter((p) => b.has(p)).sort();
  const onlyInA = [...a.keys()].filter((p) => !b.has(p)).sort();
  const onlyInB = [...b.keys()].filter((p) => !a.has(p)).sort();
  const spanPairs: Array<[Category, Category]> = [];
  const tokenPairs: Array<[Category, Category]> = [];
  const disagreements: Disagreement[] = [];
  const counts = new Map<LabelType, { tp: number; fp: number; fn: number }>(LABEL_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const path of compared) {
    const la = a.get(path)?.labels ?? [];
    const lb = b.get(path)?.labels ?? [];
    const pa = bySpan(la.filter(isPositive));
    const pb = bySpan(lb.filter(isPositive));
    for (const key of new Set([...pa.keys(), ...pb.keys()])) {
      const x = pa.get(key);
      const y = pb.get(key);
      spanPairs.push([x?.type ?? 'none', y?.type ?? 'none']);
      if (x && y && x.type === y.type) counts.get(x.type)!.tp++;
      else {
        if (y) counts.get(y.type)!.fp++;
        if (x) counts.get(x.type)!.fn++;
      }
    }
    disagreements.push(...listDisagreements(path, pa, pb, la, lb));
    const text = options.texts?.get(path);
    if (text !== undefined) tokenPairs.push(...tokenCategories(text, [...pa.values()], [...pb.values()]));
  }
  const withText = options.texts !== undefined;
  const byType = {} as Record<LabelType, Agreement>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const t of LABEL_TYPES) {
    const c = counts.get(t)!;
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    const oneVsRest = (pairs: Array<[Category, Category]>): Array<[string, string]> => pairs.map(([x, y]) => [x === t ? t : 'rest', y === t ? t : 'rest']);
    byType[t] = figures(c.tp, c.fp, c.fn, oneVsRest(spanPairs), withText ? oneVsRest(tokenPairs) : undefined);
  }
  return {
    compared,
    onlyInA,
    onlyInB,
    overall: figures(tp, fp, fn, spanPairs, withText ? tokenPairs : undefined),
    byType,
    disagreements: disagreements.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start || x.end - y.end)),
  };
}

function figures(tp: number, fp: number, fn: number, spans: Array<[string, string]>, tokens: Array<[string, string]> | undefined): Agreement {
  const precision = tp + fp ? tp / (tp + fp) : null;
  const recall = tp + fn ? tp / (tp + fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : tp + fp + fn ? 0 : null;
  const out: Agreement = { tp, fp, fn, precision, recall, f1, kappa: cohenKappa(spans), spans: spans.length };
  if (tokens) out.tokenKappa = cohenKappa(tokens);
  return out;
}

/** Cohen's kappa of paired categorical judgements: (po − pe) / (1 − pe). */
export function cohenKappa(pairs: ReadonlyArray<readonly [string, string]>): number | null {
  const n = pairs.length;
  if (!n) return null;
  const ma = new Map<string, number>();
  const mb = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    ma.set(x, (ma.get(x) ?? 0) + 1);
    mb.set(y, (mb.get(y) ?? 0) + 1);
  }
  let pe = 0;
  for (const [k, na] of ma) pe += (na / n) * ((mb.get(k) ?? 0) / n);
  const po = agree / n;
  return pe >= 1 ? null : (po - pe) / (1 - pe);
}

function isPositive(l: Label): boolean {
  return l.status !== 'rejected' && !l.orphaned;
}

/** One label per span; two types on one span (a slip) keep the first in type order. */
function bySpan(labels: readonly Label[]): Map<string, Label> {
  const out = new Map<string, Label>();
  for (const l of labels) {
    const key = `${l.start}:${l.end}`;
    const had = out.get(key);
    if (!had || LABEL_TYPES.indexOf(l.type) < LABEL_TYPES.indexOf(had.type)) out.set(key, l);
  }
  return out;
}

function said(l: Label): Said {
  const s: Said = { type: l.type, status: l.status, start: l.start, end: l.end, text: l.text };
  if (l.value !== undefined) s.value = l.value;
  if (l.note) s.note = l.note;
  return s;
}

function listDisagreements(path: string, pa: Map<string, Label>, pb: Map<string, Label>, la: readonly Label[], lb: readonly Label[]): Disagreement[] {
  const out: Disagreement[] = [];
  const onlyA: Label[] = [];
  const onlyB: Label[] = [];
  for (const [key, x] of pa) {
    const y = pb.get(key);
    if (!y) onlyA.push(x);
    else if (x.type !== y.type) out.push({ path, kind: 'type', start: x.start, end: x.end, a: said(x), b: said(y) });
    else if (!sameValue(x.value, y.value)) out.push({ path, kind: 'value', start: x.start, end: x.end, a: said(x), b: said(y) });
  }
  for (const [key, y] of pb) if (!pa.has(key)) onlyB.push(y);
  const pairedB = new Set<Label>();
  for (const x of onlyA) {
    const overlapping = onlyB.filter((y) => y.start < x.end && x.start < y.end);
    if (overlapping.length) {
      for (const y of overlapping) {
        pairedB.add(y);
        out.push({ path, kind: 'boundary', start: Math.min(x.start, y.start), end: Math.max(x.end, y.end), a: said(x), b: said(y) });
      }
      continue;
    }
    // What B did say there, if it turned the suggestion down.
    const rejected = lb.find((l) => l.status === 'rejected' && l.start === x.start && l.end === x.end);
    out.push({ path, kind: 'only-a', start: x.start, end: x.end, a: said(x), b: rejected ? said(rejected) : null });
  }
  for (const y of onlyB) {
    if (pairedB.has(y)) continue;
    const rejected = la.find((l) => l.status === 'rejected' && l.start === y.start && l.end === y.end);
    out.push({ path, kind: 'only-b', start: y.start, end: y.end, a: rejected ? said(rejected) : null, b: said(y) });
  }
  return out;
}

function sameValue(x: LabelValue | undefined, y: LabelValue | undefined): boolean {
  if (x === undefined || y === undefined) return x === y;
  if (typeof x === 'string' || typeof y === 'string') return x === y;
  return x.min === y.min && x.max === y.max;
}

/** Word tokens (runs of letters, marks and digits) and each annotator's category for them. */
function tokenCategories(text: string, a: readonly Label[], b: readonly Label[]): Array<[Category, Category]> {
  const out: Array<[Category, Category]> = [];
  const sa = [...a].sort((x, y) => x.start - y.start);
  const sb = [...b].sort((x, y) => x.start - y.start);
  const word = /[\p{L}\p{M}\p{N}]+/gu;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    out.push([categoryAt(sa, s, e), categoryAt(sb, s, e)]);
  }
  return out;
}

function categoryAt(sorted: readonly Label[], s: number, e: number): Category {
  for (const l of sorted) {
    if (l.start >= e) break;
    if (l.end > s) return l.type;
  }
  return 'none';
}
