// Reading articles from disk, for the CLI and the workspace index. Scraped corpora hold surprises:
// binary files, UTF-16 exports, Windows-1256 Arabic, huge dumps. Each gets a clear reason instead of
// garbage offsets or a crash.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { isCorpusPath } from './glob';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes file bytes the way VS Code would show them, or says why it will not. */
function decodeArticle(bytes: Uint8Array, maxBytes: number): ReadResult {
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `too large (${Math.round(bytes.length / 1024)} KB; the limit is ${Math.round(maxBytes / 1024)} KB, setting sanad.maxFileSizeKB)` };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return { ok: true, text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)) };
  }
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) return { ok: false, reason: 'binary file (it contains NUL bytes); only plain-text articles are analysed' };
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

export async function readArticle(path: string, maxBytes: number): Promise<ReadResult> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > maxBytes) return decodeArticle(new Uint8Array(stat.size), maxBytes);
    return decodeArticle(await fs.readFile(path), maxBytes);
  } catch (err) {
    return { ok: false, reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/**
 * Lists the files under `folder` whose path relative to it matches one of `globs`, sorted.
 * Hidden folders and build folders are skipped; `limit` bounds the walk on huge trees.
 */
export async function listArticles(folder: string, globs: readonly string[], limit = 100_000): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (found.length >= limit) return;
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) await walk(full);
      } else if (e.isFile() && isCorpusPath(folder, full, globs)) {
        found.push(full);
      }
    }
  };
  await walk(folder);
  return found;
}
