// A workspace's own lexicon (.sanad/lexicon.yaml, format in docs/LEXICON.md) and the names
// annotators accepted: both are added to the shipped lexicons. Read only in trusted workspaces.
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { Lexicon } from '../analysis';
import type { TaughtName } from '../labels';
import { readRegularFile, reallyWithin, refusalText } from './regularFile';

export const WORKSPACE_LEXICON = '.sanad/lexicon.yaml';
const MAX_LEXICON_BYTES = 5 * 1024 * 1024;

export interface BuiltLexicon {
  lexicon: Lexicon;
  /** Problems per lexicon file URI (an empty list where a file is fine). */
  problems: Map<string, Diagnostic[]>;
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

export async function buildLexicon(roots: string[], trusted: boolean, taught: TaughtName[]): Promise<BuiltLexicon> {
  const lexicon = Lexicon.builtin();
  const problems = new Map<string, Diagnostic[]>();
  if (trusted) {
    for (const root of roots) {
      const path = join(root, ...WORKSPACE_LEXICON.split('/'));
      // A .sanad folder linked out of the workspace is not followed.
      if (!(await reallyWithin(dirname(path), root))) continue;
      // Only a regular file, by its size: a pipe or a link to /dev/zero planted here must not
      // block or swallow the server.
      const read = await readRegularFile(path, MAX_LEXICON_BYTES);
      if (!read.ok) {
        if (read.why !== 'missing') {
          problems.set(pathToFileURL(path).toString(), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: DiagnosticSeverity.Error, source: 'sanad', message: read.why === 'too-large' ? 'The workspace lexicon is larger than 5 MB; Sanad does not read it.' : `The workspace lexicon is ${refusalText(read, MAX_LEXICON_BYTES)}; Sanad does not read it.` }]);
        }
        continue;
      }
      const text = read.bytes.toString('utf8');
      const found = lexicon.addWorkspace(text);
      problems.set(
        pathToFileURL(path).toString(),
        found.map((p) => {
          const at = positionOf(text, p.offset ?? 0);
          return { range: { start: at, end: { line: at.line, character: at.character + 1 } }, severity: DiagnosticSeverity.Error, source: 'sanad', message: p.message };
        }),
      );
    }
  }
  // A corrected entity key makes the accepted spelling an alias of that entity.
  teachNames(lexicon, taught);
  return { lexicon, problems };
}

/** Adds the names annotators accepted to a lexicon; true when it learnt anything new. */
export function teachNames(lexicon: Lexicon, taught: readonly TaughtName[]): boolean {
  // All at once: the lexicon's indexes are rebuilt once, not once per name (10,000 names took 82 s).
  return lexicon.addAll(taught.map((t) => ({ kind: t.kind, name: t.entity, aliases: t.entity !== t.name ? [t.name] : [] })));
}
