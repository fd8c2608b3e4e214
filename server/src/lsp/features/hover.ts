// Hovers: what the engine understood of the span under the cursor, shown outside the line so the
// Arabic text itself is never split.
import { count, say } from '../uiText';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Mention } from '../../analysis';
import { showInterval } from '../../format/table';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { LabelService } from '../labelService';
import { figureHoverLines } from './figureLens';
import { ActorNames } from '../../format/actorNames';
import { describeDateValue } from './dateDetails';
import { hiddenRunsOf, hiddenTextMessage } from './diagnostics';
import { fsi, ltr } from '../../../../shared/src/bidi';
import { measureName } from '../../format/measureNames';
import { timelineLink } from './figureTimeline';
import { storyHoverLine } from './storyTitle';

/** How the articles spell a place key (the fullest spelling), for places the name data does not know. */
function placeSpelling(index: WorkspaceIndex, key: string): string {
  const names = new ActorNames();
  for (const e of index.all()) for (const x of e.analysis.mentions) if (x.kind === 'place' && x.entity === key) names.add(x);
  return names.nameOf(key);
}

const KIND_LABEL: Record<Mention['kind'], string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  date: 'Date',
  quantity: 'Figure',
};

export function mentionAt(mentions: readonly Mention[], offset: number): Mention | undefined {
  // The innermost span wins: a figure inside a longer phrase is what the reader points at.
  let best: Mention | undefined;
  for (const m of mentions) {
    if (m.start <= offset && offset < m.end && (!best || m.end - m.start < best.end - best.start)) best = m;
  }
  return best;
}

export function hover(doc: TextDocument, offset: number, index: WorkspaceIndex, labels?: LabelService): Hover | null {
  const entry = index.get(doc.uri);
  if (!entry) return null;
  // Invisible characters have no width to point at: a hover beside them names them.
  const hidden = hiddenRunsOf(entry).find((r) => r.tier !== 'mark' && offset >= r.start - 1 && offset <= r.end);
  const m = mentionAt(entry.analysis.mentions, offset);
  if (!m) {
    if (!hidden) return null;
    return { contents: { kind: 'markdown', value: `**Hidden text** — ${hiddenTextMessage(hidden)}` }, range: { start: doc.positionAt(hidden.start), end: doc.positionAt(hidden.end) } };
  }
  // The hover is a left-to-right widget: Arabic pieces and values are isolated so they keep their order.
  const lines: string[] = [`**${say(KIND_LABEL[m.kind])}** — ${fsi(m.text)}`];
  // What the other sources say comes right under the title: it is what a fact-checker hovers for.
  if (m.kind === 'quantity') lines.push(...figureHoverLines(entry, m.start, index));
  // A figure other sources report can be seen as a chart of its measure, by date and outlet.
  if (m.kind === 'quantity' && index.claims.groupAt(entry.path, m.start)) lines.push('', timelineLink(doc.uri, doc.positionAt(m.start)));
  if (m.entity) {
    const all = index.all().flatMap((e) => e.analysis.mentions.filter((x) => x.entity === m.entity).map((x) => ({ x, uri: e.uri })));
    const files = new Set(all.map((a) => a.uri)).size;
    lines.push(
      '',
      say('Canonical name: {0} (key {1})', fsi(ActorNames.of(all.map((a) => a.x)).nameOf(m.entity)), `\`${fsi(m.entity)}\``),
      say('Mentioned {0} in {1}', count(all.length, '{0} time', '{0} times'), count(files, '{0} file', '{0} files')),
    );
  }
  if (typeof m.value === 'string') {
    lines.push('', `${say('Value:')} \`${m.value}\``);
    const day = describeDateValue(m.value);
    if (day) lines.push(day);
  } else if (m.value) lines.push('', `${say('Value:')} ${ltr(showInterval(m.value))}`);
  // What the figure measures, named for people in both languages (the engine's keys stay internal).
  const measure = m.kind === 'quantity' ? measureName(m, (k) => placeSpelling(index, k)) : null;
  if (measure) lines.push(`${say('Measures:')} **${fsi(measure.en)}** — ${fsi(measure.ar)}`);
  // Which story the figure belongs to: only figures of one story are compared.
  const story = m.kind === 'quantity' ? storyHoverLine(index, entry.path) : null;
  if (story) lines.push(story);
  else if (m.place) lines.push(`${say('Where:')} ${fsi(m.place)}`);
  if (m.window) lines.push(`${say('When:')} ${fsi(m.window)}${m.cumulative ? ` ${say('(running total)')}` : ''}`);
  if (m.source) lines.push(`${say('Says:')} ${fsi(m.source)}`);
  if (m.note) lines.push('', `_${m.note}_`);
  if (m.boilerplate) lines.push('', `_${say('In boilerplate: not compared with other sources.')}_`);
  const label = labels?.labels(doc.uri).find((l) => !l.orphaned && l.start === m.start && l.end === m.end);
  lines.push(
    '',
    label
      ? `${say('Label:')} **${say(label.status)}**${label.annotator ? ` ${say('by {0}', label.annotator)}` : ''}${label.note ? ` — ${fsi(label.note)}` : ''}`
      : `_${say('Suggestion: accept or reject with Ctrl+.')}_`,
  );
  const inside = hiddenRunsOf(entry).filter((r) => r.tier !== 'mark' && r.start >= m.start && r.end <= m.end);
  for (const r of inside) lines.push('', `⚠ ${hiddenTextMessage(r)}`);
  const contents: MarkupContent = { kind: 'markdown', value: lines.join('  \n') };
  return { contents, range: { start: doc.positionAt(m.start), end: doc.positionAt(m.end) } };
}
