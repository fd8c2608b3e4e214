// Where an export may be written: one rule for `sanad export` and for the editor's Export
// Annotations command, so that neither can write over an article, into the labels folder or into
// the workspace folder itself (a brat export there would replace every article with its copy).
import { promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';

export interface ExportTargetRules {
  /** The workspace (for the CLI, the current folder), as a real path. */
  root: string;
  /** Allow targets outside the root. */
  forceOutside: boolean;
  /** Allow replacing files that exist (never an article). */
  overwrite: boolean;
  /** Files never written over, whatever the flags: the articles (real paths). */
  articles: ReadonlySet<string>;
  /** Folders never written into: the labels folder (real paths). */
  folders: readonly string[];
  /** How a path is named in a message. */
  shown(abs: string): string;
  /** How the root is named: "the current folder" for the CLI, "the workspace folder" in the editor. */
  rootName: string;
  /** What to say after "outside …"; the CLI names its flag. */
  outsideHint: string;
}

function isOutside(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

export function isInside(child: string, parent: string): boolean {
  return !isOutside(relative(parent, child));
}

/** The real path of `abs`, following links of the part that exists, so a link cannot carry a write outside. */
export async function realish(abs: string): Promise<string> {
  const rest: string[] = [];
  let p = abs;
  for (;;) {
    try {
      return join(await fs.realpath(p), ...rest.reverse());
    } catch {
      const parent = dirname(p);
      if (parent === p) return abs;
      rest.push(basename(p));
      p = parent;
    }
  }
}

function outside(abs: string, rules: ExportTargetRules): string {
  return `${rules.shown(abs)}: outside ${rules.rootName}; ${rules.outsideHint}`;
}

/** Why the file `abs` may not be written, or undefined when it may. */
export async function fileRefusal(abs: string, rules: ExportTargetRules): Promise<string | undefined> {
  const real = await realish(abs);
  if (!rules.forceOutside && !isInside(real, rules.root)) return outside(abs, rules);
  if (rules.articles.has(real)) return `${rules.shown(abs)}: is one of the articles being exported; choose another place`;
  if (rules.folders.some((f) => isInside(real, f))) return `${rules.shown(abs)}: is inside the labels folder; choose another place`;
  const stat = await fs.lstat(abs).catch(() => null);
  if (stat?.isDirectory()) return `${rules.shown(abs)}: is a folder`;
  // A link, device or pipe would itself be replaced by the rename (as root, /dev/stdout was).
  if (stat && !stat.isFile()) return `${rules.shown(abs)}: is not a regular file (a link, device or pipe); choose another place`;
  if (stat && !rules.overwrite) return `${rules.shown(abs)}: already exists; pass --overwrite to replace it`;
  return undefined;
}

/** Why the folder `abs` may not receive a brat export (it may exist already), or undefined. */
export async function folderRefusal(abs: string, rules: ExportTargetRules): Promise<string | undefined> {
  const real = await realish(abs);
  if (!rules.forceOutside && !isInside(real, rules.root)) return outside(abs, rules);
  // Its .txt copies would land on the articles' own paths.
  if (real === rules.root) return `${rules.shown(abs)}: is ${rules.rootName} itself; the article copies would replace the articles. Choose a folder such as .sanad/brat`;
  if (rules.folders.some((f) => isInside(real, f))) return `${rules.shown(abs)}: is inside the labels folder; choose another place`;
  const stat = await fs.stat(abs).catch(() => null);
  if (stat && !stat.isDirectory()) return `${rules.shown(abs)}: exists and is not a folder`;
  return undefined;
}
