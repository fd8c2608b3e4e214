// Reviewers' verdicts as schema.org ClaimReview JSON-LD, the markup fact-checkers publish so that
// search engines and fact-check tools show the verdict beside the claim. Pure: the corpus analysis,
// the label files and the options in, an array of ClaimReview objects out.
//
// Properties follow Google's "Fact check (ClaimReview) structured data" documentation: required
// claimReviewed, reviewRating (with alternateName) and url; recommended author, datePublished,
// itemReviewed (a Claim with author, datePublished, appearance, firstAppearance) and the rating's
// ratingValue, bestRating, worstRating and name.
import type { CorpusAnalysis, DocumentAnalysis, Mention } from '../analysis';
import type { ContradictionReview, Label, LabelsByPath, Verdict } from './labelTypes';
import { findReview, quotesFromCorpus } from './reviews';
import { measureName } from '../format/measureNames';
import { ActorNames } from '../format/actorNames';

/** Where an article was published, from a sources manifest (e.g. trafilatura's JSON Lines). */
export interface ArticleSource {
  url?: string;
  sitename?: string;
  title?: string;
  date?: string;
  author?: string;
}

export interface ClaimReviewOptions {
  /** The reviewing organisation: the ClaimReview's author. */
  organization: string;
  /** The page the fact check is published on (required by Google); each review gets an anchor on it. */
  url: string;
  /** Articles' sources by workspace path (sources manifest). Without one, an appearance is the file path. */
  sources?: ReadonlyMap<string, ArticleSource>;
  texts?: ReadonlyMap<string, string>;
}

/** Verdicts on a truth scale from 1 (false) to 3 (accurate); "unproven" is off the scale, a text rating only. */
const SCALE: Partial<Record<Verdict, number>> = { false: 1, misleading: 2, accurate: 3 };
const NAMES: Record<Verdict, string> = { accurate: 'Accurate', misleading: 'Misleading', false: 'False', unproven: 'Unproven' };

export type JsonLd = Record<string, unknown>;

function rating(verdict: Verdict): JsonLd {
  const r: JsonLd = { '@type': 'Rating', alternateName: NAMES[verdict], name: NAMES[verdict] };
  const value = SCALE[verdict];
  if (value !== undefined) Object.assign(r, { ratingValue: value, bestRating: 3, worstRating: 1 });
  return r;
}

function day(iso: string | undefined | null): string | undefined {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined;
}

/** A short stable anchor for a review on the fact-check page. */
function anchor(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Who made the claim: the source the sentence names, else the outlet; a recognised person is a Person. */
function claimAuthor(doc: DocumentAnalysis | undefined, m: Mention | undefined, source: ArticleSource | undefined): JsonLd | undefined {
  if (m?.source) {
    // The source is a folded key: named as the article spells the actor, when it is one.
    const actors = doc?.mentions.filter((x) => x.entity === m.source && (x.kind === 'person' || x.kind === 'organization')) ?? [];
    const name = actors.length ? ActorNames.of(actors).nameOf(m.source) : m.source;
    return { '@type': actors[0]?.kind === 'person' ? 'Person' : 'Organization', name };
  }
  const outlet = doc?.outlet ?? source?.sitename;
  return outlet ? { '@type': 'Organization', name: outlet } : undefined;
}

function appearance(path: string, doc: DocumentAnalysis | undefined, source: ArticleSource | undefined): JsonLd {
  const a: JsonLd = { '@type': 'CreativeWork', url: source?.url ?? path };
  if (source?.title) a.headline = source.title;
  const published = day(doc?.published) ?? day(source?.date);
  if (published) a.datePublished = published;
  const publisher = doc?.outlet ?? source?.sitename;
  if (publisher) a.publisher = { '@type': 'Organization', name: publisher };
  return a;
}

/** The sentence around a quote, for the claim's text. */
function sentence(text: string | undefined, start: number, end: number): string | undefined {
  if (!text) return undefined;
  let s = start;
  while (s > 0 && start - s < 300 && !/[.!?؟؛\n]/.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && e - end < 300 && !/[.!?؟؛\n]/.test(text[e])) e++;
  return text.slice(s, e).trim();
}

/** One ClaimReview per verdict: on a figure (a label's `verdict`) and on a contradiction (a review's). */
export function exportClaimReviews(corpus: CorpusAnalysis, labelsByPath: LabelsByPath, options: ClaimReviewOptions): JsonLd[] {
  const docs = new Map(corpus.documents.map((d) => [d.path, d] as const));
  const author = { '@type': 'Organization', name: options.organization };
  const out: JsonLd[] = [];
  const base = options.url.replace(/#.*$/, '');

  for (const [path, file] of [...labelsByPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const label of file.labels) {
      if (!label.verdict || label.orphaned) continue;
      out.push(figureReview(path, label, docs.get(path), options, author, base));
    }
  }
  const quoteOf = quotesFromCorpus(corpus, options.texts);
  for (const c of corpus.contradictions) {
    const review = findReview(c, labelsByPath, quoteOf);
    if (!review?.verdict) continue;
    out.push(pairReview(c, review, quoteOf, docs, options, author, base));
  }
  return out;
}

function figureReview(path: string, label: Label, doc: DocumentAnalysis | undefined, options: ClaimReviewOptions, author: JsonLd, base: string): JsonLd {
  const m = doc?.mentions.find((x) => x.start === label.start && x.end === label.end && x.kind === label.type);
  const source = options.sources?.get(path);
  const claim: JsonLd = { '@type': 'Claim' };
  const who = claimAuthor(doc, m, source);
  if (who) claim.author = who;
  const published = day(doc?.published) ?? day(source?.date);
  if (published) claim.datePublished = published;
  const where = appearance(path, doc, source);
  claim.appearance = [where];
  claim.firstAppearance = where;
  const text = sentence(options.texts?.get(path), label.start, label.end);
  if (text) claim.text = text;
  const name = m && measureName(m);
  if (name) claim.about = { '@type': 'Thing', name: name.en, alternateName: name.ar };
  return review(label.text, label.verdict!, label.note, label.updated, `${base}#sanad-${anchor(`${path}|${label.id}`)}`, claim, author);
}

function pairReview(
  c: CorpusAnalysis['contradictions'][number],
  r: ContradictionReview,
  quoteOf: (s: { path: string; start: number; end: number }) => string | undefined,
  docs: ReadonlyMap<string, DocumentAnalysis>,
  options: ClaimReviewOptions,
  author: JsonLd,
  base: string,
): JsonLd {
  const sides = [c.a, c.b].map((s) => {
    const doc = docs.get(s.path);
    const m = doc?.mentions.find((x) => x.start === s.start && x.end === s.end);
    const source = options.sources?.get(s.path);
    return { s, doc, m, source, quote: quoteOf(s) ?? '', who: claimAuthor(doc, m, source), where: appearance(s.path, doc, source) };
  });
  const claim: JsonLd = { '@type': 'Claim', name: c.topic };
  const authors = sides.map((x) => x.who).filter((x): x is JsonLd => !!x);
  if (authors.length) claim.author = authors.length === 1 ? authors[0] : authors;
  const dates = sides
    .map((x) => day(x.doc?.published) ?? day(x.source?.date))
    .filter((x): x is string => !!x)
    .sort();
  if (dates.length) claim.datePublished = dates[0];
  claim.appearance = sides.map((x) => x.where);
  const first = [...sides].sort((x, y) => ((day(x.doc?.published) ?? '9999') < (day(y.doc?.published) ?? '9999') ? -1 : 1))[0];
  claim.firstAppearance = first.where;
  const name = sides[0].m && measureName(sides[0].m);
  if (name) claim.about = { '@type': 'Thing', name: name.en, alternateName: name.ar };
  const claimed = sides.map((x) => `«${x.quote}»${x.who ? ` (${String(x.who.name)})` : ''}`).join(' / ');
  return review(claimed, r.verdict!, r.note, r.updated, `${base}#sanad-${anchor(r.key)}`, claim, author);
}

function review(claimReviewed: string, verdict: Verdict, note: string | undefined, updated: string | undefined, url: string, claim: JsonLd, author: JsonLd): JsonLd {
  const out: JsonLd = { '@context': 'https://schema.org', '@type': 'ClaimReview', url, claimReviewed, itemReviewed: claim, author, reviewRating: rating(verdict) };
  const published = day(updated);
  if (published) out.datePublished = published;
  if (note) out.reviewBody = note;
  return out;
}
