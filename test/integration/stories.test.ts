// Integration layer, issue 13 in the window: the Stories view lists the seeds' story (named by its
// kind of event, place and day) with its five articles and its conflicts, a row opens its article
// and keeps the focus in the panel; "Sanad: Set Publication Date and Outlet…" checks the date as it
// is typed, saves it with the article's labels, and the Sources view then shows it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSuite, type Suite } from './helpers/session';
import { poll, quickOpen, sanadIndexed, settle } from './helpers/workbench';
import { quickInputClosed, quickInputState, runCommand } from './helpers/quickInput';
import { filledRows, clickRow, drawnRows, openContainer, setViewExpanded, widenSideBar, type TreeRow } from './helpers/sidebar';

/** The undated seed (إيلاف): its date is set by the command. */
const SEED = '004_c60929020f56a472.txt';
const OTHER = '001_7a6252f0c71d3e79.txt';
const INPUT = '.quick-input-widget .quick-input-box input';

let suite: Suite;
const page = () => suite.session.page;
const shot = (name: string, check: () => Promise<void>) => suite.withShot(name, check);
const focusInSideBar = () => page().evaluate(() => !!document.activeElement?.closest('.part.sidebar'));

/** The rows under the row at INDEX, down to its next sibling. */
function under(rows: TreeRow[], index: number): TreeRow[] {
  const at = rows.findIndex((r) => r.index === index);
  const out: TreeRow[] = [];
  for (const r of rows.slice(at + 1)) {
    if (r.level <= rows[at].level) break;
    out.push(r);
  }
  return out;
}

before(
  async () => {
    suite = await startSuite('stories');
    await shot('open-seed', async () => {
      await quickOpen(page(), SEED);
      await sanadIndexed(page());
      await openContainer(page(), 'Sanad', 'Actors');
      await widenSideBar(page(), 480);
      // Room for the Stories view: the views above it are folded.
      for (const view of ['Actors', 'Figures', 'Sources', 'Claim']) await setViewExpanded(page(), view, false);
      await setViewExpanded(page(), 'Stories', true);
    });
  },
  { timeout: 240_000 },
);

after(
  async () => {
    await suite?.close();
  },
  { timeout: 30_000 },
);

test("the Stories view lists the seeds' story by kind of event, place and day, with its five articles and its conflicts", { timeout: 90_000 }, () =>
  shot('stories', async () => {
    const roots = await filledRows(page(), 'Stories', (rs) => rs.some((r) => r.level === 1 && /\b5 articles\b/.test(r.description)));
    const story = roots.find((r) => r.level === 1 && /\b5 articles\b/.test(r.description))!;
    assert.match(story.label, /^attacks · .+ · 2024-01-26$/, `the story is named "${story.label}"`);
    assert.match(story.description, /2 conflicts/);
    assert.equal(story.icon, 'warning');
    await clickRow(page(), 'Stories', story.label);
    const rows = await filledRows(page(), 'Stories', (rs) => {
      const s = rs.find((r) => r.level === 1 && r.label === story.label);
      return !!s && under(rs, s.index).filter((r) => r.level === 3).length >= 7;
    });
    const inside = under(rows, rows.find((r) => r.level === 1 && r.label === story.label)!.index);
    const groups = inside.filter((r) => r.level === 2);
    assert.deepEqual(
      groups.map((g) => g.label),
      ['Articles', 'Figures', 'Conflicts'],
    );
    const articles = under(rows, groups[0].index);
    assert.equal(articles.length, 5, articles.map((a) => a.label).join(' / '));
    for (const outlet of ['إرم نيوز', 'المسلة', 'الخليج الجديد', 'إيلاف'])
      assert.ok(
        articles.some((a) => a.label === outlet),
        `no article of ${outlet}: ${articles.map((a) => a.label).join(' / ')}`,
      );
    assert.ok(articles.some((a) => a.description.startsWith('undated')));
    assert.ok(articles.some((a) => a.description.startsWith('2024-02-15')));
    const conflicts = under(rows, groups[2].index).filter((r) => r.level === 3);
    assert.ok(conflicts.length >= 2 && conflicts.every((c) => c.label.startsWith('contradiction — ')), conflicts.map((c) => c.label).join(' / '));

    // An article's row shows the article and leaves the focus in the panel.
    await clickRow(page(), 'Stories', 'المسلة');
    await page().locator('.part.editor .tab.active', { hasText: OTHER }).waitFor({ state: 'visible', timeout: 10_000 });
    await settle(page());
    assert.equal(await focusInSideBar(), true, 'the click moved the focus out of the panel');
  }),
);

test('"Set Publication Date and Outlet…" refuses a day that does not exist, saves the date, and the Sources view shows it', { timeout: 90_000 }, () =>
  shot('set-publication', async () => {
    await quickOpen(page(), SEED);
    await runCommand(page(), 'Sanad: Set Publication Date and Outlet…');
    const first = await poll('the date box', async () => {
      const s = await quickInputState(page());
      return s.visible && s.title.includes('(1/2)') ? s : undefined;
    });
    assert.match(first.title, new RegExp(`Publication date of ${SEED.replace('.', '\\.')}`));
    assert.match(first.message, /Now: undated/, `the prompt reads "${first.message}"`);
    assert.equal(first.value, '');
    // A day that does not exist is refused as it is typed, and Enter does not take it.
    await page().locator(INPUT).fill('2024-02-30');
    await poll('the date refused', async () => /YYYY-MM-DD/.test((await quickInputState(page())).message) || undefined);
    await page().keyboard.press('Enter');
    await settle(page());
    assert.match((await quickInputState(page())).title, /\(1\/2\)/, 'an impossible day was accepted');
    await page().locator(INPUT).fill('2024-02-20');
    await settle(page());
    await page().keyboard.press('Enter');
    const second = await poll('the outlet box', async () => {
      const s = await quickInputState(page());
      return s.visible && s.title.includes('(2/2)') ? s : undefined;
    });
    assert.equal(second.value, 'إيلاف');
    await page().keyboard.press('Enter');
    await quickInputClosed(page(), 'the outlet');

    // Saved with the article's labels, and shown at once in the Sources view.
    const labelFile = join(suite.workspace.root, '.sanad', 'labels', 'seeds', `${SEED}.yaml`);
    await poll('the label file', async () => existsSync(labelFile) || undefined, { timeoutMs: 10_000 });
    assert.match(readFileSync(labelFile, 'utf8'), /publication:\n {2}published: ["']?2024-02-20/);
    await setViewExpanded(page(), 'Stories', false);
    await setViewExpanded(page(), 'Sources', true);
    const sources = await filledRows(page(), 'Sources', (rs) => rs.some((r) => r.label === `seeds/${SEED}` && r.description.includes('2024-02-20')));
    const row = sources.find((r) => r.label === `seeds/${SEED}`)!;
    assert.match(row.description, /^إيلاف · 2024-02-20\b/);
    assert.ok((await drawnRows(page(), 'Sources')).length > 0);
  }),
);
