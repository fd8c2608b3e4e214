// What a figure counts: the noun after the number ("ثلاثة جنود", "150 ضربة", "عشرات الهجمات")
// reduced to a key from counted.yaml, and the dual nouns that are themselves the figure 2
// ("جنديين", "شخصين", "هجومين").
import counted from '../lexicons/counted.yaml';
import { asRecord, foldList, formsOf, PhraseSet, type Token } from './tokens';

type Number_ = 'singular' | 'plural' | 'dual' | 'accusative';

interface Noun {
  key: string;
  number: Number_;
}

const NOUNS = new Map<string, Noun>();
const GROUPS = new Map<string, string>();
const REFINE = new Map<string, PhraseSet<string>>();

/** Possessive endings a counted noun may carry after "من" ("عدد من قياداتها"). */
const SUFFIXES = ['هما', 'هم', 'ها', 'هن', 'نا', 'كم'];

(function load() {
  const plurals = new Set<string>();
  const table = Object.entries(asRecord(counted));
  for (const [, entry] of table) for (const p of foldList(asRecord(entry).plural)) plurals.add(p);
  for (const [key, raw] of table) {
    const entry = asRecord(raw);
    GROUPS.set(key, typeof entry.group === 'string' ? entry.group : 'other');
    for (const p of foldList(entry.plural)) NOUNS.set(p, { key, number: 'plural' });
    for (const s of foldList(entry.singular)) {
      if (!NOUNS.has(s)) NOUNS.set(s, { key, number: 'singular' });
      // After 11–99 the noun is a singular accusative: "عشرين جندياً", "150 قتيلاً".
      if (!s.endsWith('ه') && !s.endsWith('ا')) {
        const acc = s + 'ا';
        if (!NOUNS.has(acc)) NOUNS.set(acc, { key, number: 'accusative' });
      }
      // The dual, unless it is spelt like a plural (عسكريين, مدنيين are plurals).
      const base = s.endsWith('ه') ? s.slice(0, -1) + 'ت' : s;
      for (const d of [base + 'ين', base + 'ان']) if (!plurals.has(d) && !NOUNS.has(d)) NOUNS.set(d, { key, number: 'dual' });
    }
    for (const d of foldList(entry.dual)) NOUNS.set(d, { key, number: 'dual' });
    const refine = asRecord(entry.refine);
    const pairs: Array<[string, string]> = [];
    for (const [to, words] of Object.entries(refine)) for (const w of foldList(words)) pairs.push([w, to]);
    if (pairs.length) REFINE.set(key, new PhraseSet(pairs));
  }
})();

export interface CountedHit {
  key: string;
  /** The noun is a plural (or a relative-adjective plural), as a partitive after "من" must be. */
  plural: boolean;
  /** Token after the noun (and after a refining phrase such as "مسيرة", "بدون طيار"). */
  end: number;
  dual: boolean;
  /** Written with the article ("الهجمات"). */
  def: boolean;
}

/** The group of a counted key (people, attack, munition, target, casualty, time, other). */
export function groupOf(key: string): string {
  return GROUPS.get(key) ?? 'other';
}

/** Every counted key, in lexicon order. */
export function countedKeys(): string[] {
  return [...GROUPS.keys()];
}

function lookup(w: string, suffixes: boolean): Noun | undefined {
  const n = NOUNS.get(w);
  if (n || !suffixes) return n;
  for (const s of SUFFIXES) {
    if (w.length > s.length + 2 && w.endsWith(s)) {
      const m = NOUNS.get(w.slice(0, -s.length));
      if (m && m.number === 'plural') return m;
    }
  }
  return undefined;
}

function refined(toks: readonly Token[], i: number, key: string): { key: string; end: number } {
  const set = REFINE.get(key);
  const m = set?.matchAt(toks, i + 1, false);
  return m ? { key: m.value, end: m.end } : { key, end: i + 1 };
}

/**
 * The counted noun at token i. After an exact number it is written bare ("ثلاثة جنود"); after a
 * vague amount or "من" it may carry the article ("عشرات الهجمات", "150 من الجنود") and, after
 * "من", a possessive ("من عناصرها").
 */
export function countedAt(toks: readonly Token[], i: number, opts: { definite: boolean; possessive: boolean; lexiconOnly?: boolean; singular?: boolean }): CountedHit | null {
  const t = toks[i];
  if (!t || t.kind !== 'word') return null;
  for (const f of formsOf(t)) {
    if (f.pre !== '' && !(opts.definite && f.pre === 'ال')) continue;
    const n = lookup(f.w, opts.possessive);
    if (!n || n.number === 'dual') continue;
    const r = refined(toks, i, n.key);
    return { key: r.key, end: r.end, dual: false, def: f.def, plural: n.number === 'plural' };
  }
  // A plural of a relative adjective after a number names people: "5 فلسطينيين", "3 صحفيين",
  // "عشرات العراقيين". Not after "عدد من"/"العديد من", where "many Iraqis" is no figure.
  if (opts.lexiconOnly) return null;
  for (const f of formsOf(t)) {
    if (f.pre !== '' && !(opts.definite && f.pre === 'ال')) continue;
    if (f.w.length >= 6 && (f.w.endsWith('يين') || f.w.endsWith('يون'))) return { key: 'person', end: i + 1, dual: false, def: f.def, plural: true };
    // After 11 and up the noun is singular: "29 ألف فلسطيني", "30 عراقياً".
    if (opts.singular && !f.def && f.pre === '' && ((f.w.length >= 6 && f.w.endsWith('يا')) || (f.w.length >= 5 && /[^اويه]ي$/.test(f.w)))) {
      return { key: 'person', end: i + 1, dual: false, def: false, plural: false };
    }
  }
  return null;
}

/** A form that is a dual noun ("جنديين"), read as written. */
export function isDualNoun(form: string): boolean {
  return NOUNS.get(form)?.number === 'dual';
}

/** An indefinite dual noun at token i ("جنديين", "وشخصين"): the figure 2 by itself. A definite dual
 *  ("الجنديين", "العامين الماضيين") points back to a figure already given and is not a new one. */
export function dualAt(toks: readonly Token[], i: number): (CountedHit & { trim: number }) | null {
  const t = toks[i];
  if (!t || t.kind !== 'word') return null;
  for (const f of formsOf(t)) {
    if (f.def) continue;
    const n = NOUNS.get(f.w);
    if (!n || n.number !== 'dual') continue;
    const r = refined(toks, i, n.key);
    return { key: r.key, end: r.end, dual: true, def: false, plural: false, trim: f.pre.length };
  }
  return null;
}

/** The singular or plural counted noun at token i written before its number ("جندي واحد",
 *  "الجنود الثلاثة"); `definite` says which of the two is wanted. */
export function countedBefore(toks: readonly Token[], i: number, definite: boolean): string | null {
  const t = toks[i];
  if (!t || t.kind !== 'word') return null;
  for (const f of formsOf(t)) {
    if (f.def !== definite) continue;
    if (!definite && f.pre !== '') continue;
    if (definite && f.pre !== 'ال') continue;
    const n = NOUNS.get(f.w);
    if (n && n.number !== 'accusative') return n.key;
  }
  return null;
}
