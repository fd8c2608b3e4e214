// Invisible characters that change how a quote reads. Bidirectional overrides, embeddings and
// isolates can reorder what is displayed without changing what is stored, and zero-width
// characters hide inside words; both are suspicious in an article. The marks LRM, RLM and ALM are
// ordinary in Arabic web text around Latin words and digits, so they are only a hint.

export type HiddenTier = 'suspicious' | 'joiner' | 'mark';

export interface HiddenRun {
  start: number;
  end: number;
  tier: HiddenTier;
  /** Each character of the run as "U+202E RIGHT-TO-LEFT OVERRIDE". */
  names: string[];
}

const NAMES: Record<number, [string, HiddenTier]> = {
  0x202a: ['LEFT-TO-RIGHT EMBEDDING', 'suspicious'],
  0x202b: ['RIGHT-TO-LEFT EMBEDDING', 'suspicious'],
  0x202c: ['POP DIRECTIONAL FORMATTING', 'suspicious'],
  0x202d: ['LEFT-TO-RIGHT OVERRIDE', 'suspicious'],
  0x202e: ['RIGHT-TO-LEFT OVERRIDE', 'suspicious'],
  0x2066: ['LEFT-TO-RIGHT ISOLATE', 'suspicious'],
  0x2067: ['RIGHT-TO-LEFT ISOLATE', 'suspicious'],
  0x2068: ['FIRST STRONG ISOLATE', 'suspicious'],
  0x2069: ['POP DIRECTIONAL ISOLATE', 'suspicious'],
  0x200b: ['ZERO WIDTH SPACE', 'suspicious'],
  0x2060: ['WORD JOINER', 'suspicious'],
  0xfeff: ['ZERO WIDTH NO-BREAK SPACE', 'suspicious'],
  0x180e: ['MONGOLIAN VOWEL SEPARATOR', 'suspicious'],
  0x2061: ['FUNCTION APPLICATION', 'suspicious'],
  0x2062: ['INVISIBLE TIMES', 'suspicious'],
  0x2063: ['INVISIBLE SEPARATOR', 'suspicious'],
  0x2064: ['INVISIBLE PLUS', 'suspicious'],
  0x200c: ['ZERO WIDTH NON-JOINER', 'joiner'],
  0x200d: ['ZERO WIDTH JOINER', 'joiner'],
  0x200e: ['LEFT-TO-RIGHT MARK', 'mark'],
  0x200f: ['RIGHT-TO-LEFT MARK', 'mark'],
  0x061c: ['ARABIC LETTER MARK', 'mark'],
};

const RANK: Record<HiddenTier, number> = { mark: 0, joiner: 1, suspicious: 2 };

function describe(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${NAMES[code][0]}`;
}

/** Runs of adjacent invisible characters, each with its most serious tier. Linear, never throws. */
export function findHiddenText(text: string): HiddenRun[] {
  const runs: HiddenRun[] = [];
  let current: HiddenRun | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Nearly every character is below the first one listed but ALM: let it go without a lookup.
    const known = code < 0x180e && code !== 0x061c ? undefined : NAMES[code];
    // A BOM at the very start is the file's encoding mark, not hidden text.
    if (!known || (code === 0xfeff && i === 0)) {
      current = null;
      continue;
    }
    if (current && current.end === i) {
      current.end = i + 1;
      current.names.push(describe(code));
      if (RANK[known[1]] > RANK[current.tier]) current.tier = known[1];
    } else {
      current = { start: i, end: i + 1, tier: known[1], names: [describe(code)] };
      runs.push(current);
    }
  }
  return runs;
}
