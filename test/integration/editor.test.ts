// Integration layer: the packaged .vsix installed in a real VS Code (code-server in headless
// Chromium here, or the desktop build with SANAD_VSCODE=electron), with the seeds folder open.
// Every assertion is about what the window shows: the language mode, Sanad's highlights and status
// item, the hover, and above all that Arabic lines keep their word order.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { notifications } from './helpers/quickInput';
import { repoRoot } from './helpers/launcher';
import { SHOTS, startSuite, type Suite } from './helpers/session';
import { allViewLines, decorationsOver, hoverText, poll, quickOpen, setColorTheme, settle, statusItems, textAreaWidth, toTop, viewLines, visibleHover } from './helpers/workbench';

const SEED = '004_c60929020f56a472.txt';
const seedLines = readFileSync(join(repoRoot, 'seeds', SEED), 'utf8').split('\n');
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** A figure and a year in the seed, each in a different paragraph; Sanad must highlight both. */
const FIGURE = '150';
const YEAR = '2021';
/** Fewer highlights than this on the first screen of the seed means the server did not answer. */
const MIN_HIGHLIGHTS = 3;

let suite: Suite;
let session: Suite['session'];

/**
 * Every boolean `sanad.*` setting the manifest declares, switched on, so the word-order check runs
 * with all of Sanad's features painting (a setting named for switching something off stays as is).
 */
function allFeaturesOn(): Record<string, boolean> {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    contributes?: { configuration?: { properties?: Record<string, { type?: unknown }> } | { properties?: Record<string, { type?: unknown }> }[] };
  };
  const sections = [manifest.contributes?.configuration ?? []].flat();
  const on: Record<string, boolean> = {};
  for (const section of sections) {
    for (const [key, schema] of Object.entries(section.properties ?? {})) {
      if (key.startsWith('sanad.') && schema.type === 'boolean' && !/disable|hide|off|quiet|silent/i.test(key)) on[key] = true;
    }
  }
  return on;
}

/** Runs one check; when it fails, the error names a screenshot of the window. */
const withShot = (name: string, check: () => Promise<void>) => suite.withShot(name, check);

/** Sanad's status bar item, once the server has reported counts (not while it is still indexing). */
async function sanadStatus(): Promise<string | undefined> {
  const items = await statusItems(session.page);
  const item = items.find((i) => /^Sanad\b/.test(i.text));
  // The seed is full of figures: counts that are all zero mean the server has not seen it yet.
  if (!item || !/[1-9]/.test(item.text)) return undefined;
  const spinning = await session.page.locator(`[id="${item.id}"] .codicon-modifier-spin`).count();
  return spinning ? undefined : item.text;
}

before(
  async () => {
    // A copy of the seeds in a temp folder, so nothing the window does can reach the repository's.
    suite = await startSuite('editor', { 'workbench.colorTheme': 'Default Light Modern', ...allFeaturesOn() });
    session = suite.session;
    await withShot('open-seed', () => quickOpen(session.page, SEED));
  },
  { timeout: 240_000 },
);

after(
  async () => {
    await suite?.close();
  },
  { timeout: 30_000 },
);

test('the seed opens in the "Arabic News" language mode', { timeout: 30_000 }, () =>
  withShot('language-mode', async () => {
    const mode = await poll(
      'the language mode in the status bar',
      async () => {
        const text = (
          await session.page
            .locator('[id="status.editor.mode"]')
            .textContent({ timeout: 500 })
            .catch(() => null)
        )?.trim();
        return text || undefined;
      },
      { timeoutMs: 20_000 },
    );
    assert.equal(mode, 'Arabic News');
  }),
);

test('the Sanad status bar item shows counts once the server has answered', { timeout: 60_000 }, () =>
  withShot('status-item', async () => {
    const text = await poll('a status bar item reading "Sanad …" with counts, not all zero', sanadStatus, {
      timeoutMs: 45_000,
      lastSeen: () => statusItems(session.page),
    });
    assert.match(text, /^Sanad\b.*[1-9]/, `the status item reads "${text}"`);
  }),
);

test('Sanad paints highlights behind the dates and figures of the seed', { timeout: 60_000 }, () =>
  withShot('highlights', async () => {
    const count = await poll(
      `at least ${MIN_HIGHLIGHTS} Sanad highlights in the editor`,
      async () => {
        const n = (await viewLines(session.page)).reduce((sum, row) => sum + row.decorations.length, 0);
        return n >= MIN_HIGHLIGHTS ? n : undefined;
      },
      {
        timeoutMs: 45_000,
        lastSeen: async () => (await viewLines(session.page)).filter((r) => r.decorations.length).map((r) => `${r.decorations.join(' ')}: ${r.text.slice(0, 60)}`),
      },
    );
    assert.ok(count >= MIN_HIGHLIGHTS);
    for (const needle of [FIGURE, YEAR]) {
      const over = await poll(
        `a highlight over "${needle}"`,
        async () => {
          const classes = await decorationsOver(session.page, needle);
          return classes?.length ? classes : undefined;
        },
        {
          timeoutMs: 10_000,
          lastSeen: async () => (await viewLines(session.page)).filter((r) => r.text.includes(needle)),
        },
      );
      assert.ok(over.length > 0);
    }
  }),
);

test('every Arabic row is drawn as one part, so its word order is intact', { timeout: 90_000 }, () =>
  withShot('word-order', async () => {
    // Wait for the highlights first: painting them is what could split the rows.
    await poll('Sanad highlights', async () => (await viewLines(session.page)).some((r) => r.decorations.length) || undefined, { timeoutMs: 45_000 });
    const rows = await allViewLines(session.page);
    const arabic = rows.filter((r) => ARABIC.test(r.text));
    const lastArabicLine = seedLines.reduce((last, line, i) => (ARABIC.test(line) ? i + 1 : last), 0);
    assert.ok(arabic.length >= seedLines.filter((l) => ARABIC.test(l)).length, `only ${arabic.length} Arabic rows were drawn`);
    assert.ok(
      rows.some((r) => r.lineNumber === lastArabicLine),
      `the walk did not reach line ${lastArabicLine}`,
    );
    const split = arabic.filter((r) => r.parts !== 1).map((r) => `line ${r.lineNumber ?? '?'} in ${r.parts} parts: ${r.text.slice(0, 80)}`);
    assert.deepEqual(split, [], `Arabic rows split into several parts (drawn out of order):\n${split.join('\n')}`);
  }),
);

test('word wrap is on: a long paragraph wraps to several rows within the editor', { timeout: 30_000 }, () =>
  withShot('word-wrap', async () => {
    await toTop(session.page);
    const rows = await viewLines(session.page);
    // The longest line of the seed that starts on the first screen.
    const starts = rows.filter((r) => r.firstRow && r.lineNumber !== undefined).map((r) => r.lineNumber as number);
    const longest = starts.reduce((best, n) => (seedLines[n - 1].length > seedLines[best - 1].length ? n : best), starts[0] ?? 1);
    const rowsOfLongest = rows.filter((r) => r.lineNumber === longest);
    const width = await textAreaWidth(session.page);
    assert.ok(seedLines[longest - 1].length > 200, `line ${longest} is not a long paragraph`);
    assert.ok(rowsOfLongest.length >= 2, `line ${longest} (${seedLines[longest - 1].length} characters) is drawn as ${rowsOfLongest.length} row(s)`);
    const tooWide = rows.filter((r) => r.width > width + 1);
    assert.deepEqual(
      tooWide.map((r) => `${Math.round(r.width)}px: ${r.text.slice(0, 40)}`),
      [],
      `rows wider than the ${Math.round(width)}px text area`,
    );
  }),
);

test('hovering a highlighted figure shows a hover with content', { timeout: 45_000 }, () =>
  withShot('hover', async () => {
    const page = session.page;
    await toTop(page);
    const text = await poll(
      `a hover over "${FIGURE}"`,
      async () => {
        const shown = await visibleHover(page);
        if (shown) return shown;
        if (!(await hoverText(page, FIGURE))) return undefined;
        // The editor waits about 300 ms before showing a hover.
        await page.waitForTimeout(700);
        return visibleHover(page);
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    assert.ok(text.length > 0);
    await page.screenshot({ path: join(SHOTS, '004-hover.png') });
    // Put the hover away so it does not sit in the other screenshots.
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
  }),
);

test('screenshots of the seed in a light and a dark theme', { timeout: 60_000 }, () =>
  withShot('screenshots', async () => {
    const page = session.page;
    await toTop(page);
    // Away from the text, so no hover opens in the pictures.
    await page.mouse.move(5, 400);
    const light = join(SHOTS, '004.png');
    await page.screenshot({ path: light });
    await setColorTheme(page, 'Dark Modern', true);
    // The highlights repaint in the new theme's colours and stay.
    await poll('highlights in the dark theme', async () => (await viewLines(page)).some((r) => r.decorations.length) || undefined, { timeoutMs: 10_000 });
    await settle(page);
    const dark = join(SHOTS, '004-dark.png');
    await page.screenshot({ path: dark });
    for (const file of [light, dark]) assert.ok(existsSync(file) && statSync(file).size > 20_000, `${file} is missing or blank`);
  }),
);

/** The language server's process for this window, found by its path inside the window's extensions folder. */
function serverPid(): number | undefined {
  const marker = join(dirname(session.userDataDir), 'extensions');
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(marker) && cmd.includes('dist/server.js')) return Number(entry);
    } catch {
      // The process ended while the list was read.
    }
  }
  return undefined;
}

test('a crashed language server is restarted, and the user is told once', { timeout: 90_000 }, () =>
  withShot('server-crash', async () => {
    const page = session.page;
    const restartedMessage = /stopped unexpectedly and was restarted/;
    const toasts = async () => (await notifications(page)).filter((t) => restartedMessage.test(t)).length;
    const first = await poll('the language server process', async () => serverPid(), { timeoutMs: 20_000 });
    process.kill(first, 'SIGKILL');
    await poll('the restart notification', async () => ((await toasts()) === 1 ? true : undefined), { timeoutMs: 30_000 });
    const second = await poll(
      'a new server process',
      async () => {
        const pid = serverPid();
        return pid && pid !== first ? pid : undefined;
      },
      { timeoutMs: 30_000 },
    );
    // The restarted server indexes the corpus again and the status item shows counts.
    await poll('corpus counts after the restart', sanadStatus, { timeoutMs: 30_000 });
    process.kill(second, 'SIGKILL');
    await poll(
      'another restart',
      async () => {
        const pid = serverPid();
        return pid && pid !== second ? pid : undefined;
      },
      { timeoutMs: 30_000 },
    );
    await poll('corpus counts after the second restart', sanadStatus, { timeoutMs: 30_000 });
    assert.ok((await toasts()) <= 1, 'the restart is announced once, not every time');
  }),
);
