// The actor recogniser: persons, organisations and places in Arabic news, each mention carrying one
// entity key shared by every spelling of the same actor in every file.
//
// Four finders propose candidates over the words of the shadow text:
//   1. the lexicon (shipped lists, the workspace's additions, names learnt from the corpus), with
//      clitics (و ف ب ك ل, لل) read off the first word and each form's context rule checked;
//   2. organisation and place head nouns ("وزارة …", "محافظة …"; actorPatterns.ts);
//   3. names behind titles, kunyas and known given names (personNames.ts).
// Overlaps are settled longest first, so "وزارة الدفاع الأمريكية" is one organisation rather than
// "الدفاع", and "العراق" inside "المقاومة الإسلامية في العراق" is not a separate place.
import type { Shadow } from '../text/normalize';
import type { Found } from '../types';
import { GAP_SPACE, definiteCore, wordsOf } from '../lexicon/nameWords';
import { Lexicon, type LexMatch } from '../lexicon/lexicon';
import { isDefiniteNationality, isDescriptive, isLocative, isReporting, isStop } from '../lexicon/vocab';
import { FROM_LEXICON, makeScene, prevWord, type Candidate, type Scene } from './scene';
import { findOrganizations, findPlaces } from './patterns';
import { findPersons } from './personNames';

export { Lexicon } from '../lexicon/lexicon';

/** Does the context allow this lexicon form to count as a mention? See lexiconData.Mode. */
function contextAllows(sc: Scene, m: LexMatch): boolean {
  const { words } = sc;
  const s = m.surface;
  const p = prevWord(words, m.first);
  switch (s.mode) {
    case 'free':
      return true;
    case 'adjectival':
      // After a definite noun the word is its adjective ("الجيش السوداني", "اللون الرمادي"), unless
      // a clitic makes it a new noun: a conjunction ("إيران والسعودية") or a preposition ("بالقاهرة").
      if (m.clitic !== '') return true;
      if (p < 0) return true;
      // A feminine form after a masculine title is its object, not its adjective ("زار الوزير السعودية").
      if (sc.inTitle[p]) return words.form[m.last].endsWith('ه') !== words.form[p].endsWith('ه');
      return definiteCore(words.form[p]) === null;
    case 'guarded':
      if (s.kind === 'place') return m.clitic.endsWith('ب') || (p >= 0 && isLocative(words.form[p]));
      if (p >= 0 && (isReporting(words.form[p]) || sc.inTitle[p] === 1)) return true;
      // "رسول قال": the reporting verb after the name.
      return m.last + 1 < words.count && words.gap[m.last + 1] === GAP_SPACE && isReporting(words.form[m.last + 1]);
    case 'alone': {
      // "التحالف" alone is the coalition; "التحالف الكردستاني" is another body.
      const n = m.last + 1;
      if (n >= words.count || words.gap[n] !== GAP_SPACE) return true;
      const f = words.form[n];
      return definiteCore(f) === null || isStop(f) || isDescriptive(f);
    }
  }
}

function fromLexicon(sc: Scene, out: Candidate[]): void {
  const { words } = sc;
  for (let i = 0; i < words.count; i++) {
    const m = sc.lexAt[i];
    if (!m || !contextAllows(sc, m)) continue;
    let last = m.last;
    // "الحرس الثوري الإيراني": a nationality after an organisation's name belongs to the mention.
    if (m.surface.kind === 'organization') {
      while (last + 1 < words.count && words.gap[last + 1] === GAP_SPACE && isDefiniteNationality(words.form[last + 1])) last++;
    }
    out.push({ kind: m.surface.kind, first: i, last, skip: m.skip, key: m.surface.key, priority: FROM_LEXICON });
  }
}

/** Is the candidate, read behind its clitics, a form the workspace says never to mark? */
function isIgnored(sc: Scene, c: Candidate): boolean {
  if (!sc.lexicon.ignoresAny) return false;
  const rest = sc.words.form.slice(c.first + 1, c.last + 1);
  for (const r of sc.words.info[c.first].readings) {
    if (r.skip === c.skip && sc.lexicon.isIgnored([r.form, ...rest])) return true;
  }
  return false;
}

/** Keeps the longest of overlapping candidates; among equals the surest finder, then the first. */
function settle(sc: Scene, cands: Candidate[]): Candidate[] {
  const { words } = sc;
  const chars = (c: Candidate) => words.end[c.last] - words.start[c.first] - c.skip;
  cands.sort((a, b) => b.last - b.first - (a.last - a.first) || chars(b) - chars(a) || b.priority - a.priority || a.first - b.first);
  const taken = new Uint8Array(words.count);
  const kept: Candidate[] = [];
  for (const c of cands) {
    let free = true;
    for (let k = c.first; k <= c.last && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    if (isIgnored(sc, c)) continue;
    for (let k = c.first; k <= c.last; k++) taken[k] = 1;
    kept.push(c);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** Persons, organisations and places in the text, with offsets into the original text. */
export function findActors(shadow: Shadow, lexicon: Lexicon): Found[] {
  const words = wordsOf(shadow);
  if (words.count === 0) return [];
  const sc = makeScene(words, lexicon);
  const cands: Candidate[] = [];
  fromLexicon(sc, cands);
  findOrganizations(sc, cands);
  findPlaces(sc, cands);
  // Names behind titles may stand after an organisation or place ("المتحدث باسم الجيش العراقي
  // اللواء …"); the person finder steps over those, so it runs last.
  for (const c of cands) {
    if (c.kind !== 'person' && c.last > sc.entityEnd[c.first]) sc.entityEnd[c.first] = c.last;
  }
  findPersons(sc, cands);
  const out: Found[] = [];
  for (const c of settle(sc, cands)) {
    const [start, end] = shadow.span(words.start[c.first] + c.skip, words.end[c.last]);
    if (end > start) out.push({ kind: c.kind, start, end, entity: c.key });
  }
  return out;
}
