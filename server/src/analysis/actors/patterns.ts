// Organisations and places the lexicons do not list, found by the noun that heads their name
// (lexicons/heads.yaml): "وزارة الدفاع", "هيئة النزاهة", "حركة أمل", "الجيش العراقي", "شفق نيوز",
// "محافظة الأنبار", "مدينة سومي", "قاعدة البرج 22".
import { BUILTIN } from '../lexicon/data';
import { GAP_HARD, GAP_QUOTE, GAP_SPACE, isArabicWord, isDigits, stripArticle, type Reading } from '../lexicon/nameWords';
import { FACT_NATIONAL_ORG, FACT_ORG_HEAD, FACT_PLACE_HEAD, isCommon, isDefiniteNationality, isDescriptive, isReporting, isStop, looksLikeVerb, nationalityStem } from '../lexicon/vocab';
import { FROM_LEXICON, FROM_PATTERN, hasTanweenFath, nextWord, prevWord, type Candidate, type Scene } from './scene';

/** Longest words an organisation name runs to after its head. */
const MAX_NAME_WORDS = 5;

function isDefinite(form: string): boolean {
  return form.startsWith('ال') && form.length > 3;
}

/**
 * A word that can be a proper name without the article ("حماس", "بدر", "سومي"): not a function
 * word, everyday noun, verb, adverb in tanween, or an adjective in -iyya / ta marbuta.
 */
function isProperWord(sc: Scene, k: number): boolean {
  const f = sc.words.form[k];
  if (!isArabicWord(f) || f.length < 2 || isDefinite(f) || f.startsWith('لل')) return false;
  if (isStop(f) || isReporting(f) || isCommon(f) || isDescriptive(f) || nationalityStem(f)) return false;
  if (sc.titleEnd[k] >= 0 || looksLikeVerb(f) || f.endsWith('ه')) return false;
  return !hasTanweenFath(sc.words, k);
}

/** The entity key of an organisation pattern: a known form's key if the lexicon has one. */
function orgKey(sc: Scene, forms: string[]): string {
  const known = sc.lexicon.lookup(forms);
  if (known && known.kind === 'organization') return known.key;
  // "وكالة رويترز", "حركة حماس": a head that only says what the known name is. Not so for a
  // body over it: "وزارة البيشمركة" is not "البيشمركة".
  const named = forms.length > 1 && BUILTIN.orgProper.has(stripArticle(forms[0])) ? sc.lexicon.lookup(forms.slice(1)) : null;
  if (named && named.kind === 'organization' && !named.family) return named.key;
  // "حزب الله اللبناني": a known name followed by nationality adjectives keeps the known key.
  let n = forms.length;
  while (n > 1 && isDefiniteNationality(forms[n - 1])) n--;
  if (n < forms.length) {
    const base = sc.lexicon.lookup(forms.slice(0, n));
    if (base && base.kind === 'organization') return base.key;
  }
  return forms.join(' ');
}

/** "وزارة الدفاع الأمريكية", "كتائب سيد الشهداء", "حركة أمل", "اللجنة العسكرية العليا". */
function headedOrg(sc: Scene, i: number, r: Reading): Candidate | null {
  const { words } = sc;
  const bare = stripArticle(r.form);
  const definite = bare !== r.form;
  const chain = BUILTIN.orgChain.has(bare);
  const proper = BUILTIN.orgProper.has(bare) && !definite;
  if (!chain && !proper) return null;
  let names = 0;
  let propers = 0;
  let last = i;
  let quoted = false;
  for (let k = i + 1; k < words.count && names < MAX_NAME_WORDS; k++) {
    const gap = words.gap[k];
    if (gap === GAP_HARD) break;
    if (gap === GAP_QUOTE) {
      // A quoted name right after the head ("كتائب “سيد الشهداء”") ends at its closing quote.
      if (names === 0 && !quoted) quoted = true;
      else break;
    }
    const lm = sc.lexAt[k];
    if (lm && lm.skip === 0 && lm.surface.kind === 'organization' && names === 0) {
      // "وكالة شفق نيوز", "قناة الجزيرة": the head before a known name.
      last = lm.last;
      names++;
      break;
    }
    if (lm && lm.skip === 0 && lm.surface.kind === 'place' && !lm.surface.family && !(names > 0 && lm.surface.mode === 'adjectival')) {
      // A known place right after the head is the name ("جامعة بغداد", "أمانة بغداد"); after
      // name words it is not part of it ("التحالف الدولي الولايات المتحدة" is two actors), but a
      // place that doubles as an adjective is ("وكالة الأنباء السعودية").
      if (names === 0 && chain) {
        last = lm.last;
        names++;
      }
      break;
    }
    const f = words.form[k];
    const andDefinite = names > 0 && f.startsWith('وال') && f.length > 4;
    if (isDefinite(f) || andDefinite) {
      if (!chain && propers === 0) break;
      const core = andDefinite ? f.slice(1) : f;
      if (isStop(core) || isDescriptive(core) || sc.titleEnd[k] >= 0) break;
      names++;
      last = k;
      continue;
    }
    if (proper && propers < 2 && names === propers && isProperWord(sc, k)) {
      propers++;
      names++;
      last = k;
      continue;
    }
    break;
  }
  // "اللجنة المختصة" is a phrase; a definite head needs two name words to be a name.
  if (names < (definite && propers === 0 ? 2 : 1)) return null;
  const forms = [r.form, ...words.form.slice(i + 1, last + 1)];
  return { kind: 'organization', first: i, last, skip: r.skip, key: orgKey(sc, forms), priority: FROM_PATTERN };
}

/** "الجيش العراقي", "الخارجية الأمريكية" (= وزارة الخارجية الأمريكية). */
function nationalOrg(sc: Scene, i: number, out: Candidate[]): void {
  const { words } = sc;
  for (const r of words.info[i].readings) {
    if (r.clitic !== '' && r.clitic !== 'و' && r.clitic !== 'ف') continue;
    const full = BUILTIN.orgNational.get(r.form);
    if (!full) continue;
    const k = nextWord(words, i);
    if (k < 0 || !isDefiniteNationality(words.form[k])) return;
    // The adjective agrees with the implied noun: "الدفاع الأمريكية" is the ministry (وزارة),
    // "وزير الدفاع الأمريكي" is the minister.
    const feminine = full[0] === 'وزاره' || r.form.endsWith('ه') || r.form.endsWith('ات');
    const adj = words.form[k];
    if (feminine !== adj.endsWith('ه')) return;
    const p = prevWord(words, i);
    if (p >= 0 && /^(و|ف)?(وزير|وزيره|وزاره)$/.test(words.form[p])) return;
    const forms = [...full, adj];
    const known = sc.lexicon.lookup(forms);
    const key = known && known.kind === 'organization' ? known.key : forms.join(' ');
    out.push({ kind: 'organization', first: i, last: k, skip: r.skip, key, priority: FROM_PATTERN });
    return;
  }
}

/** "شفق نيوز", "السومرية نيوز": a name followed by نيوز، برس، تايمز، بوست. */
function outlet(sc: Scene, i: number, out: Candidate[]): void {
  const { words } = sc;
  if (!BUILTIN.outletTails.has(words.form[i]) || words.gap[i] !== GAP_SPACE || i === 0) return;
  const p = i - 1;
  const f = words.form[p];
  if (!isArabicWord(f) || f.length < 2 || isStop(f) || isCommon(f) || sc.inTitle[p]) return;
  const known = sc.lexicon.lookup([f, words.form[i]]);
  const key = known && known.kind === 'organization' ? known.key : `${f} ${words.form[i]}`;
  out.push({ kind: 'organization', first: p, last: i, skip: 0, key, priority: FROM_PATTERN });
}

/** Words after which a group names itself in quotes: 'جماعة تطلق على نفسها اسم "…"'. */
const SELF_NAMING = new Set(['اسم', 'نفسها', 'نفسه', 'نفسهم', 'مسمي', 'تسميه', 'تدعي', 'يدعي', 'تسمي', 'يسمي']);

/** A quoted name right after a self-naming phrase: an organisation the lists may not know. */
function selfNamed(sc: Scene, i: number, out: Candidate[]): void {
  const { words } = sc;
  if (!SELF_NAMING.has(words.form[i]) || i + 1 >= words.count || words.gap[i + 1] !== GAP_QUOTE) return;
  let last = i + 1;
  while (last + 1 < words.count && words.gap[last + 1] === GAP_SPACE && last - i < 6) last++;
  // The name must close with its quote: a hard break right after it (a closing quote is one).
  if (last + 1 < words.count && words.gap[last + 1] !== GAP_HARD) return;
  if (!words.form.slice(i + 1, last + 1).every(isArabicWord)) return;
  const forms = words.form.slice(i + 1, last + 1);
  out.push({ kind: 'organization', first: i + 1, last, skip: 0, key: orgKey(sc, forms), priority: FROM_PATTERN - 1 });
}

export function findOrganizations(sc: Scene, out: Candidate[]): void {
  for (let i = 0; i < sc.words.count; i++) {
    selfNamed(sc, i, out);
    if (sc.inTitle[i]) continue;
    const facts = sc.facts[i];
    if (facts & FACT_ORG_HEAD) {
      for (const r of sc.words.info[i].readings) {
        const c = headedOrg(sc, i, r);
        if (c) {
          out.push(c);
          break;
        }
      }
    }
    if (facts & FACT_NATIONAL_ORG) nationalOrg(sc, i, out);
    outlet(sc, i, out);
  }
}

/**
 * "محافظة الأنبار", "مدينة سومي", "قاعدة عين الأسد الجوية", "قاعدة البرج 22". A named head
 * (محافظة، إقليم، ولاية) is part of the mention; an introducing one (مدينة، قاعدة …) is not.
 */
function headedPlace(sc: Scene, i: number, r: Reading): Candidate | null {
  const { words } = sc;
  const named = BUILTIN.placeNamed.has(r.form);
  if (!named && !BUILTIN.placeIntroducing.has(r.form)) return null;
  let k = nextWord(words, i);
  // "العاصمة العراقية بغداد": the capital's country stands between.
  if (k >= 0 && stripArticle(r.form) === 'عاصمه' && isDefiniteNationality(words.form[k])) k = nextWord(words, k);
  if (k < 0) return null;
  const first = named ? i : k;
  const skip = named ? r.skip : 0;
  const lm = sc.lexAt[k];
  if (lm && lm.skip === 0) {
    if (lm.surface.kind !== 'place' || lm.surface.family) return null;
    return { kind: 'place', first, last: withNumber(sc, lm.last), skip, key: lm.surface.key, priority: named ? FROM_PATTERN : FROM_LEXICON };
  }
  const f = words.form[k];
  let last: number;
  const k1 = nextWord(words, k);
  if (PLACE_PREFIXES.has(f) && k1 >= 0 && isArabicWord(words.form[k1]) && !isStop(words.form[k1])) {
    // "قرية البو جواري", "بلدة تل أبيض": the first word of a compound place name.
    last = k1;
  } else if (isDefinite(f)) {
    if (!isArabicWord(f) || isStop(f) || isDescriptive(f) || isCommon(f) || nationalityStem(f) || isPlural(f)) return null;
    last = k;
  } else {
    // An indefinite adjective agrees with its head: "قاعدة عسكرية", "مطار دولي" are not names.
    const feminine = r.form.endsWith('ه');
    if (!isProperWord(sc, k) || (!feminine && f.endsWith('ي'))) return null;
    last = k;
    const k2 = nextWord(words, k);
    if (k2 >= 0 && isProperWord(sc, k2) && !(!feminine && words.form[k2].endsWith('ي'))) last = k2;
    else if (k2 >= 0 && isDefinite(words.form[k2]) && isPlaceTail(words.form[k2])) last = k2; // "عيتا الشعب"
  }
  last = withNumber(sc, last);
  const forms = words.form.slice(k, last + 1);
  const known = sc.lexicon.lookup(forms);
  const key = known && known.kind === 'place' ? known.key : forms.join(' ');
  return { kind: 'place', first, last, skip, key, priority: FROM_PATTERN };
}

/** A definite word that may end a place name: a noun, not an adjective ("الجوية", "الأوكرانية"). */
function isPlaceTail(f: string): boolean {
  if (!isArabicWord(f) || f.endsWith('يه') || f.endsWith('ي') || f.endsWith('ه')) return false;
  return !isStop(f) && !isDescriptive(f) && !nationalityStem(f);
}

/** "الألعاب", "الشركات", "المواطنين": a plural after "مدينة" names what the place holds, not the place. */
function isPlural(f: string): boolean {
  const s = stripArticle(f);
  return /^ا..ا.$/.test(s) || /(ات|ين|ون)$/.test(s);
}

/** Words that begin compound place names and are followed by the rest of the name. */
const PLACE_PREFIXES = new Set(['البو', 'ابو', 'ام', 'عين', 'تل', 'دير', 'راس', 'جرف', 'بيت', 'كفر', 'خان', 'بءر', 'جبل', 'وادي', 'سيدي', 'حي']);

/** A short number right after a place name belongs to it ("البرج 22"). */
function withNumber(sc: Scene, last: number): number {
  const k = nextWord(sc.words, last);
  return k >= 0 && isDigits(sc.words.form[k]) && sc.words.form[k].length <= 3 ? k : last;
}

export function findPlaces(sc: Scene, out: Candidate[]): void {
  for (let i = 0; i < sc.words.count; i++) {
    if (sc.inTitle[i] || !(sc.facts[i] & FACT_PLACE_HEAD)) continue;
    for (const r of sc.words.info[i].readings) {
      if (r.form.startsWith('ال') && stripArticle(r.form) !== 'عاصمه') continue; // heads are indefinite
      const c = headedPlace(sc, i, r);
      if (c) {
        out.push(c);
        break;
      }
    }
  }
}
