// A story profile's weighted features (content words "w:…", places "p:…", people and
// organisations "a:…") as integer ids with typed arrays, so that comparing two profiles is one
// merge of two sorted lists instead of a string-keyed look-up per feature, and a profile takes a
// few bytes per feature instead of a Map entry with its own string (about 12 KB an article).
//
// The ids come from one table for the whole process, filled as features are first met; they never
// leave the process (records and outputs spell features out), so their order does not matter to
// any result. The table only grows: it holds each distinct feature once (the vocabulary's stems,
// the places and actors named), which a long-running server meets again and again.

const idOf = new Map<string, number>();
const names: string[] = [];

/** The id of a feature's name, given it the first time. */
export function featureId(name: string): number {
  let id = idOf.get(name);
  if (id === undefined) {
    id = names.length;
    names.push(name);
    idOf.set(name, id);
  }
  return id;
}

/** The name of a feature id (the same string every time). */
export function featureName(id: number): string {
  return names[id];
}

/** How many ids are given out: every id is below it. */
export function featureCount(): number {
  return names.length;
}

/**
 * A profile's features sorted by id. Each also keeps its rank, its place in the profile's own
 * order (the words heaviest first, then the places and actors as the article names them): the
 * order a record lists them in, and the order their products are summed in for the cosine, so that
 * the sum is rounded as it always was, whatever ids the features got.
 */
export interface Features {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly ranks: Int32Array;
  /** What a shared feature counts as evidence of one story: 0 when its weight is under 1, 1 for a word, 2 for a place or an actor. */
  readonly evidence: Uint8Array;
}

/** A feature counts as evidence when its weight is at least this (a generic word weighs 0.25). */
const EVIDENT = 1;

/** The features `ids` and `weights` (in the profile's own order, each id once), sorted by id. */
export function featuresOf(ids: readonly number[], weights: readonly number[]): Features {
  const n = ids.length;
  const order = byId(ids);
  // One buffer for the four arrays: the doubles first, where they are aligned.
  const buffer = new ArrayBuffer(n * 17);
  const f: Features = {
    weights: new Float64Array(buffer, 0, n),
    ids: new Int32Array(buffer, n * 8, n),
    ranks: new Int32Array(buffer, n * 12, n),
    evidence: new Uint8Array(buffer, n * 16, n),
  };
  for (let k = 0; k < n; k++) {
    const i = order[k];
    f.ids[k] = ids[i];
    f.weights[k] = weights[i];
    f.ranks[k] = i;
    // A weight that is not a number (only a hand-made record has one) counted as evidence before.
    f.evidence[k] = weights[i] < EVIDENT ? 0 : names[ids[i]].startsWith('w:') ? 1 : 2;
  }
  return f;
}

/** Positions of a profile's features sorted by id (each id once). */
function byId(ids: readonly number[]): ArrayLike<number> {
  const n = ids.length;
  // An id and a position packed into one double (exact below 2^53), sorted as numbers without
  // a comparator; a comparator for the (never seen) profile of more than 2^21 features.
  if (n < 1 << 21 && ids.every((id) => id >= 0 && id < 2 ** 31)) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = ids[i] * (1 << 21) + i;
    packed.sort();
    const order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[k] = packed[k] % (1 << 21);
    return order;
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  return order.sort((x, y) => ids[x] - ids[y]);
}

/** No features. */
export const NO_FEATURES: Features = featuresOf([], []);

/** The features as [name, weight] in the profile's own order (a claims record lists them so). */
export function featureEntries(f: Features): Array<[string, number]> {
  const out = new Array<[string, number]>(f.ids.length);
  for (let k = 0; k < f.ids.length; k++) out[f.ranks[k]] = [names[f.ids[k]], f.weights[k]];
  return out;
}

/**
 * Scratch for `sharedDot`: the shared features' products by their rank in the smaller profile
 * (zero elsewhere, and again after each call), and the ranks written.
 */
let byRank = new Float64Array(256);
let written = new Int32Array(256);

/**
 * The dot product of two profiles' weights, or -1 when they share less evidence than `least`
 * (shared words that are not generic count one, shared places and actors two: similar wording of
 * nothing but generic words is no evidence of one story). The products are summed in the own
 * order of the profile with fewer features (`a` when as many), as a walk over its features would:
 * the merge leaves each at its rank, and the ranks between are zeros, which change no sum here
 * (a sum that starts at +0 is never -0, and x + 0 is x for any other x).
 */
export function sharedDot(a: Features, b: Features, least: number): number {
  const na = a.ids.length;
  const nb = b.ids.length;
  const aSmall = na <= nb;
  const small = aSmall ? na : nb;
  if (byRank.length < small) {
    byRank = new Float64Array(small * 2);
    written = new Int32Array(small * 2);
  }
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let shared = 0;
  let evidence = 0;
  let first = small;
  let last = -1;
  while (i < na && j < nb) {
    const x = ai[i];
    const y = bi[j];
    if (x < y) i++;
    else if (x > y) j++;
    else {
      if (a.evidence[i] && b.evidence[j]) evidence += a.evidence[i];
      const r = aSmall ? a.ranks[i] : b.ranks[j];
      byRank[r] = a.weights[i] * b.weights[j];
      written[shared++] = r;
      if (r < first) first = r;
      if (r > last) last = r;
      i++;
      j++;
    }
  }
  let dot = 0;
  if (evidence >= least) for (let r = first; r <= last; r++) dot += byRank[r];
  for (let k = 0; k < shared; k++) byRank[written[k]] = 0;
  return evidence >= least ? dot : -1;
}
