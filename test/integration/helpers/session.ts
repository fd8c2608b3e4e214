// One VS Code window per test file, on a throwaway copy of the seeds: the tests label, edit, save
// and export, and none of that may reach the repository's own seeds/ or .sanad/. Also the
// failure screenshots, named per file so that one file's run never deletes another's pictures.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { loadLauncher, repoRoot, vsixUnderTest, type VSCodeSession } from './launcher';

export const SHOTS = join(repoRoot, 'out', 'screenshots');

/** Settings every suite wants: a light theme for the pictures, and nothing floating over rows. */
export const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.colorTheme': 'Default Light Modern',
  // Sticky rows are copies of real rows drawn on top; they would be read twice and hide others.
  'workbench.tree.enableStickyScroll': false,
  'editor.stickyScroll.enabled': false,
  // VS Code's own file dialog, a quick input the tests can type into, on the desktop build too.
  'files.simpleDialog.enable': true,
};

export interface Workspace {
  /** The folder VS Code opens; it holds `seeds/`. */
  root: string;
  seeds: string;
  remove(): void;
}

/** A fresh temp folder holding a copy of the repository's seeds/ (and nothing else). */
export function copySeeds(): Workspace {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'sanad-it-')));
  const inside = relative(realpathSync(repoRoot), root);
  if (!inside.startsWith('..') && !inside.startsWith(sep)) throw new Error(`the temp workspace ${root} is inside the repository`);
  const seeds = join(root, 'seeds');
  cpSync(join(repoRoot, 'seeds'), seeds, { recursive: true });
  return { root, seeds, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Names, sizes and modification times under DIR (empty when it does not exist). */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const s = statSync(full);
        out[relative(dir, full)] = `${s.size}@${s.mtimeMs}`;
      }
    }
  };
  walk(dir);
  return out;
}

export interface Suite {
  session: VSCodeSession;
  workspace: Workspace;
  /** Runs CHECK; if it throws, saves a screenshot and names it in the error. */
  withShot(name: string, check: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** Copies the seeds, installs the .vsix under test and opens the copy; `prefix` names the screenshots. */
export async function startSuite(prefix: string, settings: Record<string, unknown> = {}): Promise<Suite> {
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) if (f.startsWith(`failed-${prefix}-`)) rmSync(join(SHOTS, f));
  const workspace = copySeeds();
  const launcher = await loadLauncher();
  let session: VSCodeSession;
  try {
    session = await launcher.launchVSCode({
      vsix: vsixUnderTest(launcher),
      folder: workspace.root,
      settings: { ...BASE_SETTINGS, ...settings },
      timeoutMs: 90_000,
    });
  } catch (err) {
    workspace.remove();
    throw err;
  }
  const withShot = async (name: string, check: () => Promise<void>) => {
    try {
      await check();
    } catch (err) {
      const file = join(SHOTS, `failed-${prefix}-${name}.png`);
      await session.page.screenshot({ path: file }).catch(() => {});
      if (err instanceof Error) err.message += `\n(screenshot of the window: ${file})`;
      throw err;
    }
  };
  return {
    session,
    workspace,
    withShot,
    close: async () => {
      await session.close();
      workspace.remove();
    },
  };
}
