// Typed access to scripts/vscode-launch.mjs, which is plain JavaScript so that the demo can run it
// without a build. It is loaded at run time from the repository, not bundled into the test.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';

export interface VSCodeSession {
  backend: 'code-server' | 'electron';
  page: Page;
  /** The workbench URL (code-server only). */
  url?: string;
  userDataDir: string;
  /** The tail of code-server's output, for failure messages. */
  serverLogs(): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  vsix?: string;
  folder: string;
  settings?: Record<string, unknown>;
  backend?: 'code-server' | 'electron';
  timeoutMs?: number;
  colorScheme?: 'light' | 'dark';
}

interface Launcher {
  ROOT: string;
  launchVSCode(options: LaunchOptions): Promise<VSCodeSession>;
  newestVsix(dir?: string): string | undefined;
}

/**
 * The repository root, found by walking up to scripts/vscode-launch.mjs: the same code runs from
 * test/integration (type-check) and from out/test/integration (the esbuild bundle).
 */
export const repoRoot: string = (() => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'scripts', 'vscode-launch.mjs'))) return dir;
    if (dirname(dir) === dir) throw new Error(`scripts/vscode-launch.mjs not found above ${__dirname}`);
  }
})();

export async function loadLauncher(): Promise<Launcher> {
  // A computed specifier keeps esbuild from bundling the launcher into the test.
  const url = pathToFileURL(join(repoRoot, 'scripts', 'vscode-launch.mjs')).href;
  return (await import(url)) as Launcher;
}

/** The .vsix under test: $SANAD_VSIX, else the newest sanad-*.vsix at the root. Never optional. */
export function vsixUnderTest(launcher: Launcher): string {
  const fromEnv = process.env.SANAD_VSIX;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`SANAD_VSIX points at a missing file: ${fromEnv}`);
    return fromEnv;
  }
  const newest = launcher.newestVsix(repoRoot);
  if (!newest) throw new Error(`no sanad-*.vsix in ${repoRoot}: run \`npm run package\` first (or set SANAD_VSIX)`);
  return newest;
}
