// Isolates for text shown outside the editor (trees, the Outline, hovers, Problems, code lenses).
// Those widgets lay a line out left to right; an Arabic name next to an ISO date, an interval or
// a path lets the bidi algorithm pull digits and punctuation into the Arabic run ("2250–2750"
// drawn as "2750–2250", "(outlet, 2024-01-26)" reversed). Each piece is isolated: values left to
// right, text by its own first strong letter.
const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';

/** A value that reads left to right whatever surrounds it: dates, intervals, paths, counts. */
export const ltr = (s: string): string => `${LRI}${s}${PDI}`;
/** A piece of text laid out in the direction of its own first letter. */
export const fsi = (s: string): string => `${FSI}${s}${PDI}`;
/** Pieces isolated each by its first letter, joined with " · ". */
export const joinIsolated = (...parts: Array<string | undefined | false | null>): string =>
  parts
    .filter((p): p is string => !!p)
    .map(fsi)
    .join(' · ');
