// Where an article's labels live: the labels folder mirrors the corpus, so
// `seeds/004_x.txt` has its labels in `.sanad/labels/seeds/004_x.txt.yaml`. Paths here are
// workspace-relative and `/`-separated; an article outside the workspace has no label file.

export const DEFAULT_LABELS_FOLDER = '.sanad/labels';
export const LABEL_FILE_SUFFIX = '.yaml';

/** A workspace-relative path in one form: `/` separators, no `./`, no trailing `/`; undefined if it escapes. */
export function cleanRelativePath(path: string): string | undefined {
  const p = path.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.includes('\0')) return undefined;
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  if (!parts.length || parts.includes('..')) return undefined;
  return parts.join('/');
}

/** The label file of an article, relative to the workspace folder. */
export function labelPathFor(articlePath: string, folder: string = DEFAULT_LABELS_FOLDER): string | undefined {
  const article = cleanRelativePath(articlePath);
  const base = cleanRelativePath(folder);
  if (!article || !base) return undefined;
  return `${base}/${article}${LABEL_FILE_SUFFIX}`;
}

/** The article a label file belongs to, or undefined for a file that is not in the labels folder. */
export function articlePathFor(labelPath: string, folder: string = DEFAULT_LABELS_FOLDER): string | undefined {
  const path = cleanRelativePath(labelPath);
  const base = cleanRelativePath(folder);
  if (!path || !base || !path.startsWith(`${base}/`) || !path.endsWith(LABEL_FILE_SUFFIX)) return undefined;
  const article = path.slice(base.length + 1, path.length - LABEL_FILE_SUFFIX.length);
  return article && !article.endsWith('/') ? article : undefined;
}
