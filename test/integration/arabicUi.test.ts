// Integration layer, Arabic outside the editor: the packaged .vsix in a real VS Code with a copy
// of the seeds open. Checked on the DOM, as the editor's own lines are: in the Outline an Arabic
// date and its ISO value keep their places and the value reads year first; in a figure's hover
// "(outlet, date)" reads left to right; Ctrl+T finds an actor by another spelling; the panel
// filter says when it is on and when it matches nothing, and an actor filter keeps its sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSeedWindow } from './helpers/seedWindow';
import { hoverText, poll, quickOpen, visibleHover } from './helpers/workbench';
import { answerInput, goTo, quickInputState, runCommand } from './helpers/quickInput';
import { allRows, descriptionPieceLeft, drawnRows, openContainer, rowLayout } from './helpers/sidebar';
import { findOnLine } from './helpers/articleText';

const SEED = '004_c60929020f56a472.txt';
/** A figure three sources agree on: its hover lists the others with outlet and date. */
const AGREED = { line: 32, text: 'نحو 2500 جندي' };
/** An actor, and the same name as typed without care: final ى for ي. */
const ACTOR = 'السوداني';
const OTHER_SPELLING = 'السودانى';

const win = openSeedWindow('arabic-ui', SEED);
const page = () => win.page();
const shot = win.shot;

/** Left edges of PIECES inside the first text node under SELECTOR that holds them all. */
async function piecesLeft(p: Page, selector: string, pieces: string[]): Promise<number[] | undefined> {
  return p.evaluate(
    ({ selector, pieces }) => {
      for (const root of Array.from(document.querySelectorAll(selector))) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          let from = 0;
          const at: number[] = [];
          for (const piece of pieces) {
            const i = text.indexOf(piece, from);
            if (i < 0) break;
            at.push(i);
            from = i + piece.length;
          }
          if (at.length !== pieces.length) continue;
          return at.map((i, k) => {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + pieces[k].length);
            return range.getBoundingClientRect().left;
          });
        }
      }
      return undefined;
    },
    { selector, pieces },
  );
}

test('Ctrl+T finds an actor typed with another spelling (final ى)', { timeout: 45_000 }, () =>
  shot('symbols', async () => {
    await page().keyboard.press('ControlOrMeta+T');
    await page().keyboard.type(OTHER_SPELLING);
    const rows = await poll(
      `a symbol row for ${ACTOR}`,
      async () => {
        const s = await quickInputState(page());
        return s.rows.some((r) => r.includes(ACTOR)) ? s.rows : undefined;
      },
      { timeoutMs: 20_000, lastSeen: () => quickInputState(page()) },
    );
    assert.ok(rows.length > 0);
    await page().keyboard.press('Escape');
  }),
);

test('the Outline draws each date after its Arabic text, its ISO value year first', { timeout: 60_000 }, () =>
  shot('outline', async () => {
    await quickOpen(page(), SEED);
    await runCommand(page(), 'Explorer: Focus on Outline View');
    // The keyboard, not clicks: the Outline is a short pane whose virtual list draws only the rows in
    // sight, and it scrolls to follow the cursor, so a row to click may not be drawn. Home, then ←
    // folds the actors (the first group, and many); ↓ → opens the dates below it.
    await page().keyboard.press('Home');
    const rows = await poll(
      'the Outline with dates',
      async () => {
        const rs = await drawnRows(page(), 'Outline');
        const actors = rs.find((r) => r.label === 'Actors');
        if (actors?.expanded) {
          await page().keyboard.press('Home');
          await page().keyboard.press('ArrowLeft');
          return undefined;
        }
        const dates = rs.find((r) => r.label === 'Dates');
        if (dates && !dates.expanded) {
          await page().keyboard.press('Home');
          await page().keyboard.press('ArrowDown');
          await page().keyboard.press('ArrowRight');
          return undefined;
        }
        return rs.some((r) => /^\d{4}-\d{2}-\d{2}/.test(r.description)) ? rs : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 1000, lastSeen: () => drawnRows(page(), 'Outline') },
    );
    const problems: string[] = [];
    for (const r of await rowLayout(page(), 'Outline')) {
      if (r.descriptionFirstCharLeft < r.labelRight - 1) problems.push(`"${r.label}" | "${r.description}": the detail starts inside the name`);
    }
    let checked = 0;
    for (const r of rows.filter((x) => /^\d{4}-\d{2}-\d{2}/.test(x.description))) {
      const m = /^(\d{4})-\d{2}-(\d{2})/.exec(r.description)!;
      const year = await descriptionPieceLeft(page(), 'Outline', r.label, m[1]);
      const day = await descriptionPieceLeft(page(), 'Outline', r.label, `-${m[2]}`);
      if (year === undefined || day === undefined) continue;
      checked++;
      if (year > day) problems.push(`"${r.label}": "${m[0]}" is drawn right to left`);
    }
    assert.ok(checked > 0, `no dated row measured: ${rows.map((r) => `${r.label} | ${r.description}`).join('; ')}`);
    assert.deepEqual(problems, []);
  }),
);

test('a figure\'s hover reads "(outlet, date)" left to right, the date year first', { timeout: 60_000 }, () =>
  shot('hover', async () => {
    await quickOpen(page(), SEED);
    const at = findOnLine(win.seedText, AGREED.line, AGREED.text);
    await goTo(page(), at.line, 1);
    const text = await poll(
      'the hover of the figure',
      async () => {
        const shown = await visibleHover(page());
        if (shown && /sources/.test(shown)) return shown;
        await hoverText(page(), '2500 جندي');
        await page().waitForTimeout(700);
        return undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const m = /\(([^()]+), (\d{4})-(\d{2})-(\d{2})\)/.exec(text.replace(/[\u2066-\u2069]/g, ''));
    assert.ok(m, `no "(outlet, date)" in the hover: ${text}`);
    const outlet = m[1].trim();
    const lefts = await piecesLeft(page(), '.monaco-hover:not(.hidden)', ['(', outlet, m[2], `-${m[4]}`, ')']);
    assert.ok(lefts, `the hover pieces were not found: ${outlet} ${m[2]}`);
    const [open, who, year, day, close] = lefts;
    assert.ok(open < who && who < year && year < day && day < close, `drawn out of order: ( ${open}, outlet ${who}, year ${year}, day ${day}, ) ${close}`);
    await page().keyboard.press('Escape');
    await page().mouse.move(700, 5);
  }),
);

test('a filter that matches nothing says so (not "no articles"), and the views say a filter is on', { timeout: 60_000 }, () =>
  shot('filter-nothing', async () => {
    await openContainer(page(), 'Sanad', 'Actors');
    await runCommand(page(), 'Sanad: Filter Panel…');
    await answerInput(page(), 'zzzz', { what: 'the filter text' });
    const rows = await poll(
      'the Actors view to say nothing matches',
      async () => {
        const rs = await allRows(page(), 'Actors');
        return rs.length === 1 && /Nothing matches/.test(rs[0].label) ? rs : undefined;
      },
      { timeoutMs: 20_000, lastSeen: () => allRows(page(), 'Actors') },
    );
    assert.match(rows[0].label, /zzzz/);
    const welcome = await page()
      .locator('.part.sidebar .welcome-view-content')
      .filter({ hasText: /indexed/ })
      .count();
    assert.equal(welcome, 0, 'the "no articles indexed" welcome shows under a filter');
    const messages = await page().evaluate(() =>
      Array.from(document.querySelectorAll('.part.sidebar .pane')).map(
        (p) => `${p.querySelector('.pane-header')?.getAttribute('aria-label')}: ${(p.querySelector('.pane-body .message')?.textContent ?? '').replace(/[\u2066-\u2069]/g, '')}`,
      ),
    );
    for (const view of ['Actors', 'Figures', 'Sources']) {
      assert.ok(
        messages.some((m) => m.startsWith(`${view} Section`) && /Filtered by .zzzz./.test(m)),
        `the ${view} view does not say it is filtered: ${messages.join(' | ')}`,
      );
    }
  }),
);

test('an actor filter keeps the Sources and Figures of the articles that name it', { timeout: 60_000 }, () =>
  shot('filter-actor', async () => {
    await runCommand(page(), 'Sanad: Filter Panel…');
    await answerInput(page(), ACTOR, { what: 'the filter text' });
    const naming = readFileSync(join(win.suite.workspace.seeds, SEED), 'utf8').includes(ACTOR);
    const sources = await poll(
      'the Sources of the actor',
      async () => {
        const rs = await allRows(page(), 'Sources');
        return rs.length > 0 && !rs.some((r) => /Nothing matches/.test(r.label)) ? rs : undefined;
      },
      { timeoutMs: 20_000, lastSeen: () => allRows(page(), 'Sources') },
    );
    for (const r of sources) {
      const file = join(win.suite.workspace.root, r.label);
      assert.ok(readFileSync(file, 'utf8').includes(ACTOR), `${r.label} does not name ${ACTOR}`);
    }
    if (naming) assert.ok(sources.some((r) => r.label === `seeds/${SEED}`));
    const figures = await allRows(page(), 'Figures');
    assert.ok(figures.length > 0 && !figures.some((r) => /Nothing matches/.test(r.label)), `Figures is empty under an actor filter: ${figures.map((r) => r.label).join(', ')}`);
    await runCommand(page(), 'Sanad: Clear Panel Filter');
  }),
);
