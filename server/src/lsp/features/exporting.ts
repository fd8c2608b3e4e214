// Export of the whole corpus with its labels (YAML, JSON Lines, brat standoff), import of an
// exported YAML, and the comparison of two annotators' label folders. The client asks for a
// target through a save dialog; the server writes atomically and never evaluates content.
import { count as countNoun, say } from '../uiText';
import { promises as fs } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportYaml, exportJsonl, exportBrat, annPathFor, importYaml, compareAnnotators, cleanRelativePath, exportClaimReviews, type ArticleSource, type LabelFile } from '../../labels';
import { isWithin } from '../../corpus/regularFile';
import { Manifests } from '../../corpus/manifest';
import { loadLabelFolder, writeFileAtomic } from '../../labels/labelFs';
import { fileRefusal, folderRefusal, isInside, realish, type ExportTargetRules } from '../../labels/exportTargets';
import type { CorpusAnalysis } from '../../analysis';
import type { LabelService } from '../labelService';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { CompareResult, ExportParams, LabelActionResult } from '../../../../shared/src/protocol';
import { rangeOf } from './locations';
import { agreementSummary, loadPair } from './settling';
import { describeDisagreement, formatAgreement } from '../../format/agreementReport';

/** Every label file of the corpus: those on disk, with the ones loaded in memory taking precedence. */
export async function corpusLabels(index: WorkspaceIndex, labels: LabelService, roots: string[], folder: string): Promise<{ byPath: Map<string, LabelFile>; broken: string[] }> {
  const byPath = new Map<string, LabelFile>();
  const broken: string[] = [];
  for (const root of roots) {
    const loaded = await loadLabelFolder(root, folder, { within: root });
    for (const [path, file] of loaded.labels) byPath.set(path, file);
    for (const [path, problems] of loaded.problems) broken.push(`${path}: ${problems[0]?.message ?? 'broken'}`);
  }
  for (const [path, file] of labels.byPath()) if (index.byPath(path)) byPath.set(path, file);
  return { byPath, broken };
}

export function corpusOf(index: WorkspaceIndex): { corpus: CorpusAnalysis; texts: Map<string, string> } {
  const entries = index.all().sort((a, b) => (a.path < b.path ? -1 : 1));
  const documents = entries.map(({ analysis: { problems: _problems, ...doc } }) => doc);
  return { corpus: { version: 1, documents, contradictions: index.contradictions() }, texts: new Map(entries.map((e) => [e.path, e.text])) };
}

export async function exportCorpus(p: ExportParams, index: WorkspaceIndex, labels: LabelService, roots: string[], folder: string): Promise<LabelActionResult & { written?: number }> {
  const { byPath, broken } = await corpusLabels(index, labels, roots, folder);
  const { corpus, texts } = corpusOf(index);
  // The same rule as `sanad export`: never over an article (open drafts included), never into the
  // labels folder, and a brat folder never the workspace folder itself. The editor's dialog has
  // already asked before replacing a file, and a place outside the workspace is a deliberate pick.
  const rules = await editorExportRules(index, roots, folder, p.target);
  const writes =
    p.format === 'brat'
      ? corpus.documents.flatMap((d) => {
          const t = bratTargets(p.target, d.path);
          return t ? [t.txt, t.ann] : [];
        })
      : [p.target];
  const refused = p.format === 'brat' ? await folderRefusal(p.target, rules) : undefined;
  const problems = refused ? [refused] : (await Promise.all(writes.map((w) => fileRefusal(w, rules)))).filter((r): r is string => !!r);
  if (problems.length) {
    const more = problems.length > 1 ? ` ${say('(and {0} more)', problems.length - 1)}` : '';
    return { ok: false, message: `${say('Nothing was exported:')} ${problems[0]}${more}.` };
  }
  const note = broken.length ? ` ${say('{0} could not be read and were left out:', countNoun(broken.length, '{0} label file', '{0} label files'))} ${broken.slice(0, 3).join('; ')}` : '';
  try {
    if (p.format === 'brat') {
      const anns = exportBrat(corpus, byPath, texts);
      let written = 0;
      const skipped: string[] = [];
      for (const [path, ann] of anns) {
        // The display path of a document outside the workspace (`untitled:../../x.txt`, an
        // absolute path) has no place under the chosen folder: it is left out, never joined.
        const targets = bratTargets(p.target, path);
        if (!targets) {
          skipped.push(path);
          continue;
        }
        await writeFileAtomic(targets.ann, ann);
        await writeFileAtomic(targets.txt, texts.get(path) ?? '');
        written++;
      }
      const left = skipped.length ? ` ${skipped.length} document(s) outside the workspace were left out: ${skipped.slice(0, 3).join(', ')}.` : '';
      return { ok: true, written, message: `${say('Exported {0} as brat standoff to {1}.', countNoun(written, '{0} article', '{0} articles'), p.target)}${left}${note}` };
    }
    if (p.format === 'claimreview') {
      if (!p.organization?.trim() || !/^https?:\/\/\S+$/i.test(p.url ?? ''))
        return { ok: false, message: 'A ClaimReview export needs the reviewing organisation (setting sanad.claimReview.organization) and the http(s) address of the fact check.' };
      const sources = await manifestsOf(index, roots);
      const reviews = exportClaimReviews(corpus, byPath, { organization: p.organization.trim(), url: p.url!, texts, sources });
      await writeFileAtomic(p.target, `${JSON.stringify(reviews, null, 2)}\n`);
      return {
        ok: true,
        written: reviews.length,
        message: `Exported ${reviews.length} ClaimReview(s) to ${basename(p.target)}.${reviews.length ? '' : ' No figure or contradiction has a verdict yet.'}${note}`,
      };
    }
    const out = p.format === 'yaml' ? exportYaml(corpus, byPath, { texts, exported: new Date().toISOString() }) : exportJsonl(corpus, byPath, { texts, exported: new Date().toISOString() });
    await writeFileAtomic(p.target, out);
    return { ok: true, written: corpus.documents.length, message: `${say('Exported {0} to {1}.', countNoun(corpus.documents.length, '{0} article', '{0} articles'), basename(p.target))}${note}` };
  } catch (err) {
    return { ok: false, message: `${say('The export could not be written:')} ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Where a document's brat files go under `folder`, or null when its path would leave the folder. */
export function bratTargets(folder: string, path: string): { txt: string; ann: string } | null {
  const rel = cleanRelativePath(path);
  if (!rel || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(rel)) return null;
  const txt = join(folder, ...rel.split('/'));
  const ann = join(folder, ...annPathFor(rel).split('/'));
  return isWithin(txt, folder) && isWithin(ann, folder) ? { txt, ann } : null;
}

/** What the scrapers' manifests beside the indexed articles say: their URLs, for ClaimReview appearances. */
async function manifestsOf(index: WorkspaceIndex, roots: string[]): Promise<Map<string, ArticleSource>> {
  const articles = index
    .all()
    .filter((e) => e.uri.startsWith('file:'))
    .map((e): [string, string] => [e.path, fileURLToPath(e.uri)]);
  const manifests = new Manifests();
  await manifests.load(
    articles.map(([, abs]) => abs),
    roots,
  );
  return manifests.sources(articles);
}

export async function editorExportRules(index: WorkspaceIndex, roots: string[], folder: string, target: string): Promise<ExportTargetRules> {
  const realRoots = await Promise.all(roots.map(realish));
  const realTarget = await realish(target);
  const articles = new Set(
    await Promise.all(
      index
        .all()
        .filter((e) => e.uri.startsWith('file:'))
        .map((e) => realish(fileURLToPath(e.uri))),
    ),
  );
  return {
    root: realRoots.find((r) => isInside(realTarget, r)) ?? realRoots[0] ?? realTarget,
    forceOutside: true,
    overwrite: true,
    articles,
    folders: await Promise.all(roots.map((r) => realish(join(r, ...folder.split('/'))))),
    shown: (abs) => {
      const root = roots.find((r) => isInside(abs, r));
      return root ? relative(root, abs) || '.' : abs;
    },
    rootName: 'the workspace folder',
    outsideHint: '',
  };
}

export async function importExport(source: string, index: WorkspaceIndex, labels: LabelService): Promise<LabelActionResult & { labels?: number }> {
  let text: string;
  try {
    const stat = await fs.stat(source);
    if (stat.size > 200 * 1024 * 1024) return { ok: false, message: 'That file is larger than 200 MB.' };
    text = await fs.readFile(source, 'utf8');
  } catch (err) {
    return { ok: false, message: `Cannot read ${source}: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = importYaml(text);
  if (!parsed.ok) {
    const p = parsed.problems[0];
    return { ok: false, message: `${basename(source)}:${(p?.line ?? 0) + 1}:${(p?.column ?? 0) + 1}: ${p?.message ?? 'not a Sanad export'}` };
  }
  let count = 0;
  const missing: string[] = [];
  for (const [path, file] of parsed.labelsByPath) {
    const entry = index.byPath(path);
    if (!entry) {
      missing.push(path);
      continue;
    }
    const r = await labels.importLabels(entry.uri, entry.text, file.labels);
    if (!r.ok) return { ok: false, message: r.message };
    count += file.labels.length;
  }
  const tail = missing.length ? ` ${say('{0} of the export are not in this workspace:', countNoun(missing.length, '{0} article', '{0} articles'))} ${missing.slice(0, 3).join(', ')}.` : '';
  return { ok: true, labels: count, message: `${say('Imported {0}.', countNoun(count, '{0} label', '{0} labels'))}${tail}` };
}

export async function compareFolders(a: string, b: string, index: WorkspaceIndex): Promise<CompareResult> {
  const pair = await loadPair(a, b);
  if (!pair.ok) return { ok: false, message: pair.message };
  const texts = new Map(index.all().map((e) => [e.path, e.text]));
  const report = compareAnnotators(pair.a, pair.b, { texts });
  // The Agreement view lists the disagreements in the articles of this workspace.
  const disagreements = report.disagreements.flatMap((d) => {
    const entry = index.byPath(d.path);
    if (!entry) return [];
    return [{ uri: entry.uri, range: rangeOf(entry, d.start, Math.min(d.end, entry.text.length)), summary: describeDisagreement(d), kind: d.kind, path: d.path, text: (d.a ?? d.b)?.text ?? '' }];
  });
  return {
    ok: true,
    report: formatAgreement(report, { a, b, format: 'markdown', unreadable: pair.unreadable }),
    disagreements,
    agreement: agreementSummary(report, a, b, pair.a, pair.b),
  };
}

export function labelRootOf(uri: string, folders: string[]): string | null {
  if (!uri.startsWith('file:')) return null;
  const path = fileURLToPath(uri);
  for (const f of folders) {
    const root = fileURLToPath(f);
    if (path === root || path.startsWith(root.endsWith('/') ? root : root + '/')) return root;
  }
  return null;
}
