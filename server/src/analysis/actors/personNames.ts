// People the lexicon does not know, found by what introduces them: a title or role ("اللواء يحيى
// رسول", "المتحدث باسم الجيش العراقي اللواء …", "نائبة المتحدثة باسم وزارة الدفاع سابرينا سينغ"),
// a kunya ("أبو فدك المحمداوي"), or a known given name followed by more name words ("علي الأسدي").
import { GAP_HARD, GAP_QUOTE, GAP_SPACE, definiteCore, isArabicWord, readings } from '../lexicon/nameWords';
import {
  COMPOUND_TAILS,
  FACT_GIVEN,
  FACT_KUNYA,
  NAME_LINKS,
  isAmbiguousGiven,
  isCommon,
  isDescriptive,
  isGiven,
  isNameWord,
  isReporting,
  isStop,
  looksLikeVerb,
  nationalityStem,
} from '../lexicon/vocab';
import { FROM_NAME, FROM_PATTERN, hasTanweenFath, isPrepositionAla, prevWord, type Candidate, type Scene } from './scene';

/** Longest name, in words, behind a title and without one. */
const MAX_NAME_TITLED = 4;
const MAX_NAME_BARE = 3;
/** How many words may stand between a title and the name (the body, its country, a place). */
const MAX_BETWEEN = 6;

/** Small words after a title that lead to what the title belongs to: "القيادي في الإطار …". */
const LEADS = new Set(['في', 'عن', 'لدي', 'ل', 'ب', 'من', 'داخل', 'ضمن']);

function isDefinite(form: string): boolean {
  return definiteCore(form) !== null;
}

/** Can word k begin a name? `form` is the word behind its clitics; `titled`: a title precedes. */
function canStartName(sc: Scene, k: number, form: string, titled: boolean): boolean {
  if (!isArabicWord(form) || form.length < 2 || form.startsWith('ال') || form.startsWith('لل')) return false;
  // Behind a title a given name is a name even when it is also a time word ("الشيخ صباح").
  if ((isStop(form) && !(titled && isGiven(form))) || isDescriptive(form) || nationalityStem(form)) return false;
  if ((isCommon(form) || isAccusativeNoun(form)) && !isGiven(form)) return false;
  if (sc.titleEnd[k] >= 0 || looksLikeVerb(form)) return false;
  if (form === 'علي' && isPrepositionAla(sc.words, k)) return false;
  // Nouns in ta marbuta (رئاسة، سفارة، إدارة) start phrases. A woman's name behind a title is
  // told from them by what follows: a masculine nisba ("د. نهلة الهبابي"), not a feminine
  // adjective ("رئاسة الجمهورية").
  if (form.endsWith('ه') && !isGiven(form) && !(titled && followedByNisba(sc, k))) return false;
  return !hasTanweenFath(sc.words, k);
}

function followedByNisba(sc: Scene, k: number): boolean {
  const n = k + 1 < sc.words.count && sc.words.gap[k + 1] === GAP_SPACE ? sc.words.form[k + 1] : '';
  return n.startsWith('ال') && n.endsWith('ي') && !isCommon(n) && !isStop(n);
}

/** An everyday noun in the accusative written without its tanween: "اتصالا", "هجوما". */
function isAccusativeNoun(form: string): boolean {
  return form.length > 3 && form.endsWith('ا') && isCommon(form.slice(0, -1));
}

/** A word behind a clitic that is an everyday word: "بوفد", "لدعم", "وقوات". */
function isCliticPhrase(form: string): boolean {
  for (const r of readings(form)) if (r.skip > 0 && r.form.length >= 2 && (isStop(r.form) || isCommon(r.form))) return true;
  return false;
}

/** Can word k continue a name begun before it? */
function canContinueName(sc: Scene, k: number): boolean {
  const f = sc.words.form[k];
  if (!isArabicWord(f) || f.length < 2 || isDefinite(f)) return false;
  // "ومحمد", "ودبلوماسي": a second person or an adjective joined by و, not the name going on.
  if ((f[0] === 'و' || f[0] === 'ف') && !isGiven(f)) return false;
  if (isStop(f) || isDescriptive(f) || (isCommon(f) && !isNameWord(f) && !isGiven(f))) return false;
  if (!isGiven(f) && (isCliticPhrase(f) || isAccusativeNoun(f))) return false;
  if (sc.titleEnd[k] >= 0 || (looksLikeVerb(f) && !isNameWord(f))) return false;
  if (f === 'علي' && isPrepositionAla(sc.words, k)) return false;
  return !hasTanweenFath(sc.words, k);
}

/**
 * Reads a name from word j (whose form behind its clitics is `firstForm`). A name runs over words
 * without the article and ends with the first word that has it, the family name or nisba
 * ("محمد شياع السوداني"), except in compounds ("عبد العزيز", "حسن نصر الله", "أبو مهدي المهندس").
 * It needs two words. `titled`: a title introduced it, so a nationality-like family name is allowed
 * right after the first name.
 */
function readName(sc: Scene, j: number, firstForm: string, skip: number, titled: boolean, priority: number): Candidate | null {
  const { words } = sc;
  const known = sc.lexAt[j];
  if (known && known.surface.kind === 'person' && !known.surface.family && known.last > j) {
    // A known name is taken as the lexicon has it ("يحيى سريع", not "يحيى سريع استهداف").
    return { kind: 'person', first: j, last: known.last, skip: known.skip, key: known.surface.key, priority };
  }
  if (!canStartName(sc, j, firstForm, titled)) return null;
  const forms = [firstForm];
  const max = titled ? MAX_NAME_TITLED : MAX_NAME_BARE;
  let last = j;
  // Links (عبد، أبو، بن) do not count towards the length: "أبو عبد الله الأنصاري" is a short name.
  const size = () => forms.reduce((n, f) => n + (NAME_LINKS.has(f) ? 0 : 1), 0);
  for (let k = j + 1; k < words.count && words.gap[k] === GAP_SPACE && size() < max; k++) {
    if (sc.titleEnd[k] >= 0) break;
    const lm = sc.lexAt[k];
    if (sc.entityEnd[k] >= 0 && !(lm && lm.surface.kind === 'person')) break;
    const f = words.form[k];
    const prev = forms[forms.length - 1];
    if (NAME_LINKS.has(prev) || COMPOUND_TAILS.has(f)) {
      // "عبد العزيز", "أبو مهدي", "بن سلمان", "نصر الله": the word after a link belongs to the name.
      if (!isArabicWord(f) || isStop(f)) break;
      forms.push(f);
      last = k;
      continue;
    }
    if (NAME_LINKS.has(f)) {
      const n = k + 1 < words.count && words.gap[k + 1] === GAP_SPACE ? words.form[k + 1] : '';
      if (!n || !isArabicWord(n) || isStop(n)) break;
      forms.push(f);
      continue; // the link is kept only with what follows it
    }
    if (f.startsWith('ال') && f.length > 3) {
      // A nisba may be an everyday adjective ("أبو علي العسكري"); an everyday noun is not a name.
      if (isStop(f) || isDescriptive(f) || (isCommon(f) && !isNameWord(f) && !f.endsWith('ي'))) break;
      if (!titled && forms.length < 2 && nationalityStem(f)) break; // "محمد العراقي" is not a name
      forms.push(f);
      last = k;
      // Gulf names run on through the fathers' names: "مشعل الأحمد الجابر الصباح".
      if (isGiven(f.slice(2))) continue;
      break;
    }
    if (!canContinueName(sc, k)) break;
    forms.push(f);
    last = k;
  }
  const used = forms.slice(0, last - j + 1);
  if (used.length < 2) return null;
  return { kind: 'person', first: j, last, skip, key: sc.lexicon.personKey(used), priority };
}

/**
 * The name after a title that ends at word t. Between them may stand what the title belongs to:
 * definite words ("رئيس الوزراء العراقي"), a known organisation or place ("المتحدث باسم الجيش
 * العراقي"), a lead word and a definite phrase ("القيادي في الإطار التنسيقي الحاكم في العراق"),
 * more titles ("الناطق باسم القائد العام للقوات المسلحة اللواء"). A quote, punctuation, a verb or
 * a function word ends the search without a name.
 */
function nameAfterTitle(sc: Scene, t: number): Candidate | null {
  const { words } = sc;
  let between = 0;
  let needDefinite = false;
  for (let j = t + 1; j < words.count && between <= MAX_BETWEEN;) {
    const gap = words.gap[j];
    if (gap === GAP_HARD) return null;
    if (gap === GAP_QUOTE && sc.entityEnd[j] < 0) return null;
    if (sc.titleEnd[j] >= 0) {
      j = sc.titleEnd[j] + 1;
      between = 0;
      needDefinite = false;
      continue;
    }
    const lm = sc.lexAt[j];
    if (lm && lm.surface.kind === 'person' && lm.surface.mode !== 'adjectival') {
      // A known person; behind a title even a guarded family name counts ("وزير الدفاع أوستن"),
      // unless it is the first name of a longer one ("قاسم الأعرجي", not نعيم قاسم).
      const longer = lm.surface.family ? readName(sc, j, words.form[j], 0, true, FROM_PATTERN) : null;
      if (longer && longer.last > lm.last) return longer;
      return { kind: 'person', first: j, last: lm.last, skip: lm.skip, key: lm.surface.key, priority: FROM_PATTERN };
    }
    if (sc.entityEnd[j] >= 0) {
      j = sc.entityEnd[j] + 1;
      between++;
      needDefinite = false;
      continue;
    }
    const f = words.form[j];
    if (LEADS.has(f)) {
      needDefinite = true;
      j++;
      between++;
      continue;
    }
    if (isDefinite(f)) {
      if (isStop(f) || isReporting(f)) return null;
      needDefinite = false;
      j++;
      between++;
      continue;
    }
    if (needDefinite) return null;
    const n = j + 1 < words.count && words.gap[j + 1] <= GAP_QUOTE ? j + 1 : -1;
    if ((f[0] === 'ل' || f[0] === 'ب') && f.length >= 4 && !isGiven(f) && n >= 0 && (isDefinite(words.form[n]) || sc.entityEnd[n] >= 0)) {
      // "لمحاربة داعش", "بشؤون الأمن": a complement that leads on to what follows (but "الفريق
      // بختيار محمد" is a name).
      needDefinite = true;
      j++;
      between++;
      continue;
    }
    if (isCommon(f) && j + 1 < words.count && words.gap[j + 1] === GAP_SPACE && (isDefinite(words.form[j + 1]) || sc.entityEnd[j + 1] >= 0)) {
      // A noun in construct: "شيخ عشائر الأنبار علي الحاتم".
      j++;
      between++;
      continue;
    }
    return readName(sc, j, f, 0, true, FROM_PATTERN);
  }
  return null;
}

/** "أبو فدك المحمداوي", "أبو عبيدة", "أبو عبد الله الأنصاري". */
function kunya(sc: Scene, i: number): Candidate | null {
  if (sc.lexAt[i]) return null; // "أبو ظبي", "أبو غريب" are places
  for (const r of sc.words.info[i].readings) {
    if (r.form === 'ابو') return readName(sc, i, r.form, r.skip, false, FROM_NAME);
  }
  return null;
}

/**
 * A known given name followed by more name words, with no title: "وأكد علي الأسدي". A given name
 * that is also an everyday word (حسن، باسم، سالم) counts only right after a reporting verb.
 */
function givenName(sc: Scene, i: number): Candidate | null {
  const { words } = sc;
  for (const r of words.info[i].readings) {
    if (!isGiven(r.form)) continue;
    if (isAmbiguousGiven(r.form)) {
      const p = prevWord(words, i);
      if (p < 0 || !isReporting(words.form[p])) return null;
    }
    return readName(sc, i, r.form, r.skip, false, FROM_NAME);
  }
  return null;
}

export function findPersons(sc: Scene, out: Candidate[]): void {
  for (let i = 0; i < sc.words.count; i++) {
    if (sc.titleEnd[i] >= 0) {
      const c = nameAfterTitle(sc, sc.titleEnd[i]);
      if (c) out.push(c);
      continue;
    }
    if (sc.inTitle[i]) continue;
    const facts = sc.facts[i];
    const c = (facts & FACT_KUNYA ? kunya(sc, i) : null) ?? (facts & FACT_GIVEN ? givenName(sc, i) : null);
    if (c) out.push(c);
  }
}
