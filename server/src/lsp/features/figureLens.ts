// Code lenses above figures that other sources also report ("3 sources ⚠", the values as tooltip),
// and the figure part of hovers: what the other sources say about the same measure.
import { count, say } from '../uiText';
import type { CodeLens } from 'vscode-languageserver/node';
import type { ClaimGroup } from '../../analysis/claims/contradictions';
import type { IndexEntry, WorkspaceIndex } from '../workspaceIndex';
import { rangeOf } from './locations';
import { isolateParts } from './bidi';
import { fsi, ltr } from '../../../../shared/src/bidi';
import { COMMANDS, command } from '../../../../shared/src/commands';
import { basename } from 'node:path';

/** "3 sources: 150+ · dozens · 200+", the count agreeing with its noun in the UI language. */
function lensTooltip(g: ClaimGroup): string {
  const values = g.summary.slice(g.summary.indexOf(': ') + 2);
  return `${count(g.sources, '{0} source', '{0} sources')}: ${values}`;
}

/**
 * VS Code keeps a lens inside the text area by moving it left until its right edge meets the edge
 * of the lines' layer; but that layer runs on under the minimap by the width of the vertical
 * scrollbar (14 px), where the text never goes. A lens at the right end of an Arabic line's first
 * row was pushed against that edge and its last 8 px were under the minimap ("150+" read "150",
 * "⚠" vanished). A blank icon after the title takes that strip, so the words end before it.
 */
const LENS_END_PAD = ' $(blank)';

/** "3 sources ⚠" (some disagree) or "3 sources ✓": short enough to fit where an Arabic line starts. */
function lensTitle(g: ClaimGroup): string {
  return `${count(g.sources, '{0} source', '{0} sources')} ${g.others.some((o) => !o.agrees) ? '⚠' : '✓'}${LENS_END_PAD}`;
}

export function figureLenses(entry: IndexEntry, index: WorkspaceIndex): CodeLens[] {
  return index.claims.groupsIn(entry.path).map((g) => {
    const range = rangeOf(entry, g.claim.start, g.claim.end);
    // VS Code draws a lens from the line's first character, which on an Arabic line is near the
    // right edge: a long title ("3 sources: 150+ · dozens · 200+") is pushed left across the row.
    // The title is short; the values are the tooltip, and the command opens the claim view.
    return {
      range,
      command: { ...command(lensTitle(g), COMMANDS.showClaim, entry.uri, range.start), tooltip: lensTooltip(g) },
    };
  });
}

/** Markdown lines for a hover on a figure: each other source's figure, and whether it agrees. */
export function figureHoverLines(entry: IndexEntry, offset: number, index: WorkspaceIndex): string[] {
  const g = index.claims.groupAt(entry.path, offset);
  if (!g || g.others.length === 0) return [];
  // Compact: one short line per source, the value first, so the list fits without scrolling.
  const lines = ['', `**${count(g.sources, '{0} source', '{0} sources')}** ${say('on')} ${fsi(g.topic)}:`];
  for (const o of g.others.slice(0, 8)) {
    const who = o.outlet ?? basename(o.path);
    // Each piece isolated on its own: a parenthesis isolated as a whole takes the direction of the
    // outlet's first letter and, Arabic, draws "(outlet, 2024-01-26)" right to left.
    const when = o.date ? ltr(o.date) : say('undated');
    lines.push(`${o.agrees ? '✓' : '✗'} **${ltr(o.short)}** (${fsi(who)}, ${when})${o.agrees || !o.reason ? '' : ` — ${isolateParts(o.reason)}`}`);
  }
  if (g.others.length > 8) lines.push(say('… and {0} more', g.others.length - 8));
  return lines;
}
