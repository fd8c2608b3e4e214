// Publication metadata as scraped corpora carry it: a record per article (a manifest line, a
// front-matter block) whose field names depend on the scraper. The names accepted here are those
// of common scrapers and news datasets: trafilatura (`date`, `sitename`, `hostname`, `url`,
// `title`; its `filedate` is the day of the scrape, not of the article, and is not read),
// newspaper3k (`publish_date`), news-please (`date_publish`, `source_domain`), schema.org
// (`datePublished`, `publisher`, `headline`), and plain ones (`published`, `outlet`, `source`).
// The first name present wins, in the order listed. A date in the article's URL (`/2024/01/29/`)
// is the fallback when no field gives one.

/** Where a document's publication date came from (docs/CONTRACT.md, `publishedFrom`). */
export type PublishedFrom = 'labels' | 'front-matter' | 'manifest' | 'url' | 'text';

/**
 * A reviewer's correction of an article's publication date or outlet, kept in its label file
 * (docs/LABELS.md, `publication`): it wins over every other source, since a person checked it.
 */
export interface ReviewedPublication {
  /** ISO day. */
  published?: string;
  outlet?: string;
}

/** What a record says about an article, normalised. */
export interface ArticleMetadata {
  /** ISO day. */
  published: string | null;
  /** Whether `published` came from the URL rather than a date field. */
  publishedFromUrl: boolean;
  /** The outlet's name (sitename, publisher …). */
  outlet: string | null;
  /** Only a host name (hostname, domain, the URL's host): worth less than a name the text gives. */
  host: string | null;
  url: string | null;
  title: string | null;
  /** The byline, when the record has one (ClaimReview names it). */
  author: string | null;
  /** What a reviewer set in the article's label file; the corpus pipeline adds it (withReviewed). */
  reviewed?: ReviewedPublication;
}

/**
 * `meta` (a manifest's record, or null) with a reviewer's correction added; the correction alone
 * when no manifest describes the article. Null when there is neither.
 */
export function withReviewed(meta: ArticleMetadata | null, reviewed: ReviewedPublication | null | undefined): ArticleMetadata | null {
  if (!reviewed || (!reviewed.published && !reviewed.outlet)) return meta;
  const base: ArticleMetadata = meta ?? { published: null, publishedFromUrl: false, outlet: null, host: null, url: null, title: null, author: null };
  return { ...base, reviewed: { ...reviewed } };
}

const PUBLISHED = ['published', 'date', 'datePublished', 'date_published', 'published_at', 'publishedAt', 'publish_date', 'date_publish', 'publication_date', 'pubDate', 'pubdate'];
const OUTLET = ['outlet', 'sitename', 'site_name', 'siteName', 'source', 'publisher', 'source_name'];
const HOST = ['hostname', 'source_domain', 'domain'];
const URL_FIELDS = ['url', 'link', 'source_url', 'canonical_url', 'uri'];
const TITLE = ['title', 'headline'];
const AUTHOR = ['author', 'authors', 'byline'];

function first(record: Record<string, unknown>, names: string[]): unknown {
  for (const n of names) {
    const v = record[n];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  // schema.org nests names: publisher: { name: … }.
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return text((v as { name: string }).name);
  return null;
}

function validDay(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The ISO day of a date field: "2023-09-27", "2023-09-27T23:40:00+03:00" (the day as written, in
 * the outlet's own time zone, not converted), "2023/09/27", "27/09/2023" (day first, as Arabic
 * outlets write it), a Date, or null.
 */
export function isoDayOf(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : validDay(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v !== 'string') return null;
  const s = v.trim().replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x660));
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(s);
  if (m) return validDay(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|\s)/.exec(s);
  if (m) return validDay(+m[3], +m[2], +m[1]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return validDay(+m[1], +m[2], +m[3]);
  return null;
}

/** A date in an article's URL: /2024/01/29/, /2024-01-29, ?date=2024-01-29, /20240129/. */
export function dateInUrl(url: string): string | null {
  let path = url;
  try {
    const u = new URL(url);
    path = u.pathname + u.search;
  } catch {
    // Not a full URL: read it as a path.
  }
  const patterns = [/(?:^|[/_-])((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=$|[/._?#-])/, /[?&](?:date|d)=((?:19|20)\d\d)-?(\d{2})-?(\d{2})(?=$|&)/, /\/((?:19|20)\d\d)(\d{2})(\d{2})(?=$|[/._-])/];
  for (const re of patterns) {
    const m = re.exec(path);
    if (m) {
      const day = validDay(+m[1], +m[2], +m[3]);
      if (day) return day;
    }
  }
  return null;
}

/** The metadata of one record, whatever the scraper called its fields; null when it says nothing. */
export function metadataOf(record: unknown): ArticleMetadata | null {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return null;
  const r = record as Record<string, unknown>;
  const url = text(first(r, URL_FIELDS));
  let published = isoDayOf(first(r, PUBLISHED));
  let publishedFromUrl = false;
  if (!published && url) {
    published = dateInUrl(url);
    publishedFromUrl = published !== null;
  }
  const author = first(r, AUTHOR);
  const meta: ArticleMetadata = {
    published,
    publishedFromUrl,
    outlet: text(first(r, OUTLET)),
    host: text(first(r, HOST)) ?? hostOf(url),
    url,
    title: text(first(r, TITLE)),
    author: Array.isArray(author) ? author.map(text).filter(Boolean).join('، ') || null : text(author),
  };
  return meta.published || meta.outlet || meta.host || meta.url || meta.title ? meta : null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** What the text itself says of its publication (the dateline, a signature). */
export interface TextPublication {
  published: string | null;
  outlet: string | null;
}

/**
 * A document's publication date and outlet from every place that says them, in this order: a
 * reviewer's correction in the label file (carried on the manifest's record, `reviewed`), the
 * front matter, the manifest, a date in the article's URL, the text (dateline); the outlet from
 * the reviewer's correction, the front matter's or manifest's name, else the text's, else a host name.
 */
export function publicationOf(
  own: TextPublication,
  frontMatter: ArticleMetadata | null,
  manifest: ArticleMetadata | null,
): { published: string | null; publishedFrom: PublishedFrom | null; outlet: string | null } {
  const reviewed = manifest?.reviewed;
  let published: string | null = null;
  let publishedFrom: PublishedFrom | null = null;
  for (const [meta, from] of [
    [frontMatter, 'front-matter'],
    [manifest, 'manifest'],
  ] as const) {
    if (meta?.published && !meta.publishedFromUrl) {
      published = meta.published;
      publishedFrom = from;
      break;
    }
  }
  if (!published) {
    const fromUrl = frontMatter?.publishedFromUrl ? frontMatter.published : manifest?.publishedFromUrl ? manifest.published : null;
    if (fromUrl) {
      published = fromUrl;
      publishedFrom = 'url';
    } else if (own.published) {
      published = own.published;
      publishedFrom = 'text';
    }
  }
  // A reviewer's correction wins over everything the files and the text say.
  if (reviewed?.published) {
    published = reviewed.published;
    publishedFrom = 'labels';
  }
  const outlet = reviewed?.outlet ?? frontMatter?.outlet ?? manifest?.outlet ?? own.outlet ?? frontMatter?.host ?? manifest?.host ?? null;
  return { published, publishedFrom, outlet };
}
