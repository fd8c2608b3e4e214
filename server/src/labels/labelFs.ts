// The only module of the labels that touches the disk. Writes go to a temporary file in the same
// folder, are flushed to disk and renamed over the old file, so a crash leaves either the old
// file or the new one, never half of each. Saving is read-merge-write under a lock file: the file
// is read again just before writing and merged with what this window holds (labelMerge.ts), so
// two windows saving the same article keep both their work. A file that does not parse or breaks
// the schema is reported and left exactly as it is until a person fixes it.
import * as nodeFs from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { readRegularFile, reallyWithin, refusalText } from '../corpus/regularFile';
import { parseLabelFile } from './labelSchema';
import { renderLabelFile } from './labelRender';
import { mergeLabelFiles } from './labelMerge';
import { articlePathFor, cleanRelativePath, DEFAULT_LABELS_FOLDER, LABEL_FILE_SUFFIX } from './labelPaths';
import { emptyLabelFile, type LabelFile, type Problem } from './labelTypes';
import { DEFAULT_MAX_BYTES } from './yamlSafety';

/** The parts of `node:fs/promises` used here; tests pass a wrapper to simulate failures. */
export type FsLike = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'mkdir' | 'stat' | 'readFile' | 'readdir' | 'lstat' | 'realpath' | 'utimes' | 'link'>;

export interface LabelFsOptions {
  fs?: FsLike;
  /** Label files larger than this are refused unread. */
  maxBytes?: number;
  /**
   * A lock whose holder cannot be checked (another machine, unreadable contents) is broken when
   * its heartbeat is older than this. A holder on this machine that is alive is waited for.
   */
  lockStaleMs?: number;
  /** How long a save waits for another save of the same file. */
  lockWaitMs?: number;
  /** How often the holder of a lock touches it to show it is alive. */
  heartbeatMs?: number;
  /** When given, label files must really lie inside this folder: a linked folder cannot lead out. */
  within?: string;
}

const DEFAULTS = { lockStaleMs: 5000, lockWaitMs: 6000, heartbeatMs: 1000 };
/** Even a live process that has not touched its lock for this long is taken to be a reused pid. */
const LIVE_HOLDER_LIMIT_MS = 10 * 60_000;

export type ReadResult = { ok: true; file: LabelFile; /** The file's text; undefined when there is no file yet. */ text: string | undefined } | { ok: false; problems: Problem[] };

export type SaveResult =
  | { ok: true; file: LabelFile; written: boolean }
  /** invalid: the file on disk is broken; refused: what would be written breaks the schema. */
  | { ok: false; reason: 'invalid' | 'refused' | 'busy' | 'io'; problems: Problem[] };

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

function ioProblem(what: string, err: unknown): Problem {
  return { message: `${what}: ${err instanceof Error ? err.message : String(err)}`, line: 0, column: 0 };
}

function problem(message: string): Problem {
  return { message, line: 0, column: 0 };
}

/** Reads and checks a label file; a missing file is an empty one. Only a regular file is read, by its size. */
export async function readLabelFile(path: string, options: LabelFsOptions = {}): Promise<ReadResult> {
  const fs = options.fs ?? nodeFs;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (options.within && !(await reallyWithin(dirname(path), options.within, fs))) {
    return { ok: false, problems: [problem(`Label file ${basename(path)} lies outside the workspace folder (through a linked folder); Sanad does not read it.`)] };
  }
  const read = await readRegularFile(path, maxBytes, fs);
  if (!read.ok) {
    if (read.why === 'missing') return { ok: true, file: emptyLabelFile(), text: undefined };
    if (read.why === 'too-large') return { ok: false, problems: [problem(`Label file is larger than ${Math.round(maxBytes / 1024)} KB; Sanad does not read it.`)] };
    return { ok: false, problems: [problem(`Label file ${basename(path)} is ${refusalText(read, maxBytes)}.`)] };
  }
  const text = read.bytes.toString('utf8');
  // An editor may have saved the file with a byte-order mark.
  const parsed = parseLabelFile(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { maxBytes });
  return parsed.ok ? { ok: true, file: parsed.file, text } : parsed;
}

/**
 * Writes `data` to `path` through a temporary file in the same folder, fsync and rename. Only a
 * regular file is replaced, and it keeps its permissions; a link, device, pipe or folder at the
 * path, or a file nobody may write (mode 0444), is refused: the rename would replace the link or
 * the device itself, or undo a deliberate write protection.
 */
export async function writeFileAtomic(path: string, data: string, fs: FsLike = nodeFs): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true });
  const old = await fs.lstat(path).catch((err) => {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  });
  if (old && !old.isFile()) {
    const what = old.isSymbolicLink() ? 'a symbolic link' : old.isDirectory() ? 'a folder' : 'not a regular file (a device or pipe)';
    throw Object.assign(new Error(`${path} is ${what}; Sanad replaces only regular files`), { code: 'ENOTREGULAR' });
  }
  if (old && (old.mode & 0o222) === 0) throw Object.assign(new Error(`${path} is read-only; make it writable to let Sanad replace it`), { code: 'EREADONLY' });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const handle = await fs.open(tmp, 'wx');
  try {
    try {
      if (old) await handle.chmod(old.mode & 0o7777);
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

/** What a lock file says about its holder: `pid host token`. */
interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

function parseOwner(text: string): LockOwner | null {
  const m = /^(\d+) (\S+) (\S+)\n?$/.exec(text);
  return m ? { pid: Number(m[1]), host: m[2], token: m[3] } : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM'; // alive, but another user's
  }
}

async function readSmall(fs: FsLike, path: string): Promise<string | null> {
  const r = await readRegularFile(path, 4096, fs);
  return r.ok ? r.bytes.toString('utf8') : null;
}

/** Whether a lock may be broken: its holder on this machine is gone, or its heartbeat stopped long ago. */
function isStale(text: string | null, mtimeMs: number, staleMs: number): boolean {
  const age = Date.now() - mtimeMs;
  const owner = text === null ? null : parseOwner(text);
  if (owner && owner.host === hostname()) return !alive(owner.pid) || age > LIVE_HOLDER_LIMIT_MS;
  return age > staleMs;
}

/** Held while a save runs: `held()` says whether the lock is still this holder's. */
export interface LockHandle {
  held(): Promise<boolean>;
}

/**
 * Runs `fn` holding `.<name>.lock` beside the file (created exclusively). The lock names its
 * holder (pid, machine, a random token) and is touched every `heartbeatMs` while `fn` runs, so a
 * long save is never taken for a crashed one. A lock is broken only when its holder on this
 * machine is dead, or, for a holder that cannot be checked, when its heartbeat is older than
 * `lockStaleMs`. After `lockWaitMs` the result is 'busy'. Only this holder's lock is removed.
 */
export async function withLock<T>(path: string, fn: (lock: LockHandle) => Promise<T>, options: LabelFsOptions = {}): Promise<{ ok: true; value: T } | { ok: false }> {
  const fs = options.fs ?? nodeFs;
  const staleMs = options.lockStaleMs ?? DEFAULTS.lockStaleMs;
  const deadline = Date.now() + (options.lockWaitMs ?? DEFAULTS.lockWaitMs);
  const lock = join(dirname(path), `.${basename(path)}.lock`);
  const token = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  const mine = `${process.pid} ${hostname()} ${token}\n`;
  await fs.mkdir(dirname(path), { recursive: true });
  for (;;) {
    let created = false;
    try {
      const h = await fs.open(lock, 'wx');
      created = true;
      try {
        await h.writeFile(mine, 'utf8');
      } finally {
        await h.close();
      }
      break;
    } catch (err) {
      // A lock created but not written (a full disk) must not be left for the next save to wait on.
      if (created) {
        await fs.unlink(lock).catch(() => undefined);
        throw err;
      }
      if (errorCode(err) !== 'EEXIST') throw err;
    }
    try {
      const st = await fs.lstat(lock);
      const text = await readSmall(fs, lock);
      if (isStale(text, st.mtimeMs, staleMs)) {
        await breakLock(fs, lock, text);
        continue;
      }
    } catch {
      continue; // released between our attempt and the stat
    }
    if (Date.now() > deadline) return { ok: false };
    await new Promise((r) => setTimeout(r, 15 + Math.random() * 20));
  }
  const heartbeatMs = options.heartbeatMs ?? DEFAULTS.heartbeatMs;
  const beat = setInterval(() => {
    const now = new Date();
    fs.utimes(lock, now, now).catch(() => undefined);
  }, heartbeatMs);
  beat.unref?.();
  const handle: LockHandle = { held: async () => (await readSmall(fs, lock)) === mine };
  try {
    return { ok: true, value: await fn(handle) };
  } finally {
    clearInterval(beat);
    // Another process may have broken a lock it judged stale; its lock is not ours to remove.
    if ((await readSmall(fs, lock)) === mine) await fs.unlink(lock).catch(() => undefined);
  }
}

/**
 * Removes a stale lock without removing a fresh one that replaced it meanwhile: the lock is moved
 * aside under a unique name, and put back if what was moved is not what was judged stale.
 */
async function breakLock(fs: FsLike, lock: string, judged: string | null): Promise<void> {
  const aside = `${lock}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.stale`;
  try {
    await fs.rename(lock, aside);
  } catch {
    return; // already gone
  }
  if ((await readSmall(fs, aside)) !== judged) await fs.link(aside, lock).catch(() => undefined);
  await fs.unlink(aside).catch(() => undefined);
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
    if (options.within && !(await reallyWithin(dirname(path), options.within, fs))) {
      return { ok: false, reason: 'refused', problems: [problem(`${basename(path)} would lie outside the workspace folder (through a linked folder); Sanad does not write there.`)] };
    }
    // Nothing to say about an article with no label file: create neither the file nor its folder.
    if (!mine.labels.length && !mine.reviews.length && !mine.publication && !(await exists(fs, path))) return { ok: true, file: mine, written: false };
    const locked = await withLock(
      path,
      async (lock): Promise<SaveResult> => {
        const current = await readLabelFile(path, options);
        if (!current.ok) return { ok: false, reason: 'invalid', problems: current.problems };
        const merged = mergeLabelFiles(options.base, mine, current.text === undefined ? undefined : current.file);
        // No file and nothing to say: do not litter the folder with empty label files.
        if (current.text === undefined && !merged.labels.length && !merged.reviews.length && !merged.publication) return { ok: true, file: merged, written: false };
        const text = renderLabelFile(merged, current.text);
        if (text === current.text) return { ok: true, file: merged, written: false };
        // What is written is checked as it will be read: a label the reader would refuse (min > max,
        // an infinite number, an offset given as text) must not lock every later save out.
        const check = parseLabelFile(text, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES });
        if (!check.ok) return { ok: false, reason: 'refused', problems: check.problems.map((p) => problem(`Not saved, the label is not valid: ${p.message}`)) };
        // The save may have run long (a large file): write only if the lock is still this save's.
        if (!(await lock.held())) return { ok: false, reason: 'busy', problems: [problem(`The lock on ${basename(path)} was taken over during the save; try again.`)] };
        await writeFileAtomic(path, text, fs);
        return { ok: true, file: merged, written: true };
      },
      options,
    );
    if (!locked.ok) return { ok: false, reason: 'busy', problems: [{ message: `Another save of ${basename(path)} is still running; try again.`, line: 0, column: 0 }] };
    return locked.value;
  } catch (err) {
    return { ok: false, reason: 'io', problems: [ioProblem('Label file could not be written', err)] };
  }
}

async function exists(fs: FsLike, path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
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
  // A labels folder that is a link out of the workspace is not read (its files could be anything).
  if (options.within && !(await reallyWithin(join(root, ...base.split('/')), options.within, fs))) {
    out.problems.set(base, [problem('The labels folder lies outside the workspace folder (it is a link); Sanad does not read it.')]);
    return out;
  }
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
