// brat standoff (.ann) for other annotation tools. brat counts offsets in Unicode code points of
// the .txt file, where Sanad counts UTF-16 code units: an emoji or any other astral character
// before a span moves every later offset by one, so each offset is converted. A span that runs
// over a line break becomes a discontinuous brat span, one fragment per line, as brat itself
// writes them. The .txt to pair with each .ann is the text given here (the editor's text, with
// any byte-order mark already removed, since brat would count the mark as a character).
import type { CorpusAnalysis } from '../analysis/types';
import type { LabelType, LabelValue, LabelsByPath } from './labelTypes';
import { reviewMentions } from './reviewView';

const BRAT_TYPES: Record<LabelType, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  date: 'Date',
  quantity: 'Quantity',
};

export interface BratOptions {
  /** Also write the engine's suggestions nobody has decided on yet (default: decisions only). */
  suggestions?: boolean;
}

interface Entity {
  type: LabelType;
  start: number;
  end: number;
  value?: LabelValue;
  note?: string;
}

/**
 * One .ann text per article (keyed by the article's path; see annPathFor). Written are the
 * accepted and manual labels, and with `suggestions` the open suggestions; rejected labels and
 * orphans are not. A label whose quote no longer matches the text is left out rather than
 * written at a wrong place.
 */
export function exportBrat(corpus: CorpusAnalysis, labelsByPath: LabelsByPath, texts: ReadonlyMap<string, string>, options: BratOptions = {}): Map<string, string> {
  const out = new Map<string, string>();
  const analyses = new Map(corpus.documents.map((d) => [d.path, d] as const));
  for (const [path, text] of texts) {
    const labels = labelsByPath.get(path)?.labels ?? [];
    const view = reviewMentions(analyses.get(path) ?? { mentions: [], boilerplate: [] }, labels);
    const byId = new Map(labels.map((l) => [l.id, l] as const));
    const entities: Entity[] = [];
    for (const m of view) {
      if (m.status === 'rejected' || (m.status === 'suggested' && !options.suggestions)) continue;
      if (m.end > text.length || text.slice(m.start, m.end) !== m.text) continue;
      const e: Entity = { type: m.kind, start: m.start, end: m.end };
      // A label's own value; for an open suggestion, the engine's reading of a date or figure.
      const label = m.label === undefined ? undefined : byId.get(m.label);
      const value = label ? label.value : m.kind === 'date' || m.kind === 'quantity' ? m.value : undefined;
      if (value !== undefined) e.value = value;
      if (m.labelNote) e.note = m.labelNote;
      entities.push(e);
    }
    out.set(path, annFor(text, entities));
  }
  return out;
}

/** The .ann path beside an article: `x.txt` → `x.ann`, anything else gains `.ann`. */
export function annPathFor(path: string): string {
  return /\.txt$/i.test(path) ? path.replace(/\.txt$/i, '.ann') : `${path}.ann`;
}

function annFor(text: string, entities: Entity[]): string {
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  const fragments = entities.map((e) => fragmentsOf(text, e.start, e.end));
  const cp = codePointOffsets(text, fragments.flat(2));
  const lines: string[] = [];
  let terms = 0;
  let notes = 0;
  entities.forEach((e, i) => {
    const parts = fragments[i];
    if (!parts.length) return;
    const id = `T${++terms}`;
    const spans = parts.map(([s, t]) => `${cp.get(s)} ${cp.get(t)}`).join(';');
    lines.push(`${id}\t${BRAT_TYPES[e.type]} ${spans}\t${parts.map(([s, t]) => text.slice(s, t)).join(' ')}`);
    const note = [e.value !== undefined ? `value=${formatValue(e.value)}` : '', e.note ?? ''].filter(Boolean).join('; ');
    if (note) {
      notes++;
      lines.push(`#${notes}\tAnnotatorNotes ${id}\t${note.replace(/[\t\r\n\u2028\u2029]+/g, ' ')}`);
    }
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The pieces of [start, end) between line breaks, without empty ones. */
function fragmentsOf(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === -1) {
      if (i > s) out.push([s, i]);
      s = i + 1;
    }
  }
  return out;
}

/** Code point index of each UTF-16 offset, in one pass over the text. */
export function codePointOffsets(text: string, offsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let cp = 0;
  let i = 0;
  for (const w of wanted) {
    while (i < w && i < text.length) {
      const c = text.charCodeAt(i);
      // A pair counts once; an unpaired surrogate counts as a code point of its own.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      cp++;
    }
    out.set(w, cp);
  }
  return out;
}

function formatValue(v: LabelValue): string {
  if (typeof v === 'string') return v;
  const { min, max } = v;
  if (min !== null && min === max) return String(min);
  return `${min ?? ''}..${max ?? ''}`;
}
