// Counted nouns in the UI language. Arabic agrees a noun with its number in six ways (CLDR's
// zero, one, two, few, many, other: "فاعل واحد", "فاعلان", "3 فاعلين", "11 فاعلاً", "100 فاعل"), so
// a count is never "{0} " glued to one plural. Each noun's forms live in the l10n bundle under its
// English key with the category after a "#" ("{0} actors#few"); a missing form falls back to the
// key without category, then to English.

export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

const rules = new Map<string, Intl.PluralRules>();

/** The CLDR category of N in LOCALE. */
function pluralCategory(n: number, locale: string): PluralCategory {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r.select(n);
}

/**
 * "3 sources" / "3 مصادر": ONE and OTHER are the English forms ("{0} source", "{0} sources");
 * LOOKUP gives a bundle entry or undefined; in Arabic the entry `${other}#${category}` is used.
 */
export function countNoun(n: number, one: string, other: string, lang: 'en' | 'ar', lookup: (key: string) => string | undefined): string {
  const fill = (s: string) => s.replace(/\{0\}/g, String(n));
  if (lang === 'ar') {
    const form = lookup(`${other}#${pluralCategory(n, 'ar')}`) ?? lookup(other);
    if (form) return fill(form);
  }
  return fill(n === 1 ? one : other);
}
