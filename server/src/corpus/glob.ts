// Which files belong to the corpus: `**/seeds/**/*.txt`, `**/*.news.txt` and the globs of
// `sanad.files.include`, matched with picomatch on forward-slash paths relative to a workspace
// folder. Brace lists are expanded first (`braces`), so each alternative may hold folders
// (`{**/seeds/*.txt,*.news.txt}`); an alternative with no slash names a file anywhere, as VS
// Code's files.associations does.
//
// Globs come from workspace settings (honoured in Restricted Mode). picomatch compiles them to
// regular expressions that backtrack: each `*` in one path segment multiplies the work on a long
// name (three took 0.2 s per 250-character name, four never finished), and parentheses make
// groups that backtrack without bound ("(a+)+b"). So a glob is honoured only within the limits
// below (globProblem says why not); a glob that fails to compile ("{", "[") matches nothing
// rather than stopping the index.
import picomatch from 'picomatch';
import braces from 'braces';
import { relative } from 'node:path';
import { isWithin } from './regularFile';

const MAX_GLOB_LENGTH = 500;
const MAX_STARS_PER_SEGMENT = 2;
const MAX_GLOBSTARS = 3;
/** Brace lists: at most this many groups, commas and expanded alternatives. */
const MAX_BRACE_GROUPS = 4;
const MAX_BRACE_COMMAS = 32;
const MAX_ALTERNATIVES = 64;

type Matcher = (path: string) => boolean;
const cache = new Map<string, { matcher: Matcher | null; problem: string | null }>();

/** Why a glob is not honoured, or null when it is. */
export function globProblem(glob: string): string | null {
  return compiled(glob).problem;
}

function compiled(glob: string): { matcher: Matcher | null; problem: string | null } {
  let c = cache.get(glob);
  if (c) return c;
  c = compile(glob);
  if (cache.size > 1000) cache.clear();
  cache.set(glob, c);
  return c;
}

function compile(glob: string): { matcher: Matcher | null; problem: string | null } {
  if (glob.trim().length === 0) return { matcher: null, problem: 'it is empty' };
  if (glob.length > MAX_GLOB_LENGTH) return { matcher: null, problem: `it is longer than ${MAX_GLOB_LENGTH} characters` };
  if (/[()]/.test(glob)) return { matcher: null, problem: 'it has parentheses (extended globs are not supported)' };
  if ((glob.match(/\{/g)?.length ?? 0) > MAX_BRACE_GROUPS || (glob.match(/,/g)?.length ?? 0) > MAX_BRACE_COMMAS) {
    return { matcher: null, problem: `it has more than ${MAX_BRACE_GROUPS} brace lists or ${MAX_BRACE_COMMAS} alternatives` };
  }
  let alternatives: string[];
  try {
    alternatives = braces(glob, { expand: true, rangeLimit: MAX_ALTERNATIVES });
  } catch {
    return { matcher: null, problem: 'its brace list does not expand' };
  }
  if (alternatives.length > MAX_ALTERNATIVES) return { matcher: null, problem: `its brace lists give more than ${MAX_ALTERNATIVES} alternatives` };
  const matchers: Matcher[] = [];
  for (const alt of alternatives) {
    const segments = alt.split('/');
    if (segments.filter((s) => s === '**').length > MAX_GLOBSTARS) return { matcher: null, problem: `it has more than ${MAX_GLOBSTARS} "**"` };
    // A run of stars inside a segment is one star.
    const tidy = segments.map((s) => (s === '**' ? s : s.replace(/\*+/g, '*')));
    if (tidy.some((s) => s !== '**' && s.split('*').length - 1 > MAX_STARS_PER_SEGMENT)) {
      return { matcher: null, problem: `a part between slashes has more than ${MAX_STARS_PER_SEGMENT} "*"` };
    }
    const pattern = alt.includes('/') ? tidy.join('/') : `**/${tidy[0]}`;
    try {
      matchers.push(picomatch(pattern, { nocase: true, dot: true, strictBrackets: true, noextglob: true, nobrace: true }));
    } catch (err) {
      return { matcher: null, problem: `it is not a valid glob (${err instanceof Error ? err.message : String(err)})` };
    }
  }
  return { matcher: (p) => matchers.some((m) => m(p)), problem: null };
}

export function matchesAny(relPath: string, globs: readonly string[]): boolean {
  const p = relPath.replace(/\\/g, '/');
  return globs.some((g) => compiled(g).matcher?.(p) ?? false);
}

/**
 * Whether ABSOLUTE lies in a hidden folder under ROOT (`.sanad/`, the tool's own output, `.git/`,
 * …). Such files are never corpus, whether listed, reported by the watcher or opened in the
 * editor: a brat export under .sanad/brat mirrors seeds/… and would otherwise come back as a
 * second copy of each article. (Only folders: a file named "..x.news.txt" at the root is an
 * article like any other.)
 */
export function inHiddenFolder(root: string, absolute: string): boolean {
  if (!isWithin(absolute, root)) return false;
  return relative(root, absolute)
    .split(/[\\/]/)
    .slice(0, -1)
    .some((segment) => segment.startsWith('.'));
}

/**
 * Whether a file belongs to the corpus: its path relative to the workspace folder matches a glob,
 * or, for globs that start with `**\/`, its absolute path does. The second rule lets
 * `**\/seeds/**\/*.txt` hold when the workspace folder is `seeds/` itself, as VS Code's own
 * language association (which matches whole paths) already does.
 */
export function isCorpusPath(root: string, absolute: string, globs: readonly string[]): boolean {
  if (inHiddenFolder(root, absolute)) return false;
  // Inside by path components: `/w/seeds2/x.txt` is not inside `/w/seeds`.
  const rel = isWithin(absolute, root) ? relative(root, absolute) : null;
  if (rel !== null && matchesAny(rel, globs)) return true;
  return matchesAny(
    absolute,
    globs.filter((g) => g.startsWith('**/')),
  );
}
