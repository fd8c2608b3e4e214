// What the sentence around a figure says about it: the event (killed, deployed, attacked …), the
// place, the time window and whether the count is a running total, and who says it. The
// contradiction checker compares figures only when these agree, so each is taken from the figure's
// own clause: the part of its sentence between the figures before and after it ("يوجد في العراق
// نحو 2500 جندي بينما ينتشر في سوريا زهاء 900 جندي" gives Iraq to the first, Syria to the second).
import events from '../lexicons/events.yaml';
import modality from '../lexicons/modality.yaml';
import sources from '../lexicons/sources.yaml';
import { fold, type Shadow } from '../text/normalize';
import type { Found, Interval, Mention } from '../types';
import { countedAt, groupOf } from './countedNouns';
import { asRecord, foldList, formsOf, PhraseSet, sentenceIds, type Token } from './tokens';

/** What the rest of the document tells about its figures: its date, its dates, its actors. */
export interface FigureContext {
  published: string | null;
  dates: Found[];
  actors: Found[];
}

/** A figure being read: token span, offsets, and the fields it will carry as a mention. */
export interface Draft extends Pick<Mention, 'counted' | 'event' | 'source' | 'place' | 'window' | 'cumulative' | 'modality'> {
  s: number;
  e: number;
  start: number;
  end: number;
  value: Interval;
  note: string;
}

const EV = asRecord(events);
const EVENT_GROUPS = new Map<string, Set<string>>();
const cueEvents = new Map<string, string[]>();
for (const [event, raw] of Object.entries(asRecord(EV.events))) {
  const e = asRecord(raw);
  EVENT_GROUPS.set(event, new Set(foldList(e.groups)));
  for (const cue of foldList(e.cues)) cueEvents.set(cue, [...(cueEvents.get(cue) ?? []), event]);
}
const EVENT_CUES = new PhraseSet<string[]>(cueEvents);
/** Events named together that make another ("مقتل وإصابة" = casualties). */
const BOTH: Array<[string, string[]]> = Object.entries(asRecord(EV.both)).map(([k, v]) => [k, foldList(v)]);
const BOTH_NOUNS = new Set(['مقتل', 'قتل', 'اصابه', 'اصابات', 'جرح', 'وفاه', 'وفاة']);
const DEFAULTS = new Map(Object.entries(asRecord(EV.defaults)).filter((p): p is [string, string] => typeof p[1] === 'string'));
const CUMULATIVE = new PhraseSet(foldList(EV.cumulative).map((w) => [w, true] as [string, boolean]));
const SINGLE = new PhraseSet(foldList(EV.single).map((w) => [w, false] as [string, boolean]));

const MOD = asRecord(modality);
const MODALITY_REACH = typeof MOD.reach === 'number' && MOD.reach > 0 ? MOD.reach : 8;
type Modal = NonNullable<Mention['modality']>;
const MODALITY_CUES = new PhraseSet<Modal>((['denied', 'forecast', 'estimate', 'earlier', 'past'] as const).flatMap((m) => foldList(MOD[m]).map((w) => [w, m] as [string, Modal])));

const SRC = asRecord(sources);
const SOURCE_CUES = new PhraseSet<'verb' | 'prep'>([...foldList(SRC.verbs).map((w) => [w, 'verb'] as [string, 'verb']), ...foldList(SRC.preps).map((w) => [w, 'prep'] as [string, 'prep'])]);
const SOURCE_NOUNS = new Set(foldList(SRC.nouns));
const SOURCE_STOPS = new Set(foldList(SRC.stops));

/** Words before a place that make it where something happened ("في العراق", "قرب الحدود"). */
const LOCATIVE = new Set(['في', 'داخل', 'قرب', 'شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'شمالي', 'جنوبي', 'شرقي', 'غربي', 'بمحافظه', 'محافظه', 'مدينه', 'بمدينه', 'ضواحي', 'اطراف', 'انحاء', 'عموم']);
/** A relative clause after a figure speaks of something else ("… التحالف الذي أطلقته واشنطن عام 2014"). */
const RELATIVE = new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'اللاتي']);
const SINGLE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** How far from a figure its clause may reach, in tokens; keeps the work linear on long lines. */
const REACH = 40;

/** True when token i is a word that says what happened (killed, wounded, launched …). */
export function isEventCue(toks: readonly Token[], i: number): boolean {
  return EVENT_CUES.matchAt(toks, i) !== null;
}

interface Placed {
  f: Found;
  /** Token range [ti, tj). */
  ti: number;
  tj: number;
}

function tokenIndexer(toks: readonly Token[], shadow: Shadow): (offset: number) => number {
  const starts = new Int32Array(toks.length);
  for (let k = 0; k < toks.length; k++) starts[k] = shadow.startOf(toks[k].s);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  };
}

function place(found: Found[], toks: readonly Token[], at: (o: number) => number): Placed[] {
  const out: Placed[] = [];
  for (const f of found) {
    if (!(f.end > f.start)) continue;
    const ti = at(f.start);
    const tj = Math.max(ti + 1, at(f.end - 1) + 1);
    if (ti < toks.length) out.push({ f, ti, tj });
  }
  return out.sort((a, b) => a.ti - b.ti);
}

/** The placed items whose first token lies in [lo, hi). */
function within(items: Placed[], lo: number, hi: number): Placed[] {
  let a = 0;
  let b = items.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (items[mid].ti < lo) a = mid + 1;
    else b = mid;
  }
  const out: Placed[] = [];
  for (let k = a; k < items.length && items[k].ti < hi; k++) out.push(items[k]);
  return out;
}

export function attribute(drafts: Draft[], toks: readonly Token[], shadow: Shadow, ctx: FigureContext): void {
  if (!drafts.length) return;
  const sent = sentenceIds(toks);
  const at = tokenIndexer(toks, shadow);
  const actors = place(ctx.actors, toks, at);
  const places = actors.filter((p) => p.f.kind === 'place');
  const dates = place(ctx.dates, toks, at);
  const keyOf = (p: Placed): string => (typeof p.f.entity === 'string' && p.f.entity ? p.f.entity : fold(shadow.text.slice(p.f.start, p.f.end)));

  for (let n = 0; n < drafts.length; n++) {
    const d = drafts[n];
    const sid = sent[d.start];
    // The sentence, within reach.
    let sLo = d.start;
    while (sLo > 0 && sent[sLo - 1] === sid && d.start - sLo < REACH) sLo--;
    let sHi = d.end;
    while (sHi < toks.length && sent[sHi] === sid && sHi - d.end < REACH) sHi++;
    // The clause: no further than the neighbouring figures of the same sentence.
    const prev = n > 0 && sent[drafts[n - 1].end - 1] === sid ? drafts[n - 1] : null;
    const next = n + 1 < drafts.length && sent[drafts[n + 1].start] === sid ? drafts[n + 1] : null;
    const lo = prev ? Math.max(sLo, prev.end) : sLo;
    const hi = next ? Math.min(sHi, next.start) : sHi;

    if (!d.counted) d.counted = tollNoun(d, toks, lo);
    // "عدد المتوفين … وصل إلى 124 حالة": cases of the toll named before them.
    else if (d.counted === 'case') d.counted = tollBefore(d, toks, lo)?.key ?? d.counted;
    d.event = eventOf(d, toks, lo, hi, prev);
    const where = placeOf(d, places, toks, shadow, lo, hi, sHi);
    if (where) d.place = keyOf(where);
    timeOf(d, toks, dates, lo, hi, ctx.published);
    d.modality = modalityOf(d, toks, lo, ctx.published);
    d.source = sourceOf(d, toks, actors, sLo, sHi, keyOf) ?? headlineSource(d, toks, actors, sLo, sent, keyOf);
  }
  // "66 هجوماً في العراق و98 في سوريا منذ 17 تشرين الأول": the time said after the last of
  // figures joined by "و" holds for all of them.
  for (let n = drafts.length - 2; n >= 0; n--) {
    const d = drafts[n];
    const next = drafts[n + 1];
    if (d.cumulative !== undefined || d.window || next.cumulative === undefined) continue;
    if (sent[d.start] !== sent[next.start] || next.start - d.end > 4) continue;
    const glued = toks[next.start].text.startsWith('و') || toks[next.start - 1]?.text === 'و';
    if (!glued) continue;
    d.cumulative = next.cumulative;
    if (next.window) d.window = next.window;
  }
}

/** Words that head a toll: "حصيلة القتلى", "عدد الوفيات". */
// "ارتفاع ضحايا الحريق إلى 142": the rise of a toll names the toll.
const TOLL_HEADS = new Set(['حصيله', 'عدد', 'اعداد', 'ارقام', 'ارتفاع']);

/**
 * A bare number that closes a toll phrase counts what the toll counts: "ارتفعت حصيلة وفيات
 * الحريق إلى 107", "عدد القتلى 23". The casualty noun stands right after the head, a few words
 * before the number.
 */
function tollNoun(d: Draft, toks: readonly Token[], lo: number): string | undefined {
  for (let k = d.start - 1; k >= Math.max(lo, d.start - 8); k--) {
    if (!formsOf(toks[k]).some((f) => TOLL_HEADS.has(f.w))) continue;
    const c = countedAt(toks, k + 1, { definite: true, possessive: false, lexiconOnly: true });
    if (c && groupOf(c.key) === 'casualty') return c.key;
  }
  return undefined;
}

/** "عدد الجرحى" ends at token `i`: a toll head, then a casualty noun (the number that follows is its count). */
export function tollEndsAt(toks: readonly Token[], i: number): boolean {
  if (i < 1 || !formsOf(toks[i - 1]).some((f) => TOLL_HEADS.has(f.w))) return false;
  const c = countedAt(toks, i, { definite: true, possessive: false, lexiconOnly: true });
  return !!c && c.end === i + 1 && groupOf(c.key) === 'casualty';
}

/** How far before a figure a toll ("عدد الوفيات", "حصيلة ضحايا") may name what it counts. */
const TOLL_REACH = 16;

/** The casualty noun of a toll named before the figure in its clause, and how far it is. */
function tollBefore(d: Draft, toks: readonly Token[], lo: number): { key: string; dist: number } | null {
  for (let k = d.start - 1; k >= Math.max(lo, d.start - TOLL_REACH); k--) {
    if (!formsOf(toks[k]).some((f) => TOLL_HEADS.has(f.w))) continue;
    const c = countedAt(toks, k + 1, { definite: true, possessive: false, lexiconOnly: true });
    if (c && groupOf(c.key) === 'casualty') return { key: c.key, dist: d.start - k - 1 };
  }
  return null;
}

/**
 * How the figure is said: a cue before it in its clause (denied, forecast, estimate, an earlier
 * toll, a past event), or a date of its own more than a year before publication (past). The cue
 * nearest the figure wins. "يقدر بـ" glued to the number is a hedge, not an estimate.
 */
function modalityOf(d: Draft, toks: readonly Token[], lo: number, published: string | null): Mention['modality'] {
  // A date of its own long before publication settles it, whatever the words ("وكان زلزال عام 1990").
  if (d.window && published) {
    const end = d.window.split('/').pop() ?? '';
    const year = Number(end.slice(0, 4));
    if (/^\d{4}/.test(end) && year > 0 && year < Number(published.slice(0, 4)) - 1) return 'past';
  }
  let best: Modal | undefined;
  for (let k = Math.max(lo, d.start - MODALITY_REACH); k < d.start; k++) {
    const m = MODALITY_CUES.matchAt(toks, k);
    if (!m || m.end > d.start) continue;
    if (m.value === 'estimate' && d.start - m.end <= 1) continue;
    best = m.value;
    k = m.end - 1;
  }
  return best;
}

function distance(d: Draft, i: number): number {
  return i < d.start ? d.start - i : i - d.end + 1;
}

function eventOf(d: Draft, toks: readonly Token[], lo: number, hi: number, prev: Draft | null): string | undefined {
  const group = d.counted ? groupOf(d.counted) : null;
  // Casualty nouns are their own event ("قتلى", "جرحى"); durations and other keys have none.
  if (group === 'casualty' || group === 'time' || group === 'other') return d.counted ? DEFAULTS.get(d.counted) : undefined;
  let best: string | undefined;
  let bestDist = Infinity;
  const close = new Set<string>();
  for (let k = lo; k < hi; k++) {
    if (k >= d.start && k < d.end) {
      k = d.end - 1;
      continue;
    }
    const m = EVENT_CUES.matchAt(toks, k);
    if (!m) continue;
    // A cue of several words before the figure ("أودى بحياة 27") is as near as its last word.
    const dist = m.end <= d.start ? d.start - m.end + 1 : distance(d, k);
    const limit = group ? 12 : 3;
    if (dist > limit) continue;
    const fit = m.value.find((ev) => !group || EVENT_GROUPS.get(ev)?.has(group));
    // "مقتل وإصابة 12": killed and wounded named together, the second glued to the first by و.
    // "مقتل وإصابة 12": the nouns of killing and injury named together. Verbs are two statements
    // ("قتلوا وأصيب 25": 25 are wounded).
    if (fit && k < d.start && dist <= 3 && formsOf(toks[k]).some((f) => BOTH_NOUNS.has(f.w))) close.add(fit);
    // Ties go to the cue before the figure ("مقتل ثلاثة جنود").
    if (fit && (dist < bestDist || (dist === bestDist && k < d.start))) {
      best = fit;
      bestDist = dist;
    }
  }
  for (const [event, parts] of BOTH) if (parts.length && parts.every((p) => close.has(p))) return event;
  // "ارتفع عدد ضحايا الحادثة إلى 119 شخصاً", "عدد الوفيات بلغ 113 شخصاً": people counted after a
  // toll named before them are that toll's dead or wounded, unless a cue stands nearer.
  if (group === 'people') {
    const toll = tollBefore(d, toks, lo);
    if (toll && (!best || toll.dist <= bestDist)) return DEFAULTS.get(toll.key) ?? best;
  }
  if (best) return best;
  // "مقتل ثلاثة جنود وخمسة مدنيين", "مقتل 12 مدنياً بينهم 4 أطفال": a figure joined to the one
  // before, or a part of it, shares its event.
  if (prev && prev.event && linked(toks, prev.end, d.start)) {
    const pg = prev.counted ? groupOf(prev.counted) : null;
    if (!group || pg === group || EVENT_GROUPS.get(prev.event)?.has(group)) return prev.event;
  }
  return d.counted ? DEFAULTS.get(d.counted) : undefined;
}

const LINKS = new Set(['و', 'بينهم', 'منهم', 'بينهن', 'منهن', 'بينها', 'منها', 'وبينهم', 'ومنهم', ',']);

function linked(toks: readonly Token[], from: number, to: number): boolean {
  if (to - from > 2) return false;
  if (to === from) return toks[to].text.startsWith('و');
  for (let k = from; k < to; k++) if (!LINKS.has(toks[k].text)) return false;
  return true;
}

/** Words before a place that make it a party rather than a location ("الموالية لإيران", "المقربة من طهران"). */
const RELATION = new Set(['من', 'الي', 'مع', 'ضد', 'عن', 'لدي', 'تجاه', 'بين']);

/** A place named as a party: glued "ل" or a relation word before it. */
function isRelation(toks: readonly Token[], p: Placed, shadow: Shadow): boolean {
  const t = toks[p.ti];
  const tokStart = shadow.startOf(t.s);
  if (p.f.start > tokStart && /^[وف]?ل/.test(fold(shadow.text.slice(tokStart, p.f.start)))) return true;
  const before = toks[p.ti - 1];
  return !!before && before.kind === 'word' && RELATION.has(before.text);
}

function isLocative(toks: readonly Token[], p: Placed, shadow: Shadow): boolean {
  const t = toks[p.ti];
  // "بالأردن", "وفي العراق" written as one word: the place starts inside its token, after a clitic.
  const tokStart = shadow.startOf(t.s);
  if (p.f.start > tokStart) {
    const glued = fold(shadow.text.slice(tokStart, p.f.start));
    if (/^[وف]?ب/.test(glued) || glued.includes('في')) return true;
  }
  const before = toks[p.ti - 1];
  return !!before && before.kind === 'word' && formsOf(before).some((f) => LOCATIVE.has(f.w));
}

/**
 * "9 أشخاص من محافظات الغربية وشمال سيناء", "5 عمال من سكان القرية": a place in the "من" phrase
 * right after the counted people says where they come from, not where it happened (until a "في").
 */
function fromOrigin(d: Draft, p: Placed, toks: readonly Token[]): boolean {
  if (toks[d.end]?.kind !== 'word' || toks[d.end].text !== 'من') return false;
  for (let k = d.end + 1; k < p.ti; k++) if (toks[k].kind !== 'word' || formsOf(toks[k]).some((f) => f.w === 'في')) return false;
  return p.ti - d.end <= 6;
}

function placeOf(d: Draft, places: Placed[], toks: readonly Token[], shadow: Shadow, lo: number, hi: number, sHi: number): Placed | null {
  let best: Placed | null = null;
  let bestScore = Infinity;
  const consider = (items: Placed[], requireLocativeAfter: boolean) => {
    for (const p of items) {
      if (p.ti < d.end && p.tj > d.start) continue; // inside the figure
      const after = p.ti >= d.end;
      if (after && fromOrigin(d, p, toks)) continue;
      const loc = isLocative(toks, p, shadow);
      if (!loc && isRelation(toks, p, shadow)) continue;
      if (requireLocativeAfter && !(after && loc)) continue;
      // A place that is not where things happen ("المدعومة من طهران") only counts right beside the figure.
      if (!loc && distance(d, p.ti) > 3) continue;
      const score = distance(d, p.ti) + (loc ? 0 : 8) + (after ? 0 : 2);
      if (score < bestScore) {
        best = p;
        bestScore = score;
      }
    }
  };
  consider(within(places, lo, hi), false);
  // "قتل 3 جنود وأصيب 5 في الأردن": the place said once after both figures.
  if (!best) consider(within(places, hi, sHi), true);
  return best;
}

function timeOf(d: Draft, toks: readonly Token[], dates: Placed[], lo: number, hi: number, published: string | null): void {
  /** "منذ" before the date, in the same stretch of words ("منذ بدء الصراع في غزة في الشهر نفسه"). */
  const since = (p: Placed): boolean => {
    for (let k = p.ti; k >= Math.max(lo, p.ti - 6); k--) {
      if (k >= d.start && k < d.end) return false;
      if (formsOf(toks[k]).some((f) => f.w === 'منذ')) return true;
    }
    return false;
  };
  const relativeBetween = (from: number, to: number): boolean => {
    for (let k = from; k < to; k++) if (RELATIVE.has(toks[k].text)) return true;
    return false;
  };
  let best: { p: Placed; since: boolean } | null = null;
  let bestDist = Infinity;
  for (const p of within(dates, lo, hi)) {
    if (p.ti < d.end && p.tj > d.start) continue;
    const dist = distance(d, p.ti);
    const s = since(p);
    // A date after the figure holds for it when close, or "منذ" ties it; never across "الذي".
    if (p.ti >= d.end && (dist > (s ? 15 : 6) || relativeBetween(d.end, p.ti))) continue;
    if (dist < bestDist) {
      best = { p, since: s };
      bestDist = dist;
    }
  }
  if (best && typeof best.p.f.value === 'string' && best.p.f.value) {
    const iso = best.p.f.value;
    if (best.since) {
      d.window = `${iso.split('/')[0]}/${published ?? '..'}`;
      d.cumulative = true;
      return;
    }
    d.window = iso;
    if (SINGLE_DAY.test(iso)) {
      d.cumulative = false;
      return;
    }
  }
  // Words settle the rest ("منذ بدء الحرب", "حتى الآن" / "أمس", "في هجوم").
  let cue: { value: boolean; k: number } | null = null;
  let cueDist = Infinity;
  for (let k = lo; k < hi; k++) {
    if (k >= d.start && k < d.end) {
      k = d.end - 1;
      continue;
    }
    const m = CUMULATIVE.matchAt(toks, k) ?? SINGLE.matchAt(toks, k);
    if (!m) continue;
    const dist = distance(d, k);
    if (k >= d.end && relativeBetween(d.end, k)) break;
    if (dist < cueDist) {
      cue = { value: m.value, k };
      cueDist = dist;
    }
    k = m.end - 1;
  }
  if (!cue) return;
  d.cumulative = cue.value;
  // One event on a day named relative to publication: "أمس", "اليوم".
  if (!cue.value && published && !d.window) {
    for (let k = lo; k < hi; k++) {
      const forms = formsOf(toks[k]);
      if (forms.some((f) => f.w === 'امس' || f.w === 'البارحه')) d.window = shiftDay(published, -1) ?? undefined;
      else if (forms.some((f) => f.w === 'اليوم' || f.w === 'الليله')) d.window = published;
      if (d.window) break;
    }
  }
}

function shiftDay(iso: string, days: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * 86400000;
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
}

const KIND_RANK: Record<string, number> = { person: 0, organization: 1, place: 2 };

function sourceOf(d: Draft, toks: readonly Token[], actors: Placed[], sLo: number, sHi: number, keyOf: (p: Placed) => string): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (let k = sLo; k < sHi; k++) {
    if (k >= d.start && k < d.end) {
      k = d.end - 1;
      continue;
    }
    const m = SOURCE_CUES.matchAt(toks, k);
    if (!m) continue;
    // A speech verb after the figure starts a new statement ("…، قالت واشنطن إن …"); "بحسب" and
    // "وفق" after it attribute what came before.
    if (m.value === 'verb' && k > d.start) continue;
    const dist = distance(d, k);
    if (dist > bestDist || (dist === bestDist && k > d.start)) continue;
    const who = speakerAt(toks, m.end, m.value, actors, d, keyOf);
    if (who) {
      best = who;
      bestDist = dist;
    }
    k = m.end - 1;
  }
  return best;
}

/**
 * A headline or lead that opens with its source and a colon: "السلطات الأوكرانية: مقتل شخصين",
 * "الجيش الأمريكي: 70 هجوماً على قواتنا". The words before the colon, at most five, are the source.
 * Only in a short line: at the head of a paragraph, "بغداد:" is the dateline.
 */
function headlineSource(d: Draft, toks: readonly Token[], actors: Placed[], sLo: number, sent: Int32Array, keyOf: (p: Placed) => string): string | undefined {
  let start = sLo;
  while (start > 0 && sent[start - 1] === sent[d.start] && toks[start - 1].kind !== 'break') {
    // A headline line is at most 25 tokens (below): a figure further from the line's start has
    // none, and walking on to the start of a long sentence for each figure was quadratic.
    if (d.start - start >= 25) return undefined;
    start--;
  }
  if (toks[start]?.kind === 'break') start++;
  let colon = -1;
  for (let k = start; k < d.start && k - start <= 5; k++) {
    const t = toks[k];
    if (t.kind === 'punct' && t.text === ':') {
      colon = k;
      break;
    }
    if (t.kind !== 'word' && !(t.kind === 'punct' && t.text === '"')) return undefined;
  }
  if (colon <= start) return undefined;
  let end = colon;
  while (end < toks.length && toks[end].kind !== 'break') if (++end - start > 25) return undefined;
  const found = within(actors, start, colon).sort((a, b) => (KIND_RANK[a.f.kind] ?? 3) - (KIND_RANK[b.f.kind] ?? 3) || a.ti - b.ti);
  if (found.length) return keyOf(found[0]);
  const words = toks
    .slice(start, colon)
    .filter((t) => t.kind === 'word')
    .map((t) => t.text);
  return words.length ? words.join(' ') : undefined;
}

/** Who follows a source cue: a recognised actor before the words said, or a short phrase. */
function speakerAt(toks: readonly Token[], k0: number, _kind: 'verb' | 'prep', actors: Placed[], d: Draft, keyOf: (p: Placed) => string): string | undefined {
  let stop = k0;
  while (stop < toks.length && stop - k0 < 10) {
    const t = toks[stop];
    if (t.kind === 'break' || t.kind === 'punct' || t.kind === 'num') break;
    if (stop >= d.start && stop < d.end) break;
    if (SOURCE_STOPS.has(t.text) || (stop > k0 && formsOf(t).some((f) => f.pre === 'ب' && f.w === 'ان'))) break;
    stop++;
  }
  if (stop === k0) return undefined;
  const found = within(actors, k0, stop).sort((a, b) => (KIND_RANK[a.f.kind] ?? 3) - (KIND_RANK[b.f.kind] ?? 3) || a.ti - b.ti);
  if (found.length) return keyOf(found[0]);
  const first = toks[k0];
  const noun = formsOf(first).find((f) => SOURCE_NOUNS.has(f.w));
  // A source is a named actor; failing that, words only when they begin with a source noun
  // ("مسؤول أمريكي", "وزارة الصحة"), never whatever follows the cue ("شهود نقلوا …", "اقرأ أيضاً").
  if (!noun) return undefined;
  const words: string[] = [];
  for (let k = k0; k < stop && words.length < 3; k++) if (toks[k].kind === 'word') words.push(toks[k].text);
  // "للتقرير" → "التقرير": the preposition glued to the source is not part of its name.
  if (noun && noun.pre && words.length) words[0] = (noun.def ? 'ال' : '') + noun.w;
  return words.length ? words.join(' ') : undefined;
}
