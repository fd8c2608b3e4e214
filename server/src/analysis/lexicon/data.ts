// The lexicons shipped with the extension, checked once at module load. YAML arrives as untyped
// data (the build inlines it as JSON), so every field is validated here; a malformed entry is
// skipped and reported in `BUILTIN.problems` (a unit test keeps that list empty) rather than thrown.
// The same entry parser reads workspace lexicons (.sanad/lexicon.yaml), so both accept one format.
import { fold } from '../text/normalize';
import { canonWords } from './nameWords';
import type { ActorKind } from '../types';
import titlesYaml from '../lexicons/titles.yaml';
import wordsYaml from '../lexicons/words.yaml';
import givenYaml from '../lexicons/given-names.yaml';
import headsYaml from '../lexicons/heads.yaml';
import personsYaml from '../lexicons/persons.yaml';
import organizationsYaml from '../lexicons/organizations.yaml';
import placesYaml from '../lexicons/places.yaml';
import countriesJson from '../data/countries.generated.json';

/**
 * When a lexicon form counts as a mention.
 * free: always. guarded: only in a context that expects its kind (a reporting verb before a person,
 * a locative word before a place). adjectival: not right after a definite noun, where it would be
 * an adjective ("الجيش السوداني"). alone: only when no name word follows ("التحالف").
 */
export type Mode = 'free' | 'guarded' | 'adjectival' | 'alone';
export type FamilyMode = 'free' | 'guarded' | 'adjectival' | 'none';

export interface AliasSpec {
  /** Canonical words of the form. */
  words: string[];
  mode?: Mode;
}

export interface EntrySpec {
  kind: ActorKind;
  /** Canonical words of the canonical name; joined by spaces they are the entity key. */
  words: string[];
  mode?: Mode;
  aliases: AliasSpec[];
  /** Persons: how the family name alone is matched; undefined lets the recogniser decide. */
  family?: FamilyMode;
}

const MODES = new Set<string>(['free', 'guarded', 'adjectival', 'alone']);
const FAMILY_MODES = new Set<string>(['free', 'guarded', 'adjectival', 'none']);

/** A string as canonical words, or null (with a problem) when it holds none. */
export function wordsOfString(s: unknown, where: string, problems: string[]): string[] | null {
  if (typeof s !== 'string' && typeof s !== 'number') {
    problems.push(`${where}: expected a string, got ${describe(s)}`);
    return null;
  }
  const words = canonWords(fold(String(s)));
  if (words.length === 0 || words.length > 12) {
    problems.push(`${where}: "${String(s).slice(0, 40)}" is not a name of 1 to 12 words`);
    return null;
  }
  return words;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function modeOf(v: unknown, where: string, problems: string[]): Mode | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && MODES.has(v)) return v as Mode;
  problems.push(`${where}: mode must be one of ${[...MODES].join(', ')}`);
  return undefined;
}

function aliasOf(v: unknown, where: string, problems: string[]): AliasSpec | null {
  if (isRecord(v)) {
    const words = wordsOfString(v.name, `${where}.name`, problems);
    if (!words) return null;
    return { words, mode: modeOf(v.mode, where, problems) };
  }
  const words = wordsOfString(v, where, problems);
  return words ? { words } : null;
}

/** One entry: a bare string, or {name, aliases?, mode?, family?}. */
export function entryOf(kind: ActorKind, v: unknown, where: string, problems: string[]): EntrySpec | null {
  if (!isRecord(v)) {
    const words = wordsOfString(v, where, problems);
    return words ? { kind, words, aliases: [] } : null;
  }
  const words = wordsOfString(v.name, `${where}.name`, problems);
  if (!words) return null;
  const aliases: AliasSpec[] = [];
  if (v.aliases !== undefined) {
    if (!Array.isArray(v.aliases)) problems.push(`${where}.aliases: expected a list`);
    else
      v.aliases.forEach((a, i) => {
        const alias = aliasOf(a, `${where}.aliases[${i}]`, problems);
        if (alias) aliases.push(alias);
      });
  }
  const entry: EntrySpec = { kind, words, aliases, mode: modeOf(v.mode, where, problems) };
  if (v.family !== undefined) {
    if (typeof v.family === 'string' && FAMILY_MODES.has(v.family)) entry.family = v.family as FamilyMode;
    else problems.push(`${where}.family: must be one of ${[...FAMILY_MODES].join(', ')}`);
  }
  for (const key of Object.keys(v)) {
    if (!['name', 'aliases', 'mode', 'family'].includes(key)) problems.push(`${where}: unknown field "${key}"`);
  }
  return entry;
}

export function entriesOf(kind: ActorKind, v: unknown, where: string, problems: string[]): EntrySpec[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problems.push(`${where}: expected a list`);
    return [];
  }
  const out: EntrySpec[] = [];
  v.forEach((item, i) => {
    const e = entryOf(kind, item, `${where}[${i}]`, problems);
    if (e) out.push(e);
  });
  return out;
}

/** A list of strings as a set of canonical forms (multi-word strings keep their spaces). */
function wordSet(v: unknown, where: string, problems: string[]): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(v)) {
    problems.push(`${where}: expected a list`);
    return out;
  }
  v.forEach((item, i) => {
    const words = wordsOfString(item, `${where}[${i}]`, problems);
    if (words) out.add(words.join(' '));
  });
  return out;
}

function field(v: unknown, key: string): unknown {
  return isRecord(v) ? v[key] : undefined;
}

function countryEntries(problems: string[]): EntrySpec[] {
  const extra = field(placesYaml, 'countries');
  const excluded = wordSet(field(placesYaml, 'exclude') ?? [], 'places.exclude', problems);
  const out: EntrySpec[] = [];
  if (!isRecord(countriesJson)) {
    problems.push('countries.generated.json: expected an object');
    return out;
  }
  for (const [code, name] of Object.entries(countriesJson as Record<string, unknown>)) {
    const where = `countries.${code}`;
    const words = wordsOfString(name, where, problems);
    if (!words) continue;
    const more = isRecord(extra) ? extra[code] : undefined;
    let canonical = words;
    const aliases: AliasSpec[] = [];
    const addAlias = (a: unknown, w: string): void => {
      const alias = aliasOf(a, w, problems);
      if (alias) aliases.push(alias);
    };
    if (Array.isArray(more)) more.forEach((a, i) => addAlias(a, `places.countries.${code}[${i}]`));
    else if (isRecord(more)) {
      const renamed = wordsOfString(more.name, `places.countries.${code}.name`, problems);
      if (renamed) {
        canonical = renamed;
        aliases.push({ words });
      }
      if (Array.isArray(more.aliases)) more.aliases.forEach((a, i) => addAlias(a, `places.countries.${code}.aliases[${i}]`));
    } else if (more !== undefined) problems.push(`places.countries.${code}: expected a list or {name, aliases}`);
    if (excluded.has(canonical.join(' '))) continue;
    out.push({ kind: 'place', words: canonical, aliases: aliases.filter((a) => !excluded.has(a.words.join(' '))) });
  }
  if (isRecord(extra)) {
    for (const code of Object.keys(extra)) {
      if (!(code in (countriesJson as Record<string, unknown>))) problems.push(`places.countries.${code}: no such country code`);
    }
  }
  return out;
}

/** Organisation heads that name an institution with a nationality after them, to the full name. */
function nationalHeads(v: unknown, problems: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!isRecord(v)) {
    problems.push('heads.organizations.national: expected a mapping');
    return out;
  }
  for (const [head, full] of Object.entries(v)) {
    const h = wordsOfString(head, `heads.organizations.national.${head}`, problems);
    const f = wordsOfString(full, `heads.organizations.national.${head}`, problems);
    if (h && f) out.set(h.join(' '), f);
  }
  return out;
}

function titleList(problems: string[]): string[][] {
  const v = field(titlesYaml, 'titles');
  const out: string[][] = [];
  if (!Array.isArray(v)) {
    problems.push('titles.titles: expected a list');
    return out;
  }
  v.forEach((t, i) => {
    const words = wordsOfString(t, `titles[${i}]`, problems);
    if (words) out.push(words);
  });
  return out;
}

function load() {
  const problems: string[] = [];
  const words = (key: string) => wordSet(field(wordsYaml, key), `words.${key}`, problems);
  const orgHeads = field(headsYaml, 'organizations');
  const placeHeads = field(headsYaml, 'places');
  const entries = [
    ...entriesOf('person', field(personsYaml, 'persons'), 'persons', problems),
    ...entriesOf('organization', field(organizationsYaml, 'organizations'), 'organizations', problems),
    ...countryEntries(problems),
    ...entriesOf('place', field(placesYaml, 'places'), 'places', problems),
  ];
  return {
    problems,
    entries,
    titles: titleList(problems),
    stop: words('stop'),
    reporting: words('reporting'),
    common: words('common'),
    nameWords: words('nameWords'),
    nationalities: words('nationalities'),
    descriptive: words('descriptive'),
    locative: words('locative'),
    given: wordSet(field(givenYaml, 'given'), 'given-names.given', problems),
    givenAmbiguous: wordSet(field(givenYaml, 'ambiguous'), 'given-names.ambiguous', problems),
    orgChain: wordSet(field(orgHeads, 'chain'), 'heads.organizations.chain', problems),
    orgProper: wordSet(field(orgHeads, 'proper'), 'heads.organizations.proper', problems),
    orgNational: nationalHeads(field(orgHeads, 'national'), problems),
    outletTails: wordSet(field(orgHeads, 'outletTails'), 'heads.organizations.outletTails', problems),
    placeNamed: wordSet(field(placeHeads, 'named'), 'heads.places.named', problems),
    placeIntroducing: wordSet(field(placeHeads, 'introducing'), 'heads.places.introducing', problems),
  };
}

/** The shipped lexicons, validated. */
export const BUILTIN = load();
