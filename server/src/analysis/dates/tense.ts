// Is a date without a year, or a bare weekday, in the future? News reports the past, so the
// default is the latest such day on or before publication; a future marker earlier in the same
// clause ("ستعقد الجولة المقبلة الأحد", "من المقرر أن يزور بغداد في 3 آذار") points forwards.
// Only the clause before the date is read: "قال الأحد إن المحادثات ستبدأ" is a past Sunday.
import type { Token } from './tokens';
import { FUTURE_MARKERS, NOT_FUTURE_STEMS, NOT_FUTURE_VERBS } from './lexicon';

/** How far back a clause is read, in tokens. */
const REACH = 12;

/** Marks that end a clause. */
const CLAUSE_END = new Set(['\n', '.', '!', '?', ';', ':', '"']);

/** `i` is where the date starts, `j` just past it: a future verb right after it counts too ("في 18
 *  ديسمبر ستجرى الانتخابات"). */
export function futureContext(tokens: Token[], i: number, j = i): boolean {
  for (let k = j; k < j + 2 && k < tokens.length; k++) {
    const t = tokens[k];
    if (t.k === 'm') break;
    if (t.k === 'w' && isFutureVerb(t.t)) return true;
  }
  for (let k = i - 1; k >= 0 && k >= i - REACH; k--) {
    const t = tokens[k];
    if (t.k === 'm') {
      if (CLAUSE_END.has(t.t)) return false;
      continue;
    }
    if (t.k !== 'w') continue;
    if (FUTURE_MARKERS.has(t.t) || isFutureVerb(t.t)) return true;
  }
  return false;
}

/** س + an imperfect prefix (ي ت ن ا) + a stem: "سيعقد", "ستبدأ", "سنواصل", and with و/ف before. */
function isFutureVerb(word: string): boolean {
  let w = word;
  if ((w[0] === 'و' || w[0] === 'ف') && w[1] === 'س') w = w.slice(1);
  if (w.length < 5 || w[0] !== 'س' || !'يتنا'.includes(w[1])) return false;
  if (NOT_FUTURE_VERBS.has(w)) return false;
  for (const stem of NOT_FUTURE_STEMS) if (w.startsWith(stem)) return false;
  return true;
}
