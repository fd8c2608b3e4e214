// Minimal glob matching for corpus patterns (`**/seeds/**/*.txt`, `*.news.txt`, `{a,b}`), on
// forward-slash paths relative to a workspace folder. A pattern with no slash matches the file name
// anywhere, as VS Code's files.associations does.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches any number of folders, including none.
        if (glob[i + 2] === '/') { re += '(?:.*/)?'; i += 2; } else { re += '.*'; i += 1; }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',' && re.lastIndexOf('(?:') > re.lastIndexOf(')')) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const full = new RegExp(`^${glob.includes('/') ? '' : '(?:.*/)?'}${re}$`, 'i');
  cache.set(glob, full);
  return full;
}

export function matchesAny(relPath: string, globs: readonly string[]): boolean {
  const p = relPath.replace(/\\/g, '/');
  return globs.some((g) => globToRegExp(g).test(p));
}

/**
 * Whether a file belongs to the corpus: its path relative to the workspace folder matches a glob,
 * or, for globs that start with `**\/`, its absolute path does. The second rule lets
 * `**\/seeds/**\/*.txt` hold when the workspace folder is `seeds/` itself, as VS Code's own
 * language association (which matches whole paths) already does.
 */
export function isCorpusPath(root: string, absolute: string, globs: readonly string[]): boolean {
  const rel = absolute.startsWith(root) ? absolute.slice(root.length).replace(/^[\\/]+/, '') : null;
  if (rel !== null && matchesAny(rel, globs)) return true;
  return matchesAny(absolute, globs.filter((g) => g.startsWith('**/')));
}
