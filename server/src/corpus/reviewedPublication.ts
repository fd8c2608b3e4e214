// Reviewers' corrections of an article's publication date and outlet, kept in its label file
// (docs/LABELS.md, `publication`). They are metadata like a manifest's, and they win over it
// (docs/CONTRACT.md, `publishedFrom: "labels"`), so the corpus pipeline reads them for `sanad
// analyze` as the language server does for the editor: the same articles and label files give
// the same dates either way. Only the labels folder is walked (one folder, the label files that
// exist), never a lookup per article.
import { join } from 'node:path';
import type { ReviewedPublication } from '../analysis';
import type { LabelFile } from '../labels';
import { loadLabelFolder } from '../labels/labelFs';

/** The correction a label file holds, as the engine reads it; null when it holds none. */
export function reviewedOf(file: Pick<LabelFile, 'publication'> | undefined): ReviewedPublication | null {
  const p = file?.publication;
  if (!p || (!p.published && !p.outlet)) return null;
  const out: ReviewedPublication = {};
  if (p.published) out.published = p.published;
  if (p.outlet) out.outlet = p.outlet;
  return out;
}

/** The corrections of every label file under `<root>/<folder>`, by article path (relative to `root`). */
export class ReviewedPublications {
  private readonly byPath = new Map<string, ReviewedPublication>();
  /** Label files that could not be read: the file (absolute) and where and why ("3:14: …"). */
  readonly problems: Array<{ file: string; problem: string }> = [];

  async load(root: string, folder: string): Promise<void> {
    const loaded = await loadLabelFolder(root, folder);
    for (const [file, problems] of loaded.problems) {
      const p = problems[0];
      if (p) this.problems.push({ file: join(root, ...file.split('/')), problem: `${p.line + 1}:${p.column + 1}: ${p.message}` });
    }
    for (const [article, file] of loaded.labels) {
      const reviewed = reviewedOf(file);
      if (reviewed) this.byPath.set(article, reviewed);
    }
  }

  /** The correction for the article at `path` (relative to the root, `/`-separated), or null. */
  of(path: string): ReviewedPublication | null {
    return this.byPath.get(path) ?? null;
  }
}
