// The publication date and the outlet of a document, read from its dateline and signature.
//
// Publication date, first rule that finds one wins:
//  1. a full date after a publication label ("تاريخ النشر:", "نشر في", "Published");
//  2. a line near the top that holds a date and little else ("26 يناير 2024، 8:03 م");
//  3. a dateline opening a line near the top ("بغداد - 26 يناير 2024 (رويترز) -");
//  4. a full date after an update label ("آخر تحديث");
//  5. a date-only line anywhere else;
//  6. near the top, a full date right after its weekday (a wire story's lead, an inline dateline).
// Dates on caption lines ("صورة ملتقطة في 8 تموز/يوليو 2021") and under teaser headings ("اقرأ
// أيضاً", "أخبار ذات صلة") never count: they date a picture or another story.
//
// Outlet, strongest cue first: a dateline naming it ("بغداد/المسلة الحدث:", "(رويترز) -",
// "القاهرة - أ ف ب:"); a signature ("المصدر: الخليج الجديد", "عن رأي إيلاف", a copyright line);
// a statement given to it ("قال لـ"إرم نيوز""), wire services excepted; a wire service in
// parentheses anywhere.
import type { Shadow } from '../text/normalize';
import type { Token } from './tokens';
import outletsYaml from '../lexicons/outlets.yaml';
import datelineYaml from '../lexicons/dateline.yaml';
import { PhraseTable, asList, asRecord, asStrings, dateWord, phrases, wordSet } from './phrases';
import { isMark, wordAt, wordIn, type Item } from './expr';
import { WEEKDAYS } from './lexicon';
import { scanShadow, type Scan } from './scan';
import { newMemory, resolve } from './resolve';

interface Outlet {
  name: string;
  agency: boolean;
}

const OUTLETS = new PhraseTable<Outlet>();
for (const item of asList(asRecord(outletsYaml).outlets)) {
  const r = asRecord(item);
  const name = typeof r.name === 'string' || typeof r.name === 'number' ? String(r.name) : '';
  if (!name) continue;
  const outlet = { name, agency: r.agency === true };
  for (const alias of [name, ...asStrings(r.aliases)]) OUTLETS.add(alias, outlet);
}

const DL = asRecord(datelineYaml);
const PUBLISHED = phrases(DL.published, true);
const UPDATED = phrases(DL.updated, true);
const CAPTION = wordSet(DL.caption);
const TEASER = phrases(DL.teaser, true);
const DATELINE_WORDS = wordSet(DL.datelineWords);
const SOURCE = wordSet(DL.source);
const OPINION = phrases(DL.opinion, true);
const COPYRIGHT = phrases(DL.copyright, true);
const TO_OUTLET = wordSet(DL.toOutlet);
/** Words that can start a signature cue; other words are passed over at once. */
const CUE_WORDS = new Set<string>([...SOURCE, ...OPINION.firstWords(), ...COPYRIGHT.firstWords(), ...TO_OUTLET]);

/** Dates within this many shadow characters of the start (or this share of the text) are "near the top". */
const TOP_CHARS = 2500;
const TOP_SHARE = 0.35;
/** Lines after a teaser heading that still belong to the teasers. */
const TEASER_LINES = 6;
/** A line this long (in tokens) is body text, not a teaser headline. */
const BODY_TOKENS = 16;
/** A caption line this short is a label for the line under it. */
const CAPTION_TOKENS = 5;
/** A dateline holds at most this many words, its own included. */
const DATELINE_WORDS_MAX = 12;

interface Line {
  /** Token range [a, b), without the line break. */
  a: number;
  b: number;
  teaser: boolean;
  caption: boolean;
}

/** wordIn(tokens, k, CAPTION) >= 0, which depends on the word alone: asked once per word. */
function isCaptionWord(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.k !== 'w') return false;
  const d = dateWord(t);
  if (d.caption < 0) d.caption = wordIn(tokens, k, CAPTION) >= 0 ? 1 : 0;
  return d.caption === 1;
}

function splitLines(tokens: Token[]): { lines: Line[]; lineOf: Int32Array } {
  const lines: Line[] = [];
  const lineOf = new Int32Array(tokens.length);
  let a = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i].t === '\n') {
      if (i > a) lines.push({ a, b: i, teaser: false, caption: false });
      if (i < tokens.length) lineOf[i] = lines.length - 1;
      a = i + 1;
    } else lineOf[i] = lines.length;
  }
  let teaserLeft = 0;
  for (const line of lines) {
    let heading = false;
    for (let k = line.a; k < line.b && k < line.a + 4 && !heading; k++) if (TEASER.match(tokens, k, true)) heading = true;
    if (heading && line.b - line.a <= 8) teaserLeft = TEASER_LINES;
    else if (line.b - line.a >= BODY_TOKENS)
      teaserLeft = 0; // a paragraph of body text ends the teasers
    else if (teaserLeft > 0) {
      line.teaser = true;
      teaserLeft--;
    }
    for (let k = line.a; k < line.b && !line.caption; k++) if (isCaptionWord(tokens, k)) line.caption = true;
  }
  // A short caption line ("صورة أرشيفية") captions the line under it too.
  for (let n = lines.length - 1; n > 0; n--) {
    const above = lines[n - 1];
    if (above.caption && above.b - above.a <= CAPTION_TOKENS) lines[n].caption = true;
  }
  return { lines, lineOf };
}

/** Index of the token that starts at or contains shadow offset s. */
function tokenAt(tokens: Token[], s: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid].s <= s) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A label between tokens a and b that opens its line or follows a separator ("… | نشر في"):
 *  "منذ ذلك التاريخ في 25 يناير" inside a sentence is no label. */
function hasLabel(table: PhraseTable<boolean>, tokens: Token[], line: Line, a: number, b: number): boolean {
  for (let k = Math.max(line.a, a); k < b; k++) {
    if (k > line.a + 3 && !isMark(tokens, k - 1, '|-–')) continue;
    if (table.match(tokens, k, true)) return true;
  }
  return false;
}

/** The ISO day of an item that names a full date (day, month and year), else null. */
function fullDay(item: Item): string | null {
  const x = item.expr;
  if (x.type !== 'date' || x.from.y === null || x.from.d === null || x.to !== null) return null;
  const v = resolve(x, null, newMemory()).value;
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const y = Number(v.slice(0, 4));
  return y >= 1990 && y <= 2100 ? v : null;
}

/** Words on the line other than dates, weekdays and dateline words. */
function otherWords(tokens: Token[], line: Line, inDate: Uint8Array): number {
  let n = 0;
  for (let k = line.a; k < line.b; k++) {
    if (inDate[k] || tokens[k].k !== 'w') continue;
    if (wordIn(tokens, k, DATELINE_WORDS) >= 0 || wordIn(tokens, k, WEEKDAYS) >= 0) continue;
    n++;
  }
  return n;
}

function wordCount(tokens: Token[], line: Line): number {
  let n = 0;
  for (let k = line.a; k < line.b; k++) if (tokens[k].k === 'w') n++;
  return n;
}

export interface Publication {
  published: string | null;
  /** Shadow start of the date taken as the publication date. */
  at: number | null;
  outlet: string | null;
}

export function readPublication(shadow: Shadow, scan: Scan = scanShadow(shadow)): Publication {
  const { tokens, items } = scan;
  const { lines, lineOf } = splitLines(tokens);
  const top = Math.max(TOP_CHARS, shadow.norm.length * TOP_SHARE);
  const inDate = new Uint8Array(tokens.length);
  for (const item of items) for (let k = tokenAt(tokens, item.s); k < tokens.length && tokens[k].s < item.e; k++) inDate[k] = 1;
  const ranks: Array<{ rank: number; day: string; at: number }> = [];
  // Whether a line holds only its date is worked out once per line: a long line with many dates
  // would otherwise be counted again for each of them (quadratic on a one-line document).
  const dateOnlyOf = new Int8Array(lines.length).fill(-1);
  // A Hijri date beside a Gregorian one on a dateline yields to it: Umm al-Qura may be a day off.
  for (const item of items) {
    const day = fullDay(item);
    if (!day) continue;
    const ti = tokenAt(tokens, item.s);
    const tj = tokenAt(tokens, item.e - 1) + 1;
    const line = lines[lineOf[ti]];
    if (!line || line.caption || line.teaser) continue;
    // A label may stand on the line above ("تاريخ النشر\n12 فبراير 2024").
    const above = lineOf[ti] > 0 ? lines[lineOf[ti] - 1] : null;
    const labelFrom = Math.max(line.a, ti - 8);
    const labelled = (t: PhraseTable<boolean>): boolean =>
      hasLabel(t, tokens, line, labelFrom, ti) || (ti - line.a <= 1 && !!above && above.b - above.a <= 4 && hasLabel(t, tokens, above, above.a, above.b));
    const li = lineOf[ti];
    if (dateOnlyOf[li] < 0) dateOnlyOf[li] = otherWords(tokens, line, inDate) <= 1 && wordCount(tokens, line) <= DATELINE_WORDS_MAX ? 1 : 0;
    const dateOnly = dateOnlyOf[li] === 1;
    const nearTop = item.s < top;
    const opensLine = ti - line.a <= 3 && (isMark(tokens, ti - 1, '-:/') || isMark(tokens, tj, '-(:') || isMark(tokens, tj + 1, '-('));
    let rank = 0;
    if (labelled(PUBLISHED)) rank = 1;
    else if (dateOnly && nearTop) rank = 2;
    else if (opensLine && nearTop) rank = 3;
    else if (labelled(UPDATED)) rank = 4;
    else if (dateOnly) rank = 5;
    // The lead of a wire story or a dateline in running text names the day with its weekday
    // ("أربيل (رويترز) - قالت السلطات يوم الثلاثاء 14 أيار/مايو 2024", "السليمانية - شفق نيوز |
    // الثلاثاء 14 مايو 2024"): the news is of that day, so it dates the article when nothing else does.
    else if (nearTop && item.s < TOP_CHARS && (wordIn(tokens, ti - 1, WEEKDAYS) >= 0 || (isMark(tokens, ti - 1, '،,') && wordIn(tokens, ti - 2, WEEKDAYS) >= 0))) rank = 6;
    if (rank) ranks.push({ rank: rank + (item.expr.type === 'date' && item.expr.cal === 'h' ? 0.5 : 0), day, at: item.s });
  }
  ranks.sort((x, y) => x.rank - y.rank || x.at - y.at);
  const best = ranks[0];
  return { published: best ? best.day : null, at: best ? best.at : null, outlet: findOutlet(shadow, tokens, lines, top) };
}

// ---- Outlet ----

interface Vote {
  name: string;
  priority: number;
  at: number;
}

function findOutlet(shadow: Shadow, tokens: Token[], lines: Line[], top: number): string | null {
  const votes: Vote[] = [];
  const vote = (name: string, priority: number, at: number): void => {
    votes.push({ name, priority, at });
  };
  for (const line of lines) {
    const nearTop = tokens[line.a].s < top;
    if (nearTop && !line.teaser) datelineOutlet(shadow, tokens, line, vote);
    for (let k = line.a; k < line.b; k++) {
      const t = tokens[k];
      if (t.k === 'n') continue;
      if (t.k === 'w') {
        const d = dateWord(t);
        if (d.cue < 0) d.cue = CUE_WORDS.has(t.t) || (t.t[0] === 'ل' && OUTLETS.has(t.t.slice(1))) || d.forms.some(([f]) => CUE_WORDS.has(f)) ? 1 : 0;
        if (!d.cue) continue;
      }
      if (t.k === 'm' && t.t !== '(' && !CUE_WORDS.has(t.t)) continue;
      // "المصدر: الخليج الجديد", "المصدر | الخليج الجديد".
      if (wordIn(tokens, k, SOURCE) >= 0 && isMark(tokens, k + 1, ':|/-')) {
        const j = skipQuote(tokens, k + 2);
        const o = OUTLETS.match(tokens, j, false, true);
        if (o) vote(o.value.name, 2, t.s);
        else {
          const name = wordsUntilBreak(shadow, tokens, j, line.b, 3);
          if (name) vote(name, 3, t.s);
        }
        continue;
      }
      // "لا يعبر بالضرورة عن رأي إيلاف".
      const op = OPINION.match(tokens, k, true);
      if (op) {
        const o = OUTLETS.match(tokens, skipQuote(tokens, op.next), false);
        if (o) vote(o.value.name, 2, t.s);
      }
      // "جميع الحقوق محفوظة © 2024 شركة إرم ميديا".
      const cr = COPYRIGHT.match(tokens, k, true);
      if (cr) {
        for (let j = cr.next; j < Math.min(line.b, cr.next + 10); j++) {
          const o = OUTLETS.match(tokens, j, false);
          if (o) {
            vote(o.value.name, 2, t.s);
            break;
          }
        }
      }
      // "قال لـ"إرم نيوز"", "وتحدث مصدر لـ المسلة".
      if (wordIn(tokens, k, TO_OUTLET, false) >= 0 && t.k === 'w') {
        const j = skipQuote(tokens, k + 1);
        const o = OUTLETS.match(tokens, j, false);
        if (o && !o.value.agency) vote(o.value.name, 4, t.s);
      } else if (t.k === 'w' && t.t.length > 2 && t.t[0] === 'ل') {
        const o = OUTLETS.match([{ ...t, t: t.t.slice(1), s: t.s + 1, d: undefined }, ...tokens.slice(k + 1, k + 4)], 0, false);
        if (o && !o.value.agency) vote(o.value.name, 4, t.s);
      }
      // "(رويترز)" anywhere.
      if (isMark(tokens, k, '(')) {
        const o = OUTLETS.match(tokens, k + 1, false);
        if (o && o.value.agency && isMark(tokens, o.next, ')')) vote(o.value.name, 5, t.s);
      }
    }
  }
  if (!votes.length) return null;
  const best = Math.min(...votes.map((v) => v.priority));
  const top1 = votes.filter((v) => v.priority === best);
  const count = new Map<string, number>();
  for (const v of top1) count.set(v.name, (count.get(v.name) ?? 0) + 1);
  top1.sort((x, y) => (count.get(y.name) ?? 0) - (count.get(x.name) ?? 0) || y.name.length - x.name.length || x.at - y.at);
  return top1[0].name;
}

/** Dateline cues in the first tokens of a line: "بغداد/المسلة الحدث:", "(رويترز)", "- أ ف ب". */
function datelineOutlet(shadow: Shadow, tokens: Token[], line: Line, vote: (name: string, priority: number, at: number) => void): void {
  const end = Math.min(line.b, line.a + 10);
  // "السومرية نيوز/ بغداد", "شفق نيوز/ أعلن", "المسلة - بغداد:": the outlet opens the line.
  const first = OUTLETS.match(tokens, line.a, false);
  if (first && (first.next >= line.b || isMark(tokens, first.next, '/-:|'))) return vote(first.value.name, 1, tokens[line.a].s);
  // "بغداد/المسلة الحدث:": a place, a slash, the outlet, a colon.
  if (tokens[line.a].k === 'w' && isMark(tokens, line.a + 1, '/')) {
    const j = skipQuote(tokens, line.a + 2);
    const o = OUTLETS.match(tokens, j, false);
    if (o) return vote(o.value.name, 1, tokens[line.a].s);
    for (let k = j; k < Math.min(line.b, line.a + 6); k++) {
      if (isMark(tokens, k, ':')) {
        const name = wordsUntilBreak(shadow, tokens, j, k, 2);
        if (name) return vote(name, 1, tokens[line.a].s);
        break;
      }
    }
  }
  for (let k = line.a; k < end; k++) {
    if (!isMark(tokens, k, '(-/')) continue;
    const o = OUTLETS.match(tokens, skipQuote(tokens, k + 1), false);
    if (!o) continue;
    const after = skipQuote(tokens, o.next);
    const closed = isMark(tokens, k, '(') ? isMark(tokens, after, ')') : after >= line.b || isMark(tokens, after, '-:)');
    if (closed) return vote(o.value.name, 1, tokens[k].s);
  }
}

/** Past an opening or closing quote ("«القدس العربي»" folds to "\"القدس العربي\""). */
function skipQuote(tokens: Token[], i: number): number {
  return isMark(tokens, i, '"\'') ? i + 1 : i;
}

/** Up to `max` words from token i, stopping at a mark or `end`: the original text, trimmed. */
function wordsUntilBreak(shadow: Shadow, tokens: Token[], i: number, end: number, max: number): string | null {
  let j = i;
  while (j < end && tokens[j].k === 'w') j++;
  if (j === i || j - i > max || (j < end && !isMark(tokens, j, ':|.-,'))) return null;
  if (wordAt(tokens, i).length < 2) return null;
  const [s, e] = shadow.span(tokens[i].s, tokens[j - 1].e);
  return shadow.text.slice(s, e).trim() || null;
}
