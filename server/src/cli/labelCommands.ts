// `sanad export`, `sanad import` and `sanad compare`: the label core (server/src/labels) on the
// command line, for pipelines and for people outside VS Code. The current folder stands for the
// workspace, as it does for the language server's workspace folder: article paths are relative to
// it and the labels folder mirrors them. Each command takes the arguments after its own name.
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { analyzeCorpus } from '../analysis';
import {
  annPathFor,
  cleanRelativePath,
  exportClaimReviews,
  type ArticleSource,
  compareAnnotators,
  exportBrat,
  exportJsonl,
  exportYaml,
  importYaml,
  labelPathFor,
  reanchorLabels,
  DEFAULT_LABELS_FOLDER,
  type LabelFile,
} from '../labels';
import { saveLabelFile, writeFileAtomic } from '../labels/labelFs';
import { formatAgreement } from '../format/agreementReport';
import { Manifests } from '../corpus/manifest';
import { choice, kilobytes, parseOptions, wantsHelp, type OptionKind } from './options';
import { folderRefusalFor, isInside, loadLabels, printable, readArticles, realish, refusalFor, reportProblems, say, shown, underFolders, workspacePath, writeStdout, type WriteRules } from './files';

const EXPORT_USAGE = `Usage: sanad export PATH... [--format yaml|jsonl|brat|claimreview] [--labels DIR] [--out FILE|DIR]
                    [--organization NAME] [--url URL]
                    [--overwrite] [--force-outside] [--suggestions] [--max-file-size KB]

Writes articles with the engine's findings and the annotators' labels, for other tools. Articles
are named as for sanad analyze (folders are read recursively for *.txt); their paths are taken
relative to the current folder, and an article's labels are read from the labels folder at the
same path plus .yaml. Labels are placed on the articles' current texts before they are written.

  --format yaml    one YAML file (default): documents with their text, mentions as reviewed,
                   labels and reviews, then the contradictions; described in docs/LABELS.md
  --format jsonl   the same documents, one JSON object per line
  --format brat    brat standoff: a .txt (the text without a byte-order mark) and a .ann for each
                   article, mirroring the article paths under --out DIR (required; a hidden
                   folder such as .sanad/brat keeps the .txt copies out of later exports)
  --format claimreview
                   schema.org ClaimReview JSON-LD (an array), one review per verdict a reviewer
                   gave a figure or a contradiction; needs --organization and --url. Articles'
                   URLs are read from a manifest.jsonl (path, url, …) beside them, if any
  --organization   the reviewing organisation, the ClaimReview's author
  --url URL        the page the fact check is published on; each review gets an anchor on it
  --labels DIR     the labels folder (default ${DEFAULT_LABELS_FOLDER})
  --out FILE|DIR   where to write, relative to the current folder (yaml and jsonl: default stdout)
  --overwrite      replace files that exist; without it nothing is overwritten
  --force-outside  allow --out outside the current folder
  --suggestions    brat: also write the engine's suggestions nobody has decided on yet
  --max-file-size  skip articles larger than this many KB (default 2048)
  --               ends the options: what follows are paths, even if they start with a dash

Exit codes: 0 exported; 1 exported, but some articles or label files could not be read (named on
stderr with the problem; the rest is exported); 2 bad usage, nothing to export, or a target
refused (then nothing is written).`;

const IMPORT_USAGE = `Usage: sanad import FILE [--labels DIR] [--max-file-size KB]

Restores annotators' labels and contradiction reviews from a YAML file written by sanad export
into the labels folder, one label file per article. Each is merged with the file on disk: nothing
there is lost, and of two versions of one label (same id) the later "updated" wins. Writes are
atomic. A label file on disk that is broken is left exactly as it is, and named on stderr.

  --labels DIR     the labels folder (default ${DEFAULT_LABELS_FOLDER})
  --max-file-size  refuse an export larger than this many KB (default 65536)
  --               ends the options: what follows are paths, even if they start with a dash

Exit codes: 0 imported; 1 the file is not a valid export (its problems are named, nothing is
written) or some label files could not be written; 2 bad usage or no such file.`;

const COMPARE_USAGE = `Usage: sanad compare DIR_A DIR_B [PATH...] [--format table|json] [--max-file-size KB]

How far two annotators agree: two labels folders, A being the reference. Only articles both have
label files for are compared. Per type and overall: the labels each made, exact matches (same
span, same type), precision, recall, F1 and Cohen's kappa over the spans either labelled; given
the articles (PATH: files or folders, read as sanad analyze reads them), labels are first placed
on their current texts and kappa is also computed over word tokens. Then every disagreement.

  --format table   for people (default)
  --format json    the report as data (fields in docs/LABELS.md, "Compare annotators")
  --max-file-size  skip articles larger than this many KB (default 2048)
  --               ends the options: what follows are paths, even if they start with a dash

Exit codes: 0 compared; 1 compared, but some label files or articles could not be read (named on
stderr); 2 bad usage or a folder that does not exist.`;

function usageError(problem: string, usage: string): number {
  say(problem);
  process.stderr.write(`\n${usage}\n`);
  return 2;
}

function help(usage: string): number {
  process.stderr.write(`${usage}\n`);
  return 0;
}

const EXPORT_OPTIONS: Record<string, OptionKind> = {
  format: 'value',
  labels: 'value',
  out: 'value',
  organization: 'value',
  url: 'value',
  overwrite: 'flag',
  'force-outside': 'flag',
  suggestions: 'flag',
  'max-file-size': 'value',
};

/** `sanad export PATH... [options]`; `argv` holds the arguments after `export`. Resolves to the exit code. */
export async function exportCommand(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) return help(EXPORT_USAGE);
  const o = parseOptions(argv, EXPORT_OPTIONS);
  if (typeof o === 'string') return usageError(o, EXPORT_USAGE);
  const format = choice(o, 'format', ['yaml', 'jsonl', 'brat', 'claimreview'] as const, 'yaml');
  if ('problem' in format) return usageError(format.problem, EXPORT_USAGE);
  const claimReview = format.value === 'claimreview';
  const organization = o.values.get('organization')?.trim();
  const pageUrl = o.values.get('url')?.trim();
  if (claimReview && !organization) return usageError('--format claimreview names the reviewing organisation: add --organization NAME', EXPORT_USAGE);
  if (claimReview && !(pageUrl && /^https?:\/\/\S+$/i.test(pageUrl)))
    return usageError('--format claimreview needs --url with the http(s) address of the page the fact check is published on', EXPORT_USAGE);
  if (!claimReview && (organization !== undefined || pageUrl !== undefined)) return usageError('--organization and --url are options of --format claimreview', EXPORT_USAGE);
  const maxBytes = kilobytes(o, 'max-file-size', 2048);
  if (typeof maxBytes === 'string') return usageError(maxBytes, EXPORT_USAGE);
  if (!o.positional.length) return usageError('name the articles to export (files or folders)', EXPORT_USAGE);
  const brat = format.value === 'brat';
  const out = o.values.get('out');
  if (brat && out === undefined) return usageError('--format brat writes two files per article; name a folder with --out DIR', EXPORT_USAGE);
  if (!brat && o.flags.has('suggestions')) return usageError('--suggestions is an option of --format brat', EXPORT_USAGE);
  const labelsDir = o.values.get('labels') ?? DEFAULT_LABELS_FOLDER;
  const rules: WriteRules = {
    forceOutside: o.flags.has('force-outside'),
    overwrite: o.flags.has('overwrite'),
    articles: new Set(),
    folders: [await realish(resolve(labelsDir))],
  };
  const outAbs = out === undefined ? undefined : resolve(out);
  // What can be refused before any reading is refused first, so a slip costs no waiting.
  if (outAbs) {
    const refused = brat ? await folderRefusalFor(outAbs, rules) : await refusalFor(outAbs, rules);
    if (refused) return refuse([refused]);
  }

  const read = await readArticles(o.positional, maxBytes);
  if (!read.articles.length) {
    say('nothing to export');
    return 2;
  }
  const loaded = await loadLabels(labelsDir, false);
  if (typeof loaded === 'string') return usageError(loaded, EXPORT_USAGE);
  const texts = new Map(read.articles.map((a) => [a.path, a.text] as const));
  const labels = labelsInScope(loaded.labels, texts, read.folders);
  const corpus = analyzeCorpus(read.articles.map((a) => ({ path: a.path, text: a.text })));
  rules.articles = new Set(await Promise.all(read.articles.map((a) => realish(a.abs))));
  const failed = read.failed + loaded.broken;

  if (brat && outAbs) {
    const anns = exportBrat(corpus, labels, texts, { suggestions: o.flags.has('suggestions') });
    const writes: Array<[string, string]> = [];
    let skipped = 0;
    for (const a of read.articles) {
      const rel = cleanRelativePath(a.path);
      if (!rel) {
        say(`${printable(a.path)}: outside the current folder, so it has no place under ${printable(out ?? '')}; skipped`);
        skipped++;
        continue;
      }
      const txt = /\.txt$/i.test(rel) ? rel : `${rel}.txt`;
      writes.push([join(outAbs, ...txt.split('/')), a.text], [join(outAbs, ...annPathFor(rel).split('/')), anns.get(a.path) ?? '']);
    }
    const refused = await refusals(
      writes.map(([p]) => p),
      rules,
    );
    if (refused.length) return refuse(refused);
    const done = await writeAll(writes);
    if (done < 0) return 1;
    say(`wrote ${writes.length / 2} article(s) as brat standoff (.txt and .ann) under ${shown(outAbs)}`);
    // The copies are .txt files too: inside a folder being exported they would come back as articles.
    const rel = workspacePath(outAbs);
    if (isInside(outAbs, process.cwd()) && underFolders(rel, read.folders) && !rel.split('/').some((s) => s.startsWith('.'))) {
      say(`note: ${shown(outAbs)} is inside a folder being exported, so its .txt copies will be read as articles next time; hidden folders such as .sanad/brat are skipped`);
    }
    return failed + skipped ? 1 : 0;
  }

  const data = claimReview
    ? `${JSON.stringify(exportClaimReviews(corpus, labels, { organization: organization!, url: pageUrl!, texts, sources: await readManifests(read.articles, o.positional) }), null, 2)}\n`
    : format.value === 'yaml'
      ? exportYaml(corpus, labels, { texts })
      : exportJsonl(corpus, labels, { texts });
  if (!outAbs) {
    await writeStdout(data);
    return failed ? 1 : 0;
  }
  // Checked again now that the articles are known: an export never replaces one of them.
  const refused = await refusalFor(outAbs, rules);
  if (refused) return refuse([refused]);
  if ((await writeAll([[outAbs, data]])) < 0) return 1;
  const count = labels.size ? `, with ${[...labels.values()].reduce((n, f) => n + f.labels.length, 0)} label(s)` : '';
  say(`wrote ${corpus.documents.length} article(s)${count} to ${shown(outAbs)}`);
  return failed ? 1 : 0;
}

/** What the scrapers' manifests beside the articles say of them: their URLs, sites and titles. */
async function readManifests(articles: ReadonlyArray<{ path: string; abs: string }>, roots: readonly string[]): Promise<Map<string, ArticleSource>> {
  const manifests = new Manifests();
  await manifests.load(
    articles.map((a) => a.abs),
    roots,
  );
  for (const p of manifests.problems) say(`${printable(p)}: that record is left out`);
  return manifests.sources(articles.map((a): [string, string] => [a.path, a.abs]));
}

/**
 * The label files that belong to this export, placed on the articles' current texts: those of the
 * articles read, and those under a folder named whose article is gone (exported with labels only,
 * so that no decision is lost from an export of the whole folder).
 */
function labelsInScope(all: ReadonlyMap<string, LabelFile>, texts: ReadonlyMap<string, string>, folders: readonly string[]): Map<string, LabelFile> {
  const out = new Map<string, LabelFile>();
  for (const [path, file] of all) {
    const text = texts.get(path);
    if (text !== undefined) out.set(path, { ...file, labels: reanchorLabels(file.labels, text) });
    else if (underFolders(path, folders)) out.set(path, file);
  }
  return out;
}

async function refusals(targets: readonly string[], rules: WriteRules): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t)) out.push(`${shown(t)}: two articles would be written to this same file`);
    seen.add(t);
    const r = await refusalFor(t, rules);
    if (r) out.push(r);
  }
  return out;
}

function refuse(problems: readonly string[]): number {
  for (const p of problems) say(p);
  say('nothing was written');
  return 2;
}

/** Writes each file atomically; the number written, or -1 after naming the file that failed. */
async function writeAll(writes: ReadonlyArray<readonly [string, string]>): Promise<number> {
  let n = 0;
  for (const [path, data] of writes) {
    try {
      await writeFileAtomic(path, data);
      n++;
    } catch (err) {
      say(`${shown(path)}: could not be written (${err instanceof Error ? err.message : String(err)}); ${n} file(s) were written before it`);
      return -1;
    }
  }
  return n;
}

const IMPORT_OPTIONS: Record<string, OptionKind> = { labels: 'value', 'max-file-size': 'value' };

/** `sanad import FILE [options]`; `argv` holds the arguments after `import`. Resolves to the exit code. */
export async function importCommand(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) return help(IMPORT_USAGE);
  const o = parseOptions(argv, IMPORT_OPTIONS);
  if (typeof o === 'string') return usageError(o, IMPORT_USAGE);
  const maxBytes = kilobytes(o, 'max-file-size', 65536);
  if (typeof maxBytes === 'string') return usageError(maxBytes, IMPORT_USAGE);
  if (o.positional.length !== 1) return usageError('name one exported YAML file to import', IMPORT_USAGE);
  const file = resolve(o.positional[0]);
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return usageError(`${printable(o.positional[0])}: not a file`, IMPORT_USAGE);
    if (stat.size > maxBytes) {
      say(`${printable(o.positional[0])}: larger than ${Math.round(maxBytes / 1024)} KB (--max-file-size); not imported`);
      return 1;
    }
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return usageError(`${printable(o.positional[0])}: no such file`, IMPORT_USAGE);
    say(`${printable(o.positional[0])}: cannot be read (${code ?? String(err)})`);
    return 1;
  }
  const parsed = importYaml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { maxBytes });
  if (!parsed.ok) {
    reportProblems(file, parsed.problems, 'not a valid Sanad export, nothing was imported');
    return 1;
  }
  const labelsDir = o.values.get('labels') ?? DEFAULT_LABELS_FOLDER;
  const labelsAbs = resolve(labelsDir);
  const base = basename(labelsAbs);
  const stat = await fs.stat(labelsAbs).catch(() => null);
  if ((stat && !stat.isDirectory()) || !cleanRelativePath(base)) return usageError(`${printable(labelsDir)}: cannot be used as a labels folder`, IMPORT_USAGE);
  let written = 0;
  let unchanged = 0;
  let failed = 0;
  for (const [path, lf] of parsed.labelsByPath) {
    const article = cleanRelativePath(path);
    const rel = article && labelPathFor(article, base);
    if (!article || !rel) {
      say(`${printable(o.positional[0])}: document "${printable(path)}" is not a path inside the workspace; its labels were not imported`);
      failed++;
      continue;
    }
    const target = join(dirname(labelsAbs), ...rel.split('/'));
    const saved = await saveLabelFile(target, { ...lf, article });
    if (saved.ok) {
      if (saved.written) written++;
      else unchanged++;
    } else {
      failed++;
      if (saved.reason === 'invalid') reportProblems(target, saved.problems, `left as it is, so the labels of ${article} were not imported`);
      else say(`${shown(target)}: ${saved.problems[0]?.message ?? 'could not be written'}`);
    }
  }
  const summary = `imported ${written + unchanged} of ${parsed.labelsByPath.size} article(s) into ${shown(labelsAbs)}: ${written} label file(s) written, ${unchanged} already up to date`;
  await writeStdout(`${summary}${failed ? `; ${failed} not imported (see above)` : ''}\n`);
  return failed ? 1 : 0;
}

const COMPARE_OPTIONS: Record<string, OptionKind> = { format: 'value', 'max-file-size': 'value' };

/** `sanad compare DIR_A DIR_B [PATH...] [options]`; `argv` holds the arguments after `compare`. Resolves to the exit code. */
export async function compareCommand(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) return help(COMPARE_USAGE);
  const o = parseOptions(argv, COMPARE_OPTIONS);
  if (typeof o === 'string') return usageError(o, COMPARE_USAGE);
  const format = choice(o, 'format', ['table', 'json'] as const, 'table');
  if ('problem' in format) return usageError(format.problem, COMPARE_USAGE);
  const maxBytes = kilobytes(o, 'max-file-size', 2048);
  if (typeof maxBytes === 'string') return usageError(maxBytes, COMPARE_USAGE);
  const [dirA, dirB, ...paths] = o.positional;
  if (dirA === undefined || dirB === undefined) return usageError('name two labels folders to compare', COMPARE_USAGE);
  const a = await loadLabels(dirA, true);
  if (typeof a === 'string') return usageError(a, COMPARE_USAGE);
  const b = await loadLabels(dirB, true);
  if (typeof b === 'string') return usageError(b, COMPARE_USAGE);
  let failed = a.broken + b.broken;
  let texts: Map<string, string> | undefined;
  if (paths.length) {
    const read = await readArticles(paths, maxBytes);
    failed += read.failed;
    texts = new Map(read.articles.map((x) => [x.path, x.text] as const));
  }
  const report = compareAnnotators(placed(a.labels, texts), placed(b.labels, texts), texts ? { texts } : {});
  await writeStdout(format.value === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatAgreement(report, { a: shown(a.abs), b: shown(b.abs), format: 'table' }));
  return failed ? 1 : 0;
}

/** Labels placed on the articles' current texts, where the text is known. */
function placed(labels: ReadonlyMap<string, LabelFile>, texts: ReadonlyMap<string, string> | undefined): Map<string, LabelFile> {
  const out = new Map<string, LabelFile>();
  for (const [path, file] of labels) {
    const text = texts?.get(path);
    out.set(path, text === undefined ? file : { ...file, labels: reanchorLabels(file.labels, text) });
  }
  return out;
}
