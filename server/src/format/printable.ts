// File names as they are printed for people, by the CLI's messages and tables.

/**
 * A file name as it is printed: control characters (a newline would forge a line of output) and
 * direction controls (U+202E would reverse what follows on the terminal) are written as escapes.
 */
export function printable(name: string): string {
  // Control characters are what it escapes.
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
