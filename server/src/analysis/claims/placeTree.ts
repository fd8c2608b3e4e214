// Places as a hierarchy (lexicons/place-tree.yaml): a town or site lies in a province, which lies
// in a country. A figure's place is the narrowest its sentence gives ("في الحمدانية بمحافظة
// نينوى" is al-Hamdaniya), and a figure for a town is never set against one for its country: the
// town's toll is a part of the country's. Keys are folded place entity keys; the spellings of
// lexicons/places.yaml (aliases, a country's other names) lead to the same key.
import tree from '../lexicons/place-tree.yaml';
import places from '../lexicons/places.yaml';
import countries from '../data/countries.generated.json';
import { fold } from '../text/normalize';

/** Folded key → folded key of the place it lies in. */
const parent = new Map<string, string>();
/** Folded spelling → folded canonical key (the entity key the actor recogniser gives). */
const canonical = new Map<string, string>();
/** Countries and wide regions: places too large to tell one story's site from another's. */
const wide = new Set<string>();

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

(function load() {
  const P = record(places);
  const generated = record(countries);
  for (const [code, raw] of Object.entries(record(P.countries))) {
    const entry = Array.isArray(raw) ? { aliases: raw } : record(raw);
    const name = typeof entry.name === 'string' ? entry.name : typeof generated[code] === 'string' ? generated[code] : null;
    if (!name) continue;
    const key = fold(name);
    canonical.set(key, key);
    wide.add(key);
    for (const a of strings(entry.aliases)) if (!canonical.has(fold(a))) canonical.set(fold(a), key);
  }
  for (const name of Object.values(generated)) if (typeof name === 'string') wide.add(keyOf(name));
  for (const raw of Array.isArray(P.places) ? P.places : []) {
    const entry = typeof raw === 'string' ? { name: raw } : record(raw);
    if (typeof entry.name !== 'string') continue;
    const key = fold(entry.name);
    if (!canonical.has(key)) canonical.set(key, key);
    for (const a of strings(entry.aliases)) if (!canonical.has(fold(a))) canonical.set(fold(a), key);
  }
  const walk = (node: unknown, up: string | null) => {
    const link = (name: string): string => {
      const key = keyOf(name);
      if (up && key !== up && !parent.has(key)) parent.set(key, up);
      return key;
    };
    if (Array.isArray(node)) {
      for (const name of strings(node)) link(name);
      return;
    }
    for (const [name, children] of Object.entries(record(node))) walk(children, link(name));
  };
  walk(record(tree).tree, null);
  for (const name of Object.keys(record(record(tree).tree))) wide.add(keyOf(name));
  for (const name of strings(record(tree).regions)) wide.add(keyOf(name));
})();

/** True for a country or a wide region ("الشرق الأوسط"), false for a town, site or province. */
export function isCountry(place: string): boolean {
  return wide.has(keyOf(place));
}

/** The canonical folded key of a place spelling or entity key. */
export function keyOf(place: string): string {
  const f = fold(place);
  return canonical.get(f) ?? f;
}

/** The places a place lies in, nearest first (empty for a country or an unknown place). */
export function ancestorsOf(place: string): string[] {
  const out: string[] = [];
  let at = parent.get(keyOf(place));
  while (at && !out.includes(at) && out.length < 8) {
    out.push(at);
    at = parent.get(at);
  }
  return out;
}

/** The country a place lies in (the place itself when it is a root of the tree or unknown). */
export function countryOf(place: string): string {
  const up = ancestorsOf(place);
  return up.length ? up[up.length - 1] : keyOf(place);
}

/** Answers of `within` by inner place, then outer: stories and claims ask about the same few places over and over. */
const withinAnswers = new Map<string, Map<string, boolean>>();
/** Places kept in withinAnswers before it is emptied (a server reads new text for days). */
const WITHIN_PLACES = 20_000;

/** True when `inner` lies inside `outer` (a strict descendant). */
export function within(inner: string, outer: string): boolean {
  let byOuter = withinAnswers.get(inner);
  if (!byOuter) {
    if (withinAnswers.size >= WITHIN_PLACES) withinAnswers.clear();
    withinAnswers.set(inner, (byOuter = new Map()));
  }
  let answer = byOuter.get(outer);
  if (answer === undefined) {
    if (byOuter.size >= WITHIN_PLACES) byOuter.clear();
    byOuter.set(outer, (answer = ancestorsOf(inner).includes(keyOf(outer))));
  }
  return answer;
}
