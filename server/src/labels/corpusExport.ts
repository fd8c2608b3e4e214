// "Export annotations": the corpus with every decision, in the field names of `sanad analyze`
// (docs/CONTRACT.md), as one YAML file or as JSON Lines; and the YAML read back into label files.
// Each document carries its mentions as reviewed (reviewView.ts), the labels exactly as stored,
// and the reviews filed under it; each contradiction carries its key, both quotes and the review.
import { measureName } from '../format/measureNames';
import YAML, { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { Contradiction, CorpusAnalysis, DocumentAnalysis } from '../analysis/types';
import { LABEL_KEYS, REVIEW_KEYS, type ContradictionReview, type Label, type LabelFile, type LabelsByPath, type Problem } from './labelTypes';
import { readLabelFileNode } from './labelSchema';
import { WRITE_OPTIONS } from './labelRender';
import { reviewMentions, type ReviewedMention } from './reviewView';
import { contradictionKey, findReview, quotesFromCorpus } from './reviews';
import { parseYamlSafely, problemAtNode, type SafeYamlOptions } from './yamlSafety';

export const EXPORT_VERSION = 1;

/** The contract's order of a mention's fields, then the review's. */
const MENTION_KEYS = ['id', 'kind', 'start', 'end', 'text', 'boilerplate', 'entity', 'value', 'counted', 'event', 'source', 'place', 'window', 'cumulative', 'note', 'status', 'label', 'labelNote'];

export interface ExportOptions {
  /** The articles' texts (as the analysis saw them): added as `text`, and used for quotes. */
  texts?: ReadonlyMap<string, string>;
  /** ISO time written as `exported`; left out when not given, so that exports compare equal. */
  exported?: string;
}

export interface ExportedSide {
  path: string;
  start: number;
  end: number;
  text?: string;
}

export interface ExportedContradiction {
  topic: string;
  message: string;
  a: ExportedSide;
  b: ExportedSide;
  key: string;
  review?: ContradictionReview;
}

export interface ExportedDocument {
  path: string;
  published: string | null;
  outlet: string | null;
  boilerplate: Array<{ start: number; end: number }>;
  text?: string;
  mentions: ReviewedMention[];
  labels: Label[];
  reviews: ContradictionReview[];
}

export interface AnnotationExport {
  version: typeof EXPORT_VERSION;
  exported?: string;
  documents: ExportedDocument[];
  contradictions: ExportedContradiction[];
}

/** The export as data: every analysed document, plus label files whose article was not analysed. */
function buildExport(corpus: CorpusAnalysis, labelsByPath: LabelsByPath, options: ExportOptions = {}): AnnotationExport {
  const documents: ExportedDocument[] = corpus.documents.map((d) => exportDocument(d, labelsByPath.get(d.path), options));
  const analysed = new Set(corpus.documents.map((d) => d.path));
  for (const [path, file] of [...labelsByPath].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    if (!analysed.has(path)) documents.push(exportDocument({ path, published: null, outlet: null, boilerplate: [], mentions: [] }, file, options));
  }
  const quoteOf = quotesFromCorpus(corpus, options.texts);
  const contradictions = corpus.contradictions.map((c) => exportContradiction(c, labelsByPath, quoteOf));
  const out: AnnotationExport = { version: EXPORT_VERSION, documents, contradictions };
  if (options.exported) out.exported = options.exported;
  return ordered(out, ['version', 'exported', 'documents', 'contradictions']);
}

function exportDocument(d: DocumentAnalysis, file: LabelFile | undefined, options: ExportOptions): ExportedDocument {
  const labels = file?.labels ?? [];
  const doc: ExportedDocument = {
    path: d.path,
    published: d.published,
    outlet: d.outlet,
    boilerplate: d.boilerplate,
    text: options.texts?.get(d.path),
    mentions: reviewMentions(d, labels).map((m) => ordered(withMeasureName(m), MENTION_KEYS)),
    labels: labels.map((l) => ordered(l, LABEL_KEYS)),
    reviews: (file?.reviews ?? []).map((r) => ordered(r, REVIEW_KEYS)),
  };
  if (doc.text === undefined) delete doc.text;
  return doc;
}

/** A figure carries the readable name of what it measures (`measure: {en, ar}`), for people reading the export. */
function withMeasureName(m: ReviewedMention): ReviewedMention {
  if (m.kind !== 'quantity') return m;
  const measure = measureName(m);
  return measure ? ({ ...m, measure } as ReviewedMention) : m;
}

function exportContradiction(c: Contradiction, labelsByPath: LabelsByPath, quoteOf: (s: ExportedSide) => string | undefined): ExportedContradiction {
  const side = (s: ExportedSide): ExportedSide => {
    const text = quoteOf(s);
    return text === undefined ? { path: s.path, start: s.start, end: s.end } : { path: s.path, start: s.start, end: s.end, text };
  };
  const out: ExportedContradiction = { topic: c.topic, message: c.message, a: side(c.a), b: side(c.b), key: contradictionKey(c, quoteOf) };
  const review = findReview(c, labelsByPath, quoteOf);
  if (review) out.review = ordered(review, REVIEW_KEYS);
  return out;
}

/** A copy with keys in the given order (others after them), for stable output. */
function ordered<T extends object>(o: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  const src = o as Record<string, unknown>;
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  for (const k of Object.keys(src)) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return out as T;
}

export function exportYaml(corpus: CorpusAnalysis, labelsByPath: LabelsByPath, options: ExportOptions = {}): string {
  const doc = new YAML.Document(buildExport(corpus, labelsByPath, options), { aliasDuplicateObjects: false });
  // Block scalars cannot hold a carriage return; one quoted line holds any string exactly.
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /[\r\n\u2028\u2029]/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString(WRITE_OPTIONS);
}

/** JSON Lines: one document per line, each with the contradictions it takes part in. */
export function exportJsonl(corpus: CorpusAnalysis, labelsByPath: LabelsByPath, options: ExportOptions = {}): string {
  const data = buildExport(corpus, labelsByPath, options);
  return data.documents
    .map((d) => {
      const line: Record<string, unknown> = { ...d, contradictions: data.contradictions.filter((c) => c.a.path === d.path || c.b.path === d.path) };
      if (data.exported) line.exported = data.exported;
      return JSON.stringify(line) + '\n';
    })
    .join('');
}

export type ImportResult = { ok: true; labelsByPath: Map<string, LabelFile> } | { ok: false; problems: Problem[] };

const EXPORT_KEYS = ['version', 'exported', 'documents', 'contradictions'];
const DOCUMENT_EXTRA_KEYS = ['path', 'published', 'outlet', 'boilerplate', 'text', 'mentions'];

/**
 * Reads an exported YAML file back into label files, checked as strictly as a label file. Only
 * labels and reviews are restored (mentions and contradictions are the engine's to recompute);
 * documents with neither are left out.
 */
export function importYaml(text: string, options: SafeYamlOptions = {}): ImportResult {
  const parsed = parseYamlSafely(text, { maxDepth: 24, ...options });
  if (!parsed.ok) return parsed;
  const { doc, lines } = parsed;
  const problems: Problem[] = [];
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, problems: [problemAtNode(lines, root, 'An export is a mapping with version, documents and contradictions.')] };
  for (const pair of (root as YAMLMap).items) {
    const k = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof k !== 'string' || !EXPORT_KEYS.includes(k)) problems.push(problemAtNode(lines, pair.key, `Unknown key ${JSON.stringify(k)} in an export; expected ${EXPORT_KEYS.join(', ')}.`));
  }
  const version = (root as YAMLMap).get('version', true);
  if (!isScalar(version) || version.value !== EXPORT_VERSION) problems.push(problemAtNode(lines, version ?? root, `"version" must be ${EXPORT_VERSION}.`));
  const documents = (root as YAMLMap).get('documents', true);
  const labelsByPath = new Map<string, LabelFile>();
  if (!isSeq(documents)) problems.push(problemAtNode(lines, documents ?? root, '"documents" must be a list.'));
  else {
    for (const item of documents.items) {
      const pathNode = isMap(item) ? item.get('path', true) : undefined;
      const path = isScalar(pathNode) && typeof pathNode.value === 'string' && pathNode.value ? pathNode.value : undefined;
      if (!path) {
        problems.push(problemAtNode(lines, pathNode ?? item, 'Each document needs a "path".'));
        continue;
      }
      if (labelsByPath.has(path)) {
        problems.push(problemAtNode(lines, pathNode, `Document "${path}" appears twice.`));
        continue;
      }
      const file = readLabelFileNode(item, lines, problems, false, DOCUMENT_EXTRA_KEYS);
      if (file) labelsByPath.set(path, { ...file, article: path });
    }
  }
  if (problems.length) return { ok: false, problems };
  for (const [path, file] of labelsByPath) if (!file.labels.length && !file.reviews.length) labelsByPath.delete(path);
  return { ok: true, labelsByPath };
}
