// Reading articles from disk, for the CLI and the workspace index. Scraped corpora hold surprises:
// binary files, UTF-16 exports, Windows-1256 Arabic, huge dumps. Each gets a clear reason instead of
// garbage offsets or a crash.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { isCorpusPath } from './glob';
import { readRegularFile, reallyWithin } from './regularFile';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes file bytes the way VS Code would show them, or says why it will not. */
export function decodeArticle(bytes: Uint8Array, maxBytes: number): ReadResult {
  if (bytes.length > maxBytes) return { ok: false, reason: tooLargeReason(bytes.length, maxBytes) };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return { ok: true, text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)) };
  }
  // Anywhere in the file, not only in its first 8 KB: a NUL in the middle is no article either.
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (it contains NUL bytes); only plain-text articles are analysed' };
  try {
    const text = utf8.decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    if (looksLikeWindows1256(bytes)) {
      return { ok: false, reason: 'not UTF-8: it looks like Windows-1256 Arabic. Convert it first, e.g. `iconv -f WINDOWS-1256 -t UTF-8 FILE > FILE.utf8`' };
    }
    return { ok: false, reason: 'not valid UTF-8 text; save it as UTF-8 and try again' };
  }
}

function tooLargeReason(bytes: number, maxBytes: number): string {
  return `too large (${Math.round(bytes / 1024)} KB; the limit is ${Math.round(maxBytes / 1024)} KB, setting sanad.maxFileSizeKB)`;
}

/** Windows-1256 puts Arabic letters at 0xC1–0xFE; a text in it is mostly those and ASCII. */
function looksLikeWindows1256(bytes: Uint8Array): boolean {
  let high = 0;
  let arabic = 0;
  for (const b of bytes.subarray(0, 65536)) {
    if (b >= 0x80) {
      high++;
      if (b >= 0xc1 && b <= 0xfe) arabic++;
    }
  }
  return high > 0 && arabic / high > 0.6;
}

export interface ReadOptions {
  /**
   * The workspace folders (absolute): the file must really lie inside one. A link is then not
   * followed at all (the first read skips links too), and a linked folder leading out is refused.
   */
  within?: readonly string[];
}

export async function readArticle(path: string, maxBytes: number, options: ReadOptions = {}): Promise<ReadResult> {
  if (options.within) {
    const inside = await Promise.all(options.within.map((root) => reallyWithin(path, root)));
    if (!inside.some(Boolean)) return { ok: false, reason: 'outside the workspace folder (through a link); not read' };
  }
  const read = await readRegularFile(path, maxBytes, undefined, !options.within);
  if (read.ok) return decodeArticle(read.bytes, maxBytes);
  if (read.why === 'too-large') return { ok: false, reason: tooLargeReason(read.size ?? 0, maxBytes) };
  if (read.why === 'not-regular') return { ok: false, reason: 'not a regular file' };
  if (read.why === 'link') return { ok: false, reason: 'a symbolic link; links are not followed inside a workspace' };
  return { ok: false, reason: `cannot be read (${read.code ?? 'ENOENT'})` };
}

/** Why an open document is not analysed: larger than the limit (as a file on disk would be), or null. */
export function tooLargeToAnalyse(text: string, maxBytes: number): string | null {
  // UTF-8 takes at least one byte per UTF-16 unit: most texts are decided without counting.
  if (text.length * 3 <= maxBytes) return null;
  const bytes = text.length > maxBytes ? text.length : Buffer.byteLength(text, 'utf8');
  return bytes > maxBytes ? tooLargeReason(bytes, maxBytes) : null;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/** What a walk could not do: a folder it could not read, or the limit it stopped at. */
export type ListProblem = { kind: 'unreadable'; folder: string; code: string } | { kind: 'limit'; limit: number };

/**
 * Lists the files under `folder` whose path relative to it matches one of `globs`, sorted.
 * Hidden folders and build folders are skipped; `limit` bounds the walk on huge trees. Folders
 * that cannot be read, and a walk stopped at the limit, are told to `report` (the CLI names them).
 */
export async function listArticles(folder: string, globs: readonly string[], limit = 100_000, report?: (problem: ListProblem) => void): Promise<string[]> {
  const found: string[] = [];
  let stopped = false;
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      report?.({ kind: 'unreadable', folder: dir, code: (err as NodeJS.ErrnoException).code ?? String(err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (stopped) return;
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) await walk(full);
      } else if (e.isFile() && isCorpusPath(folder, full, globs)) {
        // Stopped only by a file beyond the limit, so a tree of exactly `limit` files is whole.
        if (found.length >= limit) {
          stopped = true;
          report?.({ kind: 'limit', limit });
          return;
        }
        found.push(full);
      }
    }
  };
  await walk(folder);
  return found;
}
