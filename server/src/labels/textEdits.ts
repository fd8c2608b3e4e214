// Labels following the text while it is edited: the editor's changes (LSP incremental changes or
// plain offset replacements) move the labels after them, stretch a label edited inside, and send
// a label whose own text was cut through or replaced to reanchor.ts to be found again.
import { reanchorLabels, withContext } from './reanchor';
import type { Label } from './labelTypes';

export interface Position {
  /** 0-based line; lines end at \n, \r\n or \r, as in LSP. */
  line: number;
  /** UTF-16 code units into the line. */
  character: number;
}

/** An LSP content change with a range, a replacement of offsets, or the whole new text. */
export type TextChange = { range: { start: Position; end: Position }; text: string } | { start: number; end: number; text: string } | { text: string };

interface Tracked {
  label: Label;
  start: number;
  end: number;
  /** 'inner': edited strictly inside; 'broken': cut through, replaced or deleted. */
  touched?: 'inner' | 'broken';
}

/**
 * Applies `changes` in order (each against the text left by the previous, as LSP sends them) to
 * the text and its labels. Labels keep their order; one that can no longer be found is marked
 * orphaned. An orphan is tried again when an edit inserts enough text to have restored it (undo).
 */
export function applyTextChanges(text: string, labels: readonly Label[], changes: readonly TextChange[]): { text: string; labels: Label[] } {
  const tracked: Tracked[] = labels.map((label) => ({ label, start: label.start, end: label.end }));
  let current = text;
  let inserted = 0;
  for (const change of changes) {
    const [cs, ce] = rangeOf(current, change);
    const added = change.text.length;
    current = current.slice(0, cs) + change.text + current.slice(ce);
    inserted = Math.max(inserted, added);
    const delta = added - (ce - cs);
    const whole = !('range' in change) && !('start' in change);
    for (const t of tracked) {
      if (t.label.orphaned) continue;
      if (whole) {
        t.touched = 'broken'; // a new text altogether: look for every quote, near where it was
        continue;
      }
      if (ce <= t.start) {
        // Before the label; an insertion at its first character pushes it along.
        t.start += delta;
        t.end += delta;
        continue;
      }
      if (cs >= t.end) continue; // after it: typing right after a name does not extend the name
      if (cs >= t.start && ce <= t.end && !(cs === t.start && ce === t.end)) {
        t.end += delta; // inside: a corrected letter in a name
        if (t.end <= t.start) t.touched = 'broken';
        else t.touched ??= 'inner';
        continue;
      }
      // Cut through a boundary, or the whole quote replaced: keep a guess of where it was.
      t.start = Math.min(t.start, cs);
      t.end = Math.max(cs + added, t.start + 1);
      t.touched = 'broken';
    }
  }
  const broken: number[] = [];
  const out = tracked.map((t, i) => {
    if (t.label.orphaned) {
      if (inserted >= t.label.text.length) broken.push(i);
      return t.label;
    }
    if (t.touched === 'broken') {
      broken.push(i);
      return { ...t.label, start: t.start, end: t.end };
    }
    return withContext(t.label, current, t.start, t.end);
  });
  if (broken.length) {
    // The remembered quote and context are those before the edit: exactly what to look for.
    const placed = reanchorLabels(
      broken.map((i) => out[i]),
      current,
    );
    broken.forEach((i, k) => (out[i] = placed[k]));
  }
  return { text: current, labels: out };
}

/** The offsets a change replaces in `text`, clamped to the text. */
function rangeOf(text: string, change: TextChange): [number, number] {
  if ('range' in change) {
    const a = offsetAt(text, change.range.start);
    const b = offsetAt(text, change.range.end);
    return a <= b ? [a, b] : [b, a];
  }
  if ('start' in change) {
    const a = clamp(change.start, text.length);
    const b = clamp(change.end, text.length);
    return a <= b ? [a, b] : [b, a];
  }
  return [0, text.length];
}

/** The offset of an LSP position; a character past the line's end means the line's end. */
export function offsetAt(text: string, pos: Position): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    let i = offset;
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    if (i >= text.length) return text.length;
    offset = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return Math.min(offset + Math.max(0, Math.trunc(pos.character) || 0), end);
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), max) : 0;
}
