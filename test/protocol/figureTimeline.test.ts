// Protocol layer, a figure's timeline (issue 16 item 2): `sanad/figureTimeline` answers with the
// chart of the figure's measure in its story, the same reports as the corpus report's table for
// that measure (`sanad report`, the CLI), one mark per report, each mark's place in its article;
// the hover of the figure links to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DidOpenTextDocumentNotification, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from './lspClient';
import { figureTimelineRequest, type FigureTimeline, type PlainRange } from '../../shared/src/protocol';
import { COMMANDS } from '../../shared/src/commands';

const S004 = '004_c60929020f56a472.txt';
const FIGURE = 'أكثر من 150 ضربة';

let workspace: string;
let session: LspSession;
let text: string;
const uri = () => `file://${join(workspace, 'seeds', S004)}`;

function positionOf(t: string, offset: number) {
  const before = t.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The text a range covers in a file on disk. */
function textAt(fileUri: string, r: PlainRange): string {
  const lines = readFileSync(fileURLToPath(fileUri), 'utf8').split('\n');
  assert.equal(r.start.line, r.end.line, 'a figure is on one line');
  return lines[r.start.line].slice(r.start.character, r.end.character);
}

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'sanad-timeline-'));
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  ({ session } = await LspSession.start(workspace, {}));
  await session.until('the corpus index', () => session.status && !session.status.indexing && session.status.documents === 5 && session.status, 30_000);
  text = readFileSync(join(workspace, 'seeds', S004), 'utf8');
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

let timeline: FigureTimeline;

test('the timeline of a figure in an article not open (the Figures view asks so): one mark per report, each at its figure', async () => {
  const at = text.indexOf(FIGURE);
  const tl = await session.connection.sendRequest(figureTimelineRequest, { uri: uri(), position: positionOf(text, at + 2) });
  assert.ok(tl, 'a timeline');
  timeline = tl;
  assert.ok(tl.marks.length >= 3, `${tl.marks.length} reports`);
  assert.equal(tl.svg.match(/<g class="mark /g)?.length, tl.marks.length, 'one mark per report');
  const ids = [...tl.svg.matchAll(/<g class="mark [^"]*"[^>]*data-id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids.sort(), tl.marks.map((m) => m.id).sort(), 'each mark names its report');
  assert.ok(tl.marks.some((m) => m.id === tl.focus) && tl.focus === `seeds/${S004}#${at}`, tl.focus);
  for (const m of tl.marks) assert.equal(textAt(m.uri, m.range), m.text, `${m.id} points at its figure`);
  assert.match(tl.svg, /class="link link-contradiction"/, 'the contradiction is drawn');
  assert.ok(tl.links.some((l) => l.kind === 'contradiction' && l.count >= 1));
  assert.ok(tl.legend.length >= 2 && tl.legend.every((l) => /<svg class="sanad-timeline legend-swatch"/.test(l.swatch)));
  assert.ok(tl.measure.en && /[\u0600-\u06ff]/.test(tl.measure.ar), JSON.stringify(tl.measure));
  // The story by the name the Stories view gives it (kind of event, place, first day), not its id.
  assert.match(tl.story, / · 2024-01-\d\d$/, tl.story);
  // What the webview puts in its page: nothing that runs or loads, no inline style.
  assert.doesNotMatch(tl.svg, /<script|\son[a-z]+=|\sstyle=|href=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
});

test('the same reports as the corpus report lists for that measure (sanad report)', () => {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'report', 'seeds', '--format', 'html'], { cwd: workspace, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  const section = r.stdout.split('<section class="measure"').find((s) => s.includes(`data-id="${timeline.focus}"`));
  assert.ok(section, `the report has a measure with ${timeline.focus}`);
  const rows = [...section.matchAll(/<tr data-measure="[^"]*" data-id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(timeline.marks.map((m) => m.id).sort(), rows.sort());
});

test('the hover of the figure links to its timeline', async () => {
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(), languageId: 'arabic-news', version: 1, text } });
  const at = text.indexOf(FIGURE);
  const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri() }, position: positionOf(text, at + 2) });
  const value = (hover!.contents as MarkupContent).value;
  const link = new RegExp(`\\]\\(command:${COMMANDS.showTimeline.replace('.', '\\.')}\\?([^ )]+)`).exec(value);
  assert.ok(link, value);
  const [linkUri, position] = JSON.parse(decodeURIComponent(link[1])) as [string, { line: number; character: number }];
  assert.equal(linkUri, uri());
  const fig = await session.connection.sendRequest(figureTimelineRequest, { uri: linkUri, position });
  assert.equal(fig?.focus, timeline.focus, 'the link opens the chart of the hovered figure');
});

test('a place that is no figure has no timeline', async () => {
  const date = text.indexOf('2021');
  assert.ok(date > 0);
  assert.equal(await session.connection.sendRequest(figureTimelineRequest, { uri: uri(), position: positionOf(text, date + 1) }), null);
  assert.equal(await session.connection.sendRequest(figureTimelineRequest, { uri: `file://${join(workspace, 'nowhere.txt')}`, position: { line: 0, character: 0 } }), null);
});
