// Offsets to LSP locations for any indexed article, open or not. Line starts are computed once per
// analysed text and kept beside it.
import type { Location, Position, Range } from 'vscode-languageserver/node';
import type { IndexEntry } from '../workspaceIndex';

const lineStarts = new WeakMap<IndexEntry, number[]>();

function startsOf(entry: IndexEntry): number[] {
  let starts = lineStarts.get(entry);
  if (!starts) {
    starts = [0];
    const t = entry.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && t.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    lineStarts.set(entry, starts);
  }
  return starts;
}

function positionAt(entry: IndexEntry, offset: number): Position {
  const starts = startsOf(entry);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** The offset of a position in an indexed article (clamped to its line and text). */
export function offsetAt(entry: IndexEntry, position: Position): number {
  const starts = startsOf(entry);
  const line = Math.min(Math.max(0, position.line), starts.length - 1);
  const next = line + 1 < starts.length ? starts[line + 1] : entry.text.length;
  return Math.min(starts[line] + Math.max(0, position.character), next);
}

export function rangeOf(entry: IndexEntry, start: number, end: number): Range {
  return { start: positionAt(entry, start), end: positionAt(entry, end) };
}

export function locationOf(entry: IndexEntry, start: number, end: number): Location {
  return { uri: entry.uri, range: rangeOf(entry, start, end) };
}

/** The sentence-ish neighbourhood of a span, for tree items and pickers: one line, trimmed. */
export function contextOf(entry: IndexEntry, start: number, end: number, width = 40): string {
  const t = entry.text;
  const lineStart = Math.max(t.lastIndexOf('\n', start - 1) + 1, start - width);
  let lineEnd = t.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = t.length;
  lineEnd = Math.min(lineEnd, end + width);
  return t.slice(lineStart, lineEnd).replace(/\s+/g, ' ').trim();
}
