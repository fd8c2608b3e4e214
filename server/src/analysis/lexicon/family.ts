// Family names: the last word (or two) of a full name, by which news refers to a person alone
// ("السوداني", "نصر الله"). Which family names may stand alone, and where, is worked out here from
// all the people a lexicon knows, so that a name shared by two people belongs to neither.
import { isDigits, stripArticle } from './nameWords';
import type { FamilyMode } from './data';
import { COMPOUND_TAILS, NAME_LINKS, isAmbiguousGiven, isCommon, isGiven, isNameWord, isStop, nationalityStem } from './vocab';
import type { Surface } from './trie';

export interface PersonRec {
  key: string;
  words: string[];
  family?: FamilyMode;
  /** Learnt from the corpus rather than listed: its family name alone is trusted less. */
  learnt?: boolean;
}

export interface FamilyIndex {
  /** Family name → the one person who bears it, or null when several do. */
  owner: Map<string, PersonRec | null>;
  /** Family name → the form to match alone, for the unambiguous ones whose mode is not 'none'. */
  alone: Map<string, Surface>;
  /** First words of the two-word family names in `alone`: most words start none, and are not joined to the next to ask. */
  aloneFirst: Set<string>;
}

/** The family name of a full name: its last word, or last two for "نصر الله", "عبد المهدي". */
export function familyOf(words: string[]): string | null {
  const n = words.length;
  if (n < 2) return null;
  if (words.includes('بن') || words.includes('ابن') || words.includes('بنت')) return null;
  if (words[0] === 'ابو' && n === 2) return null; // a kunya alone has no family name
  let fam = words[n - 1];
  if (n >= 3 && (words[n - 2] === 'عبد' || COMPOUND_TAILS.has(fam))) fam = `${words[n - 2]} ${fam}`;
  else if (COMPOUND_TAILS.has(fam) || words[n - 2] === 'عبد' || words[n - 2] === 'ابو') return null;
  if (fam.length < 3 || isDigits(fam) || isStop(fam)) return null;
  return fam;
}

/** The first name, with its link: "محمد", "عبد العزيز", "أبو فدك". */
export function givenPart(words: string[]): string {
  return NAME_LINKS.has(words[0]) && words.length > 1 ? `${words[0]} ${words[1]}` : words[0];
}

/**
 * Family name → its bearer. A family name borne by several people belongs to none of them, unless
 * the corpus names exactly one of them (`mentioned`), as when an article quotes "محمد صالح" and the
 * lexicon also knows "برهم صالح".
 */
export function familyIndex(persons: PersonRec[], lookup: (w: string[]) => Surface | null, mentioned: Set<string>): FamilyIndex {
  const all = byFamily(persons);
  const owner = new Map<string, PersonRec | null>();
  for (const [fam, list] of all) owner.set(fam, ownerAmong(list, mentioned));
  const alone = new Map<string, Surface>();
  for (const [fam, p] of owner) {
    const s = p && aloneSurface(fam, p, all.get(fam)!, lookup);
    if (s) alone.set(fam, s);
  }
  const aloneFirst = new Set<string>();
  for (const fam of alone.keys()) {
    const space = fam.indexOf(' ');
    if (space > 0) aloneFirst.add(fam.slice(0, space));
  }
  return { owner, alone, aloneFirst };
}

/** Persons by family name, in order (those without one left out). */
export function byFamily(persons: readonly PersonRec[], into = new Map<string, PersonRec[]>()): Map<string, PersonRec[]> {
  for (const p of persons) {
    const fam = familyOf(p.words);
    if (!fam) continue;
    const list = into.get(fam);
    if (list) list.push(p);
    else into.set(fam, [p]);
  }
  return into;
}

/**
 * The one bearer a family name stands for, among every person bearing it (in order; one per
 * entity key), or null: several bearers, none or more than one of them named by the corpus.
 */
export function ownerAmong(persons: readonly PersonRec[], mentioned: Set<string>): PersonRec | null {
  const bearers: PersonRec[] = [];
  for (const p of persons) if (!bearers.some((q) => q.key === p.key)) bearers.push(p);
  const named = bearers.length > 1 ? bearers.filter((p) => mentioned.has(p.key)) : bearers;
  return named.length === 1 ? named[0] : null;
}

/** How the family name of `owner` stands alone (from every person bearing it, in order), or null when it does not. */
export function aloneSurface(fam: string, owner: PersonRec, persons: readonly PersonRec[], lookup: (w: string[]) => Surface | null): Surface | null {
  let given: FamilyMode | undefined;
  for (const p of persons) {
    // A learnt name may be a misreading; its family name without the article ("سينغ", "مكاري")
    // stands alone only where a person is expected (after a reporting verb or a title).
    if (p.learnt && !p.family && !fam.startsWith('ال')) given = 'guarded';
    if (p.family) given = p.family;
  }
  const mode = given ?? familyMode(fam, lookup);
  if (mode === 'none') return null;
  const known = lookup(fam.split(' '));
  if (known && known.key !== owner.key) return null; // the word is already another entity's name
  return { key: owner.key, kind: 'person', mode, family: true };
}

/** What an index lets stand alone, as a string to compare two indexes by. */
export function familySignature(f: FamilyIndex): string {
  return [...f.alone]
    .map(([fam, s]) => `${fam}=${s.key}/${s.mode}`)
    .sort()
    .join('|');
}

/** How a family name is matched alone, when the lexicon does not say. */
function familyMode(fam: string, lookup: (w: string[]) => Surface | null): FamilyMode {
  if (isGiven(fam) && !isAmbiguousGiven(fam)) return 'none'; // "وقال محمد" names nobody in particular
  if (fam.startsWith('ال') && fam.endsWith('ه')) return 'none'; // "الجمهورية", "العامة" are not family names
  if (isNameWord(fam) || isCommon(fam) || isAmbiguousGiven(fam)) return 'guarded';
  if (isNisba(fam, lookup)) return 'adjectival';
  return 'free';
}

/** "السوداني", "البغدادي", "الموصلي": a family name that is also the adjective of a country or place. */
function isNisba(fam: string, lookup: (w: string[]) => Surface | null): boolean {
  if (!fam.startsWith('ال') || !fam.endsWith('ي') || fam.includes(' ')) return false;
  if (nationalityStem(fam)) return true;
  const stem = stripArticle(fam).slice(0, -1);
  for (const f of [stem, 'ال' + stem, stem + 'ا', stem + 'يا', stem + 'يه', 'ال' + stem + 'ه', 'ال' + stem + 'يه']) {
    const s = lookup([f]);
    if (s && s.kind === 'place') return true;
  }
  return false;
}
