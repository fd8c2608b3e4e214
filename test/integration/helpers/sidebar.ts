// Reading the side bar's tree views through the DOM: a view is a pane with a header ("Actors
// Section") and a virtual list that draws only the rows in sight, so reading a whole tree means
// scrolling through it.
import type { Page } from 'playwright-core';
import { poll, settle } from './workbench';
import { runCommand } from './quickInput';

/** One row of a tree view. */
export interface TreeRow {
  /** Position in the flattened tree (the list's data-index). */
  index: number;
  /** Depth, 1 for the roots. */
  level: number;
  /**
   * Label and description as a reader sees them: the invisible bidi controls (isolates,
   * embeddings, marks) that keep Arabic names and values in order are taken out.
   */
  label: string;
  description: string;
  /** The row's accessible name: the label, then the tooltip when it is plain text (bidi controls kept). */
  ariaLabel: string;
  expanded?: boolean;
  /** The codicon of the row's icon ("warning", "file", "circle-large-filled"). */
  icon?: string;
  /** The icon's colour, as drawn. */
  iconColor?: string;
}

const pane = (title: string) => `.part.sidebar .pane:has(> .pane-header[aria-label="${title} Section"])`;

/** Opens a view container from the activity bar by its title and waits for one of its views. */
export async function openContainer(page: Page, title: string, firstView: string, timeoutMs = 15_000): Promise<void> {
  const item = page.locator(`.part.activitybar .action-item .action-label[aria-label="${title}"]`);
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  const header = page.locator(`.part.sidebar .pane-header[aria-label="${firstView} Section"]`);
  // The item toggles the side bar: click only when the container is not already showing.
  if (!(await header.isVisible())) await item.click({ timeout: timeoutMs });
  await header.waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Titles of the views the side bar shows, top to bottom. */
export async function viewTitles(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('.part.sidebar .pane > .pane-header')).map((h) => (h.getAttribute('aria-label') ?? '').replace(/ Section$/, '')));
}

/** Expands (or collapses) a view by clicking its header. */
export async function setViewExpanded(page: Page, title: string, expanded: boolean, timeoutMs = 10_000): Promise<void> {
  const header = page.locator(`${pane(title)} > .pane-header`);
  await header.waitFor({ state: 'visible', timeout: timeoutMs });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click({ timeout: timeoutMs });
  await poll(`the ${title} view to be ${expanded ? 'expanded' : 'collapsed'}`, async () => (await header.getAttribute('aria-expanded')) === String(expanded), { timeoutMs });
}

/** The rows of a view that are drawn now. */
export async function drawnRows(page: Page, title: string): Promise<TreeRow[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return [];
    const visible = (t: string) => t.replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').trim();
    return Array.from(root.querySelectorAll('.pane-body .monaco-list-row')).map((r) => {
      const icon = r.querySelector<HTMLElement>('.custom-view-tree-node-item-icon');
      const expanded = r.getAttribute('aria-expanded');
      return {
        index: Number(r.getAttribute('data-index')),
        level: Number(r.getAttribute('aria-level') ?? 1),
        label: visible(r.querySelector('.label-name')?.textContent ?? ''),
        description: visible(r.querySelector('.label-description')?.textContent ?? ''),
        ariaLabel: r.getAttribute('aria-label') ?? '',
        expanded: expanded === null ? undefined : expanded === 'true',
        icon: icon
          ? Array.from(icon.classList)
              .find((c) => c.startsWith('codicon-'))
              ?.slice('codicon-'.length)
          : undefined,
        iconColor: icon ? getComputedStyle(icon).color : undefined,
      };
    });
  }, pane(title));
}

/**
 * Every row of a view, scrolling its list from top to bottom with the mouse wheel. Stops when the
 * last row has been drawn, or after MAX_STEPS.
 */
export async function allRows(page: Page, title: string, maxSteps = 80): Promise<TreeRow[]> {
  const list = page.locator(`${pane(title)} .pane-body .monaco-list`).first();
  if (!(await list.isVisible())) return [];
  const box = await list.boundingBox();
  if (!box) return [];
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -100_000);
  await settle(page);
  const seen = new Map<number, TreeRow>();
  for (let step = 0; step < maxSteps; step++) {
    const before = seen.size;
    for (const row of await drawnRows(page, title)) seen.set(row.index, row);
    const last = await page.locator(`${pane(title)} .pane-body .monaco-list-row[data-last-element="true"]`).count();
    if (last > 0 || (step > 0 && seen.size === before)) break;
    await page.mouse.wheel(0, Math.max(22, box.height * 0.8));
    await settle(page);
  }
  await page.mouse.wheel(0, -100_000);
  // Away from the rows, so no tooltip opens over the next thing read.
  await page.mouse.move(box.x + box.width / 2, 5);
  return [...seen.values()].sort((a, b) => a.index - b.index);
}

/** Clicks the first drawn row of a view whose label is LABEL (expanding it, or running its command). */
export async function clickRow(page: Page, title: string, label: string, timeoutMs = 10_000): Promise<void> {
  // The label may be wrapped in bidi isolates, hence a substring match.
  await page
    .locator(`${pane(title)} .pane-body .monaco-list-row`, { has: page.locator('.label-name', { hasText: label }) })
    .first()
    .click({ timeout: timeoutMs });
}

/** The accessible names of the action buttons in a view's title bar (shown when it is focused or hovered). */
export async function viewActions(page: Page, title: string): Promise<string[]> {
  return page.evaluate((sel) => Array.from(document.querySelectorAll(`${sel} > .pane-header .actions .action-label`)).map((a) => a.getAttribute('aria-label') ?? ''), pane(title));
}

/** Widens the side bar to about WIDTH pixels by dragging the sash at its edge. */
export async function widenSideBar(page: Page, width: number): Promise<void> {
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar || bar.width >= width) return;
  const y = bar.y + bar.height / 2;
  const edge = bar.x + bar.width;
  await page.mouse.move(edge - 1, y);
  await page.mouse.down();
  await page.mouse.move(edge + (width - bar.width) / 2, y, { steps: 5 });
  await page.mouse.move(bar.x + width, y, { steps: 5 });
  await page.mouse.up();
  await settle(page);
}

/**
 * For each drawn row of a view that has a description: the right edge of the label's glyphs and the
 * left edge of the description's first character. In a left-to-right tree the description starts
 * after the label; bidi reordering that pulls its digits into an Arabic label shows up here.
 */
export async function rowLayout(page: Page, title: string): Promise<Array<{ label: string; description: string; labelRight: number; descriptionFirstCharLeft: number }>> {
  return page.evaluate((sel) => {
    const rows = Array.from(document.querySelectorAll(`${sel} .pane-body .monaco-list-row`));
    const out: Array<{ label: string; description: string; labelRight: number; descriptionFirstCharLeft: number }> = [];
    for (const r of rows) {
      const name = r.querySelector('.label-name');
      const desc = r.querySelector('.label-description');
      const text = desc?.firstChild;
      if (!name || !desc || !text || !(text.textContent ?? '').length) continue;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 1);
      const first = range.getBoundingClientRect();
      // The label's own glyphs, not its box (which is as wide as its container).
      const nameRange = document.createRange();
      nameRange.selectNodeContents(name);
      const visible = (t: string) => t.replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').trim();
      out.push({
        label: visible(name.textContent ?? ''),
        description: visible(desc.textContent ?? ''),
        labelRight: nameRange.getBoundingClientRect().right,
        descriptionFirstCharLeft: first.left,
      });
    }
    return out;
  }, pane(title));
}

/** Where PIECE is drawn inside the description of the row labelled LABEL: its left edge, or undefined. */
export async function descriptionPieceLeft(page: Page, title: string, label: string, piece: string): Promise<number | undefined> {
  return page.evaluate(
    ({ sel, label, piece }) => {
      for (const r of Array.from(document.querySelectorAll(`${sel} .pane-body .monaco-list-row`))) {
        const name = (r.querySelector('.label-name')?.textContent ?? '').replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').trim();
        if (name !== label) continue;
        const text = r.querySelector('.label-description')?.firstChild;
        const at = (text?.textContent ?? '').indexOf(piece);
        if (!text || at < 0) return undefined;
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + piece.length);
        return range.getBoundingClientRect().left;
      }
      return undefined;
    },
    { sel: pane(title), label, piece },
  );
}

/**
 * Scrolls a view back to its first row: focus it (its "Focus on … View" command) and press Home.
 * The mouse wheel is not enough, as a refresh of the tree scrolls back to the row it had focused.
 */
export async function scrollViewToTop(page: Page, container: string, title: string): Promise<void> {
  await runCommand(page, `${container}: Focus on ${title} View`);
  await poll(
    `the ${title} view scrolled to its first row`,
    async () => {
      await page.keyboard.press('Home');
      await settle(page);
      const rows = await drawnRows(page, title);
      return rows.length === 0 || Math.min(...rows.map((r) => r.index)) === 0;
    },
    { timeoutMs: 5000, intervalMs: 300 },
  );
}

/**
 * The rows of VIEW once READY says they are complete: a tree fills in steps, and a rebuild after
 * new counts redraws it, so one read may catch it half drawn.
 */
export async function filledRows(page: Page, view: string, ready: (rows: TreeRow[]) => boolean, timeoutMs = 30_000): Promise<TreeRow[]> {
  let last: TreeRow[] = [];
  return poll(
    `the ${view} view to be filled`,
    async () => {
      last = await allRows(page, view);
      return ready(last) ? last : undefined;
    },
    { timeoutMs, intervalMs: 500, lastSeen: async () => last.map((r) => `${'  '.repeat(r.level - 1)}${r.label} | ${r.description}`) },
  );
}
