// Integration layer, a review that flows (issue 17, items 9 and 10): the packaged .vsix in a real
// VS Code with a copy of the seeds open. Contradictions read verdict first and by outlet in
// Problems; Ctrl+. names each pair once; a pair marked explained leaves the status bar's count.
// A decision is confirmed in the status bar, an accepted span is drawn apart from a suggestion,
// a decided label offers "Remove label" and "Change type…", and Ctrl+Alt+Z undoes the decision.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSuite, type Suite } from './helpers/session';
import { poll, quickOpen, sanadIndexed, settle, statusItems } from './helpers/workbench';
import { answerInput, goTo, runCommand } from './helpers/quickInput';
import { decorationsAt, problemRows, type DrawnDecoration } from './helpers/editorWidgets';
import { findOnLine } from './helpers/articleText';

const SEED = '004_c60929020f56a472.txt';
const CONTRADICTED = { line: 16, text: 'أكثر من 150 ضربة' };
const OTHER = { line: 32, text: 'نحو 2500 جندي' };
const SUGGESTED = { line: 32, text: 'زهاء 900 جندي' };
const strip = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

let suite: Suite;
let seedText: string;
const page = () => suite.session.page;
const shot = (name: string, check: () => Promise<void>) => suite.withShot(name, check);
const labelFile = () => join(suite.workspace.root, '.sanad', 'labels', 'seeds', `${SEED}.yaml`);

/** The titles of the open Ctrl+. menu (bidi isolates taken out). */
async function codeActionTitles(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    Array.from(document.querySelectorAll('.action-widget .monaco-list-row.action')).map((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').replace(/[\u2066-\u2069]/g, '').trim()),
  );
}

/** Opens Ctrl+. at LINE/TEXT and waits for a menu holding rows that match RE. */
async function openActions(at: { line: number; text: string }, re: RegExp): Promise<string[]> {
  const place = findOnLine(seedText, at.line, at.text);
  await goTo(page(), place.line, place.column + 3);
  return poll(`a Ctrl+. menu with ${re}`, async () => {
    const titles = await codeActionTitles(page());
    if (titles.some((x) => re.test(x))) return titles;
    await page().keyboard.press('Escape');
    await page().keyboard.press('ControlOrMeta+.');
    await page().waitForTimeout(800);
    return undefined;
  }, { timeoutMs: 20_000, intervalMs: 200, lastSeen: () => codeActionTitles(page()) });
}

async function chooseAction(title: string): Promise<void> {
  const row = page().locator('.action-widget .monaco-list-row.action').filter({ hasText: title.slice(0, 20) });
  const all = await row.all();
  for (const r of all) {
    if (strip((await r.getAttribute('aria-label')) ?? (await r.textContent()) ?? '') === title) {
      await r.click();
      return;
    }
  }
  throw new Error(`no action "${title}"`);
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

before(async () => {
  suite = await startSuite('review', { 'sanad.labels.annotator': 'integration-test' });
  seedText = readFileSync(join(suite.workspace.seeds, SEED), 'utf8');
  await shot('open-seed', async () => {
    await quickOpen(page(), SEED);
    await sanadIndexed(page());
  });
}, { timeout: 240_000 });

after(async () => {
  await suite?.close();
}, { timeout: 30_000 });

test('Problems gives a contradiction\'s verdict first, and its two figures by outlet, not file name', { timeout: 45_000 }, () =>
  shot('problems', async () => {
    await page().keyboard.press('ControlOrMeta+Shift+M');
    const rows = await poll('problems for the seed', async () => {
      const rs = await problemRows(page());
      return rs.some((r) => r.level === 1 && r.label.includes(SEED)) && rs.some((r) => r.level === 2 && /cannot be/.test(r.label)) ? rs : undefined;
    }, { timeoutMs: 30_000, lastSeen: () => problemRows(page()) });
    const warnings = rows.filter((r) => r.level === 2 && /cannot be/.test(r.label)).map((r) => strip(r.label));
    for (const w of warnings) {
      assert.match(w, /^Warning: dozens \(20–99\) cannot be more than 150: /, w);
      assert.ok(!/seeds\//.test(w.split(',')[0]), `a path in the message: ${w}`);
    }
    assert.ok(warnings.some((w) => w.includes('150+ (إيلاف) vs dozens (إرم نيوز)')), warnings.join('\n'));
    await runCommand(page(), 'View: Toggle Panel Visibility');
  }));

test('Ctrl+. names each pair once; a pair marked explained leaves the status bar\'s count', { timeout: 90_000 }, () =>
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
  }));

test('an accept is confirmed in the status bar and drawn apart from a suggestion; Ctrl+. then offers Remove label and Change type', { timeout: 90_000 }, () =>
  shot('accept-feedback', async () => {
    const suggestion = await drawn(SUGGESTED, (d) => d.borderStyle === 'solid', 'a suggestion');
    assert.ok(suggestion.borderWidth <= 1, `a suggestion has a ${suggestion.borderWidth}px border`);
    const at = findOnLine(seedText, OTHER.line, OTHER.text);
    await goTo(page(), at.line, at.column + 3);
    await page().keyboard.press('ControlOrMeta+Alt+A');
    await statusMessage(/Sanad: accepted “نحو 2500 جندي” — Ctrl\+Alt\+Z to undo/);
    const accepted = await drawn(OTHER, (d) => d.borderStyle === 'solid' && d.borderWidth >= 3, 'accepted (a thick border)');
    assert.ok(accepted.borderWidth >= 3 * suggestion.borderWidth);
    const titles = await openActions(OTHER, /^Sanad: Remove label on figure/);
    assert.ok(titles.some((x) => /^Sanad: Change type of figure "نحو 2500 جندي"…$/.test(x)), titles.join(' | '));
    await page().keyboard.press('Escape');
  }));

test('Ctrl+Alt+Z undoes the last decision: the span is a suggestion again, on screen and in the label file', { timeout: 60_000 }, () =>
  shot('undo', async () => {
    assert.ok(existsSync(labelFile()) && readFileSync(labelFile(), 'utf8').includes('نحو 2500 جندي'));
    const at = findOnLine(seedText, OTHER.line, OTHER.text);
    await goTo(page(), at.line, at.column + 3);
    await settle(page());
    await page().keyboard.press('ControlOrMeta+Alt+Z');
    await statusMessage(/Sanad: undid the decision on “نحو 2500 جندي”/);
    await poll('the label gone from the file', async () => !readFileSync(labelFile(), 'utf8').includes('نحو 2500 جندي') || undefined, { timeoutMs: 15_000, lastSeen: async () => readFileSync(labelFile(), 'utf8') });
    await drawn(OTHER, (d) => d.borderStyle === 'solid' && d.borderWidth <= 1, 'a suggestion again');
    // Ctrl+Z still belongs to the text: the article was not changed by any of this.
    assert.equal(await page().evaluate(() => !!document.querySelector('.part.editor .tab.active.dirty')), false);
  }));
