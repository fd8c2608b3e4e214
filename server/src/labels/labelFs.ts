// The only module of the labels that touches the disk. Writes go to a temporary file in the same
// folder, are flushed to disk and renamed over the old file, so a crash leaves either the old
// file or the new one, never half of each. Saving is read-merge-write under a lock file: the file
// is read again just before writing and merged with what this window holds (labelMerge.ts), so
// two windows saving the same article keep both their work. A file that does not parse or breaks
// the schema is reported and left exactly as it is until a person fixes it.
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseLabelFile } from './labelSchema';
import { renderLabelFile } from './labelRender';
import { mergeLabelFiles } from './labelMerge';
import { articlePathFor, cleanRelativePath, DEFAULT_LABELS_FOLDER, LABEL_FILE_SUFFIX } from './labelPaths';
import { emptyLabelFile, type LabelFile, type Problem } from './labelTypes';
import { DEFAULT_MAX_BYTES } from './yamlSafety';

/** The parts of `node:fs/promises` used here; tests pass a wrapper to simulate failures. */
export type FsLike = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'mkdir' | 'stat' | 'readFile' | 'readdir'>;

export interface LabelFsOptions {
  fs?: FsLike;
  /** Label files larger than this are refused unread. */
  maxBytes?: number;
  /** A lock file older than this was left by a crashed process and is broken. */
  lockStaleMs?: number;
  /** How long a save waits for another save of the same file. */
  lockWaitMs?: number;
}

const DEFAULTS = { lockStaleMs: 5000, lockWaitMs: 6000 };

export type ReadResult =
  | { ok: true; file: LabelFile; /** The file's text; undefined when there is no file yet. */ text: string | undefined }
  | { ok: false; problems: Problem[] };

export type SaveResult =
  | { ok: true; file: LabelFile; written: boolean }
  | { ok: false; reason: 'invalid' | 'busy' | 'io'; problems: Problem[] };

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

function ioProblem(what: string, err: unknown): Problem {
  return { message: `${what}: ${err instanceof Error ? err.message : String(err)}`, line: 0, column: 0 };
}

/** Reads and checks a label file; a missing file is an empty one. */
export async function readLabelFile(path: string, options: LabelFsOptions = {}): Promise<ReadResult> {
  const fs = options.fs ?? nodeFs;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let text: string;
  try {
    const st = await fs.stat(path);
    if (st.size > maxBytes) {
      return { ok: false, problems: [{ message: `Label file is larger than ${Math.round(maxBytes / 1024)} KB; Sanad does not read it.`, line: 0, column: 0 }] };
    }
    text = await fs.readFile(path, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { ok: true, file: emptyLabelFile(), text: undefined };
    return { ok: false, problems: [ioProblem('Label file could not be read', err)] };
  }
  // An editor may have saved the file with a byte-order mark.
  const parsed = parseLabelFile(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { maxBytes });
  return parsed.ok ? { ok: true, file: parsed.file, text } : parsed;
}

/** Writes `data` to `path` through a temporary file in the same folder, fsync and rename. */
export async function writeFileAtomic(path: string, data: string, fs: FsLike = nodeFs): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const handle = await fs.open(tmp, 'wx');
  try {
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, path);
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined);
    throw err;
  }
  // Flush the folder too, so the rename itself survives a power cut (not possible on Windows).
  try {
    const d = await fs.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Best effort: the data is already safely in place.
  }
}

/**
 * Runs `fn` holding `.<name>.lock` beside the file (created exclusively). A lock older than `lockStaleMs` is taken
 * over; after `lockWaitMs` the result is 'busy'.
 */
export async function withLock<T>(path: string, fn: () => Promise<T>, options: LabelFsOptions = {}): Promise<{ ok: true; value: T } | { ok: false }> {
  const fs = options.fs ?? nodeFs;
  const staleMs = options.lockStaleMs ?? DEFAULTS.lockStaleMs;
  const deadline = Date.now() + (options.lockWaitMs ?? DEFAULTS.lockWaitMs);
  const lock = join(dirname(path), `.${basename(path)}.lock`);
  await fs.mkdir(dirname(path), { recursive: true });
  for (;;) {
    try {
      const h = await fs.open(lock, 'wx');
      try {
        await h.writeFile(`${process.pid} ${new Date().toISOString()}\n`, 'utf8');
      } finally {
        await h.close();
      }
      break;
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err;
    }
    try {
      const st = await fs.stat(lock);
      if (Date.now() - st.mtimeMs > staleMs) {
        await fs.unlink(lock).catch(() => undefined);
        continue;
      }
    } catch {
      continue; // released between our attempt and the stat
    }
    if (Date.now() > deadline) return { ok: false };
    await new Promise((r) => setTimeout(r, 15 + Math.random() * 20));
  }
  try {
    return { ok: true, value: await fn() };
  } finally {
    await fs.unlink(lock).catch(() => undefined);
  }
}

export interface SaveOptions extends LabelFsOptions {
  /** The version of the file this window last read or wrote: lets deletions merge (labelMerge.ts). */
  base?: LabelFile;
}

/**
 * Saves an article's labels: under the lock, re-reads the file, refuses to touch it if it is
 * broken, merges, and writes atomically only when the text changes. Returns the merged file,
 * which the caller keeps as its new state and as the `base` of its next save.
 */
export async function saveLabelFile(path: string, mine: LabelFile, options: SaveOptions = {}): Promise<SaveResult> {
  const fs = options.fs ?? nodeFs;
  try {
    // Nothing to say about an article with no label file: create neither the file nor its folder.
    if (!mine.labels.length && !mine.reviews.length && !(await exists(fs, path))) return { ok: true, file: mine, written: false };
    const locked = await withLock(path, async (): Promise<SaveResult> => {
      const current = await readLabelFile(path, options);
      if (!current.ok) return { ok: false, reason: 'invalid', problems: current.problems };
      const merged = mergeLabelFiles(options.base, mine, current.text === undefined ? undefined : current.file);
      // No file and nothing to say: do not litter the folder with empty label files.
      if (current.text === undefined && !merged.labels.length && !merged.reviews.length) return { ok: true, file: merged, written: false };
      const text = renderLabelFile(merged, current.text);
      if (text === current.text) return { ok: true, file: merged, written: false };
      await writeFileAtomic(path, text, fs);
      return { ok: true, file: merged, written: true };
    }, options);
    if (!locked.ok) return { ok: false, reason: 'busy', problems: [{ message: `Another save of ${basename(path)} is still running; try again.`, line: 0, column: 0 }] };
    return locked.value;
  } catch (err) {
    return { ok: false, reason: 'io', problems: [ioProblem('Label file could not be written', err)] };
  }
}

async function exists(fs: FsLike, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return false;
    throw err;
  }
}

export interface LoadedFolder {
  /** Label files by article path (workspace-relative). */
  labels: Map<string, LabelFile>;
  /** Broken label files by their own workspace-relative path. */
  problems: Map<string, Problem[]>;
}

/** Every label file under `<root>/<folder>`, for exports and for comparing two annotators' folders. */
export async function loadLabelFolder(root: string, folder: string = DEFAULT_LABELS_FOLDER, options: LabelFsOptions = {}): Promise<LoadedFolder> {
  const fs = options.fs ?? nodeFs;
  const base = cleanRelativePath(folder) ?? DEFAULT_LABELS_FOLDER;
  const out: LoadedFolder = { labels: new Map(), problems: new Map() };
  const walk = async (rel: string): Promise<void> => {
    let entries: Array<{ name: string; isDirectory(): boolean; isFile(): boolean }>;
    try {
      entries = await fs.readdir(join(root, ...rel.split('/')), { withFileTypes: true });
    } catch (err) {
      if (errorCode(err) !== 'ENOENT') out.problems.set(rel, [ioProblem('Folder could not be read', err)]);
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue; // temporary files and lock files
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile() && e.name.endsWith(LABEL_FILE_SUFFIX)) {
        const article = articlePathFor(child, base);
        if (!article) continue;
        const read = await readLabelFile(join(root, ...child.split('/')), options);
        if (read.ok) out.labels.set(article, { ...read.file, article: read.file.article ?? article });
        else out.problems.set(child, read.problems);
      }
    }
  };
  await walk(base);
  return out;
}
