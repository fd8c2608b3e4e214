// ClaimReview JSON-LD from reviewers' verdicts, checked against the properties Google's "Fact check
// (ClaimReview) structured data" documentation lists: required claimReviewed, reviewRating (with
// alternateName) and url; recommended author, datePublished, itemReviewed (a Claim with author,
// datePublished, appearance, firstAppearance) and the rating's ratingValue, bestRating, worstRating
// and name. Also: the verdict is stored in label files and read back (docs/LABELS.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorpus } from '../../server/src/analysis';
import { createLabel, emptyLabelFile, exportClaimReviews, makeReview, quotesFromCorpus, renderLabelFile, setReview, type JsonLd, type LabelFile } from '../../server/src/labels';
import { parseLabelFile } from '../../server/src/labels/labelSchema';
import { Manifests } from '../../server/src/corpus/manifest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const A = 'بغداد - 29 يناير 2024\n\nقتل ثلاثة جنود أمريكيين وأصيب 34 آخرون، أمس الأحد، في هجوم بطائرة مسيرة استهدف قاعدة عسكرية في الأردن قرب الحدود السورية، بحسب القيادة المركزية الأمريكية.\n';
const B = '30 يناير 2024\n\nأعلنت وزارة الدفاع الأمريكية مقتل أربعة جنود أمريكيين في هجوم بطائرة مسيرة على قاعدة في الأردن أمس الأحد.\n';
const texts = new Map([
  ['news/a.txt', A],
  ['news/b.txt', B],
]);
const corpus = analyzeCorpus([...texts].map(([path, text]) => ({ path, text })));
const when = { now: '2024-02-12T07:30:00.000Z', annotator: 'Rana' };

function labelled(): Map<string, LabelFile> {
  const quote = 'أربعة جنود';
  const at = B.indexOf(quote);
  const label = { ...createLabel(B, at, at + quote.length, 'quantity', 'accepted', { ...when, note: 'الرقم الرسمي ثلاثة', id: 'L1' }), verdict: 'false' as const };
  const c = corpus.contradictions[0];
  const review = {
    ...makeReview(c, quotesFromCorpus(corpus, texts), 'confirmed', { note: 'two tolls of one attack', reviewer: 'Rana', now: '2024-02-13T09:00:00.000Z' }),
    verdict: 'misleading' as const,
  };
  const files = new Map<string, LabelFile>([['news/b.txt', { ...emptyLabelFile('news/b.txt'), labels: [label] }]]);
  files.set(c.a.path, setReview(files.get(c.a.path) ?? emptyLabelFile(c.a.path), review));
  return files;
}

const isUrl = (s: unknown) => typeof s === 'string' && /^https?:\/\/\S+$/.test(s);
const isDate = (s: unknown) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}/.test(s);
const isPartyOf = (x: unknown) =>
  !!x && typeof x === 'object' && ['Organization', 'Person'].includes((x as JsonLd)['@type'] as string) && typeof (x as JsonLd).name === 'string' && !!(x as JsonLd).name;

/** Google's required and recommended properties, checked one by one; the problems found. */
function googleProblems(r: JsonLd): string[] {
  const p: string[] = [];
  if (r['@context'] !== 'https://schema.org' || r['@type'] !== 'ClaimReview') p.push('@context/@type');
  // Required.
  if (typeof r.claimReviewed !== 'string' || !r.claimReviewed.trim()) p.push('claimReviewed');
  if (!isUrl(r.url)) p.push('url');
  const rating = r.reviewRating as JsonLd | undefined;
  if (!rating || rating['@type'] !== 'Rating') p.push('reviewRating');
  else {
    if (typeof rating.alternateName !== 'string' || !rating.alternateName) p.push('reviewRating.alternateName');
    if (rating.ratingValue !== undefined) {
      // Recommended, and when given, a number within its bounds.
      const [v, best, worst] = [rating.ratingValue, rating.bestRating, rating.worstRating] as number[];
      if (![v, best, worst].every(Number.isInteger) || v < worst || v > best) p.push('reviewRating.ratingValue within worstRating..bestRating');
    }
    if (typeof rating.name !== 'string') p.push('reviewRating.name');
  }
  // Recommended.
  if (!isPartyOf(r.author) || (r.author as JsonLd)['@type'] !== 'Organization') p.push('author');
  if (!isDate(r.datePublished)) p.push('datePublished');
  const claim = r.itemReviewed as JsonLd | undefined;
  if (!claim || claim['@type'] !== 'Claim') p.push('itemReviewed');
  else {
    const authors = Array.isArray(claim.author) ? claim.author : [claim.author];
    if (!authors.every(isPartyOf)) p.push('itemReviewed.author');
    if (!isDate(claim.datePublished)) p.push('itemReviewed.datePublished');
    const appearances = Array.isArray(claim.appearance) ? claim.appearance : [claim.appearance];
    if (!appearances.length || !appearances.every((a) => isUrl(a) || (a && typeof a === 'object' && (a as JsonLd)['@type'] === 'CreativeWork' && typeof (a as JsonLd).url === 'string')))
      p.push('itemReviewed.appearance');
    const first = claim.firstAppearance as JsonLd | undefined;
    if (!first || typeof first.url !== 'string') p.push('itemReviewed.firstAppearance');
  }
  return p;
}

test("each verdict becomes a ClaimReview with every required and recommended property of Google's documentation", async () => {
  assert.ok(corpus.contradictions.length >= 1);
  // The articles' URLs from a scraper's manifest beside them (corpus/manifest.ts reads it).
  const dir = mkdtempSync(join(tmpdir(), 'sanad-claimreview-'));
  writeFileSync(
    join(dir, 'manifest.jsonl'),
    '{"path": "a.txt", "url": "https://example.org/a", "sitename": "المثال", "title": "هجوم", "date": "2024-01-29"}\n{"path": "b.txt", "url": "https://example.org/b"}\nnot json\n',
  );
  const manifests = new Manifests();
  await manifests.load([join(dir, 'a.txt'), join(dir, 'b.txt')], [dir]);
  rmSync(dir, { recursive: true, force: true });
  assert.equal(manifests.problems.length, 1, 'the broken line is named');
  const sources = manifests.sources([
    ['news/a.txt', join(dir, 'a.txt')],
    ['news/b.txt', join(dir, 'b.txt')],
  ]);
  const reviews = exportClaimReviews(corpus, labelled(), { organization: 'مرصد سند', url: 'https://factcheck.example/tower-22', texts, sources });
  assert.equal(reviews.length, 2, 'one for the figure, one for the contradiction');
  for (const r of reviews) assert.deepEqual(googleProblems(r), [], JSON.stringify(r, null, 2));

  const [figure, pair] = reviews;
  assert.equal(figure.claimReviewed, 'أربعة جنود', 'the quote');
  assert.deepEqual(figure.reviewRating, { '@type': 'Rating', alternateName: 'False', name: 'False', ratingValue: 1, bestRating: 3, worstRating: 1 });
  assert.equal(figure.reviewBody, 'الرقم الرسمي ثلاثة');
  assert.deepEqual(figure.author, { '@type': 'Organization', name: 'مرصد سند' });
  const claim = figure.itemReviewed as JsonLd;
  assert.equal((claim.firstAppearance as JsonLd).url, 'https://example.org/b', 'the article URL from the manifest');
  assert.equal((claim.author as JsonLd).name, 'وزارة الدفاع الأمريكية', 'who made the claim: the source the sentence names');
  assert.match(String(figure.url), /^https:\/\/factcheck\.example\/tower-22#sanad-[a-z0-9]+$/);
  assert.equal(figure.datePublished, '2024-02-12');
  assert.equal((pair.reviewRating as JsonLd).alternateName, 'Misleading');
  assert.deepEqual(((pair.itemReviewed as JsonLd).appearance as JsonLd[]).map((a) => a.url).sort(), ['https://example.org/a', 'https://example.org/b']);
  assert.notEqual(figure.url, pair.url, 'each review has its own anchor');
  // Serialised, it is plain JSON that a page can embed in <script type="application/ld+json">.
  assert.deepEqual(JSON.parse(JSON.stringify(reviews)), reviews);
});

test('without a sources manifest, a claim appears at its file path; "unproven" is a text rating only', () => {
  const files = labelled();
  const b = files.get('news/b.txt')!;
  files.set('news/b.txt', { ...b, labels: [{ ...b.labels[0], verdict: 'unproven' }] });
  const [r] = exportClaimReviews(corpus, files, { organization: 'Sanad desk', url: 'https://factcheck.example/x', texts });
  assert.equal(((r.itemReviewed as JsonLd).firstAppearance as JsonLd).url, 'news/b.txt');
  assert.deepEqual(r.reviewRating, { '@type': 'Rating', alternateName: 'Unproven', name: 'Unproven' });
  assert.deepEqual(
    googleProblems(r).filter((p) => p !== 'itemReviewed.appearance'),
    [],
  );
});

test('verdicts are stored in label files, read back, and a wrong verdict is refused with its position', () => {
  const files = labelled();
  for (const file of files.values()) {
    const text = renderLabelFile(file);
    const back = parseLabelFile(text);
    assert.ok(back.ok, text);
    assert.deepEqual(
      back.file.labels.map((l) => l.verdict),
      file.labels.map((l) => l.verdict),
    );
    assert.deepEqual(
      back.file.reviews.map((r) => r.verdict),
      file.reviews.map((r) => r.verdict),
    );
  }
  const text = renderLabelFile(files.get('news/b.txt')!).replace(/verdict: "?false"?/, 'verdict: wrong');
  assert.ok(text.includes('verdict: wrong'));
  // Typed by hand without quotes, "false" is YAML's boolean: still the verdict "false".
  const typed = parseLabelFile(text.replace('verdict: wrong', 'verdict: false'));
  assert.ok(typed.ok && typed.file.labels[0].verdict === 'false');
  const bad = parseLabelFile(text);
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.match(bad.problems[0].message, /"verdict" must be one of: accurate, misleading, false, unproven/);
    assert.equal(
      bad.problems[0].line,
      text.split('\n').findIndex((l) => l.includes('verdict: wrong')),
    );
  }
});
