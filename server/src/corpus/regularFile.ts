// Reading a file a workspace may have planted anything at. A path that should hold a text file may
// be a symbolic link (git stores them) to /dev/zero or to a file outside the workspace, a named
// pipe that blocks the reader forever, or a device that never ends. So a file is opened without
// following a final link and without blocking, checked to be a regular file, and read by the size
// it had when opened: never more, whatever it claims.
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';

/** O_NOFOLLOW and O_NONBLOCK are 0 where the platform lacks them (Windows); the fstat check still holds. */
const SAFE_READ = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
/** For a file the user named (the CLI): a link is followed, but a pipe or a device is still refused. */
const FOLLOWING_READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export type RegularRead = { ok: true; bytes: Buffer; mode: number } | { ok: false; why: 'missing' | 'link' | 'not-regular' | 'too-large' | 'io'; size?: number; code?: string };

export type OpenFs = Pick<typeof nodeFs, 'open'>;

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/**
 * The bytes of a regular file of at most `maxBytes`; a link (unless `followLinks`), pipe, device
 * or folder is refused unread.
 */
export async function readRegularFile(path: string, maxBytes: number, fs: OpenFs = nodeFs, followLinks = false): Promise<RegularRead> {
  let handle: nodeFs.FileHandle;
  try {
    handle = await fs.open(path, followLinks ? FOLLOWING_READ : SAFE_READ);
  } catch (err) {
    const code = codeOf(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, why: 'missing', code };
    // Linux answers ELOOP for a final link under O_NOFOLLOW; some systems EMLINK or EFTYPE.
    if (code === 'ELOOP' || code === 'EMLINK' || code === 'EFTYPE') return { ok: false, why: 'link', code };
    return { ok: false, why: 'io', code: code ?? String(err) };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { ok: false, why: 'not-regular' };
    if (st.size > maxBytes) return { ok: false, why: 'too-large', size: st.size };
    const bytes = Buffer.alloc(st.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break; // shrank while being read
      at += bytesRead;
    }
    return { ok: true, bytes: at === bytes.length ? bytes : bytes.subarray(0, at), mode: st.mode };
  } catch (err) {
    return { ok: false, why: 'io', code: codeOf(err) ?? String(err) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A sentence for a refused read, naming the setting or limit where there is one. */
export function refusalText(r: Exclude<RegularRead, { ok: true }>, maxBytes: number): string {
  switch (r.why) {
    case 'missing':
      return 'no such file';
    case 'link':
      return 'a symbolic link; Sanad reads only regular files here';
    case 'not-regular':
      return 'not a regular file (a pipe, device or folder)';
    case 'too-large':
      return `larger than ${Math.round(maxBytes / 1024)} KB (${Math.round((r.size ?? 0) / 1024)} KB)`;
    default:
      return `cannot be read (${r.code ?? 'error'})`;
  }
}

/** Whether `child` is `parent` or lies under it (both absolute and already resolved). */
export function isWithin(child: string, parent: string): boolean {
  const r = relative(parent, child);
  // A name such as `..x.news.txt` starts with two dots and is still inside.
  return r === '' || (!isAbsolute(r) && r !== '..' && !r.startsWith(`..${sep}`) && !r.startsWith('../'));
}

/**
 * Whether `path` (which may not exist yet) really lies inside `root` once links are followed:
 * the nearest part of it that exists is resolved, so a linked folder cannot carry a read or a
 * write outside.
 */
export async function reallyWithin(path: string, root: string, fs: Pick<typeof nodeFs, 'realpath'> = nodeFs): Promise<boolean> {
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch {
    return false;
  }
  const tail: string[] = [];
  let p = path;
  for (;;) {
    try {
      const real = await fs.realpath(p);
      return isWithin(tail.length ? `${real}${sep}${tail.reverse().join(sep)}` : real, realRoot);
    } catch {
      const cut = p.lastIndexOf(sep);
      if (cut <= 0) return false;
      tail.push(p.slice(cut + 1));
      p = p.slice(0, cut);
    }
  }
}
