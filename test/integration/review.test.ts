// Integration layer, a review that flows (issue 17, items 9, 10 and 11): the packaged .vsix in a real
// VS Code with a copy of the seeds open. Contradictions read verdict first and by outlet in
// Problems; Ctrl+. names each pair once; a pair marked explained leaves the status bar's count.
// A decision is confirmed in the status bar, an accepted span is drawn apart from a suggestion,
// a decided label offers "Remove label" and "Change type…", and Ctrl+Alt+Z undoes the decision.
// The claim view lists every source's figure side by side; next unreviewed says how far the review
// has come; one command accepts every suggestion of one type in a selection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSeedWindow } from './helpers/seedWindow';
import { poll, quickOpen, settle, statusItems } from './helpers/workbench';
import { answerInput, cursorStatus, goTo, pickItem, runCommand } from './helpers/quickInput';
import { drawnRows, rowLayout } from './helpers/sidebar';
import { decorationsAt, problemRows, type DrawnDecoration } from './helpers/editorWidgets';
import { findOnLine } from './helpers/articleText';

const SEED = '004_c60929020f56a472.txt';
const CONTRADICTED = { line: 16, text: 'أكثر من 150 ضربة' };
const OTHER = { line: 32, text: 'نحو 2500 جندي' };
const SUGGESTED = { line: 32, text: 'زهاء 900 جندي' };
const strip = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

const win = openSeedWindow('review', SEED, { settings: { 'sanad.labels.annotator': 'integration-test' } });
const page = () => win.page();
const shot = win.shot;
const labelFile = () => join(win.suite.workspace.root, '.sanad', 'labels', 'seeds', `${SEED}.yaml`);

/** The titles of the open Ctrl+. menu (bidi isolates taken out). */
async function codeActionTitles(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    Array.from(document.querySelectorAll('.action-widget .monaco-list-row.action')).map((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').replace(/[\u2066-\u2069]/g, '').trim()),
  );
}

/** Opens Ctrl+. at LINE/TEXT and waits for a menu holding rows that match RE. */
async function openActions(at: { line: number; text: string }, re: RegExp): Promise<string[]> {
  const place = findOnLine(win.seedText, at.line, at.text);
  await goTo(page(), place.line, place.column + 3);
  return poll(
    `a Ctrl+. menu with ${re}`,
    async () => {
      const titles = await codeActionTitles(page());
      if (titles.some((x) => re.test(x))) return titles;
      await page().keyboard.press('Escape');
      await page().keyboard.press('ControlOrMeta+.');
      await page().waitForTimeout(800);
      return undefined;
    },
    { timeoutMs: 20_000, intervalMs: 200, lastSeen: () => codeActionTitles(page()) },
  );
}

/** Chooses TITLE in the open Ctrl+. menu with the keyboard (a click is caught by the menu's pointer guard). */
async function chooseAction(title: string): Promise<void> {
  const focused = () => page().evaluate(() => (document.querySelector('.action-widget .monaco-list-row.action.focused')?.getAttribute('aria-label') ?? '').replace(/[\u2066-\u2069]/g, '').trim());
  for (let i = 0; i < 20; i++) {
    if ((await focused()) === title) {
      await page().keyboard.press('Enter');
      return;
    }
    await page().keyboard.press('ArrowDown');
    await page().waitForTimeout(100);
  }
  throw new Error(`no action "${title}" (focused: ${await focused()})`);
}

/** The count of open contradictions the Sanad status item shows after its warning icon. */
async function statusContradictions(): Promise<number> {
  const item = (await statusItems(page())).find((i) => /^Sanad:/.test(i.text));
  const m = item && /figures\s+(\d+)$/.exec(item.text);
  return m ? Number(m[1]) : 0;
}

async function drawn(at: { line: number; text: string }, ok: (d: DrawnDecoration) => boolean, what: string): Promise<DrawnDecoration> {
  await goTo(page(), at.line, 1);
  return poll(`"${at.text}" drawn as ${what}`, async () => (await decorationsAt(page(), at.line, at.text))?.find(ok), {
    timeoutMs: 20_000,
    lastSeen: () => decorationsAt(page(), at.line, at.text),
  });
}

const statusMessage = (re: RegExp) =>
  poll(`a status bar message ${re}`, async () => (await statusItems(page())).find((i) => re.test(strip(i.text)))?.text, { timeoutMs: 10_000, intervalMs: 100, lastSeen: () => statusItems(page()) });

test("Problems gives a contradiction's verdict first, and its two figures by outlet, not file name", { timeout: 45_000 }, () =>
  shot('problems', async () => {
    await page().keyboard.press('ControlOrMeta+Shift+M');
    const rows = await poll(
      'problems for the seed',
      async () => {
        const rs = await problemRows(page());
        return rs.some((r) => r.level === 1 && r.label.includes(SEED)) && rs.some((r) => r.level === 2 && /cannot be/.test(r.label)) ? rs : undefined;
      },
      { timeoutMs: 30_000, lastSeen: () => problemRows(page()) },
    );
    const warnings = rows.filter((r) => r.level === 2 && /cannot be/.test(r.label)).map((r) => strip(r.label));
    for (const w of warnings) {
      assert.match(w, /^Warning: dozens \(20–99\) cannot be more than 150: /, w);
      assert.ok(!/seeds\//.test(w.split(',')[0]), `a path in the message: ${w}`);
    }
    assert.ok(
      warnings.some((w) => w.includes('150+ (إيلاف) vs dozens (إرم نيوز)')),
      warnings.join('\n'),
    );
    await runCommand(page(), 'View: Toggle Panel Visibility');
  }),
);

test("Ctrl+. names each pair once; a pair marked explained leaves the status bar's count", { timeout: 90_000 }, () =>
  shot('explain-pair', async () => {
    await quickOpen(page(), SEED);
    assert.equal(await poll('two contradictions in the status bar', async () => ((await statusContradictions()) === 2 ? 2 : undefined), { timeoutMs: 20_000, lastSeen: () => statusItems(page()) }), 2);
    const titles = await openActions(CONTRADICTED, /^Sanad: Mark as explained/);
    const explain = titles.filter((x) => x.startsWith('Sanad: Mark as explained'));
    assert.equal(explain.length, 2, titles.join(' | '));
    assert.equal(new Set(explain).size, 2, `two identical titles: ${explain.join(' | ')}`);
    const chosen = explain.find((x) => x.includes('إرم نيوز'));
    assert.ok(chosen, explain.join(' | '));
    assert.match(chosen, /^Sanad: Mark as explained: 150\+ \(إيلاف\) vs dozens \(إرم نيوز\)…$/);
    await chooseAction(chosen);
    await answerInput(page(), 'different periods', { what: 'the note' });
    await poll('one contradiction in the status bar', async () => ((await statusContradictions()) === 1 ? 1 : undefined), { timeoutMs: 20_000, lastSeen: () => statusItems(page()) });
  }),
);

test('an accept is confirmed in the status bar and drawn apart from a suggestion; Ctrl+. then offers Remove label and Change type', { timeout: 90_000 }, () =>
  shot('accept-feedback', async () => {
    const suggestion = await drawn(SUGGESTED, (d) => d.borderStyle === 'solid', 'a suggestion');
    assert.ok(suggestion.borderWidth <= 1, `a suggestion has a ${suggestion.borderWidth}px border`);
    const at = findOnLine(win.seedText, OTHER.line, OTHER.text);
    await goTo(page(), at.line, at.column + 3);
    await page().keyboard.press('ControlOrMeta+Alt+A');
    await statusMessage(/Sanad: accepted “نحو 2500 جندي” — Ctrl\+Alt\+Z to undo/);
    const accepted = await drawn(OTHER, (d) => d.borderStyle === 'solid' && d.borderWidth >= 3, 'accepted (a thick border)');
    assert.ok(accepted.borderWidth >= 3 * suggestion.borderWidth);
    const titles = await openActions(OTHER, /^Sanad: Remove label on figure/);
    assert.ok(
      titles.some((x) => /^Sanad: Change type of figure "نحو 2500 جندي"…$/.test(x)),
      titles.join(' | '),
    );
    await page().keyboard.press('Escape');
  }),
);

test('Ctrl+Alt+Z undoes the last decision: the span is a suggestion again, on screen and in the label file', { timeout: 60_000 }, () =>
  shot('undo', async () => {
    assert.ok(existsSync(labelFile()) && readFileSync(labelFile(), 'utf8').includes('نحو 2500 جندي'));
    const at = findOnLine(win.seedText, OTHER.line, OTHER.text);
    await goTo(page(), at.line, at.column + 3);
    await settle(page());
    await page().keyboard.press('ControlOrMeta+Alt+Z');
    await statusMessage(/Sanad: undid the decision on “نحو 2500 جندي”/);
    await poll('the label gone from the file', async () => !readFileSync(labelFile(), 'utf8').includes('نحو 2500 جندي') || undefined, {
      timeoutMs: 15_000,
      lastSeen: async () => readFileSync(labelFile(), 'utf8'),
    });
    await drawn(OTHER, (d) => d.borderStyle === 'solid' && d.borderWidth <= 1, 'a suggestion again');
    // Ctrl+Z still belongs to the text: the article was not changed by any of this.
    assert.equal(await page().evaluate(() => !!document.querySelector('.part.editor .tab.active.dirty')), false);
  }),
);

test("the claim view (Ctrl+Alt+C) shows every source's value, date and verdict side by side", { timeout: 60_000 }, () =>
  shot('claim-view', async () => {
    const at = findOnLine(win.seedText, CONTRADICTED.line, CONTRADICTED.text);
    await goTo(page(), at.line, at.column + 3);
    await page().keyboard.press('ControlOrMeta+Alt+C');
    const rows = await poll(
      'the Claim view with three sources',
      async () => {
        const rs = await drawnRows(page(), 'Claim');
        return rs.length === 3 ? rs : undefined;
      },
      { timeoutMs: 20_000, lastSeen: () => drawnRows(page(), 'Claim') },
    );
    const row = (outlet: string) => rows.find((r) => r.label === outlet);
    assert.match(row('إيلاف')?.description ?? '', /^150\+ · undated · this figure$/);
    // The pair explained above says so; the other clash does not.
    assert.match(row('إرم نيوز')?.description ?? '', /^dozens · 2024-01-26 · contradicts \(explained\)$/);
    assert.ok(
      rows.some((r) => /^dozens · undated · contradicts$/.test(r.description)),
      rows.map((r) => `${r.label} | ${r.description}`).join('; '),
    );
    // Values and dates read left to right after the Arabic outlet.
    for (const r of await rowLayout(page(), 'Claim')) assert.ok(r.descriptionFirstCharLeft >= r.labelRight - 1, `"${r.label}" | "${r.description}" drawn inside each other`);
  }),
);

test('next unreviewed (Ctrl+Alt+N) moves to the next suggestion and says how far the review has come', { timeout: 60_000 }, () =>
  shot('next-unreviewed', async () => {
    await quickOpen(page(), SEED);
    await goTo(page(), 1, 1);
    await page().keyboard.press('ControlOrMeta+Alt+N');
    const message = strip(await statusMessage(/\d+ of \d+ reviewed in this article · \d+ of \d+ in the corpus/));
    const m = /(\d+) of (\d+) reviewed in this article · (\d+) of (\d+) in the corpus/.exec(message)!;
    // The one decision in this article was undone above; nothing was decided elsewhere.
    assert.equal(Number(m[1]), 0, message);
    assert.ok(Number(m[2]) > 10 && Number(m[4]) > Number(m[2]), message);
    const cursor = await poll(
      'the cursor to leave line 1',
      async () => {
        const c = await cursorStatus(page());
        return c && c.line > 1 ? c : undefined;
      },
      { timeoutMs: 5000 },
    );
    assert.ok(cursor.line >= 2);
  }),
);

test('accept all of one type in a selection: both places of a line, one step', { timeout: 60_000 }, () =>
  shot('accept-all', async () => {
    await goTo(page(), 3, 1);
    await page().keyboard.press('Shift+End');
    await poll('the line selected', async () => ((await cursorStatus(page()))?.selected ?? 0) > 0 || undefined, { timeoutMs: 5000 });
    // The palette opened straight away: runCommand's Escape would clear the selection first.
    await page().keyboard.press('F1');
    await page().locator('.quick-input-widget .quick-input-box input').fill('>Sanad: Accept All of One Type in Selection');
    await pickItem(page(), 'Sanad: Accept All of One Type in Selection…');
    await pickItem(page(), 'Place');
    await statusMessage(/Sanad: accepted 2 suggestions \(Place\)/);
    const file = await poll(
      'both places accepted in the label file',
      async () => {
        const text = existsSync(labelFile()) ? readFileSync(labelFile(), 'utf8') : '';
        return /text: بغداد[\s\S]*?status: accepted|status: accepted[\s\S]*?text: بغداد/.test(text) && text.includes('واشنطن') ? text : undefined;
      },
      { timeoutMs: 15_000, lastSeen: async () => (existsSync(labelFile()) ? readFileSync(labelFile(), 'utf8') : '') },
    );
    assert.ok(file.includes('type: place'));
  }),
);
