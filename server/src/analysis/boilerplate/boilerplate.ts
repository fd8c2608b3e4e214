// Lines of a scraped page that are not the article: menus, share and follow prompts, "اقرأ أيضاً"
// teasers for other stories, tickers, tags, comments, copyright and credit lines. The signals are
// the ones jusText and trafilatura use on plain text: cue phrases, line length, the share of
// function words (prose is full of them, menus and headline lists are not), sentence punctuation,
// and the neighbours of a short line (a short line between two boilerplate lines is boilerplate, a
// subheading between two paragraphs is not). The headline and dateline at the top are kept: the
// page's start counts as article.
import cues from '../lexicons/boilerplate-cues.yaml';
import functionWords from '../lexicons/function-words.yaml';
import { Shadow } from '../text/normalize';
import { hasNonSpace, lineWords } from '../text/lineText';
import { asRecord, foldList } from '../figures/tokens';

/**
 * Cue phrases with the pairs of letters they contain: a line lacking one of a cue's pairs cannot
 * contain the cue, which spares searching most lines for most cues.
 */
interface Cues {
  list: string[];
  pairs: Uint16Array[];
}

const PAIR_BITS = 1024;

function pairOf(a: number, b: number): number {
  return (a * 31 + b) & (PAIR_BITS - 1);
}

function cuesOf(list: string[]): Cues {
  return {
    list,
    pairs: list.map((c) => {
      const out = new Uint16Array(Math.max(0, c.length - 1));
      for (let i = 0; i + 1 < c.length; i++) out[i] = pairOf(c.charCodeAt(i), c.charCodeAt(i + 1));
      return out;
    }),
  };
}

/**
 * The pairs of letters of a line's text, as a bit set. One set is reused for whichever line was
 * asked last (a line is asked about a few times in a row): a set kept on every line cost a small
 * typed array per line, most of the time and memory of a text of a million short lines.
 */
const pairBits = new Uint32Array(PAIR_BITS / 32);
let pairLine: Line | null = null;

function pairsOf(line: Line): Uint32Array {
  if (pairLine === line) return pairBits;
  pairBits.fill(0);
  const t = line.text;
  for (let i = 0; i + 1 < t.length; i++) {
    const p = pairOf(t.charCodeAt(i), t.charCodeAt(i + 1));
    pairBits[p >> 5] |= 1 << (p & 31);
  }
  pairLine = line;
  return pairBits;
}

const C = asRecord(cues);
const END = asRecord(C.end);
const RELATED = asRecord(C.related);
const LINE = asRecord(C.line);
const CREDIT = asRecord(C.credit);

function num(x: unknown, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
}

const END_STARTS = foldList(END.startsWith);
const END_SHORT_STARTS = foldList(END.shortStartsWith);
const END_SHORT_WORDS = num(END.shortWords, 8);
const RELATED_STARTS = foldList(RELATED.startsWith);
const RELATED_WORDS = num(RELATED.headerWords, 6);
const TICKER = new Set(foldList(C.ticker));
const LINE_CUES = cuesOf(foldList(LINE.contains));
const LINE_WORDS = num(LINE.maxWords, 30);
const DISCLAIMERS = cuesOf(foldList(C.disclaimer));
const CREDIT_CUES = cuesOf(foldList(CREDIT.contains));
const CREDIT_WORDS = num(CREDIT.maxWords, 6);
const NAV = new Set(foldList(C.nav));
const STOP = new Set(foldList(asRecord(functionWords).words));
/** No function word is longer: longer words are not looked up. */
const STOP_LONGEST = Math.max(0, ...[...STOP].map((w) => w.length));

/** Article prose (in characters) that must come before an end cue for it to end the article. */
const PROSE_BEFORE_END = 300;
/** A ticker headline sharing fewer of its words than this with the article is another story. */
const TICKER_OVERLAP = 0.5;

/** A related-story header with its teaser on the same line has at most this many words. */
const INLINE_TEASER_WORDS = 30;
/** A header, then a colon, bar or dash, then the teaser: "اقرأ أيضاً: …", "شاهد أيضا | …". */
const INLINE_TEASER = /^[\s\-–—•·▪◦*]*([^:|–—]{2,40}?)\s*[:|–—]\s*[\p{L}\p{N}]/u;

function inlineTeaser(raw: string): boolean {
  const m = INLINE_TEASER.exec(raw);
  if (!m) return false;
  const header = m[1]
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return RELATED_STARTS.includes(header);
}

type Cls = 'good' | 'short' | 'bad';

interface Line {
  /** Shadow offsets of the line, without its line break. */
  s: number;
  e: number;
  /** Folded text without leading bullets and surrounding punctuation. */
  text: string;
  /** How many words it has (lineText). */
  words: number;
  /** Where its words are in the shadow: wordBounds[b], wordBounds[b + 1] … (lineWords). */
  b: number;
  cls: Cls;
  /** Why it is boilerplate (for tests and debugging). */
  why?: string;
  headlineLike: boolean;
}

/** A line that is only a list bullet: scraped link lists put the bullet and the link on two lines. */
const BULLET = /^\s*[-–—•·▪◦*]\s*$/;
const BULLETED = /^\s*[•·▪◦●■►]/;
const ARABIC = /[\u0621-\u064a]/;
const LETTER_OR_DIGIT = /\p{L}|\p{N}/u;
const LATIN = /[a-z]/;

function startsWithAny(text: string, list: string[]): boolean {
  for (const c of list) if (text === c || (text.startsWith(c) && !/[\p{L}\p{N}]/u.test(text[c.length] ?? ''))) return true;
  return false;
}

/** A cue of `cues` in the line's text, standing as whole words (see containsAny). */
function lineContains(line: Line, cues: Cues): boolean {
  const bits = pairsOf(line);
  const list: string[] = [];
  for (let k = 0; k < cues.list.length; k++) {
    const pairs = cues.pairs[k];
    let possible = true;
    for (let i = 0; i < pairs.length && possible; i++) possible = (bits[pairs[i] >> 5] & (1 << (pairs[i] & 31))) !== 0;
    if (possible) list.push(cues.list[k]);
  }
  return list.length > 0 && containsAny(line.text, list);
}

function containsAny(text: string, list: string[]): boolean {
  for (const c of list) {
    const at = text.indexOf(c);
    if (at >= 0 && !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[at + c.length] ?? '')) return true;
  }
  return false;
}

/**
 * The lines of the shadow that are not blank (blank lines are never boilerplate and no rule looks
 * at them: a page of short lines has as many blank lines as written ones). `bounds` receives the
 * words of every line.
 */
function splitLines(norm: string, bounds: number[]): Line[] {
  const out: Line[] = [];
  let s = 0;
  for (let i = 0; i <= norm.length; i++) {
    const c = i < norm.length ? norm.charCodeAt(i) : 0x0a;
    if (c !== 0x0a && c !== 0x0d && c !== 0x2028 && c !== 0x2029) continue;
    if (hasNonSpace(norm, s, i)) {
      const b = bounds.length;
      const text = lineWords(norm, s, i, bounds);
      out.push({ s, e: i, text, words: (bounds.length - b) >> 1, b, cls: 'short', headlineLike: false });
    }
    s = i + 1;
  }
  return out;
}

/** The class of a line from its own text: cue lines and furniture are bad, prose is good. */
function classify(line: Line, raw: string, norm: string, bounds: number[]): void {
  const n = line.words;
  const trimmed = raw.trim();
  const endsSentence = /[.!?؟"]$/.test(trimmed) && !trimmed.endsWith('..');
  line.headlineLike = n <= 20 && !endsSentence;
  if (n === 0) {
    line.cls = LETTER_OR_DIGIT.test(raw) ? 'short' : 'bad';
    if (line.cls === 'bad') line.why = BULLET.test(raw) ? 'bullet' : 'separator';
    return;
  }
  if (!ARABIC.test(line.text) && LATIN.test(line.text)) {
    line.cls = 'bad';
    line.why = 'not Arabic';
    return;
  }
  if (NAV.has(line.text)) {
    line.cls = 'bad';
    line.why = 'menu';
    return;
  }
  if ((n <= LINE_WORDS && lineContains(line, LINE_CUES)) || lineContains(line, DISCLAIMERS)) {
    line.cls = 'bad';
    line.why = 'prompt';
    return;
  }
  const punct = /[.,!?:;]/.test(trimmed);
  if (n >= 20) line.cls = stopShare(line, norm, bounds, 0.05) ? 'good' : 'bad';
  else if (n >= 8 && punct && !line.headlineLike && stopShare(line, norm, bounds, 0.08)) line.cls = 'good';
  else line.cls = 'short';
  if (line.cls === 'bad') line.why = 'no prose';
}

/**
 * Whether function words make at least `share` of the line's words. Counted only until the share
 * is reached (prose reaches it within a few words), and words longer than any function word are
 * not looked up.
 */
function stopShare(line: Line, norm: string, bounds: number[], share: number): boolean {
  const n = line.words;
  let stops = 0;
  for (let k = line.b; k < line.b + 2 * n; k += 2) {
    if (bounds[k + 1] - bounds[k] > STOP_LONGEST || !STOP.has(norm.slice(bounds[k], bounds[k + 1]))) continue;
    stops++;
    // The share only grows as words are counted: once reached, it holds for the whole line.
    if (stops / n >= share) return true;
  }
  return false;
}

/** The words of a line (lineText). */
function wordsOf(line: Line, norm: string, bounds: number[]): string[] {
  const out: string[] = [];
  for (let k = line.b; k < line.b + 2 * line.words; k += 2) out.push(norm.slice(bounds[k], bounds[k + 1]));
  return out;
}

/** Content words of a line, for comparing a ticker headline with the article. */
function contentWords(line: Line, norm: string, bounds: number[]): string[] {
  const words = wordsOf(line, norm, bounds);
  return words.filter((w) => w.length > 2 && !STOP.has(w)).map((w) => (w.startsWith('ال') && w.length > 4 ? w.slice(2) : w));
}

/**
 * The boilerplate ranges of a text. With `short`, also collects its short lines for
 * findRepeatedLines (the lines are cut here anyway; cutting them again later costs a second
 * shadow and a second reading of every character); `short.lines` stays null when this shadow's
 * lines are not those (a U+2028 or U+2029 line break, which only this function breaks at).
 */
export function findBoilerplate(shadow: Shadow, short?: { lines: ShortLine[] | null }): Array<{ start: number; end: number }> {
  try {
    return boilerplateOf(shadow, short);
  } finally {
    pairLine = null; // the last line asked about is not kept (it may be a whole document)
  }
}

function boilerplateOf(shadow: Shadow, short?: { lines: ShortLine[] | null }): Array<{ start: number; end: number }> {
  const norm = shadow.norm;
  const bounds: number[] = [];
  const nonEmpty = splitLines(norm, bounds);
  if (short) short.lines = plainOf(shadow, nonEmpty);
  for (const l of nonEmpty) classify(l, norm.slice(l.s, l.e), norm, bounds);
  if (!nonEmpty.length) return [];
  const firstGood = nonEmpty.findIndex((l) => l.cls === 'good');

  // Credit lines are only credits after the article has begun; at the top they are the dateline.
  nonEmpty.forEach((l, k) => {
    if (k > firstGood && firstGood >= 0 && l.cls !== 'bad' && l.words <= CREDIT_WORDS && lineContains(l, CREDIT_CUES)) {
      l.cls = 'bad';
      l.why = 'credit';
    }
  });

  // Related-story headers and the teaser headlines under them.
  for (let k = 0; k < nonEmpty.length; k++) {
    const l = nonEmpty[k];
    if (l.words > RELATED_WORDS && l.words <= INLINE_TEASER_WORDS && inlineTeaser(norm.slice(l.s, l.e))) {
      // "اقرأ أيضاً: مصرع 5 أشخاص في …": the header and its teaser on one line.
      l.cls = 'bad';
      l.why = 'teaser';
      continue;
    }
    if (l.words > RELATED_WORDS || !startsWithAny(l.text, RELATED_STARTS)) continue;
    l.cls = 'bad';
    l.why = 'related header';
    for (let m = k + 1; m < nonEmpty.length; m++) {
      const h = nonEmpty[m];
      // The first line is the teaser; more follow while they read as headlines.
      if (m > k + 1 && (h.cls === 'good' || !h.headlineLike)) break;
      if (h.cls === 'good' && !h.headlineLike && h.words > 25) break;
      h.cls = 'bad';
      h.why = 'teaser';
    }
  }

  // A headline on the line after a lone bullet is an item of a link list ("-\nالعراق.. …").
  for (let k = 1; k < nonEmpty.length; k++) {
    const l = nonEmpty[k];
    if (l.cls !== 'good' && l.headlineLike && nonEmpty[k - 1].why === 'bullet') {
      l.cls = 'bad';
      l.why = 'link list item';
    }
  }

  // Three or more bulleted headlines in a row are a list of links to other stories.
  for (let k = 0; k < nonEmpty.length;) {
    let m = k;
    while (m < nonEmpty.length && nonEmpty[m].headlineLike && BULLETED.test(norm.slice(nonEmpty[m].s, nonEmpty[m].e))) m++;
    if (m - k >= 3) {
      for (let x = k; x < m; x++) {
        nonEmpty[x].cls = 'bad';
        nonEmpty[x].why = 'link list item';
      }
    }
    k = Math.max(m, k + 1);
  }

  // A ticker line, and the headline after it when it is about something else.
  // The article's words, gathered at the first ticker (before any line changes class): most pages have none.
  let body: Set<string> | null = null;
  for (let k = 0; k + 1 < nonEmpty.length; k++) {
    const l = nonEmpty[k];
    if (!TICKER.has(l.text)) continue;
    if (!body) {
      body = new Set<string>();
      for (const x of nonEmpty) if (x.cls === 'good') for (const w of contentWords(x, norm, bounds)) body.add(w);
    }
    const article = body;
    l.cls = 'bad';
    l.why = 'ticker';
    const h = nonEmpty[k + 1];
    const words = contentWords(h, norm, bounds);
    const shared = words.filter((w) => article.has(w)).length;
    if (h.cls !== 'good' || h.headlineLike) {
      if (!words.length || shared / words.length < TICKER_OVERLAP) {
        h.cls = 'bad';
        h.why = 'ticker headline';
      }
    }
  }

  // End of the article: everything from an end cue on, once enough prose has been read.
  let prose = 0;
  for (let k = 0; k < nonEmpty.length; k++) {
    const l = nonEmpty[k];
    const isEnd = startsWithAny(l.text, END_STARTS) || (l.words <= END_SHORT_WORDS && startsWithAny(l.text, END_SHORT_STARTS));
    if (isEnd && prose >= PROSE_BEFORE_END) {
      for (let m = k; m < nonEmpty.length; m++) {
        nonEmpty[m].cls = 'bad';
        nonEmpty[m].why ??= 'after the article';
      }
      break;
    }
    if (isEnd) {
      l.cls = 'bad';
      l.why = 'end cue';
    }
    if (l.cls === 'good') prose += l.e - l.s;
  }

  // Short lines take their neighbours' side: boilerplate only between two boilerplate lines.
  // The page's start counts as article (headline, dateline), its end as boilerplate.
  // The nearest decided line on each side, found in two linear passes (a page of thousands of
  // short lines must not cost thousands squared).
  const decided = nonEmpty.map((l) => l.cls);
  const sideBefore: string[] = new Array(nonEmpty.length);
  const sideAfter: string[] = new Array(nonEmpty.length);
  let last = 'good';
  for (let k = 0; k < nonEmpty.length; k++) {
    sideBefore[k] = last;
    if (decided[k] !== 'short') last = decided[k];
  }
  last = 'bad';
  for (let k = nonEmpty.length - 1; k >= 0; k--) {
    sideAfter[k] = last;
    if (decided[k] !== 'short') last = decided[k];
  }
  for (let k = 0; k < nonEmpty.length; k++) {
    if (decided[k] !== 'short') continue;
    const before = sideBefore[k];
    const after = sideAfter[k];
    if (before === 'bad' && after === 'bad') {
      nonEmpty[k].cls = 'bad';
      nonEmpty[k].why = 'between boilerplate';
    } else nonEmpty[k].cls = 'good';
  }

  // Whole lines out, neighbouring boilerplate lines (and the blank lines between) as one range.
  const out: Array<{ start: number; end: number }> = [];
  let open: { s: number; e: number } | null = null;
  for (const l of nonEmpty) {
    if (l.cls !== 'bad') {
      if (open) out.push(toRange(shadow, open));
      open = null;
      continue;
    }
    if (open) open.e = l.e;
    else open = { s: l.s, e: l.e };
  }
  if (open) out.push(toRange(shadow, open));
  return out.filter((r) => r.end > r.start);
}

function toRange(shadow: Shadow, r: { s: number; e: number }): { start: number; end: number } {
  const [start, end] = shadow.span(r.s, r.e);
  return { start, end };
}

/** A short line of an original text for findRepeatedLines: original offsets, folded text. */
export interface ShortLine {
  s: number;
  e: number;
  text: string;
}

/** Lines with at most this many words may be an outlet's repeated furniture. */
const REPEATED_MAX_WORDS = 12;

/**
 * Lines repeated across documents of a corpus (an outlet's menus and footers): for each document,
 * the ranges of its short lines whose folded text appears in at least `minDocs` documents. Long
 * lines are never taken, so a quotation that two outlets share stays article text.
 */
export function findRepeatedLines(texts: string[], minDocs = 3, maxWords = REPEATED_MAX_WORDS): Array<Array<{ start: number; end: number }>> {
  return repeatedAmong(
    texts.map((t) => shortLines(t, maxWords)),
    minDocs,
  );
}

/** findRepeatedLines over the documents' short lines (shortLines, or findBoilerplate's `short`). */
export function repeatedAmong(docs: ShortLine[][], minDocs = 3): Array<Array<{ start: number; end: number }>> {
  const seen = new Map<string, number>();
  for (const lines of docs) for (const key of new Set(lines.map((l) => l.text))) seen.set(key, (seen.get(key) ?? 0) + 1);
  return docs.map((lines) => lines.filter((l) => (seen.get(l.text) ?? 0) >= minDocs).map((l) => ({ start: l.s, end: l.e })));
}

/** The lines of an original text with 1 to `maxWords` words, folded the way findBoilerplate folds them. */
export function shortLines(text: string, maxWords = REPEATED_MAX_WORDS): ShortLine[] {
  // Folding the whole text and cutting the shadow at its line breaks gives each line's fold: the
  // shadow keeps every "\n" and "\r", and folds nothing across them.
  const shadow = new Shadow(text);
  const norm = shadow.norm;
  const out: ShortLine[] = [];
  let s = 0;
  let ns = 0;
  for (let k = 0; k <= norm.length; k++) {
    const c = k < norm.length ? norm.charCodeAt(k) : 0x0a;
    if (c !== 0x0a && c !== 0x0d) continue;
    const e = k < norm.length ? shadow.startOf(k) : text.length;
    const bounds: number[] = [];
    const folded = lineWords(norm, ns, k, bounds);
    const words = bounds.length >> 1;
    if (words > 0 && words <= maxWords) out.push({ s, e, text: folded });
    s = e + 1;
    ns = k + 1;
  }
  return out;
}

/**
 * shortLines from findBoilerplate's lines of the same shadow, which are the same lines when the
 * shadow breaks lines only at "\n" and "\r"; null when it has another line break.
 */
function plainOf(shadow: Shadow, lines: Line[]): ShortLine[] | null {
  const norm = shadow.norm;
  if (norm.indexOf('\u2028') >= 0 || norm.indexOf('\u2029') >= 0) return null;
  const out: ShortLine[] = [];
  for (const l of lines) {
    if (!(l.words > 0 && l.words <= REPEATED_MAX_WORDS)) continue;
    // Original offsets as shortLines counts them: each line ends where its break (kept 1:1 by the
    // shadow) starts, and begins one unit after the break before it (blank lines are not listed).
    const s = l.s > 0 ? shadow.startOf(l.s - 1) + 1 : 0;
    const e = l.e < norm.length ? shadow.startOf(l.e) : shadow.text.length;
    out.push({ s, e, text: l.text });
  }
  return out;
}
