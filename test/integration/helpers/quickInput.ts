// Driving VS Code the way a user does from the keyboard: the command palette, quick picks, input
// boxes, the simple file dialog (a quick input with a path in it), Go to Line, and reading back
// the cursor position and the notifications.
import type { Page } from 'playwright-core';
import { exactly, poll, settle } from './workbench';

const MOD = 'ControlOrMeta';
const QUICK_INPUT = '.quick-input-widget';
const INPUT = `${QUICK_INPUT} .quick-input-box input`;
const ROW = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;

async function quickInputShown(page: Page): Promise<boolean> {
  return page.locator(INPUT).isVisible();
}

/** Waits until the quick input is gone (answered or cancelled). */
export async function quickInputClosed(page: Page, what: string, timeoutMs = 10_000): Promise<void> {
  await poll(`the quick input to close after ${what}`, async () => !(await quickInputShown(page)), {
    timeoutMs,
    lastSeen: () => quickInputState(page),
  });
}

/** What the quick input shows: its title, its text, its rows and its message. */
export async function quickInputState(page: Page): Promise<{ visible: boolean; title: string; value: string; rows: string[]; message: string }> {
  return page.evaluate(
    ({ widget, row }) => {
      const el = document.querySelector<HTMLElement>(widget);
      const input = el?.querySelector('.quick-input-box input') as HTMLInputElement | null;
      return {
        visible: !!el && el.style.display !== 'none' && getComputedStyle(el).display !== 'none',
        title: el?.querySelector('.quick-input-title')?.textContent ?? '',
        value: input?.value ?? '',
        rows: Array.from(document.querySelectorAll(row)).map((r) => r.getAttribute('aria-label') ?? ''),
        message: el?.querySelector('.quick-input-message')?.textContent ?? '',
      };
    },
    { widget: QUICK_INPUT, row: ROW },
  );
}

/** The quick input row whose label is exactly LABEL. */
function rowLabelled(page: Page, label: string) {
  return page.locator(ROW, { has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
}

/**
 * Runs a command from the palette (Ctrl+Shift+P) by its title as the palette lists it, e.g.
 * "Sanad: Filter Panel…". Fails if the palette has no such command. The row is clicked by its
 * label rather than by Enter: until the palette has filtered, its first row may be another command.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 15_000): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+Shift+P`);
  const input = page.locator(INPUT);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`>${title}`);
  const row = rowLabelled(page, title);
  await row.waitFor({ state: 'visible', timeout: timeoutMs }).catch(async () => {
    throw new Error(`the command palette has no "${title}": ${JSON.stringify(await quickInputState(page))}`);
  });
  await row.click({ timeout: timeoutMs });
}

/** Chooses the quick pick row whose label is LABEL (the part before the description). */
export async function pickItem(page: Page, label: string, timeoutMs = 15_000): Promise<void> {
  const row = rowLabelled(page, label);
  await row.waitFor({ state: 'visible', timeout: timeoutMs }).catch(async () => {
    throw new Error(`no quick pick row "${label}": ${JSON.stringify(await quickInputState(page))}`);
  });
  await row.click({ timeout: timeoutMs });
}

/** Types TEXT into the open input box (or file dialog) and presses Enter; WHAT names it in errors. */
export async function answerInput(page: Page, text: string, { what, timeoutMs = 15_000 }: { what: string; timeoutMs?: number }): Promise<void> {
  const input = page.locator(INPUT);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(text);
  await settle(page);
  await page.keyboard.press('Enter');
  await quickInputClosed(page, what, timeoutMs);
}

/**
 * Answers VS Code's simple file dialog with an absolute PATH. The dialog is a quick input that
 * starts with a folder path; it is told apart from a quick pick by that path. As the path is typed
 * the dialog lists its folder, and an Enter that arrives while it does so is taken for the old path
 * ("Please select a file"): so Enter waits for the listing (which shows the file, when it EXISTS),
 * and is tried again if the dialog stays open.
 */
export async function answerFileDialog(page: Page, path: string, { exists, timeoutMs = 15_000 }: { exists: boolean; timeoutMs?: number }): Promise<void> {
  await poll(
    'the file dialog (a quick input holding a path)',
    async () => {
      const state = await quickInputState(page);
      return state.visible && state.value.startsWith('/') ? state : undefined;
    },
    { timeoutMs, lastSeen: () => quickInputState(page) },
  );
  const name = path.split('/').pop() ?? path;
  const input = page.locator(INPUT);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await input.fill(path);
    await poll(
      `the file dialog to list the folder of ${path}`,
      async () => {
        const state = await quickInputState(page);
        // The dialog sets its starting folder a moment after it opens, over what was typed: type again.
        if (state.visible && state.value !== path) {
          await input.fill(path);
          return false;
        }
        return state.value === path && state.rows.includes('..') && (!exists || state.rows.includes(name));
      },
      { timeoutMs, lastSeen: () => quickInputState(page) },
    );
    await settle(page);
    const title = (await quickInputState(page)).title;
    await page.keyboard.press('Enter');
    // Closed, or replaced by the next dialog (a command that asks for two folders in a row).
    const closed = await poll(
      'the file dialog to close',
      async () => {
        const now = await quickInputState(page);
        return !now.visible || !(await quickInputShown(page)) || now.title !== title;
      },
      { timeoutMs: 5000 },
    ).then(
      () => true,
      () => false,
    );
    if (closed) return;
  }
  throw new Error(`the file dialog did not accept ${path}: ${JSON.stringify(await quickInputState(page))}`);
}

/** The cursor as the status bar shows it: line and column (1-based) and how much is selected. */
export async function cursorStatus(page: Page): Promise<{ line: number; column: number; selected: number } | undefined> {
  const text = await page
    .locator('[id="status.editor.selection"]')
    .textContent({ timeout: 1000 })
    .catch(() => null);
  const m = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text ?? '');
  return m ? { line: Number(m[1]), column: Number(m[2]), selected: Number(m[3] ?? 0) } : undefined;
}

/** Moves the cursor with Go to Line (Ctrl+G, ":line:column") and waits for the status bar to agree. */
export async function goTo(page: Page, line: number, column: number, timeoutMs = 10_000): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+1`);
  await page.keyboard.press(`${MOD}+G`);
  const input = page.locator(INPUT);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await quickInputClosed(page, `going to ${line}:${column}`, timeoutMs);
  await poll(
    `the cursor at Ln ${line}, Col ${column}`,
    async () => {
      const at = await cursorStatus(page);
      return at && at.line === line && at.column === column ? at : undefined;
    },
    { timeoutMs, lastSeen: () => cursorStatus(page) },
  );
}

/**
 * Selects LENGTH characters from line:column with Shift+Right, as a user would, and waits until
 * the status bar reports the selection.
 */
export async function selectFrom(page: Page, line: number, column: number, length: number, timeoutMs = 10_000): Promise<void> {
  await goTo(page, line, column, timeoutMs);
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
  await poll(
    `a selection ending at Ln ${line}, Col ${column + length}`,
    async () => {
      const at = await cursorStatus(page);
      return at && at.line === line && at.column === column + length && at.selected > 0 ? at : undefined;
    },
    { timeoutMs, lastSeen: () => cursorStatus(page) },
  );
}

/** The messages of the notification toasts on screen, newest first. */
export async function notifications(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('.notifications-toasts .notification-list-item-message')).map((e) => (e.textContent ?? '').trim()));
}
