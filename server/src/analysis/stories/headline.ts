// The headline of an article: its first line of article text (outside boilerplate) that has words
// and is short. Stories weigh its words more; a figure in it may be set against the body's.
type Ranges = ReadonlyArray<{ start: number; end: number }>;

/** A headline has at most this many words; a longer first line is already the body. */
const HEADLINE_WORDS = 25;

function inRanges(ranges: Ranges, start: number, end: number): boolean {
  for (const r of ranges) if (start >= r.start && end <= r.end) return true;
  return false;
}

/** A masthead or breadcrumb: short parts between bars or arrows ("أوله نيوز | المحلية", "الرئيسية › محليات"). */
function masthead(line: string): boolean {
  const parts = line.split(/\s[|›»>]\s/);
  return parts.length > 1 && parts.every((p) => p.trim().split(/\s+/).length <= 3);
}

/**
 * [start, end) of the headline line, or null when the article opens with its body. `outlet`: the
 * article's outlet, whose name on a line of its own is the masthead, not the headline.
 */
export function headlineRange(text: string, boilerplate: Ranges, outlet?: string | null): [number, number] | null {
  const name = outlet ? outlet.trim() : '';
  let at = 0;
  let lines = 0;
  while (at < text.length && lines < 40) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end).trim();
    lines++;
    // A dateline or a date alone ("29 يناير 2024") is not the headline.
    if (line && !inRanges(boilerplate, at, end) && /\p{L}{2}/u.test(line)) {
      const words = line.split(/\s+/).length;
      // "6 مايو 2024", "بغداد - أ ف ب": a date or a dateline has at most two words of letters.
      const lettered = line.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length;
      const isMasthead = masthead(line) || (!!name && line.includes(name) && words <= name.split(/\s+/).length + 3);
      if (words >= 3 && lettered >= 3 && !isMasthead) return words <= HEADLINE_WORDS && !/[.!؟?]\s*$/.test(line) ? [at, end] : null;
    }
    at = end + 1;
  }
  return null;
}
