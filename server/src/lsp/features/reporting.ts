// "Sanad: Write Corpus Report…": the report `sanad report` writes (format/report*.ts), made from
// the corpus the server holds, with the reviewers' decisions of every label file, to the file the
// user picked. Links to the articles are relative to that file.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reanchorLabels } from '../../labels';
import { writeFileAtomic } from '../../labels/labelFs';
import { fileRefusal } from '../../labels/exportTargets';
import { buildReport, relativeHref } from '../../format/reportModel';
import { renderReportHtml } from '../../format/reportHtml';
import { renderReportMarkdown } from '../../format/reportMd';
import type { LabelService } from '../labelService';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { LabelActionResult, ReportParams } from '../../../../shared/src/protocol';
import { corpusLabels, corpusOf, editorExportRules } from './exporting';

export async function writeReport(p: ReportParams, index: WorkspaceIndex, labels: LabelService, roots: string[], folder: string): Promise<LabelActionResult & { written?: number }> {
  const { byPath, broken } = await corpusLabels(index, labels, roots, folder);
  const { corpus, texts } = corpusOf(index);
  // The export's rule: never over an article, never into the labels folder.
  const refused = await fileRefusal(p.target, await editorExportRules(index, roots, folder, p.target));
  if (refused) return { ok: false, message: `The report was not written: ${refused}.` };
  for (const [path, file] of byPath) {
    const text = texts.get(path);
    if (text !== undefined) byPath.set(path, { ...file, labels: reanchorLabels(file.labels, text) });
  }
  const absOf = new Map(
    index
      .all()
      .filter((e) => e.uri.startsWith('file:'))
      .map((e) => [e.path, fileURLToPath(e.uri)] as const),
  );
  const report = buildReport({
    documents: corpus.documents,
    contradictions: corpus.contradictions,
    texts,
    labels: byPath,
    hrefOf: (path) => {
      const abs = absOf.get(path);
      return abs ? relativeHref(dirname(p.target), abs) : undefined;
    },
    generated: new Date().toISOString().slice(0, 10),
  });
  try {
    await writeFileAtomic(p.target, p.format === 'md' ? renderReportMarkdown(report) : renderReportHtml(report));
  } catch (err) {
    return { ok: false, message: `The report could not be written: ${err instanceof Error ? err.message : String(err)}` };
  }
  const pairs = report.stories.reduce((n, s) => n + s.contradictions.length, 0);
  const note = broken.length ? ` ${broken.length} label file(s) could not be read and were left out.` : '';
  return { ok: true, written: report.documents, message: `Wrote a report on ${report.documents} article(s) and ${pairs} contradiction(s) and update(s).${note}` };
}
