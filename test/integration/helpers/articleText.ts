// Where things are in an article's text, in the terms the editor uses: UTF-16 offsets, and 1-based
// lines and columns for Go to Line and the status bar.

export interface Place {
  offset: number;
  line: number;
  column: number;
}

/** The place of OFFSET in TEXT. */
export function placeOf(text: string, offset: number): Place {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The place of the first NEEDLE at or after FROM; throws when the text has none. */
export function find(text: string, needle: string, from = 0): Place {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" is not in the article (searched from offset ${from})`);
  return placeOf(text, at);
}

/** The place of NEEDLE on the 1-based line LINE. */
export function findOnLine(text: string, line: number, needle: string): Place {
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) throw new Error(`the article has no line ${line}`);
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const at = lines[line - 1].indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not on line ${line}: ${lines[line - 1].slice(0, 80)}`);
  return placeOf(text, start + at);
}
