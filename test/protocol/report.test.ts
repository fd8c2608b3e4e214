// `sanad report` as a user runs it (dist/cli.js), and the HTML it writes opened in a real browser
// (headless Chromium through playwright-core): no console errors (a content security policy
// violation is one), a screenshot, every link leads to a file that exists, and each timeline chart
// has one mark per report of a figure in its table.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from './lspClient';

const cli = join(repoRoot, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'sanad-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const CHROMIUM = process.env.SANAD_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function run(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
}

test('sanad report seeds --format html writes a self-contained page that a browser shows without errors', async () => {
  const out = join(dir, 'report.html');
  const r = run(['report', 'seeds', '--format', 'html', '--out', out, '--force-outside']);
  assert.equal(r.status, 0, r.stderr);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
  assert.doesNotMatch(html, /<script|\bsrc=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'nothing runs and nothing is loaded');

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    assert.ok(statSync(shot).size > 10_000, 'a screenshot with something in it');
    assert.deepEqual(errors, [], 'no console errors or warnings (a CSP violation would be one)');
    assert.deepEqual(requests, [pathToFileURL(out).href], 'the page loads nothing but itself');

    // The style sheet applied (its hash is in the policy): Arabic quotes are laid out right to left.
    const quoteDirection = await page.$eval('blockquote', (b) => getComputedStyle(b).direction);
    assert.equal(quoteDirection, 'rtl');
    const marked = await page.$eval('blockquote mark', (m) => getComputedStyle(m).backgroundColor);
    assert.notEqual(marked, 'rgba(0, 0, 0, 0)', 'the stylesheet is applied');

    // Every link resolves: in-page anchors to an element, files to a file that exists.
    const links = await page.$$eval('a[href]', (as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href ?? (a.getAttribute('href') as string), raw: a.getAttribute('href') as string })));
    assert.ok(links.length >= 5, `${links.length} links`);
    for (const l of links) {
      if (l.raw.startsWith('#')) {
        assert.ok(await page.$(l.raw), `anchor ${l.raw}`);
        continue;
      }
      const url = new URL(l.raw, pathToFileURL(out));
      assert.equal(url.protocol, 'file:', l.raw);
      assert.ok(existsSync(fileURLToPath(url)), `${l.raw} leads to a file`);
    }

    // One mark per report: each chart's marks match the rows of its measure's table.
    const charts = await page.$$eval('svg.sanad-timeline[data-measure]', (svgs) =>
      svgs.map((s) => {
        const key = s.getAttribute('data-measure') as string;
        const section = s.closest('section.measure') as Element;
        return {
          key,
          marks: s.querySelectorAll('.mark').length,
          reports: Number(s.getAttribute('data-reports')),
          rows: section.querySelectorAll('tr[data-measure]').length,
          links: s.querySelectorAll('.link').length,
        };
      }),
    );
    assert.ok(charts.length >= 1, 'at least one chart');
    for (const c of charts) {
      assert.ok(c.marks >= 2 || c.links > 0, `${c.key}: a chart has at least two reports or a contradiction`);
      assert.equal(c.marks, c.rows, `${c.key}: one mark per figure in the table`);
      assert.equal(c.marks, c.reports, c.key);
    }
    assert.ok(
      charts.some((c) => c.links > 0),
      "the seeds' contradictions are drawn between marks",
    );
    // Every mark is keyboard reachable (a link or focusable).
    const unreachable = await page.$$eval('.mark', (ms) => ms.filter((m) => !m.closest('a[href]') && m.getAttribute('tabindex') !== '0').length);
    assert.equal(unreachable, 0);
  } finally {
    await browser.close();
  }
});

test('sanad report --format md writes the same contradictions, and refuses to write over an article', () => {
  const out = join(dir, 'report.md');
  const r = run(['report', 'seeds', '--format', 'md', '--out', out, '--force-outside']);
  assert.equal(r.status, 0, r.stderr);
  const md = readFileSync(out, 'utf8');
  assert.match(md, /### Contradictions/);
  assert.match(md, /<div dir="rtl" lang="ar">/);
  const refused = run(['report', 'seeds', '--format', 'md', '--out', 'seeds/000_69a4e039fec93b87.txt', '--overwrite']);
  assert.equal(refused.status, 2, refused.stderr);
  assert.match(refused.stderr, /nothing was written/);
  const bad = run(['report', 'seeds', '--format', 'pdf']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown format "pdf"/);
});

test("sanad export --format claimreview needs the organisation and the fact check's address, then writes JSON-LD", () => {
  const noOrg = run(['export', 'seeds', '--format', 'claimreview', '--url', 'https://factcheck.example/x']);
  assert.equal(noOrg.status, 2);
  assert.match(noOrg.stderr, /--organization/);
  const noUrl = run(['export', 'seeds', '--format', 'claimreview', '--organization', 'Sanad desk', '--url', 'factcheck.example']);
  assert.equal(noUrl.status, 2);
  assert.match(noUrl.stderr, /--url/);
  const misplaced = run(['export', 'seeds', '--organization', 'Sanad desk']);
  assert.equal(misplaced.status, 2);
  const ok = run(['export', 'seeds', '--format', 'claimreview', '--organization', 'Sanad desk', '--url', 'https://factcheck.example/x', '--labels', join(dir, 'no-labels')]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(JSON.parse(ok.stdout), [], 'no verdict given yet: an empty list');
});
