// What an article is about, reduced to what another article about the same story would share:
// its distinctive content words, the places and actors it names, the kind of event it reports
// (fire, earthquake, flood …) and its publication day. Two profiles are compared with `affinity`
// (storyIndex.ts). Everything here depends on the one document only, never on the rest of the
// corpus, so that adding or removing an article cannot change how two other articles relate:
// the incremental index and a one-shot run then agree exactly.
import stories from '../lexicons/stories.yaml';
import words from '../lexicons/words.yaml';
import functionWords from '../lexicons/function-words.yaml';
import { fold } from '../text/normalize';
import { WordCache } from '../text/wordCache';
import type { DocumentAnalysis } from '../types';
import { parseDays } from '../claims/time';
import { countryOf, isCountry, keyOf } from '../claims/placeTree';
import { headlineRange } from './headline';
import { PhraseCounter } from './phrases';
import { featureCount, featureId, featureName, featuresOf, sharedDot, type Features } from './features';

export interface StoryProfile {
  path: string;
  /** Publication day (days since 1970-01-01), null when undated. */
  day: number | null;
  /** Weighted features: content words ("w:…"), places ("p:…"), people and organisations ("a:…"). */
  features: Features;
  /** Euclidean norm of the weights. */
  norm: number;
  /** Place keys named outside boilerplate (entities). */
  places: string[];
  /** What candidate pairs are found by: its places and its heaviest words (two articles are only
   *  compared when they share one). */
  keys: string[];
  /** The kind of event the article reports most ("fire", "earthquake" …), null when none stands out. */
  kind: string | null;
  /** The town, site or province the article names most (the headline counts three times), if any. */
  local: string | null;
}

/** Content words kept per article, the heaviest first: long and short articles weigh alike. */
const MAX_WORDS = 80;
/** The heaviest words an article is found by in the index (storyIndex.ts). */
const INDEX_WORDS = 20;
/** Weight of a word that every story uses (stories.yaml `generic`, words.yaml). */
const GENERIC = 0.25;
/** Weights of named things: a town or site says more than a country. */
const PLACE_WEIGHT = 3;
const COUNTRY_WEIGHT = 1.5;
const ACTOR_WEIGHT = 2;
/** The headline's words count this many times. */
const HEADLINE = 3;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

const S = record(stories);
const W = record(words);
const STOP = new Set<string>([...strings(W.stop), ...strings(record(functionWords).words)].map(fold).flatMap((w) => [w, stem(w)]));
const GENERIC_WORDS = new Set<string>([...strings(S.generic), ...strings(W.common), ...strings(W.reporting)].map(fold).flatMap((w) => [w, stem(w)]));
/** Kind cue → kind; multi-word cues are matched on the folded text. */
const KIND_WORDS = new Map<string, string>();
const KIND_PHRASES: Array<[string, string]> = [];
for (const [kind, cues] of Object.entries(record(S.kinds))) {
  for (const cue of strings(cues).map(fold)) {
    if (cue.includes(' ')) KIND_PHRASES.push([cue, kind]);
    else KIND_WORDS.set(stem(cue), kind);
  }
}

/** The multi-word cues, counted in the folded text. */
const PHRASES = new PhraseCounter(KIND_PHRASES.map(([phrase]) => phrase));

/** Kinds of event that happen at one site (stories.yaml `oneSite`). */
export const ONE_SITE = new Set(strings(S.oneSite));

/**
 * A word without its clitics: و/ف, then ب/ل/ك, then the article. Applied alike to every article,
 * so that "وبغداد" and "بغداد" give the same stem even where a letter of the word is taken.
 */
export function stem(w: string): string {
  let s = w;
  if (s.length > 3 && (s[0] === 'و' || s[0] === 'ف')) s = s.slice(1);
  if (s.length > 4 && s.startsWith('لل')) s = s.slice(2);
  else if (s.length > 3 && (s[0] === 'ب' || s[0] === 'ل' || s[0] === 'ك')) s = s.slice(1);
  if (s.length > 3 && s.startsWith('ال')) s = s.slice(2);
  // Plural, dual, accusative and nisba endings: "قطارات", "قطارين", "قطاري", "قتيلا" → the stem.
  for (const end of ['ات', 'ين', 'ون', 'ان', 'يه', 'ا', 'ي', 'ه']) {
    if (s.length - end.length >= 3 && s.endsWith(end)) {
      s = s.slice(0, -end.length);
      break;
    }
  }
  return s;
}

type Ranges = DocumentAnalysis['boilerplate'];

/**
 * Whether [start, end) lies inside one of `ranges`: asked for every line and every mention of an
 * article, so the ranges are sorted by start once, with the furthest end reached by any range up
 * to each (scanning every range each time was quadratic on a long page of many ranges).
 */
function rangeTest(ranges: Ranges): (start: number, end: number) => boolean {
  // A range with a NaN bound holds nothing (every comparison with NaN is false): left out.
  const sorted = ranges.filter((r) => !Number.isNaN(r.start) && !Number.isNaN(r.end)).sort((a, b) => a.start - b.start);
  const starts = sorted.map((r) => r.start);
  const reach: number[] = [];
  for (let i = 0, far = -Infinity; i < sorted.length; i++) reach.push((far = Math.max(far, sorted[i].end)));
  return (start, end) => {
    // The ranges starting at or before `start`: one of them holds the span when the furthest end among them reaches `end`.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && end <= reach[lo - 1];
  };
}

/** The letters a word is made of: Arabic letters and the Persian and Urdu ones (U+0621–064A, U+066E–06D3, U+06FA–06FF). */
function arabicLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff);
}

/** A written word's stem as a content word, or '' when it is a stop word or too short. */
function contentStem(word: string): string {
  const folded = fold(word);
  if (folded.length < 3 || STOP.has(folded)) return '';
  const s = stem(folded);
  return s.length < 2 || STOP.has(s) ? '' : s;
}

/** What a written word gives a profile: its feature, whether it is generic, the kind of event it cues. */
interface WordFacts {
  id: number;
  generic: boolean;
  kind: string | undefined;
}

function wordFacts(word: string): WordFacts | null {
  const s = contentStem(word);
  return s ? { id: featureId(`w:${s}`), generic: GENERIC_WORDS.has(s), kind: KIND_WORDS.get(s) } : null;
}

/** The same few thousand words fill every article: each is folded and stemmed once. */
const stems = new WordCache<WordFacts | null>(40_000);

/** What a place spelling gives a profile: its key, feature and weight, and whether it is a country. */
interface PlaceFacts {
  key: string;
  id: number;
  weight: number;
  country: boolean;
}

function placeFacts(spelling: string): PlaceFacts {
  const key = keyOf(spelling);
  return { key, id: featureId(`p:${key}`), weight: countryOf(key) === keyOf(key) ? COUNTRY_WEIGHT : PLACE_WEIGHT, country: isCountry(key) };
}

const placeCache = new WordCache<PlaceFacts>(40_000);

/**
 * Per-feature scratch, indexed by feature id, reused by every profile: a count and a slot, valid
 * for the profile whose stamp they carry (no clearing between profiles).
 */
class Scratch {
  stamp = new Int32Array(1024);
  count = new Float64Array(1024);
  slot = new Int32Array(1024);
  private now = 0;

  /** Starts a profile: every id unseen. */
  next(): void {
    if (this.stamp.length < featureCount()) {
      const n = Math.max(featureCount(), this.stamp.length * 2);
      this.stamp = new Int32Array(n);
      this.count = new Float64Array(n);
      this.slot = new Int32Array(n);
      this.now = 0;
    }
    if (++this.now === 0x7fffffff) {
      this.stamp.fill(0);
      this.now = 1;
    }
  }

  /** Marks `id` seen in this profile; false when it already was. */
  first(id: number): boolean {
    if (id >= this.stamp.length) this.grow(id);
    if (this.stamp[id] === this.now) return false;
    this.stamp[id] = this.now;
    return true;
  }

  private grow(id: number): void {
    const n = Math.max(id + 1, this.stamp.length * 2);
    const stamp = new Int32Array(n);
    stamp.set(this.stamp);
    const count = new Float64Array(n);
    count.set(this.count);
    const slot = new Int32Array(n);
    slot.set(this.slot);
    [this.stamp, this.count, this.slot] = [stamp, count, slot];
  }
}

const scratch = new Scratch();

/**
 * The story profile of one analysed document. `text` is the document's text; without it only the
 * places and actors are known.
 */
export function profileOf(doc: DocumentAnalysis, text?: string): StoryProfile {
  const boilerplate = Array.isArray(doc.boilerplate) ? doc.boilerplate.filter((r) => r && typeof r.start === 'number' && typeof r.end === 'number') : [];
  // The features in the profile's own order (each once), with their weights.
  const ids: number[] = [];
  const weights: number[] = [];
  const kinds = new Map<string, number>();
  const head = typeof text === 'string' ? headlineRange(text, boilerplate) : null;
  const inBoilerplate = rangeTest(boilerplate);
  scratch.next();
  let words = 0;
  if (typeof text === 'string') {
    // Each content word's count (scratch.count) and the words in order of first occurrence.
    const met: number[] = [];
    const generic: boolean[] = [];
    let lineEnd = -1;
    let lineSkipped = false;
    // Arabic words only (runs of arabicLetter): Latin runs on a scraped page are code, handles and menus.
    const n = text.length;
    for (let i = 0; i < n;) {
      if (!arabicLetter(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const at = i;
      do i++;
      while (i < n && arabicLetter(text.charCodeAt(i)));
      if (at > lineEnd) {
        // Boilerplate is whole lines: asked once per line.
        lineEnd = text.indexOf('\n', at);
        if (lineEnd < 0) lineEnd = text.length;
        lineSkipped = inBoilerplate(at, at + 1);
      }
      if (lineSkipped) continue;
      const w = stems.get(text.slice(at, i), wordFacts);
      if (!w) continue;
      const inHead = !!head && at >= head[0] && at < head[1];
      const weight = inHead ? HEADLINE : 1;
      if (scratch.first(w.id)) {
        scratch.count[w.id] = weight;
        met.push(w.id);
        generic.push(w.generic);
      } else scratch.count[w.id] += weight;
      if (w.kind) kinds.set(w.kind, (kinds.get(w.kind) ?? 0) + weight);
    }
    if (KIND_PHRASES.length) {
      const counts = PHRASES.count(text);
      KIND_PHRASES.forEach(([, kind], k) => {
        if (counts[k]) kinds.set(kind, (kinds.get(kind) ?? 0) + counts[k]);
      });
    }
    const score = new Float64Array(met.length);
    for (let k = 0; k < met.length; k++) score[k] = (1 + Math.log(scratch.count[met[k]])) * (generic[k] ? GENERIC : 1);
    // Heaviest first; ties by first occurrence. Words take few distinct weights (a weight is set by
    // a count and whether the word is generic): gathered by weight in order of occurrence, then
    // the weights taken heaviest first, instead of sorting every word.
    const byScore = new Map<number, number[]>();
    for (let k = 0; k < met.length; k++) {
      const list = byScore.get(score[k]);
      if (list) list.push(k);
      else byScore.set(score[k], [k]);
    }
    const heaviest = [...byScore.keys()].sort((x, y) => y - x);
    for (let h = 0; h < heaviest.length && words < MAX_WORDS; h++) {
      for (const k of byScore.get(heaviest[h])!) {
        if (words === MAX_WORDS) break;
        ids.push(met[k]);
        weights.push(score[k]);
        words++;
      }
    }
  }
  // Places and actors after the words, each where it is first named (a word's id is never one of theirs).
  const add = (id: number, weight: number, keep: (old: number) => number) => {
    if (scratch.first(id)) {
      scratch.slot[id] = ids.length;
      ids.push(id);
      weights.push(weight);
    } else weights[scratch.slot[id]] = keep(weights[scratch.slot[id]]);
  };
  const places = new Set<string>();
  const locals = new Map<string, number>();
  const addPlace = (spelling: string, at?: number) => {
    const place = placeCache.get(spelling, placeFacts);
    const key = place.key;
    places.add(key);
    if (at !== undefined && !place.country) locals.set(key, (locals.get(key) ?? 0) + (head && at >= head[0] && at < head[1] ? HEADLINE : 1));
    add(place.id, place.weight, (old) => Math.max(old, place.weight));
  };
  for (const m of Array.isArray(doc.mentions) ? doc.mentions : []) {
    if (!m || m.boilerplate || inBoilerplate(m.start, m.end)) continue;
    // A figure's place is a place of the article too (it comes from a place mention).
    if (m.kind === 'quantity' && typeof m.place === 'string' && m.place) {
      for (const part of m.place
        .split(/[+|,،;]/)
        .map((x) => x.trim())
        .filter(Boolean))
        addPlace(part);
      continue;
    }
    const key = typeof m.entity === 'string' && m.entity ? m.entity : typeof m.text === 'string' ? fold(m.text) : '';
    if (!key) continue;
    if (m.kind === 'place') addPlace(key, m.start);
    else if (m.kind === 'person' || m.kind === 'organization') add(featureId(`a:${key}`), ACTOR_WEIGHT, () => ACTOR_WEIGHT);
  }
  let norm = 0;
  for (const v of weights) norm += v * v;
  const keys = [...places].map((p) => `p:${p}`);
  for (let k = 0; k < words && k < INDEX_WORDS; k++) keys.push(featureName(ids[k]));
  return {
    path: doc.path,
    day: parseDays(doc.published)?.from ?? null,
    features: featuresOf(ids, weights),
    norm: Math.sqrt(norm),
    places: [...places].sort(),
    keys: keys.sort(),
    kind: dominant(kinds),
    local: most(locals),
  };
}

/** The place named most; ties go to the first in code-unit order. */
function most(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n || (c === n && best !== null && k < best)) [best, n] = [k, c];
  return best;
}

/** The kind named most, when it is named at least twice and clearly more than the next. */
function dominant(kinds: Map<string, number>): string | null {
  const ranked = [...kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!ranked.length || ranked[0][1] < 2) return null;
  if (ranked.length > 1 && ranked[1][1] * 1.5 > ranked[0][1]) return null;
  return ranked[0][0];
}

/**
 * Cosine similarity of two profiles' weighted features (0 to 1), or null when they share less
 * distinctive content than `least` (features.ts sharedDot).
 */
export function similarity(a: StoryProfile, b: StoryProfile, least: number): number | null {
  const dot = sharedDot(a.features, b.features, least);
  if (dot === -1) return null;
  return !a.norm || !b.norm ? 0 : dot / (a.norm * b.norm);
}
