// What the tests read off the VS Code workbench, through its DOM. Selectors follow VS Code 1.100's
// renderer: the text is in `.view-lines > .view-line`, decorations that paint behind the text are
// divs in `.view-overlays` (one row per visible line, matched to its text row by `top`), line
// numbers in `.margin-view-overlays`.
import type { Page } from 'playwright-core';

/** Ctrl on Linux and Windows, Cmd on macOS: VS Code's primary modifier, in the browser as on the desktop. */
const MOD = 'ControlOrMeta';
/** The key that moves to the top of the document. */
const TOP = process.platform === 'darwin' ? 'Meta+ArrowUp' : 'Control+Home';

/** The text editor of the active editor group. */
export const EDITOR = '.part.editor .editor-group-container.active .editor-instance .monaco-editor';

/** One rendered row of the editor (a wrapped line gives several). */
export interface ViewLine {
  top: number;
  text: string;
  /** How many token parts VS Code split the row into; more than one scrambles Arabic. */
  parts: number;
  /** The logical line this row belongs to (unknown for wrapped rows above the first numbered one). */
  lineNumber?: number;
  /** Whether this row starts its line (the others are its wrapped continuation). */
  firstRow: boolean;
  /** Classes of extension decorations (`ced-…`) painted on this row. */
  decorations: string[];
  /** The row's text box, in page pixels. */
  width: number;
}

/**
 * Calls CHECK until it returns something other than undefined or false, at most TIMEOUT ms.
 * On timeout the error names WHAT was awaited and shows the last value seen, so a failure says
 * what the window showed rather than just "timeout".
 */
export async function poll<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 250, lastSeen }: { timeoutMs?: number; intervalMs?: number; lastSeen?: () => Promise<unknown> } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() >= deadline) {
      last = lastSeen ? await lastSeen().catch((e: unknown) => `(could not read: ${String(e)})`) : undefined;
      const shown = last === undefined ? '' : `\nlast seen: ${typeof last === 'string' ? last : JSON.stringify(last, null, 1)}`;
      throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${shown}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Waits for two animation frames, by which time the editor has drawn what it was told to. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/**
 * Puts the keyboard in the editor and goes to the top of the document. A click would land on
 * whatever floats over the text (sticky scroll, a hover), so the focus moves by keyboard: Escape
 * closes pickers and hovers, Ctrl+1 focuses the first editor group.
 */
export async function toTop(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+1`);
  await page.keyboard.press(TOP);
  await settle(page);
}

/** A pattern matching exactly TEXT (for Playwright's hasText, which otherwise matches substrings). */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Whether the active editor's file lies under a hidden folder (.sanad/…), read from its breadcrumbs. */
function activeEditorInHiddenFolder(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.part.editor .editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item')).some((item) => (item.textContent ?? '').trim().startsWith('.')),
  );
}

/** Opens FILE through Quick Open (Ctrl+P), as a user would, and waits for its text to show. */
export async function quickOpen(page: Page, file: string, timeoutMs = 30_000): Promise<void> {
  const tab = page.locator('.part.editor .tab.active', { hasText: file });
  // An editor that is still opening (from a click in a view, say) can take the focus back and
  // close Quick Open under the typing; a second attempt then finds a quiet window.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(`${MOD}+P`);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(file);
    // The file search runs on the server, and until it answers the list still shows the editor
    // history, whose first row Enter would open: click the file's own row instead.
    // Copies under .sanad/ (a brat export mirrors seeds/) have the same name: never theirs.
    const row = page
      .locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: exactly(file) }), hasNot: page.locator('.label-description', { hasText: '.sanad' }) })
      .first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    // After a miss, the search's answer is let in before the click (it redraws the list).
    if (attempt > 1) {
      await page.waitForTimeout(500 * attempt);
      await row.waitFor({ state: 'visible', timeout: timeoutMs });
    }
    await row.click({ timeout: timeoutMs });
    const opened = await tab.waitFor({ state: 'visible', timeout: attempt < 3 ? 5000 : timeoutMs }).then(
      () => true,
      (err: unknown) => {
        if (attempt >= 3) throw err;
        return false;
      },
    );
    // The list can be redrawn under the click (the search answers late) and the click then lands
    // on the copy's row: close that editor and try again.
    if (opened && (await activeEditorInHiddenFolder(page))) {
      if (attempt >= 5) throw new Error(`Quick Open kept opening a copy of ${file} under a hidden folder`);
      await page.keyboard.press(`${MOD}+W`);
      continue;
    }
    if (opened) break;
    await page.keyboard.press('Escape');
  }
  await page.locator(`${EDITOR} .view-lines .view-line`).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The rows the editor has rendered, top to bottom, with their parts and decorations. */
export async function viewLines(page: Page): Promise<ViewLine[]> {
  return page.evaluate((editorSelector) => {
    const editor = document.querySelector(editorSelector);
    if (!editor) return [];
    const byTop = (layer: string) => {
      const rows = new Map<number, Element>();
      for (const row of Array.from(editor.querySelectorAll(`${layer} > div`))) rows.set(parseFloat((row as HTMLElement).style.top), row);
      return rows;
    };
    const overlays = byTop('.view-overlays');
    const margin = byTop('.margin-view-overlays');
    const rows = Array.from(editor.querySelectorAll('.view-lines > .view-line')).map((line) => {
      const top = parseFloat((line as HTMLElement).style.top);
      const number = margin.get(top)?.querySelector('.line-numbers')?.textContent?.trim();
      const decorations = Array.from(overlays.get(top)?.children ?? [])
        .flatMap((d) => Array.from(d.classList))
        .filter((c) => c.startsWith('ced-'));
      const box = line.firstElementChild as HTMLElement | null;
      return {
        top,
        text: (line.textContent ?? '').replace(/\u00a0/g, ' '),
        parts: line.querySelectorAll(':scope > span > span').length,
        lineNumber: number ? Number(number) : undefined,
        decorations,
        width: box ? box.getBoundingClientRect().width : 0,
      };
    });
    rows.sort((a, b) => a.top - b.top);
    let current: number | undefined;
    for (const row of rows) {
      current = row.lineNumber ?? current;
      Object.assign(row, { firstRow: row.lineNumber !== undefined, lineNumber: current });
    }
    return rows as ((typeof rows)[number] & { firstRow: boolean })[];
  }, EDITOR);
}

/** Width of the editor's text area, in page pixels. */
export async function textAreaWidth(page: Page): Promise<number> {
  return page.evaluate((sel) => {
    const el = document.querySelector(`${sel} .monaco-scrollable-element.editor-scrollable`);
    return el ? el.getBoundingClientRect().width : 0;
  }, EDITOR);
}

/**
 * Scrolls the editor from top to bottom a page at a time and returns every row drawn on the way,
 * once each. Row tops are document offsets (the layer above them is what scrolls), so they key the
 * rows; the walk ends when a page brings no new row, or after MAX_PAGES.
 */
export async function allViewLines(page: Page, maxPages = 60): Promise<ViewLine[]> {
  const seen = new Map<number, ViewLine>();
  await toTop(page);
  const firstTop = async () => Math.min(...(await viewLines(page)).map((r) => r.top));
  let idle = 0;
  for (let i = 0; i < maxPages; i++) {
    await settle(page);
    const before = seen.size;
    for (const row of await viewLines(page)) {
      seen.set(row.top, { ...row, lineNumber: row.lineNumber ?? seen.get(row.top)?.lineNumber });
    }
    // A page can bring nothing new while the editor is still scrolling (the first PageDown may only
    // move the cursor); two quiet pages in a row mean the end.
    idle = i > 0 && seen.size === before ? idle + 1 : 0;
    if (idle >= 2) break;
    const top = await firstTop();
    await page.keyboard.press('PageDown');
    // Give the editor up to a second to draw the next page.
    for (let wait = 0; wait < 20 && (await firstTop()) === top; wait++) await page.waitForTimeout(50);
  }
  await toTop(page);
  return [...seen.values()].sort((a, b) => a.top - b.top);
}

/** Status bar items as {id, text}, left to right. */
export async function statusItems(page: Page): Promise<{ id: string; text: string }[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('.part.statusbar .statusbar-item')).map((e) => ({ id: e.id, text: (e.textContent ?? '').trim() })));
}

/** Moves the mouse onto the first on-screen occurrence of TEXT in the editor; false if none is drawn. */
export async function hoverText(page: Page, text: string): Promise<boolean> {
  const point = await page.evaluate(
    ({ sel, needle }) => {
      for (const line of Array.from(document.querySelectorAll(`${sel} .view-lines > .view-line`))) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          const r = range.getBoundingClientRect();
          if (r.width > 0) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      return undefined;
    },
    { sel: EDITOR, needle: text },
  );
  if (!point) return false;
  // Arrive from a little way off: the editor starts its hover on mouse movement, not position.
  await page.mouse.move(point.x + 40, point.y + 40);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  return true;
}

/** Text of the editor hover when one is showing, else undefined. */
export async function visibleHover(page: Page): Promise<string | undefined> {
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  if (!(await hover.isVisible())) return undefined;
  const text = ((await hover.textContent()) ?? '').trim();
  return text || undefined;
}

/**
 * Switches the colour theme through the theme picker (Ctrl+K Ctrl+T), by its label as the picker
 * shows it ("Dark Modern"); settings edited on disk are not reread by code-server.
 */
export async function setColorTheme(page: Page, label: string, dark: boolean, timeoutMs = 20_000): Promise<void> {
  await page.keyboard.press(`${MOD}+K`);
  await page.keyboard.press(`${MOD}+T`);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(label);
  // The picker also offers to browse the marketplace; only the theme's own row will do.
  await page.locator(`.quick-input-list .monaco-list-row[aria-label^="${label},"]`).first().click({ timeout: timeoutMs });
  await page.waitForFunction((wantDark) => document.querySelector('.monaco-workbench')?.classList.contains(wantDark ? 'vs-dark' : 'vs') ?? false, dark, { timeout: timeoutMs });
}

/**
 * Extension decorations drawn over the first on-screen occurrence of TEXT: the `ced-…` overlays on
 * its row whose horizontal extent meets the text's. Whole-line decorations (as wide as the row)
 * do not count, since they would cover any text. Undefined when TEXT is not on screen.
 */
export async function decorationsOver(page: Page, text: string): Promise<string[] | undefined> {
  return page.evaluate(
    ({ sel, needle }) => {
      const editor = document.querySelector(sel);
      if (!editor) return undefined;
      const overlays = new Map<number, Element>();
      for (const row of Array.from(editor.querySelectorAll('.view-overlays > div'))) overlays.set(parseFloat((row as HTMLElement).style.top), row);
      for (const line of Array.from(editor.querySelectorAll('.view-lines > .view-line'))) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          const r = range.getBoundingClientRect();
          const lineBox = line.getBoundingClientRect();
          const row = overlays.get(parseFloat((line as HTMLElement).style.top));
          return Array.from(row?.children ?? [])
            .filter((d) => Array.from(d.classList).some((c) => c.startsWith('ced-')))
            .filter((d) => {
              const b = d.getBoundingClientRect();
              return b.width < lineBox.width * 0.9 && b.left < r.right && b.right > r.left;
            })
            .flatMap((d) => Array.from(d.classList).filter((c) => c.startsWith('ced-')));
        }
      }
      return undefined;
    },
    { sel: EDITOR, needle: text },
  );
}

/** Waits until Sanad's status bar item reports counts, not all zero and not spinning: the workspace is indexed. */
export async function sanadIndexed(page: Page, timeoutMs = 60_000): Promise<string> {
  return poll(
    'the Sanad status item with counts',
    async () => {
      const item = (await statusItems(page)).find((i) => /^Sanad\b.*[1-9]/.test(i.text));
      return item && !(await page.locator(`[id="${item.id}"] .codicon-modifier-spin`).count()) ? item.text : undefined;
    },
    { timeoutMs, lastSeen: () => statusItems(page) },
  );
}
