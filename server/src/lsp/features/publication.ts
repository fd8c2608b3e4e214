// An article's publication date and outlet as a reviewer sets or corrects them: what the engine
// read and where from (the request behind "Sanad: Set Publication Date and Outlet…"), the
// correction saved in the article's label file (labels/, `publication`), and the code action on
// the article's first line that opens the command. The correction wins over the front matter, a
// manifest, the URL and the dateline; the server analyses the article again as soon as it is saved.
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { say } from '../uiText';
import type { IndexEntry, WorkspaceIndex } from '../workspaceIndex';
import type { LabelService } from '../labelService';
import type { PublicationInfo, SetPublicationParams } from '../../../../shared/src/protocol';
import { COMMANDS, command } from '../../../../shared/src/commands';
import { isCalendarDay } from '../../labels/labelSchema';
import { headlineRange } from '../../analysis/stories/headline';
import { reviewedOf } from '../../corpus/reviewedPublication';

/** An outlet's name is a line of text, not a paragraph. */
const MAX_OUTLET = 120;

/**
 * [start, end) of the article's first line of text: its headline, else its first line outside
 * boilerplate that has a few words (a date or a dateline alone is not it), else its first line.
 */
export function firstLineOf(entry: IndexEntry): { start: number; end: number } {
  const { text, analysis } = entry;
  const head = headlineRange(text, analysis.boilerplate, analysis.outlet);
  if (head) return { start: head[0], end: head[1] };
  let fallback: { start: number; end: number } | null = null;
  for (let at = 0; at < text.length;) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    const inBoilerplate = analysis.boilerplate.some((r) => at >= r.start && end <= r.end + 1);
    if (line.trim() && !inBoilerplate) {
      const span = { start: at, end: line.endsWith('\r') ? end - 1 : end };
      if (line.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length >= 3) return span;
      fallback ??= span;
    }
    at = end + 1;
  }
  return fallback ?? { start: 0, end: 0 };
}

export function publicationInfo(uri: string, index: WorkspaceIndex, labels: LabelService): PublicationInfo | null {
  const entry = index.get(uri);
  if (!entry) return null;
  const corrected = reviewedOf({ publication: labels.publication(uri) });
  return { uri, path: entry.path, published: entry.analysis.published, publishedFrom: entry.analysis.publishedFrom ?? null, outlet: entry.analysis.outlet, corrected };
}

/** Why the values cannot be saved, or null: a date must be a calendar day, an outlet one short line. */
function publicationProblem(p: SetPublicationParams): string | null {
  if (typeof p.published === 'string' && !isCalendarDay(p.published.trim())) return say('"{0}" is not a date: write it as YYYY-MM-DD, such as 2024-01-26.', p.published);
  if (typeof p.outlet === 'string') {
    const o = p.outlet.trim();
    if (!o) return say('The outlet is empty: leave it as it was, or clear it.');
    if (o.length > MAX_OUTLET || /[\r\n]/.test(o)) return say('The outlet is one short line of text.');
  }
  return null;
}

/** Saves the correction in the label file; the caller analyses the article again. */
export async function savePublication(p: SetPublicationParams, text: string, labels: LabelService): Promise<{ ok: boolean; message?: string }> {
  const problem = publicationProblem(p);
  if (problem) return { ok: false, message: problem };
  const change = {
    published: typeof p.published === 'string' ? p.published.trim() : p.published,
    outlet: typeof p.outlet === 'string' ? p.outlet.trim() : p.outlet,
  };
  const saved = await labels.setPublication(p.uri, text, change);
  return saved.ok ? { ok: true } : { ok: false, message: saved.message };
}

/** "Set publication date and outlet…" on the article's first line (or the file's first line). */
export function publicationCodeActions(doc: TextDocument, range: Range, index: WorkspaceIndex): CodeAction[] {
  const entry = index.get(doc.uri);
  if (!entry) return [];
  const first = firstLineOf(entry);
  const line = doc.positionAt(first.start).line;
  if (range.start.line !== line && range.start.line !== 0) return [];
  return [{ title: say('Sanad: Set publication date and outlet…'), kind: CodeActionKind.QuickFix, command: command(say('Set publication date and outlet…'), COMMANDS.setPublication, doc.uri) }];
}
