// Manifests: the metadata a scraper writes beside the articles (trafilatura, newspaper3k,
// news-please and news datasets keep the page's date, site name and URL out of the text). A
// manifest is a file named as in MANIFEST_NAMES in an article's folder or any folder above it,
// up to the folder given (the workspace folder, or a folder named on the command line). Each
// record names its article by a path relative to the manifest's folder (`path`, `file`,
// `filename` …); its other fields are read by the engine's metadataOf (analysis/metadata). A
// nearer manifest wins over one further up. A broken record is skipped and named, never fatal.
import { dirname, join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { metadataOf, type ArticleMetadata } from '../analysis';
import type { ArticleSource } from '../labels';
import { isWithin, readRegularFile } from './regularFile';

export const MANIFEST_NAMES = ['manifest.jsonl', 'manifest.json', 'manifest.csv', 'manifest.yaml', 'manifest.yml', 'metadata.jsonl', 'metadata.json', 'metadata.csv'];
const PATH_FIELDS = ['path', 'file', 'filename', 'file_name', 'filepath', 'local_path'];
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export class Manifests {
  /** Metadata by absolute article path, with the depth of the manifest that gave it. */
  private readonly byFile = new Map<string, { meta: ArticleMetadata; depth: number }>();
  private readonly read = new Set<string>();
  /** Problems found, one line each ("manifest.jsonl:12: not JSON"). */
  readonly problems: string[] = [];
  /** The manifest files read. */
  readonly files: string[] = [];

  /** Reads the manifests that may describe `files`, searching up to whichever of `roots` holds each. */
  async load(files: readonly string[], roots: readonly string[]): Promise<void> {
    const dirs = new Set<string>();
    for (const f of files) {
      const root = roots.map((r) => resolve(r)).find((r) => isWithin(resolve(f), r)) ?? dirname(resolve(f));
      for (let dir = dirname(resolve(f)); ; dir = dirname(dir)) {
        dirs.add(dir);
        if (dir === root || dirname(dir) === dir || !isWithin(dir, root)) break;
      }
    }
    for (const dir of dirs) await this.loadFolder(dir);
  }

  /** What the manifests say of the article at `abs`, or null. */
  of(abs: string): ArticleMetadata | null {
    return this.byFile.get(resolve(abs))?.meta ?? null;
  }

  get size(): number {
    return this.byFile.size;
  }

  /**
   * What ClaimReview needs of each article (its URL, site, title, date, author), by the path the
   * articles are known by; `articles` maps those paths to absolute ones.
   */
  sources(articles: Iterable<[string, string]>): Map<string, ArticleSource> {
    const out = new Map<string, ArticleSource>();
    for (const [path, abs] of articles) {
      const m = this.of(abs);
      if (!m) continue;
      out.set(path, {
        url: m.url && /^https?:\/\//i.test(m.url) ? m.url : undefined,
        sitename: m.outlet ?? m.host ?? undefined,
        title: m.title ?? undefined,
        date: m.published ?? undefined,
        author: m.author ?? undefined,
      });
    }
    return out;
  }

  private async loadFolder(dir: string): Promise<void> {
    if (this.read.has(dir)) return;
    this.read.add(dir);
    for (const name of MANIFEST_NAMES) {
      const path = join(dir, name);
      const r = await readRegularFile(path, MAX_MANIFEST_BYTES);
      if (!r.ok) {
        if (r.why !== 'missing') this.problems.push(`${path}: not read (${r.why})`);
        continue;
      }
      this.files.push(path);
      const depth = dir.split(/[\\/]/).length;
      for (const { record, at } of recordsOf(name, r.bytes.toString('utf8'), (line) => this.problems.push(`${path}:${line}`))) {
        const rel = pathField(record);
        if (!rel) continue;
        const abs = resolve(dir, rel);
        const meta = metadataOf(record);
        if (!meta || !isWithin(abs, dir)) {
          if (!meta) this.problems.push(`${path}:${at}: says nothing of ${rel}`);
          continue;
        }
        const known = this.byFile.get(abs);
        if (!known || known.depth <= depth) this.byFile.set(abs, { meta, depth });
      }
    }
  }
}

function pathField(record: Record<string, unknown>): string | null {
  for (const f of PATH_FIELDS) {
    const v = record[f];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

/** The records of a manifest with their line (JSON Lines) or record number; problems told to `bad`. */
function recordsOf(name: string, text: string, bad: (where: string) => void): Array<{ record: Record<string, unknown>; at: number }> {
  const out: Array<{ record: Record<string, unknown>; at: number }> = [];
  const take = (x: unknown, at: number) => {
    if (x && typeof x === 'object' && !Array.isArray(x)) out.push({ record: x as Record<string, unknown>, at });
    else bad(`${at}: not a record`);
  };
  try {
    if (name.endsWith('.jsonl')) {
      text.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        try {
          take(JSON.parse(line), i + 1);
        } catch {
          bad(`${i + 1}: not JSON`);
        }
      });
    } else if (name.endsWith('.csv')) {
      const rows: unknown[] = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
      rows.forEach((row, i) => take(row, i + 2));
    } else {
      const data = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 0 });
      // A list of records, or an object holding one under a common name.
      const list = Array.isArray(data) ? data : [data?.articles, data?.documents, data?.items, data?.records].find(Array.isArray);
      if (!list) bad('1: not a list of records');
      else (list as unknown[]).forEach((x, i) => take(x, i + 1));
    }
  } catch (err) {
    bad(`1: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  return out;
}
