// The disk side of `sanad export`, `import` and `compare`: which articles to read, which label
// files go with them, and where an export may be written. The current folder stands for the
// workspace: article paths are relative to it, labels mirror those paths, and exports stay inside
// it unless the user says otherwise, because a mistyped `--out ../..` should not scatter files.
import { promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { listArticles, readArticle, type ReadResult } from '../corpus/articleFiles';
import { cleanRelativePath, type LabelFile, type Problem } from '../labels';
import { loadLabelFolder } from '../labels/labelFs';
import { fileRefusal, folderRefusal, realish, type ExportTargetRules } from '../labels/exportTargets';
import { printable } from '../format/printable';

export { printable };

/** A line on stderr, prefixed like every message of the CLI. */
export function say(line: string): void {
  process.stderr.write(`sanad: ${line}\n`);
}

let pipeWatched = false;
let stdoutError: string | null = null;

/**
 * Why writing to stdout failed (a full disk, a closed descriptor), or null. A reader that stopped
 * early (EPIPE) is not a failure: `sanad export . | head` is normal.
 */
export function stdoutFailure(): string | null {
  return stdoutError;
}

function stdoutFailed(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE' || stdoutError !== null) return;
  stdoutError = err.message;
  say(`writing the output failed: ${err.message}`);
}

/** Writes to stdout and waits until it is flushed. */
export function writeStdout(text: string | Uint8Array): Promise<void> {
  if (!pipeWatched) {
    pipeWatched = true;
    process.stdout.on('error', stdoutFailed);
  }
  return new Promise((done) => {
    try {
      process.stdout.write(text, (err) => {
        if (err) stdoutFailed(err);
        done();
      });
    } catch (err) {
      // stdout on a file writes synchronously and may throw (ENOSPC on a full disk).
      stdoutFailed(err as NodeJS.ErrnoException);
      done();
    }
  });
}

/** A path as messages show it: relative to the current folder when it is inside it, escaped. */
export function shown(abs: string): string {
  const r = relative(process.cwd(), abs);
  return printable(r === '' ? '.' : isOutside(r) ? abs : r);
}

/** An article's path in exports and in the labels folder: relative to the current folder, `/`-separated. */
export function workspacePath(abs: string): string {
  const r = relative(process.cwd(), abs);
  return r === '' ? abs : r.split(sep).join('/');
}

function isOutside(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

export function isInside(child: string, parent: string): boolean {
  return !isOutside(relative(parent, child));
}

export interface Article {
  /** Workspace path, as the analysis and the labels name it. */
  path: string;
  abs: string;
  /** The text as the editor holds it: byte-order mark removed. */
  text: string;
  /** Its place among every file named (read or not): the corpus order, the same in every shard. */
  index: number;
}

export interface ReadArticles {
  articles: Article[];
  /** Files and folders that were named but could not be read; each already reported. */
  failed: number;
  /** Workspace paths of the folders named ('' for the current folder): their label files belong to the export. */
  folders: string[];
}

/**
 * The articles named on the command line, folders read recursively for *.txt, as `sanad analyze`
 * reads them. With `take`, each article is handed to it in order as soon as it and those before
 * it are read, and not kept in `articles`: a large corpus is then never held as strings. With
 * `keep`, only the files it keeps (by absolute path and place in the list) are read (a shard).
 */
export async function readArticles(
  paths: readonly string[],
  maxBytes: number,
  take?: (article: Article) => void,
  beforeReading?: (files: string[]) => Promise<void>,
  keep?: (abs: string, index: number) => boolean,
): Promise<ReadArticles> {
  const out: ReadArticles = { articles: [], failed: 0, folders: [] };
  const files: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    const stat = await fs.stat(abs).catch(() => null);
    if (!stat) {
      out.failed++;
      say(`${printable(p)}: no such file or folder`);
    } else if (stat.isDirectory()) {
      files.push(
        ...(await listArticles(abs, ['**/*.txt'], MAX_FILES, (problem) => {
          out.failed++;
          if (problem.kind === 'unreadable') say(`${shown(problem.folder)}: folder skipped, it cannot be read (${problem.code})`);
          else say(`${printable(p)}: stopped after ${problem.limit.toLocaleString('en')} files; the rest of the folder was not read (name its sub-folders one by one)`);
        })),
      );
      const rel = relative(process.cwd(), abs);
      out.folders.push(rel === '' ? '' : rel.split(sep).join('/'));
    } else files.push(abs);
  }
  const unique = [...new Set(files)];
  await beforeReading?.(unique);
  // Several reads in flight (one at a time, 10,000 small files take seconds); taken in order.
  const reads: Array<ReadResult | 'skipped' | undefined> = new Array(unique.length);
  let done = 0;
  const settle = () => {
    for (let read = reads[done]; read; read = reads[done]) {
      const abs = unique[done];
      const index = done;
      reads[done++] = undefined;
      if (read === 'skipped') continue;
      if (!read.ok) {
        out.failed++;
        say(`${shown(abs)}: skipped, ${read.reason}`);
      } else if (take) take({ path: workspacePath(abs), abs, text: read.text, index });
      else out.articles.push({ path: workspacePath(abs), abs, text: read.text, index });
    }
  };
  let next = 0;
  const reader = async () => {
    while (next < unique.length) {
      const i = next++;
      reads[i] = keep && !keep(unique[i], i) ? 'skipped' : await readArticle(unique[i], maxBytes);
      settle();
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, unique.length) }, reader));
  return out;
}

const READS_IN_FLIGHT = 32;
/** The most files one folder named on the command line gives (a bound on mistaken runs over `/`). */
const MAX_FILES = Number(process.env.SANAD_MAX_FILES) > 0 ? Number(process.env.SANAD_MAX_FILES) : 100_000;

/** Whether a label file's article lies under one of the folders named. */
export function underFolders(path: string, folders: readonly string[]): boolean {
  return folders.some((f) => f === '' || path === f || path.startsWith(`${f}/`));
}

export interface LoadedLabels {
  labels: Map<string, LabelFile>;
  /** Label files (or folders) that could not be read; each already reported with its problems. */
  broken: number;
  abs: string;
}

const SHOWN_PROBLEMS = 5;

/**
 * The label files under `dir`, keyed by the article paths they mirror. A missing folder is an
 * empty one unless `mustExist`; a broken file is named with line:column (1-based, as editors and
 * compilers show them) and each of its problems, and left out.
 */
export async function loadLabels(dir: string, mustExist: boolean): Promise<LoadedLabels | string> {
  const abs = resolve(dir);
  const stat = await fs.stat(abs).catch(() => null);
  if (stat && !stat.isDirectory()) return `${printable(dir)}: not a folder`;
  if (!stat) return mustExist ? `${printable(dir)}: no such folder` : { labels: new Map(), broken: 0, abs };
  // The folder is loaded from its parent so that any folder, even one outside the current folder, can be named.
  const name = basename(abs);
  if (!cleanRelativePath(name)) return `${printable(dir)}: cannot be used as a labels folder`;
  const loaded = await loadLabelFolder(dirname(abs), name);
  for (const [rel, problems] of loaded.problems) reportProblems(join(dirname(abs), ...rel.split('/')), problems);
  return { labels: loaded.labels, broken: loaded.problems.size, abs };
}

/** `file:line:column: message` for each problem (0-based positions become 1-based), a few per file. */
export function reportProblems(file: string, problems: readonly Problem[], what = 'not read'): void {
  const name = shown(file);
  for (const p of problems.slice(0, SHOWN_PROBLEMS)) say(`${name}:${p.line + 1}:${p.column + 1}: ${p.message}`);
  if (problems.length > SHOWN_PROBLEMS) say(`${name}: … and ${problems.length - SHOWN_PROBLEMS} more problem(s)`);
  say(`${name}: ${what}; fix the file and run the command again`);
}

export interface WriteRules {
  /** Allow targets outside the current folder. */
  forceOutside: boolean;
  /** Allow replacing files that exist. */
  overwrite: boolean;
  /** Files never written over, whatever the flags: the articles read (real paths). */
  articles: ReadonlySet<string>;
  /** Folders never written into: the labels folder (real paths). */
  folders: readonly string[];
}

// The rule itself is shared with the editor's export command (labels/exportTargets.ts).
export { realish } from '../labels/exportTargets';

async function targetRules(rules: WriteRules): Promise<ExportTargetRules> {
  return {
    ...rules,
    root: await realish(process.cwd()),
    shown,
    rootName: 'the current folder',
    outsideHint: 'exports stay inside it unless you pass --force-outside',
  };
}

/** Why `abs` may not be written, or undefined when it may. */
export async function refusalFor(abs: string, rules: WriteRules): Promise<string | undefined> {
  return fileRefusal(abs, await targetRules(rules));
}

/** Why the folder `abs` may not receive an export (it may exist already), or undefined. */
export async function folderRefusalFor(abs: string, rules: WriteRules): Promise<string | undefined> {
  return folderRefusal(abs, await targetRules(rules));
}
