// Where an article's publication date came from, said for people: the Sources and Stories views
// and the publication command all say it the same way (docs/CONTRACT.md, `publishedFrom`).
import type { PublishedFromName } from '../../../shared/src/protocol';
import { ltr } from '../../../shared/src/bidi';
import { t } from '../uiLanguage';

function sourceName(from: PublishedFromName): string {
  switch (from) {
    case 'labels':
      return t('set by a reviewer');
    case 'front-matter':
      return t('from the front matter');
    case 'manifest':
      return t('from the manifest');
    case 'url':
      return t('from the URL');
    case 'text':
      return t('from the dateline');
  }
}

/** "published 2024-01-26, from the dateline", or "undated". */
export function publishedFromText(published: string | null, from: PublishedFromName | null | undefined): string {
  if (!published) return t('undated');
  return from ? t('published {0}, {1}', ltr(published), sourceName(from)) : t('published {0}', ltr(published));
}
