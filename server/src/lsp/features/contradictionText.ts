// How a contradiction reads in the editor: the verdict first (a Problems row is cut at the right
// edge, and the verdict is what the reader needs), then the two figures by outlet rather than by
// file name, then the topic. One place, so that Problems, Ctrl+. and the status bar name a pair
// the same way.
import { say } from '../uiText';
import type { Contradiction } from '../../analysis';
import type { WorkspaceIndex } from '../workspaceIndex';
import { fsi, ltr } from '../../../../shared/src/bidi';
import { basename } from 'node:path';

export interface PairSide {
  path: string;
  start: number;
  end: number;
  /** "150+", "dozens": the figure as short as it reads. */
  short: string;
  /** The outlet, or the file's name when the article names none. */
  who: string;
  date: string | null;
}

export interface PairText {
  /** "dozens (20–99) cannot be more than 150". */
  verdict: string;
  mine: PairSide;
  theirs: PairSide;
  /** "150+ (إيلاف) vs dozens (إرم نيوز)", isolated for left-to-right widgets. */
  pair: string;
}

/** Stable identity of a pair within the workspace, whichever side it is seen from. */
export function pairId(c: Pick<Contradiction, 'a' | 'b'>): string {
  return `${c.a.path}:${c.a.start}:${c.a.end}|${c.b.path}:${c.b.start}:${c.b.end}`;
}

function side(index: WorkspaceIndex, s: { path: string; start: number; end: number }, short: string | undefined, outlet: string | null | undefined, date: string | null | undefined): PairSide {
  const entry = index.byPath(s.path);
  const who = outlet ?? entry?.analysis.outlet ?? basename(s.path);
  return { ...s, short: short ?? entry?.text.slice(s.start, s.end) ?? '?', who, date: date ?? entry?.analysis.published ?? null };
}

/** The verdict when the claim groups do not give one: what follows the engine's "…): ". */
function verdictOf(message: string): string {
  const i = message.lastIndexOf('): ');
  return i >= 0 ? message.slice(i + 3) : message;
}

/** The pair as seen from the document at FROM (its figure first). */
export function describePair(c: Contradiction, fromPath: string, index: WorkspaceIndex): PairText {
  const mineRaw = c.a.path === fromPath ? c.a : c.b;
  const theirsRaw = mineRaw === c.a ? c.b : c.a;
  // The two figures alone, not the whole group of mine (which every warning of a large corpus
  // would build again: quadratic).
  const found = index.claims.pairAt(mineRaw, theirsRaw);
  const claim = found?.claim;
  const other = found?.other ?? undefined;
  const mine = side(index, mineRaw, claim?.short, claim?.outlet, claim?.date);
  const theirs = side(index, theirsRaw, other?.short, other?.outlet, other?.date);
  const verdict = other?.reason ?? verdictOf(c.message);
  return { verdict, mine, theirs, pair: pairLine(mine, theirs, say('vs')) };
}

/** "150+ (إيلاف) vs dozens (إرم نيوز)", each piece isolated so it keeps its own order. */
function pairLine(mine: PairSide, theirs: PairSide, vs = 'vs'): string {
  const one = (s: PairSide) => `${ltr(s.short)} (${fsi(s.who)})`;
  return `${one(mine)} ${vs} ${one(theirs)}`;
}

/** "dozens (إرم نيوز, 2024-01-26)": the other side, for related information. */
export function sideLine(s: PairSide, undated = 'undated'): string {
  return `${ltr(s.short)} (${fsi(s.who)}, ${s.date ? ltr(s.date) : undated})`;
}
