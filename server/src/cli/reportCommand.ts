// `sanad report`: the corpus report a fact-checker hands on (format/report*.ts), from the same
// pipeline as `sanad analyze` (corpus/pool.ts). Links to the articles are relative to where the
// report is written, so the report and the corpus can be moved together.
import { dirname, resolve } from 'node:path';
import { analyzeEach } from '../corpus/pool';
import { CorpusTexts } from '../corpus/texts';
import { ClaimIndex } from '../analysis/claims/contradictions';
import type { DocumentAnalysis } from '../analysis';
import { reanchorLabels, DEFAULT_LABELS_FOLDER, type LabelFile } from '../labels';
import { writeFileAtomic } from '../labels/labelFs';
import { buildReport, relativeHref } from '../format/reportModel';
import { renderReportHtml } from '../format/reportHtml';
import { renderReportMarkdown } from '../format/reportMd';
import { choice, kilobytes, parseOptions, wantsHelp, type OptionKind } from './options';
import { loadLabels, readArticles, realish, refusalFor, say, shown, writeStdout, type WriteRules } from './files';

const REPORT_USAGE = `Usage: sanad report PATH... [--format html|md] [--out FILE] [--labels DIR] [--title TEXT]
                    [--overwrite] [--force-outside] [--max-file-size KB]

Writes a report of the corpus for people: per story, every contradiction and update with both
quotes in their sentence and links to the articles, the reviewers' decisions and notes (with
--labels), and each measure's figures by outlet and date with a timeline chart.

  --format html    one self-contained HTML file (default): no script, nothing loaded from outside,
                   Arabic text right to left, charts as inline SVG
  --format md      Markdown, with each timeline as a table
  --out FILE       where to write (default stdout); links to the articles are relative to it
  --labels DIR     read reviewers' decisions and notes from this labels folder
                   (e.g. ${DEFAULT_LABELS_FOLDER}); without it the report has none
  --title TEXT     the report's title (default "Sanad corpus report")
  --overwrite      replace FILE if it exists
  --force-outside  allow --out outside the current folder
  --max-file-size  skip articles larger than this many KB (default 2048)

Exit codes: 0 written; 1 written, but some articles or label files could not be read (named on
stderr); 2 bad usage, nothing to report, or the target refused.`;

const OPTIONS: Record<string, OptionKind> = {
  format: 'value',
  out: 'value',
  labels: 'value',
  title: 'value',
  overwrite: 'flag',
  'force-outside': 'flag',
  'max-file-size': 'value',
};

function usageError(problem: string): number {
  say(problem);
  process.stderr.write(`\n${REPORT_USAGE}\n`);
  return 2;
}

/** `sanad report PATH... [options]`; `argv` holds the arguments after `report`. */
export async function reportCommand(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stderr.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  const o = parseOptions(argv, OPTIONS);
  if (typeof o === 'string') return usageError(o);
  const format = choice(o, 'format', ['html', 'md'] as const, 'html');
  if ('problem' in format) return usageError(format.problem);
  const maxBytes = kilobytes(o, 'max-file-size', 2048);
  if (typeof maxBytes === 'string') return usageError(maxBytes);
  if (!o.positional.length) return usageError('name the articles to report on (files or folders)');
  const out = o.values.get('out');
  const outAbs = out === undefined ? undefined : resolve(out);
  const labelsDir = o.values.get('labels');
  const rules: WriteRules = {
    forceOutside: o.flags.has('force-outside'),
    overwrite: o.flags.has('overwrite'),
    articles: new Set(),
    folders: [await realish(resolve(labelsDir ?? DEFAULT_LABELS_FOLDER))],
  };
  if (outAbs) {
    const refused = await refusalFor(outAbs, rules);
    if (refused) return refuseWrite(refused);
  }

  const texts = new CorpusTexts();
  const absOf = new Map<string, string>();
  const read = await readArticles(o.positional, maxBytes, (a) => {
    texts.add(a.path, a.text);
    absOf.set(a.path, a.abs);
  });
  if (texts.count === 0) {
    say('nothing to report on');
    return 2;
  }
  let failed = read.failed;
  let labels: Map<string, LabelFile> | undefined;
  if (labelsDir !== undefined) {
    const loaded = await loadLabels(labelsDir, true);
    if (typeof loaded === 'string') return usageError(loaded);
    labels = new Map(loaded.labels);
    failed += loaded.broken;
  }

  // The one pipeline, as `sanad analyze` runs it: documents in corpus order, figures compared as they come.
  const documents: DocumentAnalysis[] = [];
  const byPath = new Map<string, string>();
  const index = new ClaimIndex();
  await analyzeEach(
    texts,
    (doc, text) => {
      const { problems: _problems, ...d } = doc as DocumentAnalysis & { problems?: unknown };
      documents.push(d);
      byPath.set(doc.path, text);
      index.update(doc, text);
    },
    { warn: say },
  );
  if (labels)
    for (const [path, file] of labels) {
      const text = byPath.get(path);
      if (text !== undefined) labels.set(path, { ...file, labels: reanchorLabels(file.labels, text) });
    }

  rules.articles = new Set(await Promise.all([...absOf.values()].map((a) => realish(a))));
  const fromDir = outAbs ? dirname(outAbs) : process.cwd();
  const report = buildReport({
    documents,
    contradictions: index.contradictions(),
    texts: byPath,
    labels,
    hrefOf: (path) => {
      const abs = absOf.get(path);
      return abs ? relativeHref(fromDir, abs) : undefined;
    },
    title: o.values.get('title'),
    generated: new Date().toISOString().slice(0, 10),
  });
  const data = format.value === 'html' ? renderReportHtml(report) : renderReportMarkdown(report);
  if (!outAbs) {
    await writeStdout(data);
    return failed ? 1 : 0;
  }
  // Checked again now that the articles are known: a report never replaces one of them.
  const refused = await refusalFor(outAbs, rules);
  if (refused) return refuseWrite(refused);
  try {
    await writeFileAtomic(outAbs, data);
  } catch (err) {
    say(`${shown(outAbs)}: could not be written (${err instanceof Error ? err.message : String(err)})`);
    return 1;
  }
  const pairs = report.stories.reduce((n, s) => n + s.contradictions.length, 0);
  say(`wrote a report on ${report.documents} article(s), ${pairs} contradiction(s) and update(s), to ${shown(outAbs)}`);
  return failed ? 1 : 0;
}

function refuseWrite(problem: string): number {
  say(problem);
  say('nothing was written');
  return 2;
}
