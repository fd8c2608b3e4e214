// Reading a label file: safe YAML first (yamlSafety.ts), then the schema, checked on the syntax
// tree rather than on plain objects so that every complaint points at the line and column of the
// offending value. A file with any problem is reported whole and never rewritten by Sanad.
import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import {
  LABEL_SCHEMA,
  LABEL_STATUSES,
  LABEL_TYPES,
  LABEL_KEYS,
  REVIEW_DECISIONS,
  REVIEW_KEYS,
  VERDICTS,
  type Verdict,
  FILE_KEYS,
  PUBLICATION_KEYS,
  type PublicationCorrection,
  emptyLabelFile,
  type ContradictionReview,
  type Label,
  type LabelFile,
  type LabelFileResult,
  type LabelType,
  type LabelValue,
  type Problem,
} from './labelTypes';
import { parseYamlSafely, problemAtNode, type SafeYamlOptions } from './yamlSafety';

export function parseLabelFile(text: string, options: SafeYamlOptions = {}): LabelFileResult {
  const parsed = parseYamlSafely(text, options);
  if (!parsed.ok) return parsed;
  const problems: Problem[] = [];
  const contents = parsed.doc.contents;
  // An empty file (or one holding only comments) is a file with no labels yet.
  if (contents === null || (isScalar(contents) && contents.value === null)) return { ok: true, file: emptyLabelFile() };
  const file = readLabelFileNode(contents, parsed.lines, problems, true);
  return file && !problems.length ? { ok: true, file } : { ok: false, problems };
}

/**
 * Checks a label file's mapping (or, with `needSchema` false, a document of an export, which
 * carries its labels and reviews without a version of its own). Problems are appended.
 */
export function readLabelFileNode(node: unknown, lines: LineCounter, problems: Problem[], needSchema: boolean, extraKeys: readonly string[] = []): LabelFile | undefined {
  if (!isMap(node)) {
    problems.push(problemAtNode(lines, node, 'A label file is a mapping with the keys schema, article, labels and reviews.'));
    return undefined;
  }
  const file = emptyLabelFile();
  const fields = fieldsOf(node, [...(needSchema ? FILE_KEYS : FILE_KEYS.filter((k) => k !== 'schema')), ...extraKeys], lines, problems, 'label file');
  if (needSchema) {
    const schema = fields.get('schema');
    if (!schema) problems.push(problemAtNode(lines, node, `The label file has no "schema" key; add "schema: ${LABEL_SCHEMA}".`));
    else {
      const v = isScalar(schema.value) ? schema.value.value : undefined;
      if (typeof v === 'number' && Number.isInteger(v) && v > LABEL_SCHEMA) {
        problems.push(problemAtNode(lines, schema.value, `This label file has schema ${v}, written by a newer Sanad; this version reads schema ${LABEL_SCHEMA} and leaves the file alone.`));
      } else if (v !== LABEL_SCHEMA) {
        problems.push(problemAtNode(lines, schema.value, `"schema" must be ${LABEL_SCHEMA}.`));
      }
    }
  }
  const article = fields.get('article');
  if (article) {
    const v = stringAt(article, lines, problems, 'article');
    if (v !== undefined) file.article = v;
  }
  const publication = fields.get('publication');
  if (publication) {
    const p = readPublication(publication, lines, problems);
    if (p) file.publication = p;
  }
  const labels = fields.get('labels');
  if (labels) {
    const ids = new Set<string>();
    for (const item of itemsOf(labels, lines, problems, 'labels')) {
      const label = readLabel(item, lines, problems);
      if (!label) continue;
      if (ids.has(label.id)) {
        const idNode = isMap(item) ? item.get('id', true) : item;
        problems.push(problemAtNode(lines, idNode, `Label id "${label.id}" is used twice in this file; ids must be unique.`));
        continue;
      }
      ids.add(label.id);
      file.labels.push(label);
    }
  }
  const reviews = fields.get('reviews');
  if (reviews) {
    const keys = new Set<string>();
    for (const item of itemsOf(reviews, lines, problems, 'reviews')) {
      const review = readReview(item, lines, problems);
      if (!review) continue;
      if (keys.has(review.key)) {
        problems.push(problemAtNode(lines, item, 'This contradiction is reviewed twice in this file; keep one review per key.'));
        continue;
      }
      keys.add(review.key);
      file.reviews.push(review);
    }
  }
  return file;
}

function readLabel(node: unknown, lines: LineCounter, problems: Problem[]): Label | undefined {
  if (!isMap(node)) {
    problems.push(problemAtNode(lines, node, 'Each label is a mapping (id, type, status, text, start, end, …).'));
    return undefined;
  }
  const before = problems.length;
  const f = fieldsOf(node, LABEL_KEYS, lines, problems, 'label');
  const need = (key: string): Pair | undefined => {
    const p = f.get(key);
    if (!p) problems.push(problemAtNode(lines, node, `This label has no "${key}".`));
    return p;
  };
  const idPair = need('id');
  const id = idPair && stringAt(idPair, lines, problems, 'id', true);
  const typePair = need('type');
  const type = typePair && enumAt(typePair, LABEL_TYPES, lines, problems, 'type');
  const statusPair = need('status');
  const status = statusPair && enumAt(statusPair, LABEL_STATUSES, lines, problems, 'status');
  const textPair = need('text');
  const text = textPair && stringAt(textPair, lines, problems, 'text', true);
  const startPair = need('start');
  const start = startPair && offsetAt(startPair, lines, problems, 'start');
  const endPair = need('end');
  const end = endPair && offsetAt(endPair, lines, problems, 'end');
  if (start !== undefined && end !== undefined && end <= start && endPair) {
    problems.push(problemAtNode(lines, endPair.value, `"end" (${end}) must be greater than "start" (${start}).`));
  }
  const optional = (key: string): string | undefined => {
    const p = f.get(key);
    return p && stringAt(p, lines, problems, key);
  };
  const label = {
    id,
    type,
    status,
    text,
    start,
    end,
    before: optional('before') ?? '',
    after: optional('after') ?? '',
  } as Label;
  const valuePair = f.get('value');
  if (valuePair && type) {
    const value = valueAt(valuePair, type, lines, problems);
    if (value !== undefined) label.value = value;
  }
  for (const key of ['note', 'annotator'] as const) {
    const v = optional(key);
    if (v !== undefined) label[key] = v;
  }
  const lv = verdictAt(f.get('verdict'), lines, problems);
  if (lv) label.verdict = lv;
  for (const key of ['created', 'updated'] as const) {
    const p = f.get(key);
    const v = p && timeAt(p, lines, problems, key);
    if (v !== undefined) label[key] = v;
  }
  const orphaned = f.get('orphaned');
  if (orphaned) {
    const v = isScalar(orphaned.value) ? orphaned.value.value : undefined;
    if (typeof v !== 'boolean') problems.push(problemAtNode(lines, orphaned.value, '"orphaned" must be true or false.'));
    else if (v) label.orphaned = true;
  }
  return problems.length === before ? label : undefined;
}

/** A calendar day written YYYY-MM-DD (a hand-typed date YAML may read as a string or a Date). */
export function isCalendarDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] && +m[1] >= 1900 && +m[1] <= 2100;
}

/** The reviewer's publication date and outlet: at least one of them, each checked. */
function readPublication(pair: Pair, lines: LineCounter, problems: Problem[]): PublicationCorrection | undefined {
  const node = pair.value as Node | null;
  if (node === null || (isScalar(node) && node.value === null)) return undefined;
  if (!isMap(node)) {
    problems.push(problemAtNode(lines, node, '"publication" is a mapping: published (YYYY-MM-DD), outlet, annotator, updated.'));
    return undefined;
  }
  const before = problems.length;
  const f = fieldsOf(node, PUBLICATION_KEYS, lines, problems, 'publication');
  const out: PublicationCorrection = {};
  const day = f.get('published');
  if (day) {
    const v = isScalar(day.value) ? day.value.value : undefined;
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    if (typeof text === 'string' && isCalendarDay(text)) out.published = text;
    else problems.push(problemAtNode(lines, day.value ?? day.key, '"published" must be a calendar day written YYYY-MM-DD, such as 2024-01-26.'));
  }
  for (const key of ['outlet', 'annotator'] as const) {
    const p = f.get(key);
    const v = p && stringAt(p, lines, problems, key, key === 'outlet');
    if (v !== undefined) out[key] = key === 'outlet' ? v.trim() : v;
  }
  if (out.outlet === '') problems.push(problemAtNode(lines, f.get('outlet')!.value, '"outlet" must not be empty.'));
  const updated = f.get('updated');
  const t = updated && timeAt(updated, lines, problems, 'updated');
  if (t !== undefined) out.updated = t;
  if (problems.length === before && out.published === undefined && out.outlet === undefined) {
    problems.push(problemAtNode(lines, node, '"publication" must give "published", "outlet" or both.'));
  }
  return problems.length === before ? out : undefined;
}

function readReview(node: unknown, lines: LineCounter, problems: Problem[]): ContradictionReview | undefined {
  if (!isMap(node)) {
    problems.push(problemAtNode(lines, node, 'Each review is a mapping (key, decision, note, …).'));
    return undefined;
  }
  const before = problems.length;
  const f = fieldsOf(node, REVIEW_KEYS, lines, problems, 'review');
  const keyPair = f.get('key');
  const decisionPair = f.get('decision');
  if (!keyPair) problems.push(problemAtNode(lines, node, 'This review has no "key".'));
  if (!decisionPair) problems.push(problemAtNode(lines, node, 'This review has no "decision".'));
  const review = {
    key: keyPair && stringAt(keyPair, lines, problems, 'key', true),
    decision: decisionPair && enumAt(decisionPair, REVIEW_DECISIONS, lines, problems, 'decision'),
  } as ContradictionReview;
  for (const key of ['note', 'topic', 'reviewer'] as const) {
    const p = f.get(key);
    const v = p && stringAt(p, lines, problems, key);
    if (v !== undefined) review[key] = v;
  }
  const rv = verdictAt(f.get('verdict'), lines, problems);
  if (rv) review.verdict = rv;
  const updated = f.get('updated');
  const t = updated && timeAt(updated, lines, problems, 'updated');
  if (t !== undefined) review.updated = t;
  return problems.length === before ? review : undefined;
}

/** The pairs of a mapping by key; unknown and non-string keys are problems (a typo would otherwise vanish). */
function fieldsOf(map: YAMLMap, allowed: readonly string[], lines: LineCounter, problems: Problem[], what: string): Map<string, Pair> {
  const out = new Map<string, Pair>();
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key !== 'string') {
      problems.push(problemAtNode(lines, pair.key, `Keys of a ${what} are plain words.`));
    } else if (!allowed.includes(key)) {
      problems.push(problemAtNode(lines, pair.key, `Unknown key "${key}" in a ${what}; expected one of: ${allowed.join(', ')}.`));
    } else out.set(key, pair);
  }
  return out;
}

function itemsOf(pair: Pair, lines: LineCounter, problems: Problem[], key: string): unknown[] {
  const v = pair.value;
  if (v === null || (isScalar(v) && v.value === null)) return [];
  if (!isSeq(v)) {
    problems.push(problemAtNode(lines, v ?? pair.key, `"${key}" must be a list.`));
    return [];
  }
  return v.items;
}

function stringAt(pair: Pair, lines: LineCounter, problems: Problem[], key: string, nonEmpty = false): string | undefined {
  const node = pair.value as Node | null;
  const v = isScalar(node) ? node.value : undefined;
  if (typeof v !== 'string') {
    problems.push(problemAtNode(lines, node ?? pair.key, `"${key}" must be text${typeof v === 'number' || typeof v === 'boolean' ? ' (put it in quotes)' : ''}.`));
    return undefined;
  }
  if (nonEmpty && v === '') {
    problems.push(problemAtNode(lines, node, `"${key}" must not be empty.`));
    return undefined;
  }
  return v;
}

/** A verdict; a hand-typed `verdict: false` is YAML's boolean, and means the verdict "false". */
function verdictAt(pair: Pair | undefined, lines: LineCounter, problems: Problem[]): Verdict | undefined {
  if (!pair) return undefined;
  const node = pair.value as Node | null;
  if (isScalar(node) && node.value === false) return 'false';
  return enumAt(pair, VERDICTS, lines, problems, 'verdict');
}

function enumAt<T extends string>(pair: Pair, allowed: readonly T[], lines: LineCounter, problems: Problem[], key: string): T | undefined {
  const node = pair.value as Node | null;
  const v = isScalar(node) ? node.value : undefined;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  problems.push(problemAtNode(lines, node ?? pair.key, `"${key}" must be one of: ${allowed.join(', ')}.`));
  return undefined;
}

function offsetAt(pair: Pair, lines: LineCounter, problems: Problem[], key: string): number | undefined {
  const node = pair.value as Node | null;
  const v = isScalar(node) ? node.value : undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  problems.push(problemAtNode(lines, node ?? pair.key, `"${key}" must be a whole number of UTF-16 code units, 0 or more.`));
  return undefined;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function timeAt(pair: Pair, lines: LineCounter, problems: Problem[], key: string): string | undefined {
  const node = pair.value as Node | null;
  const v = isScalar(node) ? node.value : undefined;
  if (typeof v === 'string' && ISO_TIME.test(v) && !Number.isNaN(Date.parse(v))) return v;
  problems.push(problemAtNode(lines, node ?? pair.key, `"${key}" must be an ISO time such as 2024-02-15T09:30:00Z.`));
  return undefined;
}

/**
 * Actors take an entity key and dates an ISO value, both text; a bare year is read as text.
 * Quantities take {min, max} (null for an open end); a bare number is an exact count.
 */
function valueAt(pair: Pair, type: LabelType, lines: LineCounter, problems: Problem[]): LabelValue | undefined {
  const node = pair.value as Node | null;
  if (node === null || (isScalar(node) && node.value === null)) return undefined;
  if (type !== 'quantity') {
    const v = isScalar(node) ? node.value : undefined;
    if (typeof v === 'string') return v;
    if (type === 'date' && typeof v === 'number' && Number.isInteger(v)) return String(v);
    problems.push(problemAtNode(lines, node, type === 'date' ? '"value" of a date is an ISO day, month, year or a range A/B.' : '"value" of a name is its entity key, as text.'));
    return undefined;
  }
  if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value)) return { min: node.value, max: node.value };
  if (!isMap(node)) {
    problems.push(problemAtNode(lines, node, '"value" of a quantity is {min: N, max: N}, with null for an open end.'));
    return undefined;
  }
  const f = fieldsOf(node, ['min', 'max'], lines, problems, 'quantity value');
  const bound = (k: 'min' | 'max'): number | null | undefined => {
    const p = f.get(k);
    if (!p) return null;
    const v = isScalar(p.value) ? p.value.value : undefined;
    if (v === null || (typeof v === 'number' && Number.isFinite(v))) return v;
    problems.push(problemAtNode(lines, p.value ?? p.key, `"${k}" must be a number or null.`));
    return undefined;
  };
  const min = bound('min');
  const max = bound('max');
  if (min === undefined || max === undefined) return undefined;
  if (min !== null && max !== null && min > max) {
    problems.push(problemAtNode(lines, node, `"min" (${min}) is greater than "max" (${max}).`));
    return undefined;
  }
  return { min, max };
}
