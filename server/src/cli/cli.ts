// `sanad`: the batch command line. Same engine as the language server; reads files, prints JSON,
// YAML or a table for people.
import YAML from 'yaml';
import { formatTable } from '../format/table';
import { readArticles, say, stdoutFailure, writeStdout } from './files';
import { analyzeEach, analyzeFiles, CorpusTexts, isAnalyzeWorker, runAnalyzeWorker } from '../corpus/threads';
import { JsonObjectWriter, prettyElement } from '../format/json';
import { ClaimIndex } from '../analysis/claims/contradictions';
import type { CorpusAnalysis } from '../analysis';
import { exportCommand, importCommand, compareCommand } from './labelCommands';

const USAGE = `Usage: sanad analyze PATH... [--format json|yaml|table] [--max-file-size KB]
       sanad export PATH... [--format yaml|jsonl|brat] [--labels DIR] [--out FILE|DIR]
       sanad import FILE [--labels DIR]
       sanad compare DIR_A DIR_B [--format table|json] [PATH...]

Finds actors, dates and figures in Arabic news articles (UTF-8 .txt files) and flags figures that
contradict each other across sources. Folders are read recursively for *.txt files.

  --format json    the machine contract (default), documented in docs/CONTRACT.md
  --format yaml    the same fields as YAML
  --format table   a readable summary per document
  --max-file-size  skip files larger than this many KB (default 2048)

Each of export, import and compare explains itself with --help (labels: docs/LABELS.md).

Exit codes: 0 all files analysed; 1 some files or folders could not be read, or the output could
not be written (named on stderr, the rest is still analysed); 2 bad usage or nothing to analyse.`;

interface Args {
  command: string | undefined;
  paths: string[];
  format: 'json' | 'yaml' | 'table';
  maxKB: number;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { command: argv[0], paths: [], format: 'json', maxKB: 2048 };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (v !== 'json' && v !== 'yaml' && v !== 'table') return `unknown format "${v ?? ''}" (use json, yaml or table)`;
      args.format = v;
    } else if (a === '--max-file-size') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) return '--max-file-size takes a number of KB';
      args.maxKB = v;
    } else if (a.startsWith('-')) {
      return `unknown option ${a}`;
    } else args.paths.push(a);
  }
  return args;
}

export async function main(argv: string[]): Promise<number> {
  const code = await command(argv);
  // Output that did not reach its file (a full disk, a closed descriptor) is a failure, whatever
  // the command thought; the cause was already named on stderr.
  return stdoutFailure() !== null ? Math.max(code, 1) : code;
}

async function command(argv: string[]): Promise<number> {
  if (argv[0] === 'export') return exportCommand(argv.slice(1));
  if (argv[0] === 'import') return importCommand(argv.slice(1));
  if (argv[0] === 'compare') return compareCommand(argv.slice(1));
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) {
    process.stderr.write(USAGE + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string' || args.command !== 'analyze' || args.paths.length === 0) {
    const problem = typeof args === 'string' ? args : args.command !== 'analyze' ? `unknown command "${args.command}"` : 'name the files or folders to analyse';
    process.stderr.write(`sanad: ${problem}\n\n${USAGE}\n`);
    return 2;
  }
  // The texts are held once, as they are read (in shared memory when there are enough for threads).
  const texts = new CorpusTexts();
  const read = await readArticles(args.paths, args.maxKB * 1024, (a) => texts.add(a.path, a.text));
  if (texts.count === 0) {
    process.stderr.write('sanad: nothing to analyse\n');
    return 2;
  }
  if (args.format === 'json') await analyzeToJson(texts);
  else {
    // On several threads when there are many files (cliParallel.ts); the same result either way.
    const result = await analyzeFiles(texts, say);
    const out = args.format === 'yaml' ? YAML.stringify(result, { lineWidth: 0, aliasDuplicateObjects: false }) : formatTable(result);
    await writeStdout(out.endsWith('\n') ? out : out + '\n');
  }
  return read.failed > 0 ? 1 : 0;
}

/**
 * The corpus analysis as JSON on stdout, JSON.stringify(analyzeCorpus(files), null, 2) to the
 * byte, written as it is made: each document as soon as it and those before it are finished, its
 * figures then taken into the comparison and the document let go; the contradictions last. A large
 * corpus is never held whole, as documents or as text.
 */
async function analyzeToJson(texts: CorpusTexts): Promise<void> {
  const out = new JsonObjectWriter(writeStdout);
  const version: CorpusAnalysis['version'] = 1;
  await out.member('version', version);
  out.openArray('documents');
  const index = new ClaimIndex();
  // On several threads when there are many files (cliParallel.ts); the same documents either way.
  await analyzeEach(texts, say, (doc, text, json) => {
    index.update(doc, text);
    return out.element(json ?? prettyElement(doc));
  });
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

// The same file is the worker of a parallel analysis when started as one.
if (isAnalyzeWorker()) runAnalyzeWorker();
else if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`sanad: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(3);
    },
  );
}
