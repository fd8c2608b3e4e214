// Words around a figure that narrow what it counts, read from the article text when the caller
// has it: whose soldiers ("ثلاثة جنود أمريكيين"), whose attacks ("ضربات أمريكية"), aimed at whom
// ("على القواعد والقوات الأميركية"), and figures about "others" ("مئات العسكريين من دول أخرى").
// Without them 3 US soldiers would be compared with 2 Israeli ones. The lists are in
// lexicons/claim-qualifiers.yaml.
import data from '../lexicons/claim-qualifiers.yaml';
import { fold } from '../text/normalize';

export interface Qualifiers {
  /** Nationalities right after the counted noun: whose soldiers, or whose strikes. */
  of: string[] | null;
  /** Nationalities of the forces an attack was aimed at (measures with a target only). */
  on: string[] | null;
  /** The figure counts "others" or "foreigners": it is never compared. */
  contrastive: boolean;
}

export const NO_QUALIFIERS: Qualifiers = { of: null, on: null, contrastive: false };

interface Lists {
  nations: Map<string, string>;
  nationWords: Map<string, string>;
  contrastive: string[];
  targets: Set<string>;
  targetLinks: Set<string>;
  /** State names, folded; a name of two words is stored with a space. */
  states: Map<string, string>;
  agentVerbs: Set<string>;
  forces: Set<string>;
}

const lists: Lists = load();

function load(): Lists {
  const root = (data ?? {}) as Record<string, unknown>;
  const nations = new Map<string, string>();
  for (const [nation, stems] of entries(root.nations)) {
    for (const stem of strings(stems)) {
      const s = fold(stem);
      for (const ending of ['', 'ين', 'ون', 'ه', 'ا', 'ان']) {
        nations.set(s + ending, nation);
        nations.set('ال' + s + ending, nation);
      }
    }
  }
  const nationWords = new Map<string, string>();
  for (const [nation, ws] of entries(root.nationWords)) for (const w of strings(ws)) nationWords.set(fold(w), nation);
  const contrastive = strings(root.contrastive).map(fold);
  const targets = new Set(strings(root.targets).map(fold));
  const states = new Map<string, string>();
  for (const [nation, ws] of entries(root.states)) for (const w of strings(ws)) states.set(fold(w), nation);
  const set = (v: unknown) => new Set(strings(v).map(fold));
  return { nations, nationWords, contrastive, targets, targetLinks: set(root.targetLinks), states, agentVerbs: set(root.agentVerbs), forces: set(root.forces) };
}

function entries(v: unknown): Array<[string, unknown]> {
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v as Record<string, unknown>) : [];
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** How far past a figure a sentence is read, in UTF-16 units and in words. */
const MAX_CHARS = 400;
const MAX_WORDS = 30;
const SENTENCE_END = /[!?؟\n؛;]|\.(?!\d)/;

/** Words and single punctuation marks of the folded text. */
function tokens(s: string): string[] {
  return fold(s).match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** The word without one leading clitic; "للتحالف" reads as "التحالف". */
function bare(t: string): string[] {
  const out = [t];
  if (t.startsWith('لل') && t.length > 3) out.push('ال' + t.slice(2));
  if (/^[وفبل]/.test(t) && t.length > 2) out.push(t.slice(1));
  if (t.startsWith('وال') || t.startsWith('فال') || t.startsWith('بال')) out.push(t.slice(1));
  return out;
}

function lookup(map: Map<string, string>, t: string): string | undefined {
  for (const b of bare(t)) {
    const hit = map.get(b);
    if (hit) return hit;
  }
  return undefined;
}

function isTarget(t: string): boolean {
  return bare(t).some((b) => lists.targets.has(b));
}

/** Nationalities in a run "أمريكيين" or "الأمريكية والإسرائيلية" starting at `i`. */
function nationRun(ts: string[], i: number): string[] {
  const out: string[] = [];
  for (let k = i; k < ts.length; k++) {
    const n = lookup(lists.nations, ts[k]);
    if (!n || (k > i && !ts[k].startsWith('و'))) break;
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * The attacker named right before a figure after a verb of carrying out: "نفذت القوات
 * الأمريكية عشرات الضربات", "شنت واشنطن 20 ضربة". Empty unless the verb is found within a few
 * words, with only forces nouns, nationalities and state names between it and the figure.
 */
function agentBefore(ts: string[]): string[] {
  const out: string[] = [];
  for (let i = ts.length - 1, steps = 0; i >= 0 && steps < 5; i--, steps++) {
    const t = ts[i];
    if (bare(t).some((b) => lists.agentVerbs.has(b))) return out;
    const nation = lookup(lists.nations, t);
    const pair = i > 0 ? lookup(lists.states, `${ts[i - 1]} ${t}`) : undefined;
    const state = pair ?? lookup(lists.states, t);
    if (pair) i--;
    const n = nation ?? state;
    if (n) {
      if (!out.includes(n)) out.push(n);
    } else if (!bare(t).some((b) => lists.forces.has(b))) break;
  }
  return [];
}

/** How far before a figure "بين الحجاج الأردنيين" is looked for, in UTF-16 units. */
const AMONG_CHARS = 150;

/**
 * "عدد الوفيات بين الحجاج الأردنيين … وصل إلى 14 شخصاً": the nationality of the people a toll
 * is counted among, named before the figure in its sentence (a noun or two after "بين", then
 * the nationality).
 */
function amongBefore(text: string, start: number): string[] {
  const lead = text.slice(Math.max(0, start - AMONG_CHARS), start);
  const cut = Math.max(lead.lastIndexOf('\n'), lead.search(/[.!?؟؛;][^.!?؟؛;]*$/));
  const ts = tokens(cut >= 0 ? lead.slice(cut + 1) : lead);
  for (let i = ts.length - 1; i >= 0; i--) {
    if (ts[i] !== 'بين' && ts[i] !== 'وبين') continue;
    for (let k = i + 1; k <= i + 3 && k < ts.length; k++) {
      const run = nationRun(ts, k);
      if (run.length) return run;
    }
    return [];
  }
  return [];
}

/**
 * Reads the qualifiers of the figure at [start, end) of `text`. `target` asks for the forces
 * an attack was aimed at. Never throws; unknown parts are null.
 */
export function readQualifiers(text: string, start: number, end: number, target: boolean): Qualifiers {
  if (start < 0 || end > text.length || end <= start) return NO_QUALIFIERS;
  let tail = text.slice(end, Math.min(text.length, end + MAX_CHARS));
  const stop = SENTENCE_END.exec(tail);
  if (stop) tail = tail.slice(0, stop.index);
  const after = tokens(tail).slice(0, MAX_WORDS * 2);
  const own = tokens(text.slice(start, end));

  const head = after.slice(0, 4).join(' ');
  const contrastive = lists.contrastive.some((c) => head === c || head.startsWith(c + ' '));

  // The adjective may be inside the figure's span or right after it; an attacker may also be
  // named before it.
  let of = nationRun(after, 0);
  // "60 حاجاً أردنياً على الأقل": the adjective inside the figure's span, before its hedge.
  for (let i = own.length - 1; !of.length && i > 0; i--) of = nationRun(own, i);
  if (!of.length) of = amongBefore(text, start);
  if (target) {
    const lead = text.slice(Math.max(0, start - MAX_CHARS / 2), start);
    const cut = Math.max(lead.lastIndexOf('\n'), lead.search(/[.!?؟؛;][^.!?؟؛;]*$/));
    for (const n of agentBefore(tokens(cut >= 0 ? lead.slice(cut + 1) : lead))) if (!of.includes(n)) of.push(n);
  }

  const on: string[] = [];
  if (target) {
    let words = 0;
    for (let i = 0; i < after.length && words < MAX_WORDS; i++) {
      if (/^[\p{L}\p{N}]/u.test(after[i])) words++;
      if (!isTarget(after[i])) continue;
      // "القواعد والقوات الأميركية وقوات التحالف": target nouns and nationalities, chained by و.
      for (let k = i + 1; k < after.length; k++) {
        const t = after[k];
        const n = lookup(lists.nations, t) ?? lookup(lists.nationWords, t);
        if (n) {
          if (!on.includes(n)) on.push(n);
        } else if (!isTarget(t) && !bare(t).some((b) => lists.targetLinks.has(b))) break;
      }
      break;
    }
  }
  return { of: of.length ? of.sort() : null, on: on.length ? on.sort() : null, contrastive };
}
