// `sanad`: the batch command line. Same engine as the language server; reads files, prints JSON,
// YAML or a table for people.
import YAML from 'yaml';
import { formatTable } from '../format/table';
import { printable, readArticles, say, shown, stdoutFailure, workspacePath, writeStdout } from './files';
import { Manifests } from '../corpus/manifest';
import { analyzeEach, analyzeToOutput } from '../corpus/pool';
import { CorpusTexts } from '../corpus/texts';
import { JsonObjectWriter, prettyElement } from '../format/json';
import { ClaimIndex } from '../analysis/claims/contradictions';
import { withStory, withReviewed, type CorpusAnalysis } from '../analysis';
import { ReviewedPublications } from '../corpus/reviewedPublication';
import { cleanRelativePath, DEFAULT_LABELS_FOLDER } from '../labels';
import { basename, dirname, resolve } from 'node:path';
import { Spool } from '../corpus/spool';
import { exportCommand, importCommand, compareCommand } from './labelCommands';
import { reportCommand } from './reportCommand';
import { reduceCommand } from './reduce';
import { parseShard, readLexicon, shareOf, writeClaims, writeLexicon, type Shard, type ShareTexts } from './shard';
import { choice, kilobytes, parseOptions, wantsHelp } from './options';

const USAGE = `Usage: sanad analyze PATH... [--format json|yaml|table] [--max-file-size KB] [--labels DIR]
       sanad analyze PATH... --shard i/n [--format claims|lexicon|json|…] [--lexicon FILE]
       sanad reduce FILE...
       sanad export PATH... [--format yaml|jsonl|brat] [--labels DIR] [--out FILE|DIR]
       sanad import FILE [--labels DIR]
       sanad compare DIR_A DIR_B [--format table|json] [PATH...]
       sanad report PATH... [--format html|md] [--out FILE] [--labels DIR]

Finds actors, dates and figures in Arabic news articles (UTF-8 .txt files) and flags figures that
contradict each other across sources. Folders are read recursively for *.txt files.

  --format json    the machine contract (default), documented in docs/CONTRACT.md
  --format yaml    the same fields as YAML
  --format table   a readable summary per document
  --max-file-size  skip files larger than this many KB (default 2048)
  --labels DIR     the labels folder whose publication dates and outlets set by reviewers win
                   over manifests and datelines (default .sanad/labels of the current folder)
  --shard i/n      only the files of share i of n (by a hash of their path): one machine's share
  --format claims  JSON Lines of each document's claims, for \`sanad reduce\` (with --shard)
  --format lexicon JSON Lines of what the share teaches the corpus's lexicon (with --shard)
  --lexicon FILE   every share's lexicon lines put together: the claims are then those of the
                   whole corpus (docs/PERFORMANCE.md, "Beyond one machine")
  --               ends the options: what follows are paths, even if they start with a dash

Each of reduce, export, import, compare and report explains itself with --help (labels: docs/LABELS.md).

Exit codes: 0 all files analysed; 1 some files or folders could not be read, or the output could
not be written (named on stderr, the rest is still analysed); 2 bad usage or nothing to analyse.`;

interface Args {
  paths: string[];
  format: 'json' | 'yaml' | 'table' | 'claims' | 'lexicon';
  maxKB: number;
  shard: Shard | null;
  lexicon: string | null;
  labels: string;
}

/** The options of `sanad analyze`; `argv` holds the arguments after `analyze`. A string is the usage problem. */
function parseAnalyzeArgs(argv: string[]): Args | string {
  const o = parseOptions(argv, { format: 'value', 'max-file-size': 'value', shard: 'value', lexicon: 'value', labels: 'value' });
  if (typeof o === 'string') return o;
  const format = choice(o, 'format', ['json', 'yaml', 'table', 'claims', 'lexicon'] as const, 'json');
  if ('problem' in format) return format.problem;
  const maxBytes = kilobytes(o, 'max-file-size', 2048);
  if (typeof maxBytes === 'string') return maxBytes;
  const shard = parseShard(o.values.get('shard'));
  if (typeof shard === 'string') return shard;
  const lexicon = o.values.get('lexicon') ?? null;
  if ((format.value === 'claims' || format.value === 'lexicon') && !shard) return `--format ${format.value} goes with --shard i/n (--shard 1/1 for the whole corpus)`;
  if (lexicon !== null && format.value !== 'claims') return '--lexicon goes with --format claims';
  if (o.positional.length === 0) return 'name the files or folders to analyse';
  return { paths: o.positional, format: format.value, maxKB: maxBytes / 1024, shard, lexicon, labels: o.values.get('labels') ?? DEFAULT_LABELS_FOLDER };
}

function usageError(problem: string): number {
  process.stderr.write(`sanad: ${problem}\n\n${USAGE}\n`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const code = await run(argv);
  // Output that did not reach its file (a full disk, a closed descriptor) is a failure, whatever
  // the command thought; the cause was already named on stderr.
  return stdoutFailure() !== null ? Math.max(code, 1) : code;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'export') return exportCommand(rest);
  if (command === 'import') return importCommand(rest);
  if (command === 'compare') return compareCommand(rest);
  if (command === 'report') return reportCommand(rest);
  if (command === 'reduce') return reduceCommand(rest);
  if (command === undefined) return usageError('name a command');
  if (command === '-h' || command === '--help' || (command === 'analyze' && wantsHelp(rest))) {
    process.stderr.write(USAGE + '\n');
    return 0;
  }
  if (command !== 'analyze') return usageError(command.startsWith('-') ? `unknown option ${command} (options follow the command)` : `unknown command "${command}"`);
  const args = parseAnalyzeArgs(rest);
  if (typeof args === 'string') return usageError(args);
  // The texts are held once, as they are read (in shared memory when there are enough for threads).
  const texts = new CorpusTexts();
  // The scrapers' manifests beside the articles give dates and outlets the text may not (manifest.ts).
  const manifests = new Manifests();
  // Publication dates and outlets reviewers set in the label files win over both (reviewedPublication.ts).
  const reviewed = new ReviewedPublications();
  const labelsAbs = resolve(args.labels);
  const shard = args.shard;
  const share: ShareTexts = { texts, order: [], listed: 0 };
  const read = await readArticles(
    args.paths,
    args.maxKB * 1024,
    (a) => {
      texts.add(a.path, a.text, withReviewed(manifests.of(a.abs), reviewed.of(a.path)));
      share.order.push(a.index);
    },
    async (files) => {
      share.listed = files.length;
      await manifests.load(files, args.paths);
      for (const p of manifests.problems) say(`${printable(p)}: skipped`);
      // Loaded from its parent, so that a labels folder outside the current folder can be named;
      // its label files are keyed by article paths relative to the current folder, as `a.path` is.
      if (cleanRelativePath(basename(labelsAbs))) await reviewed.load(dirname(labelsAbs), basename(labelsAbs));
      for (const p of reviewed.problems) say(`${shown(p.file)}:${printable(p.problem)} (the label file's publication date and outlet are not read)`);
    },
    shard ? (abs) => shareOf(workspacePath(abs), shard.n) === shard.i : undefined,
  );
  if (shard && (args.format === 'claims' || args.format === 'lexicon')) {
    // A share may hold no file at all (a small corpus, many shares): its output is its header.
    if (args.format === 'lexicon') await writeLexicon(share, shard);
    else {
      const corpus = args.lexicon === null ? null : await readLexicon(args.lexicon, shard, share.listed);
      if (typeof corpus === 'string') return usageError(corpus);
      await writeClaims(share, shard, corpus);
    }
    return read.failed > 0 ? 1 : 0;
  }
  if (texts.count === 0) {
    process.stderr.write('sanad: nothing to analyse\n');
    return 2;
  }
  if (args.format === 'json') await analyzeToJson(texts);
  else {
    // On several threads when there are many files (corpus/pool.ts); the same result either way.
    const documents: CorpusAnalysis['documents'] = [];
    const index = new ClaimIndex();
    await analyzeEach(
      texts,
      (doc, text) => {
        documents.push(doc);
        index.update(doc, text);
      },
      { warn: say },
    );
    // What corpusResult gives: the index lists what compareCorpus lists, and knows the stories.
    const result: CorpusAnalysis = { version: 1, documents: documents.map((d) => withStory(d, index.storyOf(d.path) || null)), contradictions: index.contradictions() };
    const out = args.format === 'yaml' ? YAML.stringify(result, { lineWidth: 0, aliasDuplicateObjects: false }) : formatTable(result);
    await writeStdout(out.endsWith('\n') ? out : out + '\n');
  }
  return read.failed > 0 ? 1 : 0;
}

/**
 * The corpus analysis as JSON on stdout, JSON.stringify(analyzeCorpus(files), null, 2) to the
 * byte, written as it is made: each document as soon as it and those before it are finished, its
 * figures then taken into the comparison and the document let go; the contradictions last. A large
 * corpus is never held whole, as documents or as text. The documents come as their JSON in UTF-8
 * and their claims read, made where they were finished (corpus/output.ts): this thread compares.
 */
async function analyzeToJson(texts: CorpusTexts): Promise<void> {
  const out = new JsonObjectWriter(writeStdout, writeStdout);
  const version: CorpusAnalysis['version'] = 1;
  await out.member('version', version);
  const index = new ClaimIndex();
  // Each document's story is known once every document is in: until then they wait on disk.
  const spool = new Spool();
  const paths: string[] = [];
  try {
    // On several threads when there are many files (corpus/pool.ts); the same documents either way.
    await analyzeToOutput(
      texts,
      spool,
      (path, read) => {
        // With its claims read, the index needs only the document's path (as `sanad reduce` feeds it).
        index.update({ path, published: null, outlet: null, mentions: [], boilerplate: [] }, undefined, read);
        paths.push(path);
      },
      // The texts are not needed once a document is finished: their memory goes as the output passes.
      { warn: say, releaseTexts: true },
    );
    out.openArray('documents');
    let i = 0;
    for await (const element of spool.drain()) {
      const full = out.elementBytes(withStoryElement(element, index.storyOf(paths[i++]) || null));
      if (full) await full;
    }
  } finally {
    await spool.dispose();
  }
  await out.closeArray();
  // The index lists what findContradictions lists, in the same order.
  out.openArray('contradictions');
  for (const c of index.contradictions()) {
    const full = out.element(prettyElement(c));
    if (full) await full;
  }
  await out.closeArray();
  await out.end();
  await writeStdout('\n');
}

/**
 * A document's element (UTF-8) with `"story"` after its path, as withStory orders the members:
 * the pieces to write in order.
 */
function withStoryElement(element: Buffer, story: string | null): Buffer[] {
  // The element's first line is "    {", its second the path: `      "path": "…",` (JSON text
  // holds no raw line break inside a string).
  const first = element.indexOf(0x0a);
  const second = element.indexOf(0x0a, first + 1);
  return [element.subarray(0, second + 1), Buffer.from(`      "story": ${JSON.stringify(story)},`), element.subarray(second)];
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`sanad: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(3);
    },
  );
}
