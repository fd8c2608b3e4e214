// A YAML front-matter block at the top of an article ("---" … "---"), as static-site exports and
// some scrapers write them. Its fields are publication metadata (fields.ts); its text is not the
// article's, so the engine reads the article with the block blanked out (spaces, line breaks
// kept): every offset stays the offset in the file, and nothing in the block becomes a mention.
import { parse } from 'yaml';
import { metadataOf, type ArticleMetadata } from './fields';

/** A block longer than this is not taken for front matter. */
const MAX_FRONT_MATTER = 16 * 1024;

export interface FrontMatter {
  /** Offset just past the closing line (its line break included). */
  end: number;
  meta: ArticleMetadata | null;
}

/** The front-matter block at the very start of `text`, or null. Never throws. */
export function frontMatterOf(text: string): FrontMatter | null {
  if (!text.startsWith('---')) return null;
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0 || text.slice(3, firstBreak).trim() !== '') return null;
  const limit = Math.min(text.length, MAX_FRONT_MATTER);
  let at = firstBreak + 1;
  while (at < limit) {
    const next = text.indexOf('\n', at);
    const lineEnd = next < 0 ? text.length : next;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    if (line === '---' || line === '...') {
      const end = next < 0 ? text.length : next + 1;
      let meta: ArticleMetadata | null = null;
      try {
        meta = metadataOf(parse(text.slice(firstBreak + 1, at), { maxAliasCount: 0, uniqueKeys: false }));
      } catch {
        // Not YAML after all: still not article text, but it says nothing.
      }
      return { end, meta };
    }
    if (next < 0) break;
    at = next + 1;
  }
  return null;
}

/** `text` with [0, end) blanked: spaces for every unit but line breaks, so offsets stay. */
export function blankFrontMatter(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}
