// What the corpus report says, as data: per story, its figures grouped by what they measure (each
// with source, date and quote), every contradiction and update with both quotes in their sentence,
// the reviewers' decisions and notes, and the points of each measure's timeline. The HTML and
// Markdown renderers (reportHtml.ts, reportMd.ts) only lay this out, so both say the same.
import { relative, sep } from 'node:path';
import type { Contradiction, DocumentAnalysis, Interval, Mention } from '../analysis';
import type { LabelFile } from '../labels';
import { findReview, quotesFromCorpus } from '../labels';
import { showInterval } from './table';
import { isComparedMeasure, measureName, type MeasureName } from './measureNames';
import { ActorNames } from './actorNames';
import type { ChartLink, ChartPoint } from './timelineSvg';

export interface ReportInput {
  documents: readonly DocumentAnalysis[];
  contradictions: readonly Contradiction[];
  /** The articles' texts, for quotes in context. */
  texts: ReadonlyMap<string, string>;
  /** Label files by article path (placed on the current texts), when reviewers' decisions are wanted. */
  labels?: ReadonlyMap<string, LabelFile>;
  /** The link to an article from where the report is written (relative), or undefined for none. */
  hrefOf: (path: string) => string | undefined;
  title?: string;
  /** When the report was made (ISO), shown in its header; left out so tests are repeatable. */
  generated?: string;
}

export interface ReportDecision {
  /** A label's status (accepted, rejected, manual) or a review's decision (explained, confirmed). */
  decision: string;
  /** A ClaimReview verdict (accurate, misleading, false, unproven), when a reviewer gave one. */
  verdict?: string;
  note?: string;
  by?: string;
  updated?: string;
}

export interface ReportQuote {
  path: string;
  href?: string;
  start: number;
  end: number;
  /** 1-based line of the quote in its article. */
  line: number;
  text: string;
  /** The sentence around the quote, split at it. */
  before: string;
  after: string;
  published: string | null;
  outlet: string | null;
}

export interface ReportFigure extends ReportQuote {
  id: string;
  value: string;
  interval: Interval;
  source?: string;
  conflict: boolean;
  decision?: ReportDecision;
}

export interface ReportMeasure {
  /** Internal key of the group (counted|event|place of its first figure). */
  key: string;
  name: MeasureName;
  figures: ReportFigure[];
  points: ChartPoint[];
  links: ChartLink[];
}

export interface ReportContradiction {
  kind: 'contradiction' | 'update' | 'internal';
  topic: string;
  message: string;
  measure?: MeasureName;
  a: ReportQuote;
  b: ReportQuote;
  decision?: ReportDecision;
}

export interface ReportStory {
  title: string;
  documents: Array<{ path: string; href?: string; published: string | null; outlet: string | null }>;
  measures: ReportMeasure[];
  contradictions: ReportContradiction[];
}

export interface Report {
  title: string;
  generated?: string;
  documents: number;
  stories: ReportStory[];
}

/** A link from `fromDir` to `abs`, as a relative URL with each segment encoded. */
export function relativeHref(fromDir: string, abs: string): string {
  return relative(fromDir, abs).split(sep).map(encodeURIComponent).join('/');
}

const ALL = 'All articles';
const OTHERS = 'Other articles';

/** A contradiction's story, if the engine names one (a string, or an object with a title or id). */
function storyOf(c: Contradiction): string | undefined {
  const s = (c as { story?: unknown }).story;
  if (typeof s === 'string' && s.trim()) return s.trim();
  if (s && typeof s === 'object') {
    const o = s as { title?: unknown; id?: unknown };
    if (typeof o.title === 'string' && o.title) return o.title;
    if (typeof o.id === 'string' || typeof o.id === 'number') return String(o.id);
  }
  return undefined;
}

function kindOf(c: Contradiction): ReportContradiction['kind'] {
  const k = (c as { kind?: unknown }).kind;
  return k === 'update' || k === 'internal' ? k : 'contradiction';
}

const SENTENCE_END = /[.!?؟؛\n]/;
const CONTEXT_MAX = 240;

/** The sentence around [start, end), cut at CONTEXT_MAX characters either side. */
export function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  let s = start;
  while (s > 0 && start - s < CONTEXT_MAX && !SENTENCE_END.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && e - end < CONTEXT_MAX && !SENTENCE_END.test(text[e])) e++;
  if (e < text.length && text[e] !== '\n') e++; // keep the full stop
  const before = (s > 0 && !SENTENCE_END.test(text[s - 1]) ? '…' : '') + text.slice(s, start).replace(/^\s+/, '');
  const after = text.slice(end, e).replace(/\s+$/, '') + (e < text.length && !SENTENCE_END.test(text[e - 1]) ? '…' : '');
  return { before, after };
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function keyOf(m: Mention): string {
  return `${m.counted ?? ''}|${m.event ?? ''}|${m.place ?? ''}`;
}

/** Stories: the engine's, from the contradictions that name one; every other article in one more. */
function storiesOf(docs: readonly DocumentAnalysis[], contradictions: readonly Contradiction[]): { storyTitles: string[]; storyOfDoc: (path: string) => string } {
  const storyOfPath = new Map<string, string>();
  for (const c of contradictions) {
    const s = storyOf(c);
    if (!s) continue;
    for (const p of [c.a.path, c.b.path]) if (!storyOfPath.has(p)) storyOfPath.set(p, s);
  }
  const named = storyOfPath.size > 0;
  const storyTitles = [...new Set(storyOfPath.values())].sort();
  if (!named || docs.some((d) => !storyOfPath.has(d.path))) storyTitles.push(named ? OTHERS : ALL);
  return { storyTitles, storyOfDoc: (path: string) => storyOfPath.get(path) ?? (named ? OTHERS : ALL) };
}

/**
 * The chart a figure belongs to, as the report draws it: its story and, in that story, its
 * measure (the figure's id is "path#start"). Only that story is built. Undefined when the report
 * charts no such figure (a figure that counts nothing compared, in boilerplate, or not a figure).
 */
export function reportMeasureOf(input: ReportInput, path: string, start: number): { story: ReportStory; measure: ReportMeasure } | undefined {
  const { storyOfDoc } = storiesOf(input.documents, input.contradictions);
  const title = storyOfDoc(path);
  const documents = input.documents.filter((d) => storyOfDoc(d.path) === title);
  const contradictions = input.contradictions.filter((c) => (storyOf(c) ?? storyOfDoc(c.a.path)) === title);
  const id = `${path}#${start}`;
  for (const story of buildReport({ ...input, documents, contradictions }).stories) {
    const measure = story.measures.find((m) => m.figures.some((f) => f.id === id));
    if (measure) return { story: { ...story, title }, measure };
  }
  return undefined;
}

export function buildReport(input: ReportInput): Report {
  const docs = [...input.documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byPath = new Map(docs.map((d) => [d.path, d] as const));
  const labels = input.labels ?? new Map<string, LabelFile>();
  const quoteOf = quotesFromCorpus({ version: 1, documents: docs, contradictions: [] }, input.texts);
  const places = new ActorNames();
  for (const d of docs) for (const m of d.mentions) if (m.kind === 'place' && !m.boilerplate) places.add(m);
  const spell = (k: string) => places.nameOf(k);

  const quote = (path: string, start: number, end: number): ReportQuote => {
    const text = input.texts.get(path) ?? '';
    const doc = byPath.get(path);
    const { before, after } = sentenceAround(text, start, end);
    return {
      path,
      href: input.hrefOf(path),
      start,
      end,
      line: lineOf(text, start),
      text: text.slice(start, end),
      before,
      after,
      published: doc?.published ?? null,
      outlet: doc?.outlet ?? null,
    };
  };

  const { storyTitles, storyOfDoc } = storiesOf(docs, input.contradictions);

  const conflicted = new Set<string>();
  for (const c of input.contradictions) for (const s of [c.a, c.b]) conflicted.add(`${s.path}#${s.start}`);

  const stories: ReportStory[] = [];
  for (const title of storyTitles) {
    const storyDocs = docs.filter((d) => storyOfDoc(d.path) === title);
    if (!storyDocs.length) continue;
    const contradictions = input.contradictions.filter((c) => (storyOf(c) ?? storyOfDoc(c.a.path)) === title);

    // Figures grouped by what they measure; groups that a contradiction joins are one chart, since
    // the engine found them to count the same thing (e.g. "attacks" and "strikes").
    const figures = new Map<string, { m: Mention; doc: DocumentAnalysis }>();
    for (const d of storyDocs) {
      for (const m of d.mentions) {
        if (m.kind !== 'quantity' || m.boilerplate || !m.value || typeof m.value !== 'object' || (!m.counted && !m.event)) continue;
        if (!isComparedMeasure(m) && !conflicted.has(`${d.path}#${m.start}`)) continue;
        figures.set(`${d.path}#${m.start}`, { m, doc: d });
      }
    }
    const parent = new Map<string, string>();
    const find = (k: string): string => {
      let r = k;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
      return r;
    };
    for (const { m } of figures.values()) if (!parent.has(keyOf(m))) parent.set(keyOf(m), keyOf(m));
    for (const c of contradictions) {
      const a = figures.get(`${c.a.path}#${c.a.start}`);
      const b = figures.get(`${c.b.path}#${c.b.start}`);
      if (a && b) {
        const [ra, rb] = [find(keyOf(a.m)), find(keyOf(b.m))];
        if (ra !== rb) parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
      }
    }
    const groups = new Map<string, ReportMeasure>();
    for (const [id, { m, doc }] of figures) {
      const root = find(keyOf(m));
      let g = groups.get(root);
      if (!g) groups.set(root, (g = { key: root, name: { en: '', ar: '' }, figures: [], points: [], links: [] }));
      const label = labels.get(doc.path)?.labels.find((l) => !l.orphaned && l.start === m.start && l.end === m.end);
      const interval = m.value as Interval;
      const fig: ReportFigure = {
        ...quote(doc.path, m.start, m.end),
        id,
        value: showInterval(interval),
        interval,
        source: m.source,
        conflict: conflicted.has(id),
      };
      if (label) fig.decision = { decision: label.status, verdict: (label as { verdict?: string }).verdict, note: label.note, by: label.annotator, updated: label.updated };
      g.figures.push(fig);
    }
    for (const g of groups.values()) {
      g.figures.sort((a, b) =>
        (a.published ?? '9999') < (b.published ?? '9999') ? -1 : (a.published ?? '9999') > (b.published ?? '9999') ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start,
      );
      // The group's name is its most frequent key's (ties: the first in time).
      const counts = new Map<string, number>();
      for (const f of g.figures) {
        const k = keyOf(figures.get(f.id)!.m);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      const bestKey = [...counts].sort((x, y) => y[1] - x[1])[0][0];
      const sample = figures.get(g.figures.find((f) => keyOf(figures.get(f.id)!.m) === bestKey)!.id)!.m;
      g.name = measureName(sample, spell) ?? { en: 'figures', ar: 'أرقام' };
      g.points = g.figures.map((f) => ({
        id: f.id,
        date: f.published,
        min: f.interval.min ?? 0,
        max: f.interval.max,
        series: f.outlet ?? f.path,
        href: f.href,
        label: `${f.value} — ${f.text} (${f.outlet ?? f.path}, ${f.published ?? 'undated'})`,
        data: { path: f.path, start: f.start, end: f.end },
      }));
    }
    const contradictionsOut: ReportContradiction[] = contradictions.map((c) => {
      const a = quote(c.a.path, c.a.start, c.a.end);
      const b = quote(c.b.path, c.b.start, c.b.end);
      const mention = figures.get(`${c.a.path}#${c.a.start}`)?.m;
      const out: ReportContradiction = { kind: kindOf(c), topic: c.topic, message: c.message, a, b };
      const name = mention && measureName(mention, spell);
      if (name) out.measure = name;
      const review = findReview(c, labels, quoteOf);
      if (review) out.decision = { decision: review.decision, verdict: (review as { verdict?: string }).verdict, note: review.note, by: review.reviewer, updated: review.updated };
      const group = groups.get(find(mention ? keyOf(mention) : ''));
      if (group) group.links.push({ a: `${c.a.path}#${c.a.start}`, b: `${c.b.path}#${c.b.start}`, kind: out.kind, label: `${out.kind}: ${c.message}` });
      return out;
    });
    const measures = [...groups.values()].sort((x, y) => y.links.length - x.links.length || y.figures.length - x.figures.length || (x.name.en < y.name.en ? -1 : 1));
    stories.push({
      title,
      documents: storyDocs.map((d) => ({ path: d.path, href: input.hrefOf(d.path), published: d.published, outlet: d.outlet })),
      measures,
      contradictions: contradictionsOut,
    });
  }
  return { title: input.title ?? 'Sanad corpus report', generated: input.generated, documents: docs.length, stories };
}
