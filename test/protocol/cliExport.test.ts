// The built CLI's label commands (dist/cli.js) as a user runs them: `sanad export` in its three
// formats, `sanad import`, `sanad compare`, and the rules that keep the user's files safe.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import { repoRoot } from './lspClient';
import { analyzeCorpus } from '../../server/src/analysis';
import {
  compareLabels,
  createLabel,
  emptyLabelFile,
  makeReview,
  quotesFromCorpus,
  renderLabelFile,
  setReview,
  type AgreementReport,
  type Label,
  type LabelFile,
  type LabelStatus,
  type LabelType,
} from '../../server/src/labels';

const cli = join(repoRoot, 'dist', 'cli.js');
const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

// Invented news in the style of the corpus. A starts with a flag (two astral characters) so that
// brat's code point offsets differ from Sanad's UTF-16 ones; A and B disagree on a death toll.
const A =
  '🇮🇶 بغداد - 29 يناير 2024\n\nقتل ثلاثة جنود أمريكيين وأصيب 34 آخرون، أمس الأحد، في هجوم بطائرة مسيرة استهدف قاعدة عسكرية في الأردن قرب الحدود السورية، بحسب القيادة المركزية الأمريكية.\n' +
  'وقال المتحدث باسم الحكومة العراقية باسم العوادي إن بغداد تعمل على منع التصعيد.\n';
const B = '29 يناير 2024\n\nأعلنت وزارة الدفاع الأمريكية مقتل أربعة جنود أمريكيين في هجوم بطائرة مسيرة على قاعدة في الأردن أمس الأحد.\n';
// Saved by a Windows editor: byte-order mark and CRLF. Eleven word tokens.
const D = 'قال علي إن الجيش وصل إلى حلب أمس ومعه 5 دبابات.\r\n';
const TEXTS: Record<string, string> = { 'news/a.txt': A, 'news/b.txt': B, 'news/d.txt': D };
const when = { now: '2024-02-12T07:30:00.000Z', annotator: 'Rana' };

function label(text: string, word: string, type: LabelType, status: LabelStatus, id: string, extra: { note?: string; value?: Label['value'] } = {}): Label {
  const i = text.indexOf(word);
  assert.ok(i >= 0, word);
  return createLabel(text, i, i + word.length, type, status, { ...when, id, ...extra });
}

function writeLabelFile(folder: string, article: string, file: LabelFile): string {
  const path = join(folder, ...article.split('/')) + '.yaml';
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderLabelFile(file));
  return path;
}

/** A fresh workspace: three articles, and Rana's labels on A and B with a review of the contradiction. */
function workspace(): { ws: string; files: Map<string, LabelFile>; labelPath: (article: string) => string } {
  const root = mkdtempSync(join(tmpdir(), 'sanad-cli-export-'));
  roots.push(root);
  const ws = join(root, 'ws');
  mkdirSync(join(ws, 'news'), { recursive: true });
  writeFileSync(join(ws, 'news/a.txt'), A);
  writeFileSync(join(ws, 'news/b.txt'), B);
  writeFileSync(join(ws, 'news/d.txt'), '\ufeff' + D);
  const files = new Map<string, LabelFile>([
    [
      'news/a.txt',
      {
        ...emptyLabelFile('news/a.txt'),
        labels: [
          label(A, 'بغداد', 'place', 'manual', 'LA1'),
          label(A, 'ثلاثة جنود', 'quantity', 'accepted', 'LA2', { value: { min: 3, max: 3 } }),
          label(A, 'الأردن', 'place', 'rejected', 'LA3'),
          label(A, 'باسم العوادي', 'person', 'manual', 'LA4', { note: 'المتحدث باسم الحكومة' }),
        ],
      },
    ],
    ['news/b.txt', { ...emptyLabelFile('news/b.txt'), labels: [label(B, 'وزارة الدفاع الأمريكية', 'organization', 'manual', 'LB1')] }],
  ]);
  // The review is filed as the editor files it: under the key of the contradiction the engine finds.
  const corpus = analyzeCorpus(Object.entries(TEXTS).map(([path, text]) => ({ path, text })));
  const c = corpus.contradictions[0];
  assert.ok(c, 'the engine flags three soldiers against four');
  const side = c.a.path;
  files.set(side, setReview(files.get(side)!, makeReview(c, quotesFromCorpus(corpus), 'confirmed', { reviewer: 'Rana', now: when.now })));
  const labels = join(ws, '.sanad/labels');
  for (const [article, file] of files) writeLabelFile(labels, article, file);
  return { ws, files, labelPath: (article) => join(labels, ...article.split('/')) + '.yaml' };
}

function sanad(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
}

test("yaml: documents, labels and contradictions under the contract's names, written to --out", () => {
  const { ws, files } = workspace();
  const r = sanad(ws, 'export', 'news', '--out', 'export.yaml');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /wrote 3 article\(s\), with 5 label\(s\) to export\.yaml/);
  const data = YAML.parse(readFileSync(join(ws, 'export.yaml'), 'utf8'));
  assert.equal(data.version, 1);
  assert.deepEqual(
    data.documents.map((d: { path: string }) => d.path),
    ['news/a.txt', 'news/b.txt', 'news/d.txt'],
  );
  for (const doc of data.documents) {
    assert.deepEqual(Object.keys(doc), ['path', 'published', 'outlet', 'boilerplate', 'text', 'mentions', 'labels', 'reviews']);
    assert.equal(doc.text, TEXTS[doc.path], 'the text as the editor holds it: no byte-order mark, CRLF kept');
    for (const m of doc.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
  }
  const [a, b, d] = data.documents;
  assert.equal(a.published, '2024-01-29');
  assert.deepEqual(a.labels, [...files.get('news/a.txt')!.labels].sort(compareLabels), 'labels exactly as stored');
  assert.deepEqual(
    b.labels.map((l: Label) => l.id),
    ['LB1'],
  );
  assert.deepEqual(d.labels, []);
  const status = (doc: { mentions: Array<{ text: string; status: string }> }, text: string) => doc.mentions.find((m) => m.text === text)?.status;
  assert.equal(status(a, 'ثلاثة جنود'), 'accepted');
  assert.equal(status(a, 'الأردن'), 'rejected');
  assert.equal(status(b, 'أربعة جنود'), 'suggested');
  assert.ok(data.contradictions.length >= 1);
  const c = data.contradictions[0];
  assert.deepEqual(Object.keys(c), ['topic', 'message', 'a', 'b', 'key', 'review']);
  assert.deepEqual([c.a.text, c.b.text].sort(), ['ثلاثة جنود', 'أربعة جنود'].sort());
  assert.equal(c.review.decision, 'confirmed');
  assert.equal(c.review.key, c.key);
});

test('jsonl: one JSON document per line on stdout, each with its contradictions', () => {
  const { ws } = workspace();
  const r = sanad(ws, 'export', 'news/b.txt', 'news/a.txt', '--format', 'jsonl');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines.pop(), '', 'ends with a newline');
  assert.equal(lines.length, 2, 'only the articles named, and their labels');
  const docs = lines.map((l) => JSON.parse(l));
  assert.deepEqual(docs.map((x) => x.path).sort(), ['news/a.txt', 'news/b.txt']);
  for (const x of docs) {
    assert.equal(x.contradictions.length, 1, `${x.path} takes part in the contradiction`);
    assert.ok(Array.isArray(x.labels) && x.labels.length > 0);
  }
});

test('brat: a BOM-free .txt and an .ann per article, offsets in code points', () => {
  const { ws } = workspace();
  const r = sanad(ws, 'export', 'news', '--format', 'brat', '--out', 'brat');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(join(ws, 'brat/news')).sort(), ['a.ann', 'a.txt', 'b.ann', 'b.txt', 'd.ann', 'd.txt']);
  assert.deepEqual(readFileSync(join(ws, 'brat/news/d.txt')), Buffer.from(D, 'utf8'), 'no byte-order mark, CRLF kept');
  assert.equal(readFileSync(join(ws, 'brat/news/d.ann'), 'utf8'), '', 'no labels, an empty .ann');
  const txt = readFileSync(join(ws, 'brat/news/a.txt'), 'utf8');
  const points = [...txt];
  const entities = readFileSync(join(ws, 'brat/news/a.ann'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('T'));
  const seen = new Map<string, [number, number]>();
  for (const line of entities) {
    const [, typeSpans, surface] = line.split('\t');
    const [type, s, e] = typeSpans.split(' ');
    assert.equal(points.slice(Number(s), Number(e)).join(''), surface, line);
    seen.set(`${type} ${surface}`, [Number(s), Number(e)]);
  }
  // The flag is four UTF-16 units but two code points.
  assert.deepEqual(seen.get('Place بغداد'), [3, 8]);
  assert.equal(A.indexOf('بغداد'), 5);
  assert.ok(seen.has('Person باسم العوادي') && seen.has('Quantity ثلاثة جنود'));
  assert.ok(!seen.has('Place الأردن'), 'rejected labels are not exported');
  assert.match(readFileSync(join(ws, 'brat/news/a.ann'), 'utf8'), /^#\d+\tAnnotatorNotes T\d+\tvalue=3$/m);

  const before = statSync(join(ws, 'brat/news/a.ann')).mtimeMs;
  const again = sanad(ws, 'export', 'news', '--format', 'brat', '--out', 'brat');
  assert.equal(again.status, 2);
  assert.match(again.stderr, /brat\/news\/a\.txt: already exists; pass --overwrite/);
  assert.match(again.stderr, /nothing was written/);
  assert.equal(statSync(join(ws, 'brat/news/a.ann')).mtimeMs, before);
  assert.equal(sanad(ws, 'export', 'news', '--format', 'brat', '--out', 'brat', '--overwrite').status, 0);
  assert.equal(sanad(ws, 'export', 'news', '--format', 'brat').status, 2, 'brat needs --out');
  // Copies inside the folder exported would be read as articles next time: said, unless hidden.
  assert.match(sanad(ws, 'export', 'news', '--format', 'brat', '--out', 'news/copies').stderr, /note: news\/copies is inside a folder being exported/);
  const hidden = sanad(ws, 'export', '.', '--format', 'brat', '--out', '.sanad/brat');
  assert.equal(hidden.status, 0, hidden.stderr);
  assert.doesNotMatch(hidden.stderr, /note:/);
  assert.ok(existsSync(join(ws, '.sanad/brat/news/a.ann')));
});

test('writes stay inside the current folder, and never replace a file unasked', () => {
  const { ws } = workspace();
  const outside = join(ws, '..', 'outside.yaml');
  const r = sanad(ws, 'export', 'news', '--out', '../outside.yaml');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /outside the current folder.*--force-outside/);
  assert.ok(!existsSync(outside));
  assert.equal(sanad(ws, 'export', 'news', '--format', 'brat', '--out', '..').status, 2);
  assert.equal(sanad(ws, 'export', 'news', '--out', '../outside.yaml', '--force-outside').status, 0);
  assert.ok(YAML.parse(readFileSync(outside, 'utf8')).documents.length === 3);

  writeFileSync(join(ws, 'mine.yaml'), 'my notes\n');
  const kept = sanad(ws, 'export', 'news', '--out', 'mine.yaml');
  assert.equal(kept.status, 2);
  assert.match(kept.stderr, /mine\.yaml: already exists; pass --overwrite/);
  assert.equal(readFileSync(join(ws, 'mine.yaml'), 'utf8'), 'my notes\n');
  assert.equal(sanad(ws, 'export', 'news', '--out', 'mine.yaml', '--overwrite').status, 0);
  assert.equal(YAML.parse(readFileSync(join(ws, 'mine.yaml'), 'utf8')).version, 1);

  const article = sanad(ws, 'export', 'news', '--out', 'news/a.txt', '--overwrite');
  assert.equal(article.status, 2);
  assert.match(article.stderr, /one of the articles being exported/);
  assert.equal(readFileSync(join(ws, 'news/a.txt'), 'utf8'), A);
  const intoLabels = sanad(ws, 'export', 'news', '--out', '.sanad/labels/x.yaml');
  assert.equal(intoLabels.status, 2);
  assert.match(intoLabels.stderr, /inside the labels folder/);
});

test('a broken label file is named with line:column, left untouched, and the rest exported (exit 1)', () => {
  const { ws, labelPath } = workspace();
  const broken = 'schema: 1\nlabels:\n  - id: LD1\n    type: persn\n    status: manual\n    text: علي\n    start: 4\n    end: 7\n';
  writeFileSync(labelPath('news/d.txt'), broken);
  const r = sanad(ws, 'export', 'news');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /\.sanad\/labels\/news\/d\.txt\.yaml:4:11: "type" must be one of: person, organization/);
  assert.equal(readFileSync(labelPath('news/d.txt'), 'utf8'), broken);
  const data = YAML.parse(r.stdout);
  assert.equal(data.documents.length, 3);
  assert.equal(data.documents[0].labels.length, 4, 'the other articles keep their labels');
  assert.deepEqual(data.documents[2].labels, []);
});

test('import restores an export into the labels folder; broken files on disk are left alone', () => {
  const { ws, labelPath } = workspace();
  assert.equal(sanad(ws, 'export', 'news', '--out', 'export.yaml').status, 0);
  const originals = ['news/a.txt', 'news/b.txt'].map((p) => readFileSync(labelPath(p), 'utf8'));
  renameSync(join(ws, '.sanad/labels'), join(ws, 'labels-before'));
  const r = sanad(ws, 'import', 'export.yaml');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /imported 2 of 2 article\(s\) into \.sanad\/labels: 2 label file\(s\) written/);
  assert.deepEqual(
    ['news/a.txt', 'news/b.txt'].map((p) => readFileSync(labelPath(p), 'utf8')),
    originals,
    'the same files, byte for byte',
  );
  assert.ok(!existsSync(labelPath('news/d.txt')), 'no label file for an article without labels');
  const again = sanad(ws, 'import', 'export.yaml');
  assert.match(again.stdout, /0 label file\(s\) written, 2 already up to date/);

  // A label file broken on disk is reported and kept; the other article is still imported.
  const broken = 'schema: 1\nlabels: [\n';
  writeFileSync(labelPath('news/a.txt'), broken);
  rmSync(labelPath('news/b.txt'));
  const partial = sanad(ws, 'import', 'export.yaml');
  assert.equal(partial.status, 1);
  assert.match(partial.stderr, /\.sanad\/labels\/news\/a\.txt\.yaml:\d+:\d+: .*\n.*left as it is/);
  assert.equal(readFileSync(labelPath('news/a.txt'), 'utf8'), broken);
  assert.equal(readFileSync(labelPath('news/b.txt'), 'utf8'), originals[1]);

  // An export naming a path outside the workspace writes nothing there.
  const data = YAML.parse(readFileSync(join(ws, 'export.yaml'), 'utf8'));
  data.documents[1].path = '../../escaped.txt';
  writeFileSync(join(ws, 'evil.yaml'), YAML.stringify(data));
  const evil = sanad(ws, 'import', 'evil.yaml');
  assert.equal(evil.status, 1);
  assert.match(evil.stderr, /"\.\.\/\.\.\/escaped\.txt" is not a path inside the workspace/);
  assert.ok(!existsSync(join(ws, '..', 'escaped.txt.yaml')) && !existsSync(join(ws, '.sanad', 'escaped.txt.yaml')));

  // Not an export at all: its problems are placed, nothing is written.
  writeFileSync(join(ws, 'bad.yaml'), 'version: 2\ndocuments: []\ncontradictions: []\n');
  const bad = sanad(ws, 'import', 'bad.yaml');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /bad\.yaml:1:10: "version" must be 1/);
});

test('compare: the figures of a hand-computed case, as a table and as JSON', () => {
  const { ws } = workspace();
  const rana = join(ws, 'ann/rana');
  const omar = join(ws, 'ann/omar');
  writeLabelFile(rana, 'news/d.txt', {
    ...emptyLabelFile('news/d.txt'),
    labels: [label(D, 'علي', 'person', 'manual', 'R1'), label(D, 'حلب', 'place', 'manual', 'R2'), label(D, 'أمس', 'date', 'manual', 'R3')],
  });
  writeLabelFile(rana, 'news/b.txt', { ...emptyLabelFile('news/b.txt'), labels: [label(B, 'الأردن', 'place', 'manual', 'R4')] });
  writeLabelFile(omar, 'news/d.txt', {
    ...emptyLabelFile('news/d.txt'),
    labels: [
      label(D, 'علي', 'person', 'accepted', 'O1'),
      label(D, 'حلب', 'organization', 'manual', 'O2'),
      label(D, 'أمس', 'date', 'rejected', 'O3'),
      label(D, '5 دبابات', 'quantity', 'manual', 'O4', { value: { min: 5, max: 5 } }),
    ],
  });
  // By hand. Spans labelled by someone: علي (person/person), حلب (place/organization), أمس
  // (date/none: Omar rejected it), "5 دبابات" (none/quantity). One match of three labels each:
  // precision = recall = F1 = 1/3. Kappa over the 4 spans: po = 1/4; pe = person 1/16 + none
  // 1/16 = 1/8; (1/4 − 1/8) / (7/8) = 1/7. Over the 11 tokens: agreement on علي and 6 unlabelled
  // words, po = 7/11; Rana has 8 "none", Omar 7, both 1 person: pe = 57/121; kappa = 20/64.
  const json = sanad(ws, 'compare', 'ann/rana', 'ann/omar', '--format', 'json');
  assert.equal(json.status, 0, json.stderr);
  const report = JSON.parse(json.stdout) as AgreementReport;
  assert.deepEqual(report.compared, ['news/d.txt']);
  assert.deepEqual(report.onlyInA, ['news/b.txt']);
  assert.deepEqual([report.overall.tp, report.overall.fp, report.overall.fn], [1, 2, 2]);
  for (const k of ['precision', 'recall', 'f1'] as const) assert.ok(Math.abs(report.overall[k]! - 1 / 3) < 1e-9, k);
  assert.ok(Math.abs(report.overall.kappa! - 1 / 7) < 1e-9);
  assert.equal(report.overall.tokenKappa, undefined, 'no articles given, no token kappa');
  assert.equal(report.byType.person.kappa, 1);
  assert.equal(report.byType.place.precision, null);
  assert.deepEqual(
    report.disagreements.map((x) => x.kind),
    ['type', 'only-a', 'only-b'],
  );
  assert.equal(report.disagreements[1].b?.status, 'rejected');

  const withText = JSON.parse(sanad(ws, 'compare', 'ann/rana', 'ann/omar', 'news/d.txt', '--format=json').stdout) as AgreementReport;
  assert.ok(Math.abs(withText.overall.tokenKappa! - 20 / 64) < 1e-9);
  assert.equal(withText.byType.person.tokenKappa, 1);

  const table = sanad(ws, 'compare', 'ann/rana', 'ann/omar', 'news');
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^all +3 +3 +1 +0\.333 +0\.333 +0\.333 +0\.143 +0\.313$/m);
  assert.match(table.stdout, /^person +1 +1 +1 +1\.000 +1\.000 +1\.000 +1\.000 +1\.000$/m);
  assert.match(table.stdout, /^place +1 +0 +0 +— +0\.000 +0\.000 /m);
  assert.match(table.stdout, /1 article\(s\) compared · 1 labelled only in A · 0 only in B/);
  assert.match(table.stdout, /news\/d\.txt \d+–\d+ +type: A place «حلب» .* · B organization «حلب»/);
  assert.match(table.stdout, /only-a: A date «أمس» .* · B rejected date «أمس»/);
  assert.match(table.stdout, /only-b: A nothing · B quantity «5 دبابات» \d+–\d+ = 5/);
});

test('compare and export: usage errors and broken folders', () => {
  const { ws, labelPath } = workspace();
  const missing = sanad(ws, 'compare', 'ann/nobody', '.sanad/labels');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /ann\/nobody: no such folder/);
  assert.equal(sanad(ws, 'compare', '.sanad/labels').status, 2);
  assert.match(sanad(ws, 'compare', '.sanad/labels', '.sanad/labels', '--format', 'csv').stderr, /unknown format "csv"/);
  writeFileSync(labelPath('news/b.txt'), 'schema: 1\nlabels:\n  - *anchor\n');
  const broken = sanad(ws, 'compare', '.sanad/labels', '.sanad/labels');
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /news\/b\.txt\.yaml:3:5: /);
  assert.match(broken.stdout, /1 article\(s\) compared/);
  assert.equal(sanad(ws, 'export').status, 2);
  assert.equal(sanad(ws, 'export', 'news', '--format', 'xml').status, 2);
  assert.equal(sanad(ws, 'export', 'nothing-here').status, 2);
  const help = sanad(ws, 'export', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stderr, /Usage: sanad export/);
});
