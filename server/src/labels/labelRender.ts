// Writing a label file. When a previous version exists, its parsed YAML document is edited in
// place (labels matched by id, scalars changed rather than replaced) so that comments a person
// wrote, and the quoting style they chose, survive the rewrite. Keys and labels are kept in one
// fixed order, so a change of one label is a change of a few lines in a diff.
import YAML, { isMap, isNode, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq, type Document, type Node, type Pair } from 'yaml';
import { FILE_KEYS, LABEL_KEYS, PUBLICATION_KEYS, REVIEW_KEYS, compareLabels, type LabelFile } from './labelTypes';
import { parseYamlSafely } from './yamlSafety';

/** How Sanad writes YAML: no line folding, no anchors for repeated values. */
export const WRITE_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false, indentSeq: true } as const;

const HEADER = ' Sanad labels. Comments and hand edits are kept when Sanad rewrites this file; see docs/LABELS.md.';

/**
 * The YAML text of a label file. `previousText` is the file as it is on disk (already checked by
 * parseLabelFile); when it parses, it is edited in place, otherwise a fresh file is written.
 */
export function renderLabelFile(file: LabelFile, previousText?: string): string {
  let doc: Document | undefined;
  if (previousText !== undefined) {
    const parsed = parseYamlSafely(previousText);
    if (parsed.ok) doc = parsed.doc;
  }
  if (!doc) {
    doc = new YAML.Document(new YAMLMap());
    doc.commentBefore = HEADER;
  }
  if (!isMap(doc.contents)) doc.contents = new YAMLMap();
  const root = doc.contents as YAMLMap;
  const record: Record<string, unknown> = { schema: file.schema, article: file.article };
  for (const [k, v] of Object.entries(record)) setField(doc, root, k, v);
  setPublication(doc, root, file.publication);
  syncList(doc, root, 'labels', [...file.labels].sort(compareLabels), (l) => l.id, 'id', LABEL_KEYS);
  const reviews = [...file.reviews].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  syncList(doc, root, 'reviews', reviews, (r) => r.key, 'key', REVIEW_KEYS);
  sortPairs(root, FILE_KEYS);
  return doc.toString(WRITE_OPTIONS);
}

/** The reviewer's publication date and outlet, as a block mapping (edited in place when it exists). */
function setPublication(doc: Document, root: YAMLMap, publication: LabelFile['publication']): void {
  if (!publication) {
    root.delete('publication');
    return;
  }
  const current = root.get('publication', true);
  const map = isMap(current) ? current : new YAMLMap();
  syncMap(doc, map, publication as Record<string, unknown>, PUBLICATION_KEYS);
  if (!isMap(current)) setNode(root, 'publication', map);
}

/** Makes a list in the document hold exactly `items`, reusing the node of each item with the same id. */
function syncList<T extends object>(doc: Document, root: YAMLMap, key: string, items: readonly T[], idOf: (t: T) => string, idKey: string, keys: readonly string[]): void {
  let seq = root.get(key, true) as unknown;
  if (!items.length && !isSeq(seq)) {
    root.delete(key);
    return;
  }
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    setNode(root, key, seq as YAMLSeq);
  }
  const list = seq as YAMLSeq;
  const existing = new Map<string, YAMLMap>();
  for (const node of list.items) {
    if (!isMap(node)) continue;
    const id = node.get(idKey);
    if (typeof id === 'string') existing.set(id, node);
  }
  const kept = new Set<unknown>();
  const next: YAMLMap[] = items.map((item) => {
    const node = existing.get(idOf(item)) ?? new YAMLMap();
    kept.add(node);
    syncMap(doc, node, item as Record<string, unknown>, keys);
    return node;
  });
  // A comment above a removed item now belongs above the item that followed it.
  let pending: string | undefined;
  for (const node of list.items) {
    if (!kept.has(node)) {
      if (isNodeWithComment(node) && node.commentBefore) pending = joinComments(pending, node.commentBefore);
    } else if (pending !== undefined && isNodeWithComment(node)) {
      node.commentBefore = joinComments(pending, node.commentBefore);
      pending = undefined;
    }
  }
  if (pending !== undefined) list.comment = joinComments(list.comment, pending);
  list.items = next;
}

/** Sets every field of `record` on the mapping, leaves out undefined ones, and orders the keys. */
function syncMap(doc: Document, map: YAMLMap, record: Record<string, unknown>, keys: readonly string[]): void {
  for (const pair of [...map.items]) {
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof k !== 'string' || record[k] === undefined) map.items.splice(map.items.indexOf(pair), 1);
  }
  for (const k of keys) if (record[k] !== undefined) setField(doc, map, k, record[k]);
  sortPairs(map, keys);
}

function setField(doc: Document, map: YAMLMap, key: string, value: unknown): void {
  if (value === undefined) {
    map.delete(key);
    return;
  }
  const pair = findPair(map, key);
  const current = pair?.value;
  if (value !== null && typeof value === 'object') {
    // Intervals: edit the inner mapping so a comment on it survives; written inline when new.
    if (isMap(current)) {
      syncMap(doc, current, value as Record<string, unknown>, Object.keys(value));
      return;
    }
    const node = doc.createNode(value) as YAMLMap;
    node.flow = true;
    setNode(map, key, node);
    return;
  }
  if (pair && isScalar(current)) {
    if (current.value !== value) {
      current.value = value;
      current.type = styleFor(value, current.type);
    }
    return;
  }
  const node = new Scalar(value);
  node.type = styleFor(value, undefined);
  setNode(map, key, node);
}

/** Quoting: keep the style a person chose, but strings with line breaks go double-quoted on one line. */
function styleFor(value: unknown, previous: Scalar.Type | undefined): Scalar.Type | undefined {
  if (typeof value !== 'string') return previous === Scalar.PLAIN ? previous : undefined;
  if (/[\r\n\u2028\u2029]/.test(value)) return Scalar.QUOTE_DOUBLE;
  return previous;
}

function setNode(map: YAMLMap, key: string, node: Node): void {
  const pair = findPair(map, key);
  if (pair) pair.value = node;
  else map.items.push(YAML.isPair(node) ? node : new YAML.Pair(new Scalar(key), node));
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

function sortPairs(map: YAMLMap, keys: readonly string[]): void {
  const rank = (p: Pair): number => {
    const i = keys.indexOf(isScalar(p.key) ? String(p.key.value) : '');
    return i < 0 ? keys.length : i;
  };
  // Array.prototype.sort is stable, so unknown keys keep their relative order at the end.
  map.items.sort((a, b) => rank(a) - rank(b));
}

function isNodeWithComment(node: unknown): node is { commentBefore?: string | null } {
  return isNode(node);
}

function joinComments(a: string | null | undefined, b: string | null | undefined): string | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return `${a}\n${b}`;
}
