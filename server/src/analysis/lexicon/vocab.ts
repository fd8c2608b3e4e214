// Questions about single words that the actor recogniser asks again and again: is it a function
// word, a reporting verb, a nationality adjective, a given name? Answered from the shipped word
// lists (lexicons/words.yaml, given-names.yaml); a word is looked up as written and without a
// leading conjunction ("وقال" is "قال").
import { BUILTIN } from './data';
import { readings, stripArticle, type Reading, type WordInfo } from './nameWords';

/** The word, and the word without a leading و or ف. */
function forms(form: string): string[] {
  const c = form[0];
  return (c === 'و' || c === 'ف') && form.length >= 3 ? [form, form.slice(1)] : [form];
}

function inSet(set: Set<string>, form: string): boolean {
  for (const f of forms(form)) if (set.has(f)) return true;
  return false;
}

/** Function words, time words and reporting verbs: never part of a name. */
export function isStop(form: string): boolean {
  return inSet(BUILTIN.stop, form) || inSet(BUILTIN.reporting, form);
}

export function isReporting(form: string): boolean {
  return inSet(BUILTIN.reporting, form);
}

/** Everyday nouns of news prose, with or without the article. */
export function isCommon(form: string): boolean {
  return inSet(BUILTIN.common, form) || inSet(BUILTIN.common, stripArticle(form));
}

/** Everyday words that are also names (رسول، الحكيم): allowed inside a name, guarded alone. */
export function isNameWord(form: string): boolean {
  return BUILTIN.nameWords.has(form) || BUILTIN.nameWords.has(stripArticle(form));
}

export function isDescriptive(form: string): boolean {
  return inSet(BUILTIN.descriptive, form);
}

export function isLocative(form: string): boolean {
  for (const r of readings(form)) if (BUILTIN.locative.has(r.form)) return true;
  return false;
}

/** A known given name, everyday-word ones (ambiguous) included. */
export function isGiven(form: string): boolean {
  return BUILTIN.given.has(form) || BUILTIN.givenAmbiguous.has(form);
}

export function isAmbiguousGiven(form: string): boolean {
  return BUILTIN.givenAmbiguous.has(form);
}

/** The masculine stem of a nationality adjective in any form (العراقية، الأمريكيين), or null. */
export function nationalityStem(form: string): string | null {
  const s = stripArticle(form);
  if (BUILTIN.nationalities.has(s)) return s;
  for (const suffix of ['ه', 'ون', 'ين', 'ات', 'تين', 'تان']) {
    if (s.length > suffix.length + 2 && s.endsWith(suffix)) {
      const stem = s.slice(0, s.length - suffix.length);
      if (stem.endsWith('ي') && BUILTIN.nationalities.has(stem)) return stem;
    }
  }
  return null;
}

/** A definite nationality adjective (الأمريكية), the kind that ends an institution's name. */
export function isDefiniteNationality(form: string): boolean {
  return form.startsWith('ال') && nationalityStem(form) !== null;
}

/** Words that join the parts of a compound name: عبد الله، أبو بكر، بن سلمان. */
export const NAME_LINKS = new Set(['عبد', 'ابو', 'ابي', 'ابن', 'بن', 'بنت', 'ال']);

/** Second halves of compound names ("نصر الله", "صلاح الدين"); the family name is then two words. */
export const COMPOUND_TAILS = new Set(['الله', 'الدين', 'الرحمن', 'الرحيم', 'الحق', 'الاسلام', 'الزمان']);

/**
 * Verb forms look like names to a word list (يواجه، تطلق، سيعلن). A word the lists do not know that
 * starts with a present-tense prefix of the third person is taken for a verb unless it is a known
 * given name (ن is left out: names like ناجي، نزار start with it far more often in news).
 */
export function looksLikeVerb(form: string): boolean {
  if (isGiven(form)) return false;
  const c = form[0];
  if ((c === 'ي' || c === 'ت') && form.length >= 3 && form.length <= 6) return true;
  // The future prefix (سيعلن، ستواصل) and the verbal nouns of form X (استهداف، استئناف).
  return (/^س[يتن]/.test(form) && form.length >= 5) || (form.startsWith('است') && form.length >= 6);
}

// ---- What a word may start, asked once per word ----------------------------------------------

/** Some reading heads an organisation's name ("وزارة", "حركة"): actorPatterns.headedOrg may find one. */
export const FACT_ORG_HEAD = 1;
/** Some reading is a national body's head ("الجيش", "الخارجية"): actorPatterns.nationalOrg. */
export const FACT_NATIONAL_ORG = 2;
/** Some indefinite reading heads a place ("محافظة", "مدينة"): actorPatterns.headedPlace. */
export const FACT_PLACE_HEAD = 4;
/** Some reading is a given name: personNames.givenName. */
export const FACT_GIVEN = 8;
/** Some reading is "أبو": personNames.kunya. */
export const FACT_KUNYA = 16;

/**
 * Which finders a word can start, from the shipped word lists only (they never change while the
 * process runs). Most words start none, and each finder then passes them over without reading
 * them behind their clitics again.
 */
export function wordFacts(info: WordInfo): number {
  if (info.facts < 0) info.facts = factsOf(info.readings);
  return info.facts;
}

function factsOf(readings: Reading[]): number {
  let f = 0;
  for (const r of readings) {
    const bare = stripArticle(r.form);
    if (BUILTIN.orgChain.has(bare) || (BUILTIN.orgProper.has(bare) && bare === r.form)) f |= FACT_ORG_HEAD;
    if ((r.clitic === '' || r.clitic === 'و' || r.clitic === 'ف') && BUILTIN.orgNational.has(r.form)) f |= FACT_NATIONAL_ORG;
    const indefinite = !r.form.startsWith('ال') || bare === 'عاصمه';
    if (indefinite && (BUILTIN.placeNamed.has(r.form) || BUILTIN.placeIntroducing.has(r.form))) f |= FACT_PLACE_HEAD;
    if (isGiven(r.form)) f |= FACT_GIVEN;
    if (r.form === 'ابو') f |= FACT_KUNYA;
  }
  return f;
}
