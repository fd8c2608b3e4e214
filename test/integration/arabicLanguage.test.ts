// Integration layer, the UI in Arabic (issue 17, item 8): with sanad.uiLanguage = ar, the status
// bar counts agree with their nouns, the panel's views have Arabic titles, and the hover, code
// lens and quick fixes the server writes are Arabic too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSeedWindow } from './helpers/seedWindow';
import { hoverText, poll, quickOpen, statusItems, visibleHover } from './helpers/workbench';
import { goTo } from './helpers/quickInput';
import { codeLenses } from './helpers/editorWidgets';
import { openContainer, viewTitles } from './helpers/sidebar';
import { findOnLine } from './helpers/articleText';

const SEED = '004_c60929020f56a472.txt';
const FIGURE = { line: 16, text: 'أكثر من 150 ضربة' };
const strip = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

const win = openSeedWindow('arabic-language', SEED, { settings: { 'sanad.uiLanguage': 'ar' }, indexed: false });
const page = () => win.page();
const shot = win.shot;

test('the status bar counts in Arabic, each noun agreeing with its number', { timeout: 60_000 }, () =>
  shot('status', async () => {
    const text = await poll('the Sanad status item in Arabic', async () => (await statusItems(page())).find((i) => /^سند: \d/.test(i.text))?.text, {
      timeoutMs: 60_000,
      lastSeen: () => statusItems(page()),
    });
    // 5 articles (3–10: plural), 41 actors, 23 dates and 13 figures (11–99: the accusative singular).
    assert.match(strip(text), /^سند: 5 مقالات · 41 فاعلاً · 23 تاريخًا · 13 رقمًا/, text);
  }),
);

test("the Sanad panel's views have Arabic titles", { timeout: 30_000 }, () =>
  shot('views', async () => {
    await openContainer(page(), 'Sanad', 'الفاعلون');
    const titles = await viewTitles(page());
    for (const title of ['الفاعلون', 'الأرقام', 'المصادر', 'الادعاء']) assert.ok(titles.includes(title), titles.join(', '));
  }),
);

test('the code lens and the hover of a figure are Arabic', { timeout: 60_000 }, () =>
  shot('lens-hover', async () => {
    await quickOpen(page(), SEED);
    const at = findOnLine(win.seedText, FIGURE.line, FIGURE.text);
    await goTo(page(), at.line, at.column);
    await poll('the Arabic code lens', async () => (await codeLenses(page())).find((l) => /^3 مصادر ⚠$/.test(l.text)), { timeoutMs: 20_000, lastSeen: () => codeLenses(page()) });
    const hover = await poll(
      'the hover of the figure',
      async () => {
        const shown = await visibleHover(page());
        if (shown && /مصادر/.test(shown)) return shown;
        await hoverText(page(), '150 ضربة');
        await page().waitForTimeout(700);
        return undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    assert.match(strip(hover), /رقم/);
    assert.match(strip(hover), /3 مصادر/);
    assert.ok(!/Suggestion|sources/.test(hover), hover);
  }),
);
