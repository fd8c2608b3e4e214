// The corpus report's model and renderers (server/src/format/report*.ts, timelineSvg.ts): what a
// fact-checker hands on must carry every contradiction with both quotes in their sentence, the
// reviewers' decisions, a chart with one mark per report, and nothing a browser would load or run.
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { analyzeCorpus, type Contradiction } from '../../server/src/analysis';
import { emptyLabelFile, makeReview, quotesFromCorpus, setReview, type LabelFile } from '../../server/src/labels';
import { buildReport, sentenceAround } from '../../server/src/format/reportModel';
import { renderReportHtml } from '../../server/src/format/reportHtml';
import { renderReportMarkdown } from '../../server/src/format/reportMd';
import { renderTimeline } from '../../server/src/format/timelineSvg';

const A = 'بغداد - 29 يناير 2024\n\nقتل ثلاثة جنود أمريكيين وأصيب 34 آخرون، أمس الأحد، في هجوم بطائرة مسيرة استهدف قاعدة عسكرية في الأردن قرب الحدود السورية. وقال مسؤول إن التحقيق جار.\n';
const B = '30 يناير 2024\n\nأعلنت وزارة الدفاع الأمريكية مقتل أربعة جنود أمريكيين في هجوم بطائرة مسيرة على قاعدة في الأردن أمس الأحد.\n';
const texts = new Map([
  ['news/a.txt', A],
  ['news/b.txt', B],
]);
const corpus = analyzeCorpus([...texts].map(([path, text]) => ({ path, text })));

function report(labels?: Map<string, LabelFile>) {
  return buildReport({ documents: corpus.documents, contradictions: corpus.contradictions, texts, labels, hrefOf: (p) => `../${p}` });
}

test('the sentence around a quote stops at sentence ends, on both sides', () => {
  const text = 'جملة أولى. قتل ثلاثة جنود في الهجوم، وفق البيان. جملة أخيرة';
  const s = text.indexOf('ثلاثة جنود');
  const { before, after } = sentenceAround(text, s, s + 'ثلاثة جنود'.length);
  assert.equal(before, 'قتل ');
  assert.equal(after, ' في الهجوم، وفق البيان.');
});

test("every contradiction is in the report with both quotes in their sentence, links and the reviewer's decision", () => {
  assert.ok(corpus.contradictions.length >= 1, 'the two articles disagree on the toll');
  const c = corpus.contradictions[0];
  const quoteOf = quotesFromCorpus(corpus, texts);
  const review = makeReview(c, quoteOf, 'confirmed', { note: 'البنتاغون صحح الرقم لاحقاً', reviewer: 'Rana', now: '2024-02-12T08:00:00.000Z' });
  const labels = new Map([[c.a.path, setReview(emptyLabelFile(c.a.path), review)]]);
  const r = report(labels);
  assert.equal(r.stories.length, 1);
  // The engine puts the seeds in one story; the report groups by it.
  assert.equal(r.stories[0].title, corpus.contradictions[0].story);
  const pairs = r.stories[0].contradictions;
  assert.equal(pairs.length, corpus.contradictions.length);
  const p = pairs[0];
  assert.equal(p.kind, 'contradiction');
  assert.equal(p.a.text, texts.get(c.a.path)!.slice(c.a.start, c.a.end));
  assert.ok(p.a.before.length + p.a.after.length > 10, 'the quote comes with its sentence');
  assert.equal(p.b.href, `../${c.b.path}`);
  assert.equal(p.decision?.decision, 'confirmed');
  assert.equal(p.decision?.by, 'Rana');

  const html = renderReportHtml(r);
  assert.ok(html.includes(p.a.text) && html.includes(p.b.text));
  assert.ok(html.includes('البنتاغون صحح الرقم لاحقاً'), 'the note');
  assert.match(html, /<blockquote dir="rtl" lang="ar"/);
  assert.match(html, /<bdi/);
  assert.ok(html.includes(`href="../${c.a.path}"`));
  const md = renderReportMarkdown(r);
  assert.ok(md.includes('confirmed') && md.includes(`(../${c.b.path})`));
});

test('the HTML loads and runs nothing: a strict policy naming its one style sheet by hash', () => {
  const html = renderReportHtml(report());
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
  assert.ok(csp, 'a policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /unsafe-inline|script-src/);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|\sstyle="|\son[a-z]+=/i);
  // The style sheet's hash is the one in the policy.
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
  assert.ok(csp.includes(createHash('sha256').update(css, 'utf8').digest('base64')));
});

test('a chart has one mark per report; intervals are ranges and "more than" an open bar; links join drawn marks only', () => {
  const points = [
    { id: 'a', date: '2024-01-26', min: 20, max: 99, series: 'إرم نيوز', label: 'dozens' },
    { id: 'b', date: null, min: 151, max: null, series: 'إيلاف', label: 'more than 150' },
    { id: 'c', date: '2024-01-28', min: 3, max: 3, series: 'إرم نيوز', label: '3', href: '../x.txt' },
  ];
  const { svg, series } = renderTimeline(
    points,
    [
      { a: 'a', b: 'b', kind: 'contradiction', label: 'x' },
      { a: 'a', b: 'gone', kind: 'update', label: 'y' },
    ],
    { title: 'attacks' },
  );
  assert.equal(svg.match(/class="mark /g)?.length, 3);
  assert.equal(svg.match(/class="range open"/g)?.length, 2, 'the open bar and its arrow');
  assert.equal(svg.match(/<line class="range"/g)?.length, 3, 'the interval: a bar and two caps');
  assert.equal(svg.match(/class="link /g)?.length, 1, 'a link to a point not drawn is left out');
  assert.match(svg, /undated/);
  assert.match(svg, /<a href="\.\.\/x\.txt"/);
  assert.deepEqual(
    series.map((s) => s.name),
    ['إرم نيوز', 'إيلاف'],
  );
  assert.notEqual(series[0].shape, series[1].shape, 'one mark style per outlet');
  // The SVG carries no Arabic: names go in the page's legend, where the browser orders them.
  assert.doesNotMatch(svg.replace(/aria-label="[^"]*"|<title>[^<]*<\/title>/g, ''), /[\u0600-\u06ff]/);
});

test('contradictions that name a story are reported under it; the other articles in one more', () => {
  const c = corpus.contradictions[0];
  const withStory = [{ ...c, story: 'Tower 22 attack', kind: 'update' } as Contradiction];
  const extra = { path: 'news/other.txt', published: null, outlet: null, mentions: [], boilerplate: [] };
  const r = buildReport({ documents: [...corpus.documents, extra], contradictions: withStory, texts, hrefOf: () => undefined });
  assert.deepEqual(
    r.stories.map((s) => s.title),
    ['Tower 22 attack', 'Other articles'],
  );
  assert.equal(r.stories[0].contradictions[0].kind, 'update');
  assert.deepEqual(
    r.stories[1].documents.map((d) => d.path),
    ['news/other.txt'],
  );
  assert.match(renderReportHtml(r), /<h3>Updates<\/h3>/);
});
