// What the actor recognisers share while reading one text: its words, where titles stand, what the
// lexicon knows at each word, and the candidates found so far. The finders (lexicon forms, head-noun
// patterns, names behind titles) add candidates; actors.ts settles overlaps between them.
import { GAP_HARD, originalOf, type Words } from '../lexicon/nameWords';
import type { Lexicon, LexMatch } from '../lexicon/lexicon';
import type { ActorKind } from '../types';
import { wordFacts } from '../lexicon/vocab';

/** A possible mention: words [first, last], the first read behind `skip` clitic letters. */
export interface Candidate {
  kind: ActorKind;
  first: number;
  last: number;
  skip: number;
  key: string;
  /** Breaks ties between candidates of the same length: a lexicon form beats a pattern guess. */
  priority: number;
}

export const FROM_LEXICON = 3;
export const FROM_PATTERN = 2;
export const FROM_NAME = 1;

export interface Scene {
  words: Words;
  lexicon: Lexicon;
  /** For a word that starts a title, the title's last word; else -1. */
  titleEnd: Int32Array;
  /** 1 for every word inside a title: such words are never actors ("القائم" in "القائم بأعمال"). */
  inTitle: Uint8Array;
  /** The longest lexicon form at each word, before any context check. */
  lexAt: Array<LexMatch | null>;
  /** For a word that starts an organisation or place candidate, its last word; else -1. */
  entityEnd: Int32Array;
  /** What each word may start (actorVocab.wordFacts). */
  facts: Uint8Array;
}

export function makeScene(words: Words, lexicon: Lexicon): Scene {
  const n = words.count;
  const titleEnd = new Int32Array(n).fill(-1);
  const inTitle = new Uint8Array(n);
  const lexAt: Array<LexMatch | null> = new Array(n);
  for (let i = 0; i < n; i++) lexAt[i] = lexicon.matchAt(words, i);
  for (let i = 0; i < n; i++) {
    if (inTitle[i]) continue;
    const t = lexicon.titleAt(words, i);
    if (!t) continue;
    // A known place or body that begins with a title word is that place ("الشيخ زويد").
    const m = lexAt[i];
    if (m && m.last > t[0] && m.surface.kind !== 'person') continue;
    titleEnd[i] = t[0];
    for (let k = i; k <= t[0]; k++) inTitle[k] = 1;
  }
  for (let i = 0; i < n; i++) if (inTitle[i]) lexAt[i] = null;
  const facts = new Uint8Array(n);
  for (let i = 0; i < n; i++) facts[i] = wordFacts(words.info[i]);
  return { words, lexicon, titleEnd, inTitle, lexAt, entityEnd: new Int32Array(n).fill(-1), facts };
}

/** The word before i when nothing but a space or a quote stands between them; else -1. */
export function prevWord(words: Words, i: number): number {
  return i > 0 && words.gap[i] < GAP_HARD ? i - 1 : -1;
}

/** The word after i when only a space separates them; else -1. */
export function nextWord(words: Words, i: number): number {
  return i + 1 < words.count && words.gap[i + 1] === 0 ? i + 1 : -1;
}

/**
 * A word written with tanween fath ("تحدياً", "مؤخراً") is an indefinite accusative: an adverb or
 * an object, never a name. The shadow drops the mark, so the original text is checked.
 */
export function hasTanweenFath(words: Words, i: number): boolean {
  return originalOf(words, i, i).includes('\u064b');
}

/** "على" and "علي" fold to the same letters; only the original spelling tells the preposition. */
export function isPrepositionAla(words: Words, i: number): boolean {
  return originalOf(words, i, i).includes('\u0649');
}
