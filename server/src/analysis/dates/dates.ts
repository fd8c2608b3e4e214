// Dates in Arabic news: every date mention with its normalised value, and the publication date
// that relative dates count from. Reading (dateScan.ts) is separate from resolving
// (dateResolve.ts); dateline.ts picks the publication date and the outlet.
//
// Mentions cover the date as written, with "الماضي/المقبل", a paired month name and an era
// ("2024م", "1445 هـ"); they leave out a weekday written before a full date ("يوم الأحد ١١ شباط
// ٢٠٢٤" gives "١١ شباط ٢٠٢٤", and the weekday is checked against it) and clock times ("26 يناير
// 2024، 8:03 م" gives "26 يناير 2024"). Times are never dates.
import type { Shadow } from '../text/normalize';
import type { Found } from '../types';
import { readPublication, Publication } from './dateline';
import { scanShadow, type Scan } from './scan';
import { newMemory, resolve } from './resolve';
import { parseIsoDay } from './calendar';

const TATWEEL = 0x0640;

export function findPublication(shadow: Shadow): { published: string | null; outlet: string | null } {
  const p = readPublication(shadow);
  return { published: p.published, outlet: p.outlet };
}

/** Every date mention; relative ones resolved against `published` (an ISO day, or null). */
export function findDates(shadow: Shadow, published: string | null): Found[] {
  const scan = scanShadow(shadow);
  return datesOf(shadow, published, scan, readPublication(shadow, scan));
}

/**
 * The date mentions from a scan of the text, with `own` the publication the text itself gives
 * (its date is noted as the publication date when it is the one counted from).
 */
export function datesOf(shadow: Shadow, published: string | null, scan: Scan, own: Publication): Found[] {
  const pub = parseIsoDay(published);
  const { items } = scan;
  const memory = newMemory();
  const out: Found[] = [];
  for (const item of items) {
    const r = resolve(item.expr, pub, memory);
    // Not a date after all ("الشهر نفسه" with no month before it, an impossible day). A date
    // that only lacks a publication date to count from stays, with a note saying so.
    if (r.invalid) continue;
    const [start, spanEnd] = shadow.span(item.s, item.e);
    // The shadow drops tatweel; "هـ" should keep its stroke.
    let end = spanEnd;
    while (end < shadow.text.length && shadow.text.charCodeAt(end) === TATWEEL) end++;
    if (end <= start) continue;
    let note = r.note;
    if (own.at === item.s && own.published !== null && own.published === published) note = note ? `publication date; ${note}` : 'publication date';
    const found: Found = { kind: 'date', start, end, note };
    if (r.value !== undefined) found.value = r.value;
    out.push(found);
  }
  return out;
}
