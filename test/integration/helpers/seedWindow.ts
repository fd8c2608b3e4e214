// The window most integration files start from: one VS Code window per file on a copy of the
// seeds, with one seed open (and, unless told, the whole workspace indexed), closed after the
// file's tests. Registers its own before and after hooks.
import { after, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSuite, type Suite } from './session';
import { quickOpen, sanadIndexed } from './workbench';

export interface SeedWindow {
  /** The suite, once `before` has opened it. */
  readonly suite: Suite;
  /** The open seed's text as copied. */
  readonly seedText: string;
  page: () => Page;
  /** Runs CHECK; on failure a screenshot named NAME is kept and named in the error. */
  shot: (name: string, check: () => Promise<void>) => Promise<void>;
}

/**
 * Opens SEED in a new window named PREFIX (its screenshots are failed-PREFIX-…) with SETTINGS.
 * `indexed: false` does not wait for the English status item (a window in Arabic shows another).
 */
export function openSeedWindow(prefix: string, seed: string, options: { settings?: Record<string, unknown>; indexed?: boolean } = {}): SeedWindow {
  let suite: Suite | undefined;
  let seedText = '';
  const win: SeedWindow = {
    get suite() {
      if (!suite) throw new Error(`the ${prefix} window is not open`);
      return suite;
    },
    get seedText() {
      return seedText;
    },
    page: () => win.suite.session.page,
    shot: (name, check) => win.suite.withShot(name, check),
  };
  before(
    async () => {
      suite = await startSuite(prefix, options.settings);
      seedText = readFileSync(join(suite.workspace.seeds, seed), 'utf8');
      await win.shot('open-seed', async () => {
        await quickOpen(win.page(), seed);
        if (options.indexed !== false) await sanadIndexed(win.page());
      });
    },
    { timeout: 240_000 },
  );
  after(
    async () => {
      await suite?.close();
    },
    { timeout: 30_000 },
  );
  return win;
}
