// A document's claims as a plain record: what the comparison needs of it, and nothing more, so
// that a corpus too large for one machine can be read in shares (`sanad analyze --shard i/n
// --format claims`, the map step) and compared elsewhere (`sanad reduce`, which feeds the records
// to a ClaimIndex). The record holds the claims as claimsOf read them from the document and its
// text, and the story profile profileOf made: the reduce step needs neither text nor mentions,
// and a ClaimIndex fed these records lists what it lists when fed the documents themselves.
//
// JSON has no Infinity (an open interval's top, a loose value's stretched edges), so the value's
// numbers are written as numbers when finite and as the strings "Infinity", "-Infinity", "NaN"
// otherwise. A record's day, places and weights are otherwise plain JSON numbers and strings,
// which JSON gives back exactly (a double is written with the digits that read back as itself).
import type { DocumentAnalysis } from '../types';
import { claimsOf, type Claim } from './claims';
import { MAX_CLAIMS_PER_DOCUMENT, type ClaimsRead } from './claimIndex';
import { profileOf, type StoryProfile } from '../stories/profile';
import { NO_FEATURES, featureEntries, featureId, featuresOf } from '../stories/features';

/** One document of a claims file (a line of JSON Lines). */
interface ClaimRecord {
  /** The document's place in the whole corpus (the order `sanad analyze` reads it in). */
  i: number;
  path: string;
  published: string | null;
  outlet: string | null;
  profile: {
    day: number | null;
    features: Array<[string, number]>;
    norm: number;
    places: string[];
    keys: string[];
    kind: string | null;
    local: string | null;
  };
  /** The claims without what the document holds for all of them (path, date, outlet, story). */
  claims: Array<Omit<Claim, 'path' | 'date' | 'outlet' | 'story' | 'value'> & { value: [Num, Num, Num, Num, string, string] }>;
}

type Num = number | 'Infinity' | '-Infinity' | 'NaN';

function num(n: number): Num {
  return Number.isFinite(n) ? n : (String(n) as Num);
}

function unnum(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (v === 'NaN') return NaN;
  return null;
}

/** The record of a document analysed in full, `text` being the text it was analysed from. */
export function claimRecord(doc: DocumentAnalysis, text: string, index: number): ClaimRecord {
  let claims: Claim[];
  let profile: StoryProfile;
  // As ClaimIndex.update: a malformed analysis loses its own claims, and is a story of its own.
  try {
    // Only those the index compares (the rest would be dropped there).
    claims = claimsOf(doc, text).slice(0, MAX_CLAIMS_PER_DOCUMENT);
  } catch {
    claims = [];
  }
  try {
    profile = profileOf(doc, text);
  } catch {
    profile = { path: doc.path, day: null, features: NO_FEATURES, norm: 0, places: [], keys: [], kind: null, local: null };
  }
  return {
    i: index,
    path: doc.path,
    published: doc.published ?? null,
    outlet: doc.outlet ?? null,
    profile: {
      day: profile.day,
      features: featureEntries(profile.features),
      norm: profile.norm,
      places: profile.places,
      keys: profile.keys,
      kind: profile.kind,
      local: profile.local,
    },
    claims: claims.map((c) => {
      // Written out rather than spread-and-deleted: the record's members keep one order.
      const { path: _path, date: _date, outlet: _outlet, story: _story, value, ...rest } = c;
      return { ...rest, value: [num(value.lo), num(value.hi), num(value.loF), num(value.hiF), value.label, value.short] };
    }),
  };
}

/**
 * A record read back (from JSON.parse of a line): the document's place, path and what
 * ClaimIndex.update takes, or a sentence saying what is wrong with it.
 */
export function fromClaimRecord(rec: unknown): { index: number; path: string; read: ClaimsRead } | string {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return 'not a claims record (an object was expected)';
  const r = rec as Partial<ClaimRecord>;
  if (typeof r.path !== 'string' || !r.path) return 'a claims record without "path"';
  if (typeof r.i !== 'number' || !Number.isInteger(r.i) || r.i < 0) return `${r.path}: a claims record without its place "i"`;
  const p = r.profile;
  if (!p || typeof p !== 'object' || !Array.isArray(p.features) || !Array.isArray(p.places) || !Array.isArray(p.keys) || typeof p.norm !== 'number')
    return `${r.path}: a claims record without its story profile`;
  if (!Array.isArray(r.claims)) return `${r.path}: a claims record without "claims"`;
  const published = typeof r.published === 'string' ? r.published : null;
  const outlet = typeof r.outlet === 'string' ? r.outlet : null;
  const claims: Claim[] = [];
  for (const c of r.claims) {
    const v = Array.isArray(c?.value) ? c.value : [];
    const [lo, hi, loF, hiF] = v.slice(0, 4).map(unnum);
    if (lo === null || hi === null || loF === null || hiF === null || typeof c.start !== 'number' || typeof c.end !== 'number' || !c.measure || typeof c.key !== 'string') {
      return `${r.path}: a claim that cannot be read`;
    }
    claims.push({ ...c, path: r.path, date: published, outlet, story: '', value: { lo, hi, loF, hiF, label: String(v[4] ?? ''), short: String(v[5] ?? '') } });
  }
  const profile: StoryProfile = {
    path: r.path,
    day: typeof p.day === 'number' ? p.day : null,
    features: readFeatures(p.features),
    norm: p.norm,
    places: p.places.filter((x): x is string => typeof x === 'string'),
    keys: p.keys.filter((x): x is string => typeof x === 'string'),
    kind: typeof p.kind === 'string' ? p.kind : null,
    local: typeof p.local === 'string' ? p.local : null,
  };
  return { index: r.i, path: r.path, read: { claims, profile } };
}

/** A record's features (name, weight) as a profile's: a name given twice keeps its first place and its last weight. */
function readFeatures(list: unknown[]): StoryProfile['features'] {
  const ids: number[] = [];
  const weights: number[] = [];
  const at = new Map<number, number>();
  for (const f of list) {
    if (!Array.isArray(f) || typeof f[0] !== 'string' || typeof f[1] !== 'number') continue;
    const id = featureId(f[0]);
    const k = at.get(id);
    if (k === undefined) {
      at.set(id, ids.length);
      ids.push(id);
      weights.push(f[1]);
    } else weights[k] = f[1];
  }
  return featuresOf(ids, weights);
}
