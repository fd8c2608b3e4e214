// Code lenses above figures that other sources also report ("3 sources: 150+ · dozens · 200+"),
// and the figure part of hovers: what the other sources say about the same measure.
import type { CodeLens, Location } from 'vscode-languageserver/node';
import type { ClaimGroup } from '../../analysis/claims/contradictions';
import type { IndexEntry, WorkspaceIndex } from '../workspaceIndex';
import { locationOf, rangeOf } from './locations';
import { isolateParts } from './bidi';
import { fsi, ltr } from '../../../../shared/src/bidi';
import { COMMANDS, command } from '../../../../shared/src/commands';
import { basename } from 'node:path';

function othersOf(group: ClaimGroup, index: WorkspaceIndex): Location[] {
  return group.others.flatMap((o) => {
    const e = index.byPath(o.path);
    return e ? [locationOf(e, o.start, o.end)] : [];
  });
}

export function figureLenses(entry: IndexEntry, index: WorkspaceIndex): CodeLens[] {
  return index.claims.groupsIn(entry.path).map((g) => {
    const range = rangeOf(entry, g.claim.start, g.claim.end);
    // One value per source, this one first. VS Code draws a lens from the line's first character,
    // which on an Arabic line is at the right edge, so a long title is cut there: the full list is
    // also the tooltip, and the command opens every figure in a peek.
    return {
      range,
      command: { ...command(g.summary, COMMANDS.showFigureSources, entry.uri, range.start, othersOf(g, index)), tooltip: g.summary },
    };
  });
}

/** Markdown lines for a hover on a figure: each other source's figure, and whether it agrees. */
export function figureHoverLines(entry: IndexEntry, offset: number, index: WorkspaceIndex): string[] {
  const g = index.claims.groupAt(entry.path, offset);
  if (!g || g.others.length === 0) return [];
  // Compact: one short line per source, the value first, so the list fits without scrolling.
  const lines = ['', `**${g.sources} sources** on ${fsi(g.topic)}:`];
  for (const o of g.others.slice(0, 8)) {
    const who = o.outlet ?? basename(o.path);
    // Each piece isolated on its own: a parenthesis isolated as a whole takes the direction of the
    // outlet's first letter and, Arabic, draws "(outlet, 2024-01-26)" right to left.
    const when = o.date ? ltr(o.date) : 'undated';
    lines.push(`${o.agrees ? '✓' : '✗'} **${ltr(o.short)}** (${fsi(who)}, ${when})${o.agrees || !o.reason ? '' : ` — ${isolateParts(o.reason)}`}`);
  }
  if (g.others.length > 8) lines.push(`… and ${g.others.length - 8} more`);
  return lines;
}
