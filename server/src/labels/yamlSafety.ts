// Parsing YAML that people and other tools wrote, without trusting it: a size limit before the
// parser runs, no aliases (an alias bomb expands a few lines into gigabytes), unique keys, no tags
// beyond the core schema, bounded nesting, and every complaint placed at a line and column.
import YAML, { LineCounter, isAlias, isCollection, isNode, type Document, type Node } from 'yaml';
import type { Problem } from './labelTypes';

/** Label files and imports larger than this are refused unread (5 MB). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Label files are three levels deep; an export five. Anything far deeper is not ours. */
const DEFAULT_MAX_DEPTH = 16;

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));

export interface SafeYamlOptions {
  maxBytes?: number;
  maxDepth?: number;
}

export type SafeYaml = { ok: true; doc: Document.Parsed; lines: LineCounter } | { ok: false; problems: Problem[] };

/** UTF-8 length without allocating an encoded copy (a lone surrogate is written as 3 bytes). */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A problem at a source offset, converted to LSP's 0-based line and column. */
function problemAt(lines: LineCounter, offset: number, message: string, endOffset?: number): Problem {
  const p = lines.linePos(Math.max(0, offset));
  const problem: Problem = { message, line: p.line - 1, column: p.col - 1 };
  if (endOffset !== undefined && endOffset > offset) {
    const e = lines.linePos(endOffset);
    problem.endLine = e.line - 1;
    problem.endColumn = e.col - 1;
  }
  return problem;
}

export function problemAtNode(lines: LineCounter, node: unknown, message: string): Problem {
  const range = isNode(node) ? (node as Node).range : undefined;
  return range ? problemAt(lines, range[0], message, range[1]) : { message, line: 0, column: 0 };
}

export function parseYamlSafely(text: string, options: SafeYamlOptions = {}): SafeYaml {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  // A quick bound first: every UTF-16 unit is at least one byte.
  if (text.length > maxBytes || utf8Length(text) > maxBytes) {
    return { ok: false, problems: [{ message: `File is larger than ${Math.round(maxBytes / 1024)} KB; Sanad does not read it.`, line: 0, column: 0 }] };
  }
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    // maxAliasCount belongs to toJS(), which is never called here: the syntax tree is read
    // directly, and any alias in it is refused below, a stricter rule than a count of 0.
    doc = YAML.parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (err) {
    // The parser reports its own failures as errors; this is a last guard against a crash.
    return { ok: false, problems: [{ message: `YAML could not be parsed: ${err instanceof Error ? err.message : String(err)}`, line: 0, column: 0 }] };
  }
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const message = /call stack/i.test(e.message) ? `Nesting is too deep (more than ${maxDepth} levels).` : firstLine(e.message);
    problems.push(problemAt(lines, e.pos[0], message, e.pos[1]));
  }
  if (problems.length) return { ok: false, problems };
  YAML.visit(doc, (_key, node, path) => {
    if (problems.length >= 50) return YAML.visit.BREAK;
    // path holds the document, then every collection and pair above the node.
    if (path.reduce((n, p) => n + (isCollection(p) ? 1 : 0), 0) > maxDepth) {
      problems.push(problemAtNode(lines, node, `Nesting is too deep (more than ${maxDepth} levels).`));
      return YAML.visit.BREAK;
    }
    if (isAlias(node)) {
      problems.push(problemAtNode(lines, node, `Aliases (*${node.source}) are not allowed in Sanad files; write the value out.`));
      return YAML.visit.SKIP;
    }
    if (isNode(node) && node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      problems.push(problemAtNode(lines, node, `Tag ${node.tag} is not allowed; Sanad files use plain YAML values.`));
    }
    return undefined;
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, doc, lines };
}

function firstLine(message: string): string {
  const cut = message.indexOf(' at line ');
  return (cut > 0 ? message.slice(0, cut) : message.split('\n')[0]).trim();
}
