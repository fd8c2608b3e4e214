// Integration layer, a figure's timeline (issue 16 item 2): the packaged .vsix in a real VS Code
// with a copy of the seeds open. "Sanad: Show Timeline of This Figure" on a figure opens a webview
// whose chart has one mark per report of that measure (the reports the corpus report lists for it,
// asked of the CLI), under a strict content security policy, Arabic outlet names isolated; a click
// on a mark, or Tab to it and Enter, opens that report's article with the figure selected; the
// chart is saved as SVG and as PNG through the editor's file dialog; Ctrl+Alt+G, a row of the
// Figures view and the link in the figure's hover open it too.
// Webviews are iframes inside iframes: the chart is read in whichever frame holds it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import type { Frame } from 'playwright-core';
import { SHOTS, startSuite, type Suite } from './helpers/session';
import { hoverText, poll, quickOpen, sanadIndexed, visibleHover } from './helpers/workbench';
import { answerFileDialog, cursorStatus, goTo, quickInputState, runCommand } from './helpers/quickInput';
import { clickRow, drawnRows, openContainer } from './helpers/sidebar';
import { findOnLine, placeOf } from './helpers/articleText';
import { repoRoot } from './helpers/launcher';

const SEED = '004_c60929020f56a472.txt';
const FIGURE = { line: 16, text: 'أكثر من 150 ضربة' };

let suite: Suite;
let seedText: string;
const page = () => suite.session.page;
const shot = (name: string, check: () => Promise<void>) => suite.withShot(name, check);
const consoleLines: string[] = [];

before(
  async () => {
    suite = await startSuite('timeline');
    page().on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    seedText = readFileSync(join(suite.workspace.seeds, SEED), 'utf8');
    await quickOpen(page(), SEED);
    await sanadIndexed(page());
  },
  { timeout: 240_000 },
);

after(
  async () => {
    await suite?.close();
  },
  { timeout: 30_000 },
);

/** The frame that holds the timeline chart, once it has drawn its marks. */
async function chartFrame(): Promise<Frame> {
  return poll(
    'the timeline webview with its chart',
    async () => {
      for (const f of page().frames()) {
        const n = await f
          .locator('#chart svg.sanad-timeline .mark')
          .count()
          .catch(() => 0);
        if (n > 0) return f;
      }
      return undefined;
    },
    {
      timeoutMs: 30_000,
      lastSeen: async () =>
        page()
          .frames()
          .map((f) => f.url().slice(0, 80)),
    },
  );
}

/** Whether any frame still shows the chart. */
async function chartOpen(): Promise<boolean> {
  for (const f of page().frames())
    if (
      (await f
        .locator('#chart')
        .count()
        .catch(() => 0)) > 0
    )
      return true;
  return false;
}

/** The marks of the chart: their data-id, data-path, data-start, data-end. */
async function marksOf(frame: Frame): Promise<Array<{ id: string; path: string; start: number; end: number }>> {
  return frame.$$eval('#chart svg.sanad-timeline .mark', (ms) =>
    ms.map((m) => ({ id: m.getAttribute('data-id') ?? '', path: m.getAttribute('data-path') ?? '', start: Number(m.getAttribute('data-start')), end: Number(m.getAttribute('data-end')) })),
  );
}

/** The reports `sanad report` lists for the measure of the figure FOCUS ("path#start"). */
function reportRows(focus: string): string[] {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'report', 'seeds', '--format', 'html'], { cwd: suite.workspace.root, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  const section = r.stdout.split('<section class="measure"').find((s) => s.includes(`data-id="${focus}"`));
  assert.ok(section, `the report charts ${focus}`);
  return [...section.matchAll(/<tr data-measure="[^"]*" data-id="([^"]+)"/g)].map((m) => m[1]);
}

/** Waits for the active editor to show FILE with exactly the figure [start, end) selected. */
async function figureSelected(file: string, start: number, end: number): Promise<void> {
  const text = readFileSync(join(suite.workspace.root, file), 'utf8');
  // The selection runs from the figure's start to its end; the status bar shows where it ends.
  const last = placeOf(text, end);
  await poll(
    `${basename(file)} active with "${text.slice(start, end)}" selected`,
    async () => {
      const tab = (
        (await page()
          .locator('.part.editor .editor-group-container.active .tab.active')
          .first()
          .textContent({ timeout: 500 })
          .catch(() => '')) ?? ''
      ).trim();
      const at = await cursorStatus(page());
      return tab.includes(basename(file)) && at && at.line === last.line && at.column === last.column && at.selected === end - start ? { tab, at } : undefined;
    },
    { timeoutMs: 20_000, lastSeen: async () => ({ tab: await page().locator('.part.editor .editor-group-container.active .tab.active').first().textContent(), at: await cursorStatus(page()) }) },
  );
}

/** Waits for the save dialog to offer its default name (ending in SUFFIX): typing before it has, the name would be written over. */
async function dialogOffers(suffix: string): Promise<void> {
  await poll(`the save dialog offering a name ending in ${suffix}`, async () => (await quickInputState(page())).value.endsWith(suffix), {
    timeoutMs: 15_000,
    lastSeen: () => quickInputState(page()),
  });
}

let marks: Array<{ id: string; path: string; start: number; end: number }> = [];

test('the command on a figure opens a chart with one mark per report of its measure', { timeout: 90_000 }, () =>
  shot('open', async () => {
    const at = findOnLine(seedText, FIGURE.line, FIGURE.text);
    await goTo(page(), at.line, at.column + 3);
    await runCommand(page(), 'Sanad: Show Timeline of This Figure');
    const frame = await chartFrame();
    marks = await marksOf(frame);
    const focus = `seeds/${SEED}#${at.offset}`;
    assert.ok(
      marks.some((m) => m.id === focus),
      `the asked figure is on the chart: ${marks.map((m) => m.id).join(', ')}`,
    );
    assert.deepEqual(marks.map((m) => m.id).sort(), reportRows(focus).sort(), 'one mark per report the corpus report lists for the measure');
    assert.ok(marks.length >= 3, `${marks.length} reports`);
    await page().screenshot({ path: join(SHOTS, 'timeline.png') });
    // Contradictions are drawn between marks, and the legend names each outlet.
    assert.ok((await frame.locator('#chart .link-contradiction').count()) >= 1, 'a contradiction line');
    const legend = await frame.$$eval('.legend bdi', (bs) => bs.map((b) => ({ text: b.textContent ?? '', dir: b.getAttribute('dir'), bidi: getComputedStyle(b).unicodeBidi })));
    const arabic = legend.filter((l) => /[\u0600-\u06ff]/.test(l.text));
    assert.ok(arabic.length >= 1, JSON.stringify(legend));
    assert.ok(
      arabic.every((l) => l.dir === 'rtl' && l.bidi === 'isolate'),
      `Arabic outlet names are isolated right to left: ${JSON.stringify(arabic)}`,
    );
    // The page's policy: nothing remote, scripts only by nonce, no inline style without one.
    const csp = await frame.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content') ?? '');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[^']+'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    // (VS Code itself sets the theme's variables in the style of <html>: the page's own elements have none.)
    assert.equal(await frame.locator('body[style], body [style]').count(), 0, 'no inline style attributes');
    assert.deepEqual(
      consoleLines.filter((l) => /Content[- ]Security[- ]Policy/i.test(l)),
      [],
      'no policy violation',
    );
    // Theme colours: the marks are painted from the editor's chart colours, not left black.
    const fill = await frame.$eval('#chart .mark .symbol', (s) => getComputedStyle(s).fill);
    assert.ok(fill && !/^rgb\(0, 0, 0\)$|none/.test(fill), `a theme colour: ${fill}`);
  }),
);

test('a click on a mark opens its article with the figure selected', { timeout: 60_000 }, () =>
  shot('click', async () => {
    const other = marks.find((m) => !m.path.endsWith(SEED));
    assert.ok(other, 'a report from another article');
    const frame = await chartFrame();
    await frame.locator(`#chart .mark[data-id="${other.id}"]`).click();
    await figureSelected(other.path, other.start, other.end);
  }),
);

test('Ctrl+Alt+G on a figure opens the chart; Tab reaches the marks and Enter opens one', { timeout: 60_000 }, () =>
  shot('keyboard', async () => {
    // No chart open, so the key is what opens it; the keyboard then starts in the page.
    await runCommand(page(), 'View: Close All Editors');
    await poll('the chart closed', async () => !(await chartOpen()), { timeoutMs: 10_000 });
    await quickOpen(page(), SEED);
    const at = findOnLine(seedText, FIGURE.line, FIGURE.text);
    await goTo(page(), at.line, at.column + 3);
    await page().keyboard.press('ControlOrMeta+Alt+G');
    const frame = await chartFrame();
    await frame.locator('h1').click();
    const focused = await poll(
      'Tab to reach a mark of the chart',
      async () => {
        await page().keyboard.press('Tab');
        const id = await frame.evaluate(() => (document.activeElement?.classList.contains('mark') ? document.activeElement.getAttribute('data-id') : null));
        return id ?? undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    const mark = marks.find((m) => m.id === focused)!;
    assert.ok(mark, focused);
    await page().keyboard.press('Enter');
    await figureSelected(mark.path, mark.start, mark.end);
  }),
);

test('the chart is saved as SVG and as PNG through the file dialog', { timeout: 90_000 }, () =>
  shot('save', async () => {
    const frame = await chartFrame();
    const svgFile = join(suite.workspace.root, 'chart.svg');
    await frame.locator('#save-svg').click();
    await dialogOffers('-timeline.svg');
    await answerFileDialog(page(), svgFile, { exists: false });
    const svg = await poll('chart.svg written', async () => existsSync(svgFile) && readFileSync(svgFile, 'utf8'), { timeoutMs: 10_000 });
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal(svg.match(/<g class="mark /g)?.length, marks.length, 'every mark in the saved picture');
    assert.match(svg, /<style>[^<]*--chart-s0: *(#|rgb)/, 'its colours resolved from the theme');

    const pngFile = join(suite.workspace.root, 'chart.png');
    await frame.locator('#save-png').click();
    await dialogOffers('-timeline.png');
    await answerFileDialog(page(), pngFile, { exists: false });
    const png = await poll('chart.png written', async () => existsSync(pngFile) && readFileSync(pngFile), { timeoutMs: 10_000 });
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    // The picture's width is the chart's, at twice the scale (IHDR holds it big-endian at byte 16).
    assert.equal(png.readUInt32BE(16), 2 * Number(/viewBox="0 0 (\d+)/.exec(svg)![1]));
  }),
);

test('a row of the Figures view opens the chart of its figure', { timeout: 60_000 }, () =>
  shot('figures-row', async () => {
    // No chart open: what the row opens is new.
    await runCommand(page(), 'View: Close All Editors');
    await poll('the chart closed', async () => !(await chartOpen()), { timeoutMs: 10_000 });
    await openContainer(page(), 'Sanad', 'Actors');
    const value = await poll('the conflict over the figure in the Figures view', async () => (await drawnRows(page(), 'Figures')).find((r) => r.level === 1 && /151\+/.test(r.description)), {
      timeoutMs: 20_000,
      lastSeen: () => drawnRows(page(), 'Figures'),
    });
    if (!value.expanded) await clickRow(page(), 'Figures', value.label);
    const row = page()
      .locator(`.part.sidebar .pane:has(> .pane-header[aria-label="Figures Section"]) .monaco-list-row[aria-level="2"]`, { has: page().locator('.label-name', { hasText: '151+' }) })
      .first();
    await row.hover();
    await row.locator('.actions .action-label[aria-label^="Show Timeline of This Figure"]').click();
    const frame = await chartFrame();
    const at = findOnLine(seedText, FIGURE.line, FIGURE.text);
    assert.equal(await frame.locator('body').getAttribute('data-focus'), `seeds/${SEED}#${at.offset}`);
    assert.deepEqual((await marksOf(frame)).map((m) => m.id).sort(), marks.map((m) => m.id).sort());
  }),
);

test("the link in a figure's hover opens its chart", { timeout: 60_000 }, () =>
  shot('hover-link', async () => {
    await runCommand(page(), 'View: Close All Editors');
    await poll('the chart closed', async () => !(await chartOpen()), { timeoutMs: 10_000 });
    await quickOpen(page(), SEED);
    const at = findOnLine(seedText, FIGURE.line, FIGURE.text);
    await goTo(page(), at.line, at.column + 3);
    const link = page().locator('.monaco-hover:not(.hidden) a', { hasText: 'Show timeline' }).first();
    await poll(
      'the hover of the figure with its "Show timeline" link',
      async () => {
        if (await link.isVisible()) return true;
        await hoverText(page(), '150 ضربة');
        await page().waitForTimeout(700);
        return link.isVisible();
      },
      { timeoutMs: 20_000, intervalMs: 100, lastSeen: () => visibleHover(page()) },
    );
    await link.click();
    const frame = await chartFrame();
    assert.equal(await frame.locator('body').getAttribute('data-focus'), `seeds/${SEED}#${at.offset}`);
    assert.equal((await marksOf(frame)).length, marks.length);
  }),
);
