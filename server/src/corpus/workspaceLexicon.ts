// A workspace's own lexicon (.sanad/lexicon.yaml, format in docs/LEXICON.md), read from disk into
// a LexiconRecipe: the plain data every lexicon of the corpus is made from, on this thread and on
// the pool's workers alike. Read only in trusted workspaces, and only a regular file inside the
// workspace (a pipe or a link to /dev/zero planted there must not block or swallow the server).
// Problems are plain positions here; the language server turns them into diagnostics.
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lexiconFrom, type LexiconProblem, type LexiconRecipe } from '../analysis';
import { readRegularFile, reallyWithin, refusalText } from './regularFile';

export const WORKSPACE_LEXICON = '.sanad/lexicon.yaml';
const MAX_LEXICON_BYTES = 5 * 1024 * 1024;

export interface LexiconFileProblem {
  line: number;
  character: number;
  message: string;
}

export interface WorkspaceLexicon {
  recipe: LexiconRecipe;
  /** Problems per lexicon file URI (an empty list where a file is fine, so old ones are cleared). */
  problems: Map<string, LexiconFileProblem[]>;
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** A lexicon's text as plain data and its problems; the server's does it on the document thread. */
export type CheckLexicon = (text: string) => Promise<{ data: unknown; problems: LexiconProblem[] }>;

/** Lexicon files this large are parsed once, into the data every lexicon is then made from. */
const PARSE_ONCE_BYTES = 256 * 1024;

export async function readWorkspaceLexicon(roots: string[], trusted: boolean, check?: CheckLexicon): Promise<WorkspaceLexicon> {
  const recipe: LexiconRecipe = { workspace: [] };
  const problems = new Map<string, LexiconFileProblem[]>();
  if (!trusted) return { recipe, problems };
  for (const root of roots) {
    const path = join(root, ...WORKSPACE_LEXICON.split('/'));
    // A .sanad folder linked out of the workspace is not followed.
    if (!(await reallyWithin(dirname(path), root))) continue;
    const read = await readRegularFile(path, MAX_LEXICON_BYTES);
    if (!read.ok) {
      if (read.why !== 'missing') {
        const message =
          read.why === 'too-large' ? 'The workspace lexicon is larger than 5 MB; Sanad does not read it.' : `The workspace lexicon is ${refusalText(read, MAX_LEXICON_BYTES)}; Sanad does not read it.`;
        problems.set(pathToFileURL(path).toString(), [{ line: 0, character: 0, message }]);
      }
      continue;
    }
    const text = read.bytes.toString('utf8');
    let found: LexiconProblem[];
    if (check && read.bytes.length >= PARSE_ONCE_BYTES) {
      // A large file: parsed once (on another thread), and every lexicon made from its data, which
      // addWorkspace reads as it reads the text.
      const checked = await check(text);
      found = checked.problems;
      recipe.workspace.push(checked.data === null ? text : checked.data);
    } else {
      recipe.workspace.push(text);
      // Checked once here for the messages; each lexicon made from the recipe finds the same.
      found = lexiconFrom({ workspace: [text] }).problems[0];
    }
    problems.set(
      pathToFileURL(path).toString(),
      found.map((p) => ({ ...positionOf(text, p.offset ?? 0), message: p.message })),
    );
  }
  return { recipe, problems };
}
