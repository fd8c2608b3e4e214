// What the editor draws besides the text: decorations over one span (with their computed border
// and fill), code lenses, the references peek, and the Problems view.
import type { Page } from 'playwright-core';
import { EDITOR } from './workbench';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** One extension decoration as drawn: its border and fill, and where. */
export interface DrawnDecoration {
  className: string;
  borderStyle: string;
  borderWidth: number;
  background: string;
  box: Box;
}

/**
 * The extension decorations (`ced-…` overlays) drawn over NEEDLE on logical line LINE, which must
 * be on screen. A span wrapped over two rows is looked for by its longest leading run of words
 * that fits on one row. Undefined when the line or the text is not drawn.
 */
export async function decorationsAt(page: Page, line: number, needle: string): Promise<DrawnDecoration[] | undefined> {
  return page.evaluate(
    ({ sel, line, needle }) => {
      const editor = document.querySelector(sel);
      if (!editor) return undefined;
      const byTop = (layer: string) => {
        const rows = new Map<number, Element>();
        for (const row of Array.from(editor.querySelectorAll(`${layer} > div`))) rows.set(parseFloat((row as HTMLElement).style.top), row);
        return rows;
      };
      const overlays = byTop('.view-overlays');
      const margin = byTop('.margin-view-overlays');
      // Rows of the logical line: the numbered one and the wrapped rows under it.
      const rows = Array.from(editor.querySelectorAll('.view-lines > .view-line'))
        .map((el) => ({ el, top: parseFloat((el as HTMLElement).style.top) }))
        .sort((a, b) => a.top - b.top);
      let current: number | undefined;
      const mine: typeof rows = [];
      for (const row of rows) {
        const n = margin.get(row.top)?.querySelector('.line-numbers')?.textContent?.trim();
        if (n) current = Number(n);
        if (current === line) mine.push(row);
      }
      const words = needle.split(' ');
      for (let take = words.length; take > 0; take--) {
        const piece = words.slice(0, take).join(' ');
        for (const { el, top } of mine) {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(piece);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + piece.length);
            const r = range.getBoundingClientRect();
            const lineBox = el.getBoundingClientRect();
            return Array.from(overlays.get(top)?.children ?? [])
              .filter((d) => Array.from(d.classList).some((c) => c.startsWith('ced-')))
              .filter((d) => {
                const b = d.getBoundingClientRect();
                return b.width < lineBox.width * 0.9 && b.left < r.right - 1 && b.right > r.left + 1;
              })
              .map((d) => {
                const cs = getComputedStyle(d);
                const b = d.getBoundingClientRect();
                return {
                  className: Array.from(d.classList)
                    .filter((c) => c.startsWith('ced-'))
                    .join(' '),
                  borderStyle: cs.borderTopStyle,
                  borderWidth: parseFloat(cs.borderTopWidth),
                  background: cs.backgroundColor,
                  box: { left: b.left, right: b.right, top: b.top, bottom: b.bottom },
                };
              });
          }
        }
      }
      return undefined;
    },
    { sel: EDITOR, line, needle },
  );
}

/** The box of the first row of logical line LINE, when it is drawn. */
export async function lineBox(page: Page, line: number): Promise<Box | undefined> {
  return page.evaluate(
    ({ sel, line }) => {
      const editor = document.querySelector(sel);
      if (!editor) return undefined;
      for (const m of Array.from(editor.querySelectorAll('.margin-view-overlays > div'))) {
        if (m.querySelector('.line-numbers')?.textContent?.trim() !== String(line)) continue;
        const top = parseFloat((m as HTMLElement).style.top);
        const row = Array.from(editor.querySelectorAll('.view-lines > .view-line')).find((r) => parseFloat((r as HTMLElement).style.top) === top);
        if (!row) return undefined;
        const b = row.getBoundingClientRect();
        return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      }
      return undefined;
    },
    { sel: EDITOR, line },
  );
}

/**
 * The code lenses the active editor shows: their words and the box of those words (icons left out),
 * the box of the text area left of the minimap, and whether the lens's own box cuts its content
 * (scrollWidth beyond clientWidth: a max-width that ends inside the title).
 */
export async function codeLenses(page: Page): Promise<Array<{ text: string; box: Box; editor: Box; overflows: boolean }>> {
  return page.evaluate((sel) => {
    const editor = document.querySelector(sel);
    const area = editor?.querySelector('.monaco-scrollable-element.editor-scrollable');
    if (!editor || !area) return [];
    const a = area.getBoundingClientRect();
    // The minimap is drawn over the right of the scrollable area; text under it is hidden.
    const minimap = editor.querySelector('.minimap')?.getBoundingClientRect();
    const e = { left: a.left, right: minimap && minimap.width > 0 ? Math.min(a.right, minimap.left) : a.right, top: a.top, bottom: a.bottom };
    return Array.from(editor.querySelectorAll('.codelens-decoration'))
      .filter((el) => getComputedStyle(el).visibility !== 'hidden')
      .map((el) => {
        // The words themselves: the union of the text nodes' boxes (a blank icon after them is not text).
        const box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!(node.textContent ?? '').trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const b = range.getBoundingClientRect();
          box.left = Math.min(box.left, b.left);
          box.right = Math.max(box.right, b.right);
          box.top = Math.min(box.top, b.top);
          box.bottom = Math.max(box.bottom, b.bottom);
        }
        const h = el as HTMLElement;
        return {
          text: (el.textContent ?? '').trim(),
          box,
          editor: { left: e.left, right: e.right, top: e.top, bottom: e.bottom },
          overflows: h.scrollWidth > h.clientWidth,
        };
      });
  }, EDITOR);
}

/** The references peek: its title and rows (files at level 1, their matches at level 2). */
export async function referencesPeek(page: Page): Promise<{ title: string; rows: Array<{ level: number; label: string }> } | undefined> {
  return page.evaluate(() => {
    const widget = document.querySelector('.zone-widget .peekview-widget');
    if (!widget || !(widget as HTMLElement).offsetParent) return undefined;
    return {
      title: (widget.querySelector('.peekview-title')?.textContent ?? '').trim(),
      rows: Array.from(widget.querySelectorAll('.ref-tree .monaco-list-row')).map((r) => ({
        level: Number(r.getAttribute('aria-level') ?? 1),
        label: r.getAttribute('aria-label') ?? '',
      })),
    };
  });
}

/** The Problems view's rows: files (level 1), problems (2) and their related information (3). */
export async function problemRows(page: Page): Promise<Array<{ level: number; label: string }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.markers-panel .monaco-list-row')).map((r) => ({
      level: Number(r.getAttribute('aria-level') ?? 1),
      label: r.getAttribute('aria-label') ?? '',
    })),
  );
}

/** The box of the active editor's text area (where the lines scroll). */
export async function textAreaBox(page: Page): Promise<Box | undefined> {
  return page.evaluate((sel) => {
    const area = document.querySelector(`${sel} .monaco-scrollable-element.editor-scrollable`);
    if (!area) return undefined;
    const b = area.getBoundingClientRect();
    return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
  }, EDITOR);
}

/**
 * Scrolls the active editor a line at a time (Ctrl+Down, which leaves the cursor where it is) until
 * logical line LINE is the first one on screen. The cursor must already be on LINE or above it.
 */
export async function scrollLineToTop(page: Page, line: number, maxLines = 60): Promise<void> {
  for (let i = 0; i < maxLines; i++) {
    const box = await lineBox(page, line);
    const area = await textAreaBox(page);
    if (!box || !area) throw new Error(`line ${line} is not on screen`);
    if (box.top - area.top < (box.bottom - box.top) * 1.5) return;
    await page.keyboard.press('Control+ArrowDown');
    await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  }
  throw new Error(`line ${line} did not reach the top of the editor after ${maxLines} lines of scrolling`);
}
