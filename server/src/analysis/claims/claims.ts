// A figure becomes a claim: what is measured, where, over which time, as of when, the interval,
// and who says it. Only figures that can be compared become claims: boilerplate, figures with an
// unknown measure, figures about "others", and unusable values are dropped here.
import type { DocumentAnalysis, Mention } from '../types';
import { measureOf, type Measure } from './measures';
import { readValue, disjoint, type ValueReading } from './value';
import { parseDays, parseStart, type DayRange } from './time';
import { readQualifiers, NO_QUALIFIERS, type Qualifiers } from './qualifiers';
import { fold } from '../text/normalize';
import { keyOf, within } from './placeTree';
import { headlineRange } from '../stories/headline';
import scopes from '../lexicons/claim-scopes.yaml';

/**
 * How a claim behaves in time: a running total ("منذ …", may only grow), one occurrence (must
 * agree whatever the dates), or a standing quantity (must agree when reported close together).
 */
export type ClaimKind = 'running' | 'event' | 'level';

export interface Claim {
  path: string;
  mentionId: string;
  start: number;
  end: number;
  text: string;
  value: ValueReading;
  measure: Measure;
  kind: ClaimKind;
  /** The bucket the claim is compared in: measure and kind. */
  key: string;
  /** Place keys, sorted; null when the sentence names none. */
  places: string[] | null;
  /** Running totals: when the count started. */
  since: DayRange | null;
  /** Events: the day(s) it happened. */
  day: DayRange | null;
  /** When the figure held: the publication date unless the window says otherwise. */
  asOf: DayRange | null;
  /** ISO day shown in messages (publication), or null when the document is undated. */
  date: string | null;
  source: string | null;
  outlet: string | null;
  qualifiers: Qualifiers;
  /** The story of the claim's document; set by the claim index ('' until then). */
  story: string;
  /** The source is a named actor the article recognised (not "مصادر طبية"). */
  named: boolean;
  /** The figure stands in the article's headline. */
  headline: boolean;
  /** The sentence says the toll rose to this figure ("ارتفعت الحصيلة إلى"). */
  rising: boolean;
  /** An estimate ("تشير تقديرات إلى"), compared only with estimates. */
  estimate: boolean;
  /**
   * A figure after the article's own toll for the measure (a hospital's share, a nationality, an
   * earlier count): set only against figures of the same article (named sources, headline).
   */
  aside: boolean;
  /**
   * A headline figure its own article's body contradicts (a typo, an older toll): set only
   * against the body, never against other articles.
   */
  contested: boolean;
  /** A loose amount with no digits ("عشرات الجرحى"): it may contradict, never update. */
  loose: boolean;
  /**
   * No count at all: a loose amount or "عدد كبير من", no digits. It never stands for the
   * article's toll when the article also gives a count.
   */
  indefinite: boolean;
  /** The sentence says the figure takes in another group ("بمن فيهم", "بما في ذلك"): the inclusive toll. */
  inclusive: boolean;
  /**
   * A wounded count told right after a killed count ("أوقع 107 وفيات و82 إصابة"): the event's
   * wounded toll, not those still in hospital.
   */
  withKilled: boolean;
  /** The claim's article tells an event of one site (a fire, an explosion); set by the claim index. */
  oneSite: boolean;
}

/** The scope of a combined toll ("في البلدين", "العدد الإجمالي" beside two places). */
const COMBINED = '*combined';

function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map(fold) : [];
}

/**
 * Words and phrases to find in folded text, each with its parts (split at spaces). A part a text
 * lacks rules the phrase out at once: a phrase found among a text's padded words (letters and
 * digits, kept as they are) has every part in the text, so the padded copy of the text, and the
 * searches through it, are made only for phrases whose parts are all there (most texts have none).
 */
interface Phrases {
  words: string[];
  parts: string[][];
}

function phrases(words: string[]): Phrases {
  return { words, parts: words.map((w) => w.split(' ')) };
}

/** Whether every part of the k-th phrase is in `folded`. */
function partsIn(folded: string, list: Phrases, k: number): boolean {
  for (const part of list.parts[k]) if (!folded.includes(part)) return false;
  return true;
}

const SCOPES = (scopes ?? {}) as Record<string, unknown>;
/** Words that make a figure a combined toll whatever else the sentence says. */
const COMBINED_ALWAYS = phrases(strs(SCOPES.combined));
/** Words that make a figure a combined toll when its sentence names two places or more. */
const COMBINED_TOTAL = phrases(strs(SCOPES.total));
/** Words before a figure that say the toll rose to it. */
const RISING = phrases(strs(SCOPES.rising));
/** Diseases: "إصابة بفيروس كورونا" is an infection. */
const INFECTION = strs(SCOPES.infection);
const INFECTION_COUNT = strs(SCOPES.infectionCount);
const IN_HOSPITAL = (SCOPES.inHospital ?? {}) as Record<string, unknown>;
const IN_HOSPITAL_BEFORE = strs(IN_HOSPITAL.before);
const IN_HOSPITAL_AFTER = strs(IN_HOSPITAL.after);
const IN_CARE = strs(IN_HOSPITAL.care);
/** "بمن فيهم", "بما في ذلك": the figure includes another group. */
const INCLUSIVE = phrases(strs(SCOPES.inclusive));

/** A window longer than this is a period ("منذ …" up to the report); shorter, an anchor ("منتصف تشرين الأول"). */
const ANCHOR_DAYS = 31;

/** Splits an extractor place ("العراق" or a joined "iraq+syria") into keys. */
function placeKeys(place: string | undefined): string[] {
  if (!place) return [];
  return place
    .split(/[+|,،;]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The claim's places. The extractor names one place per figure; when the text is at hand, the
 * places joined to it by "و" ("في العراق وسوريا") are added, because attacks "in Iraq" and
 * "in Iraq and Syria" are different counts.
 */
function placesOf(m: Mention, places: Mention[], text: string | undefined): string[] | null {
  // "وأفادت الشرق الأوسط بمقتل 12": a name the sentence cites as its source (an outlet named
  // like a region) is not where the figure happened.
  const source = m.source ? fold(m.source) : null;
  const keys = placeKeys(m.place).filter((k) => !source || (fold(k) !== source && !source.endsWith(` ${fold(k)}`)));
  if (!keys.length) return null;
  if (text !== undefined && keys.length === 1) {
    const [from, to] = sentenceAround(text, m.start, m.end);
    const key = keys[0];
    const folded = fold(key);
    // The place after the figure is the one it is "in"; else the nearest one before it.
    let after = -1;
    let before = -1;
    for (let i = lowerBound(places, from); i < places.length && places[i].start < to; i++) {
      const p = places[i];
      if (p.entity !== key && fold(p.text) !== folded) continue;
      if (p.start >= m.end) {
        after = i;
        break;
      }
      if (p.end <= m.start) before = i;
    }
    let best = after >= 0 ? after : before;
    // "في العراق نحو 2500 جندي وفي سوريا 900": a place after a new clause ("وفي", "بينما")
    // belongs to the next figure; the place before the figure in the sentence is this one's.
    if (after >= 0 && NEXT_CLAUSE.test(text.slice(m.end, places[after].start))) {
      let prior = -1;
      for (let i = lowerBound(places, from); i < places.length && places[i].end <= m.start; i++) prior = i;
      if (prior >= 0) {
        keys[0] = places[prior].entity ?? fold(places[prior].text);
        best = prior;
      } else {
        // "وصل عدد الوفيات إلى 9 أشخاص، فيما أعلن القنصل في جدة …": the only place is the next clause's.
        return null;
      }
    }
    if (best >= 0) {
      for (let i = best + 1; i < places.length && joined(text, places[i - 1].end, places[i].start); i++) keys.push(places[i].entity ?? places[i].text);
      for (let i = best - 1; i >= 0 && joined(text, places[i].end, places[i + 1].start); i--) keys.push(places[i].entity ?? places[i].text);
    }
  }
  return narrowest([...new Set(keys)], m, places, text);
}

/**
 * The narrowest of the places a sentence gives for the figure: "في الحمدانية بمحافظة نينوى
 * شمال العراق" is al-Hamdaniya, not Iraq. A place named next to the figure's place (a few words
 * away, in the same sentence) that lies inside it takes its place.
 */
function narrowest(keys: string[], m: Mention, places: Mention[], text: string | undefined): string[] {
  if (text === undefined || !keys.length) return keys.sort();
  const [from, to] = sentenceAround(text, m.start, m.end);
  const near: string[] = [];
  for (let i = lowerBound(places, from); i < places.length && places[i].start < to; i++) near.push(places[i].entity ?? places[i].text);
  const out = keys.map((k) => {
    let best = k;
    for (const p of near) if (within(p, best)) best = p;
    return best;
  });
  return [...new Set(out)].sort();
}

/**
 * A document's figures, for finding the clause of each: the nearest figure ending before it and
 * the nearest starting after it, found by binary search in the figures' sorted ends and starts
 * (walking every figure for every figure was quadratic in a page of many figures).
 */
class Figures {
  /** Null when a figure's offsets are not all numbers (a malformed analysis): every figure is walked then. */
  private readonly starts: Array<{ at: number; f: Mention }> | null = null;
  private readonly ends: Array<{ at: number; f: Mention }> | null = null;

  constructor(private readonly all: Mention[]) {
    if (!all.every((f) => Number.isFinite(f.start) && Number.isFinite(f.end))) return;
    this.starts = all.map((f) => ({ at: f.start, f })).sort((x, y) => x.at - y.at);
    this.ends = all.map((f) => ({ at: f.end, f })).sort((x, y) => x.at - y.at);
  }

  /** The clause of a figure: its sentence, no further than the figures before and after it. */
  clause(text: string, m: Mention): [number, number] {
    let [from, to] = sentenceAround(text, m.start, m.end);
    if (!this.starts || !this.ends) {
      for (const f of this.all) {
        if (f === m) continue;
        if (f.end <= m.start && f.end > from) from = f.end;
        if (f.start >= m.end && f.start < to) to = f.start;
      }
      return [from, to];
    }
    // The last end at or before the figure's start, and the first start at or after its end (never its own).
    const ends = this.ends;
    for (let i = firstAbove(ends, m.start, true) - 1; i >= 0; i--) {
      if (ends[i].f === m) continue;
      if (ends[i].at > from) from = ends[i].at;
      break;
    }
    const starts = this.starts;
    for (let i = firstAbove(starts, m.end, false); i < starts.length; i++) {
      if (starts[i].f === m) continue;
      if (starts[i].at < to) to = starts[i].at;
      break;
    }
    return [from, to];
  }
}

/** The first index of `list` (sorted by `at`) whose `at` is above `x` (or equal to it, when not `strictly`). */
function firstAbove(list: ReadonlyArray<{ at: number }>, x: number, strictly: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at < x || (strictly && list[mid].at === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One of the phrases stands as whole words in `folded`, bare or with و ب ل ف before it. */
function hasWord(folded: string, list: Phrases): boolean {
  let padded: string | null = null;
  for (let k = 0; k < list.words.length; k++) {
    if (!partsIn(folded, list, k)) continue;
    padded ??= ` ${folded.replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    const w = list.words[k];
    if (padded.includes(` ${w} `) || padded.includes(` و${w} `) || padded.includes(` ب${w} `) || padded.includes(` ل${w} `) || padded.includes(` ف${w} `)) return true;
  }
  return false;
}

/** A combined toll: "في البلدين", or "الإجمالي" in a sentence that names two places or more. */
function combined(text: string, m: Mention, figures: Figures, places: Mention[]): boolean {
  const [from, to] = figures.clause(text, m);
  const clause = fold(text.slice(from, to));
  if (hasWord(clause, COMBINED_ALWAYS)) return true;
  if (!hasWord(clause, COMBINED_TOTAL)) return false;
  const [sFrom, sTo] = sentenceAround(text, m.start, m.end);
  const named = new Set<string>();
  for (let i = lowerBound(places, sFrom); i < places.length && places[i].start < sTo; i++) named.add(keyOf(places[i].entity ?? places[i].text));
  return named.size >= 2;
}

/** The clause says the toll rose to this figure ("ارتفعت الحصيلة إلى 40", "ليرتفع العدد إلى"). */
function risingTo(text: string, m: Mention, figures: Figures): boolean {
  const [from] = figures.clause(text, m);
  const before = fold(text.slice(Math.max(from, m.start - 80), m.start));
  return RISING.words.some((w) => before.includes(w)) || hasWord(before, RISING);
}

/** Words that open the next clause of a sentence. */
const NEXT_CLAUSE = /(^|[\s,،])(و\s?في|بينما|فيما|مقابل|في حين)\s/;

/** Only "و" or a comma stands between two places of one list. */
function joined(text: string, end: number, start: number): boolean {
  return start >= end && start - end <= 4 && /^[\s,،]*و?[\s]*$/.test(text.slice(end, start));
}

function lowerBound(ms: Mention[], offset: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const SENTENCE_REACH = 600;

/** . ! ? ؟ newline ؛ end a sentence. */
function sentenceBreak(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x0a || c === 0x61b;
}

/** The last sentence asked for: the rules of one figure ask for its sentence several times. */
let lastSentence = { text: '', start: NaN, end: NaN, span: [0, 0] as [number, number] };

function sentenceAround(text: string, start: number, end: number): [number, number] {
  const last = lastSentence;
  if (last.start === start && last.end === end && last.text === text) return [last.span[0], last.span[1]];
  let from = start;
  const floor = Math.max(0, start - SENTENCE_REACH);
  while (from > floor && !sentenceBreak(text.charCodeAt(from - 1))) from--;
  let to = end;
  const ceil = Math.min(text.length, end + SENTENCE_REACH);
  while (to < ceil && !sentenceBreak(text.charCodeAt(to))) to++;
  lastSentence = { text, start, end, span: [from, to] };
  return [from, to];
}

/**
 * The days of the date phrase a running total starts from: the date mention near the figure
 * that begins on the window's first day ("منتصف تشرين الأول" → 11–20 October). The first day
 * alone when there is none.
 */
function anchorOf(start: DayRange, dates: Mention[], m: Mention, text: string | undefined): DayRange {
  const [from, to] = text !== undefined ? sentenceAround(text, m.start, m.end) : [m.start - SENTENCE_REACH, m.end + SENTENCE_REACH];
  let best = start;
  for (let i = lowerBound(dates, from); i < dates.length && dates[i].start < to; i++) {
    const r = parseDays(dates[i].value as string);
    if (r && r.from === start.from && r.to - r.from <= ANCHOR_DAYS && r.to - r.from > best.to - best.from) best = r;
  }
  return best;
}

type Ranges = DocumentAnalysis['boilerplate'];

/** True when [start, end) lies inside one of `ranges` (sorted by start). */
function inRanges(ranges: Ranges, start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start <= start) lo = mid + 1;
    else hi = mid;
  }
  // Ranges may overlap: look back over the ones starting at or before `start`.
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (end <= ranges[i].end) return true;
  return false;
}

/**
 * The comparable claims of one document. `text` is the document's text, when the caller has
 * it: it lets the claim read whose soldiers and which forces a figure is about.
 */
export function claimsOf(doc: DocumentAnalysis, text?: string): Claim[] {
  const out: Claim[] = [];
  const published = parseDays(doc.published);
  const mentions = Array.isArray(doc.mentions) ? doc.mentions : [];
  const places = mentions.filter((x) => x.kind === 'place' && !x.boilerplate);
  const dates = mentions.filter((x) => x.kind === 'date' && typeof x.value === 'string');
  const figures = new Figures(mentions.filter((x) => x.kind === 'quantity'));
  const actors = new Set<string>();
  for (const x of mentions) if ((x.kind === 'person' || x.kind === 'organization') && !x.boilerplate) actors.add(fold(x.entity ?? x.text ?? ''));
  if (doc.outlet) actors.add(fold(doc.outlet));
  const boilerplate = (Array.isArray(doc.boilerplate) ? doc.boilerplate : []).filter((r) => r && typeof r.start === 'number' && typeof r.end === 'number');
  boilerplate.sort((a, b) => a.start - b.start);
  const head = text !== undefined ? headlineRange(text, boilerplate, doc.outlet) : null;
  for (const m of mentions) {
    if (m.kind !== 'quantity' || m.boilerplate) continue;
    // Denied, forecast, past and superseded figures are not counts reported as fact.
    if (m.modality && m.modality !== 'estimate') continue;
    const measure = measureOf(m.counted, m.event);
    if (!measure || inRanges(boilerplate, m.start, m.end)) continue;
    const value = readValue(m.value, m.text ?? '');
    if (!value) continue;
    const usableText = text !== undefined && text.slice(m.start, m.end) === m.text ? text : undefined;
    const qualifiers = usableText ? readQualifiers(usableText, m.start, m.end, measure.target) : NO_QUALIFIERS;
    if (qualifiers.contrastive) continue;
    if (usableText && partOrDifference(usableText, m)) continue;
    const loose = VAGUE_AMOUNT.test(fold(m.text ?? ''));
    // "مئات الضحايا": victims said loosely take in the hurt as well as the dead.
    if (loose && m.counted === 'victim') continue;
    // "الضحايا الثمانية", "الحجاج الستة": people named before, not a count.
    if (ANAPHORIC.test(fold(m.text ?? ''))) continue;
    if (usableText && measure.id.endsWith('-wounded') && (infection(usableText, m) || inHospital(usableText, m, figures))) continue;

    const window = parseDays(m.window);
    // A disaster's toll "so far" ("حصيلة", "حتى الآن") is the event's toll as of the report: a
    // revisable event, not a campaign counted from a date.
    const kind: ClaimKind = m.cumulative === true && !(measure.revisable && !(window && m.window?.includes('/'))) ? 'running' : measure.kind;
    let since: DayRange | null = null;
    let day: DayRange | null = null;
    let asOf = published;
    if (kind === 'running' && window) {
      const start = parseStart(m.window) ?? window;
      const long = window.to - window.from > ANCHOR_DAYS;
      // "منذ منتصف تشرين الأول" may come as the anchor's own days or as anchor-to-report; in
      // the latter case the date mention in the sentence still holds the anchor's days.
      since = long ? anchorOf(start, dates, m, usableText) : window;
      // A period closed well before the report ("between October and December") holds as of its end.
      if (long && (!published || window.to < published.from - 1)) asOf = { from: window.to, to: window.to };
    } else if (kind === 'event') {
      day = window;
    } else if (kind === 'level' && window && window.to - window.from <= ANCHOR_DAYS && (!published || window.to < published.from)) {
      // A troop level "as of last month"; a year in the sentence is more often when the force
      // was founded ("الذي أطلقته واشنطن عام 2014") than when it was counted.
      asOf = window;
    }
    const estimate = m.modality === 'estimate';
    let places_ = placesOf(m, places, usableText);
    if (usableText && combined(usableText, m, figures, places)) places_ = [COMBINED];
    out.push({
      path: doc.path,
      mentionId: m.id,
      start: m.start,
      end: m.end,
      text: m.text,
      value,
      measure,
      kind,
      key: `${measure.id}|${kind}${estimate ? '|estimate' : ''}`,
      places: places_,
      since,
      day,
      asOf,
      date: doc.published ?? null,
      source: m.source ? m.source : null,
      outlet: doc.outlet ?? null,
      qualifiers,
      story: '',
      named: !!m.source && actors.has(fold(m.source)),
      headline: !!head && m.start >= head[0] && m.end <= head[1],
      rising: usableText ? risingTo(usableText, m, figures) : false,
      estimate,
      aside: false,
      contested: false,
      loose,
      indefinite: loose || (VAGUE_HEAD.test(fold(m.text ?? '')) && !/\d/.test(m.text ?? '')),
      inclusive: usableText ? inclusiveOf(usableText, m, figures) : false,
      withKilled: false,
      oneSite: false,
    });
  }
  if (text !== undefined) markWithKilled(out, text);
  markAsides(out);
  return out;
}

/**
 * An article gives its toll for a measure in its headline and the first time the body names it;
 * later figures of the same measure are its parts or its history (per hospital, per nationality,
 * "بعد أن كانت 104"), compared only within the article. Two exceptions: an indefinite amount
 * ("عدد كبير من الوفيات") is no toll when the body gives a count of the measure, and a figure
 * the sentence says takes in another group ("بمن فيهم الحجاج النظاميون") is the toll over the
 * narrower figures before it.
 */
function markAsides(claims: Claim[]): void {
  const keyOf = (c: Claim) => `${c.key}\u0000${(c.qualifiers.of ?? []).join('+')}\u0000${(c.places ?? []).join('+')}`;
  const rank = (c: Claim) => (c.inclusive ? 0 : c.indefinite ? 2 : 1);
  const seen = new Map<string, Claim>();
  for (const c of claims) {
    if (c.headline) continue;
    const key = keyOf(c);
    const toll = seen.get(key);
    if (!toll || rank(c) < rank(toll)) seen.set(key, c);
  }
  const of = (x: Claim) => (x.qualifiers.of ?? []).join('+');
  const places = (x: Claim) => (x.places ?? []).join('+');
  const sameScope = (b: Claim, c: Claim) => !b.headline && b.key === c.key && of(b) === of(c) && (!b.places || !c.places || places(b) === places(c));
  const tolls = new Set(seen.values());
  // "عدد كبير من الوفيات في طرطوس" then "وفاة 37 شخصاً": the count is the toll, wherever each is placed.
  for (const c of tolls) if (c.indefinite && claims.some((b) => b !== c && !b.indefinite && sameScope(b, c))) tolls.delete(c);
  for (const c of claims) if (!c.headline && !tolls.has(c)) c.aside = true;
  for (const c of claims) {
    if (!c.headline) continue;
    // A headline figure the body repeats is that body figure: the toll, or a part of it
    // ("وفاة 6 حجاج" over a body whose toll, all pilgrims included, is 14).
    const twin = claims.find((b) => sameScope(b, c) && !b.aside && !disjoint(c.value, b.value)) ?? claims.find((b) => sameScope(b, c) && !disjoint(c.value, b.value));
    if (twin) {
      c.aside = twin.aside;
      continue;
    }
    // The body's toll outweighs a headline that disagrees with it; a headline without a place
    // is checked against the body's toll of the same measure wherever it is.
    const body = seen.get(keyOf(c)) ?? claims.find((b) => sameScope(b, c) && !b.aside);
    if (body && disjoint(c.value, body.value)) c.contested = true;
  }
}

/** Between a killed count and the wounded count told with it: "و", "وإصابة", "،". */
const KILLED_THEN_WOUNDED = /^[\s,،]*و\s*(\S+\s*)?$/;

/** Marks wounded counts told right after a killed count of the same article ("107 وفيات و82 إصابة"). */
function markWithKilled(claims: Claim[], text: string): void {
  // Claims come in text order: only the few just before a wounded count can be its killed count.
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i];
    if (!c.measure.id.endsWith('-wounded')) continue;
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
      const k = claims[j];
      if (k.end > c.start || c.start - k.end > 16 || !k.measure.id.endsWith('-killed')) continue;
      if (KILLED_THEN_WOUNDED.test(fold(text.slice(k.end, c.start)))) c.withKilled = true;
    }
  }
}

/** The figure's clause says it takes in another group: "بمن فيهم", "بما في ذلك". */
function inclusiveOf(text: string, m: Mention, figures: Figures): boolean {
  const has = (from: number, to: number) => {
    const folded = fold(text.slice(from, to));
    let p: string | null = null;
    for (let k = 0; k < INCLUSIVE.words.length; k++) {
      if (!partsIn(folded, INCLUSIVE, k)) continue;
      p ??= padded(folded);
      if (hasPhrase(p, INCLUSIVE.words[k])) return true;
    }
    return false;
  };
  // Most sentences have no such word: the clause (a walk over the figures) only when this one does.
  const [sFrom, sTo] = sentenceAround(text, m.start, m.end);
  if (!has(sFrom, sTo)) return false;
  const [from, to] = figures.clause(text, m);
  return has(from, to);
}

/** Padded words of a folded text, for matching whole words and phrases. */
function padded(folded: string): string {
  return ` ${folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** The phrase stands as whole words in `p` (padded), bare or with one of و ب ل ف ال before it. */
function hasPhrase(p: string, w: string): boolean {
  return [' ', ' و', ' ب', ' ل', ' ف', ' ال', ' بال', ' وب', ' وال'].some((pre) => p.includes(`${pre}${w} `));
}

/**
 * "أكثر من مليون إصابة بفيروس كورونا", "تجاوز عدد إصابات كورونا اليومية 7 آلاف إصابة": infections,
 * not people hurt in the event. A disease within three words after the figure, or named with
 * "إصابات" (or a daily infection count) shortly before it.
 */
function infection(text: string, m: Mention): boolean {
  const after = words(fold(text.slice(m.end, Math.min(text.length, m.end + 40)))).slice(0, 3);
  if (after.some(isDisease)) return true;
  const [from] = sentenceAround(text, m.start, m.end);
  const folded = fold(text.slice(Math.max(from, m.start - 80), m.start));
  if (INFECTION_COUNT.some((w) => hasPhrase(padded(folded), w))) return true;
  const before = words(folded);
  return before.some((w, i) => /^(ال|و|ب|وال)?اصاب(ه|ات)$/.test(w) && before.slice(i + 1, i + 3).some(isDisease));
}

function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** A disease word, bare or with ب, ال, بال. */
function isDisease(w: string): boolean {
  return INFECTION.some((d) => {
    const bare = d.startsWith('ال') ? d.slice(2) : d;
    return w === bare || w === `ب${bare}` || w === `ال${bare}` || w === `بال${bare}`;
  });
}

/**
 * Wounded still in hospital, discharged, or sent abroad ("19 مصاباً ما زالوا يرقدون", "خروج 142
 * مصاباً"): a part of the toll, not the toll.
 */
function inHospital(text: string, m: Mention, figures: Figures): boolean {
  const [from] = figures.clause(text, m);
  const before = padded(fold(text.slice(Math.max(from, m.start - 80), m.start)));
  if (IN_HOSPITAL_BEFORE.some((w) => hasPhrase(before, w))) return true;
  const after = padded(fold(text.slice(m.end, Math.min(text.length, m.end + 30))));
  const first = after.split(' ').filter(Boolean).slice(0, 4).join(' ');
  if (IN_HOSPITAL_AFTER.some((w) => ` ${first} `.startsWith(` ${w} `) || ` ${first} `.startsWith(` و${w} `))) return true;
  const [, to] = sentenceAround(text, m.start, m.end);
  const near = ` ${padded(fold(text.slice(m.end, Math.min(to, m.end + 60))))
    .split(' ')
    .filter(Boolean)
    .slice(0, 6)
    .join(' ')} `;
  return IN_CARE.some((w) => hasPhrase(near, w));
}

/** A loose amount with no digits: dozens, hundreds, thousands of … */
const VAGUE_AMOUNT = new RegExp(`^(ال|و|ب)?(${['عشرات', 'مئات', 'آلاف', 'ألوف', 'ملايين'].map(fold).join('|')})(\\s|$)(?!.*\\d)`);
/** A definite noun and its number as an adjective, no digits: "الضحايا الثمانية". */
const ANAPHORIC = /^ال\S+\s+ال\S+$/;

const PARTITIVE_TEXT = /^\S+\s+من\s+(ال|جرحي|مصابي|ضحايا)/;
/** "العشرات من الهجمات" is an amount, not a part. */
const VAGUE_HEAD = /^(ال|و|ب)?(عشرات|مئات|الاف|الوف|ملايين|عدد|عددا|العديد|بضع|بضعه)\s/;
const PART_BEFORE = /(بينهم|منهم|من بينهم|بينها|منها)\s*$/;
const COMBINED_AFTER = /^\s*(بين\s+)?(و\s*)?(جريح|جرحي|مصاب|اصاب|قتيل|قتلي)/;
/** "قُتل وأصيب أكثر من 450 شخصاً": killed and wounded together, told by two verbs before the figure. */
const COMBINED_BEFORE = /(قتل|قتلوا|لقي|توفي|مات)\s*و\s*(اصيب|اصيبوا|جرح|جرحوا)\s*(اكثر من|نحو|حوالي|قرابه|ما يقارب|ما لا يقل عن)?\s*$/;
/** "58 حالة وفاة إضافية", "3 وفيات جديدة": an increment, not the toll. */
const INCREMENT_AFTER = /^\s*(اضافيه|اضافيا|اضافيين|اضافيون|جديده|جدد|اخري جديده)(\s|$|[.,،])/;
/** "مقارنة بـ14 حالة", "مقابل 9 أمس": the figure a toll is compared with. */
const COMPARED_BEFORE = /(مقارنه\s*(ب|مع)|بالمقارنه\s*مع|مقابل)\s*$/;
const DIFFERENCE_AFTER = /^[^.،,\n]{0,20}\s(عن|من)\s+(اخر|الحصيله|حصيله|السابق|اليوم السابق|امس)/;

/**
 * A part of another figure ("ثلاثة من المصابين", "بينهم 4 أطفال"), a count of killed and
 * wounded together ("261 قتيلاً وجريحاً"), or a difference between two tolls ("تزيد بنحو 9
 * قتلى عن آخر حصيلة"): not the story's toll.
 */
function partOrDifference(text: string, m: Mention): boolean {
  const own = fold(m.text);
  if (PARTITIVE_TEXT.test(own) && !VAGUE_HEAD.test(own)) return true;
  const before = fold(text.slice(Math.max(0, m.start - 20), m.start));
  if (PART_BEFORE.test(before)) return true;
  if (COMBINED_BEFORE.test(fold(text.slice(Math.max(0, m.start - 40), m.start)))) return true;
  if (COMPARED_BEFORE.test(before)) return true;
  if (INCREMENT_AFTER.test(fold(text.slice(m.end, Math.min(text.length, m.end + 30))))) return true;
  const after = fold(text.slice(m.end, Math.min(text.length, m.end + 60)));
  if ((m.counted === 'killed' || m.counted === 'wounded') && COMBINED_AFTER.test(after)) return true;
  return DIFFERENCE_AFTER.test(after);
}
