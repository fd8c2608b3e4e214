// Label files: the schema and its problems (placed at 0-based line and column), rewriting with
// comments kept, stable order, and the merge of two saves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabelFile } from '../../server/src/labels/labelSchema';
import { renderLabelFile } from '../../server/src/labels/labelRender';
import { mergeLabelFiles } from '../../server/src/labels/labelMerge';
import { createLabel, editLabel } from '../../server/src/labels/labelActions';
import { emptyLabelFile, type Label, type LabelFile, type Problem } from '../../server/src/labels/labelTypes';

const ARTICLE = 'قال المتحدث باسم وزارة الدفاع العراقية اللواء تحسين الخفاجي، الثلاثاء، إن 12 صاروخاً سقطت قرب قاعدة عين الأسد.';

function at(word: string): [number, number] {
  const i = ARTICLE.indexOf(word);
  assert.ok(i >= 0, word);
  return [i, i + word.length];
}

function label(word: string, type: Label['type'], id: string, extra: Partial<Label> = {}): Label {
  const [s, e] = at(word);
  return { ...createLabel(ARTICLE, s, e, type, 'accepted', { id, annotator: 'سارة', now: '2024-02-15T09:00:00.000Z' }), ...extra };
}

function fileOf(...labels: Label[]): LabelFile {
  return { ...emptyLabelFile('seeds/010_test.txt'), labels };
}

function problemsOf(text: string): Problem[] {
  const r = parseLabelFile(text);
  assert.equal(r.ok, false, 'expected the file to be refused');
  return r.ok ? [] : r.problems;
}

test('a rendered label file parses back to the same labels', () => {
  const file = fileOf(
    label('عين الأسد', 'place', 'L2'),
    label('تحسين الخفاجي', 'person', 'L1', { note: 'المتحدث الرسمي', value: 'تحسين الخفاجي' }),
    label('12 صاروخاً', 'quantity', 'L3', { value: { min: 12, max: 12 } }),
  );
  const text = renderLabelFile(file);
  const back = parseLabelFile(text);
  assert.ok(back.ok);
  assert.equal(back.file.article, 'seeds/010_test.txt');
  // Written in text order whatever the order in memory.
  assert.deepEqual(
    back.file.labels.map((l) => l.id),
    ['L1', 'L3', 'L2'],
  );
  assert.deepEqual(back.file.labels.find((l) => l.id === 'L3')?.value, { min: 12, max: 12 });
  assert.deepEqual(
    back.file.labels.find((l) => l.id === 'L1'),
    file.labels[1],
  );
  for (const l of back.file.labels) assert.equal(ARTICLE.slice(l.start, l.end), l.text);
  // Rendering is stable: a second pass over its own output changes nothing.
  assert.equal(renderLabelFile(back.file, text), text);
});

test('keys are written in one fixed order and contexts with line breaks stay on one line', () => {
  const text = 'سطر أول\nتحسين الخفاجي\nسطر ثالث';
  const l = createLabel(text, 8, 21, 'person', 'manual', { id: 'L9', now: '2024-02-15T09:00:00Z' });
  assert.equal(l.before, 'سطر أول\n');
  const out = renderLabelFile({ ...emptyLabelFile(), labels: [l] });
  const keys = [...out.matchAll(/^ +(?:- )?([a-z]+):/gm)].map((m) => m[1]);
  assert.deepEqual(keys, ['id', 'type', 'status', 'text', 'start', 'end', 'before', 'after', 'created', 'updated']);
  assert.match(out, /before: "سطر أول\\n"/);
  const back = parseLabelFile(out);
  assert.ok(back.ok);
  assert.equal(back.file.labels[0].before, 'سطر أول\n');
});

test('comments a person wrote survive a rewrite that changes, adds and removes labels', () => {
  const first = renderLabelFile(fileOf(label('تحسين الخفاجي', 'person', 'L1'), label('عين الأسد', 'place', 'L2'), label('12 صاروخاً', 'quantity', 'L3')));
  // A person annotates the file by hand, and shuffles two keys.
  const edited = first
    .replace('schema: 1', 'schema: 1 # do not change')
    .replace(/( {2}- id: L1\n)/, '  # checked against the ministry statement\n$1')
    .replace(/( {4}type: place)/, '$1 # the base, not the town')
    .replace(/ {2}- id: L3\n {4}type: quantity\n/, '  # was this 12 or 14?\n  - type: quantity\n    id: L3\n');
  assert.notEqual(edited, first);
  const parsed = parseLabelFile(edited);
  assert.ok(parsed.ok);
  const [l1, l2, l3] = ['L1', 'L2', 'L3'].map((id) => parsed.file.labels.find((l) => l.id === id)!);
  const changed = editLabel(l2, { note: 'قاعدة جوية' }, { now: '2024-02-16T10:00:00Z' });
  const added = label('الثلاثاء', 'date', 'L4', { value: '2024-02-13' });
  void l3;
  const out = renderLabelFile({ ...parsed.file, labels: [l1, changed, added] }, edited);
  assert.match(out, /schema: 1 # do not change/);
  assert.match(out, /# checked against the ministry statement\n {2}- id: L1\n/);
  assert.match(out, /type: place # the base, not the town/);
  assert.match(out, /note: قاعدة جوية/);
  assert.match(out, /id: L4/);
  assert.doesNotMatch(out, /id: L3/);
  // The comment above the removed label is not lost: it moves to the label that followed it.
  assert.match(out, /# was this 12 or 14\?\n {2}- id: L2\n/);
  // And a label rewritten by Sanad gets its keys back in order.
  const back = parseLabelFile(out);
  assert.ok(back.ok);
  assert.deepEqual(
    back.file.labels.map((l) => l.id),
    ['L1', 'L4', 'L2'],
  );
});

test('a comment-only or empty file is an empty label file, and its comment is kept', () => {
  for (const text of ['', '\n', '# labels for the Baghdad story\n']) {
    const r = parseLabelFile(text);
    assert.ok(r.ok, JSON.stringify(text));
    assert.equal(r.file.labels.length, 0);
  }
  const out = renderLabelFile(fileOf(label('عين الأسد', 'place', 'L2')), '# labels for the Baghdad story\n');
  assert.match(out, /# labels for the Baghdad story/);
  assert.ok(parseLabelFile(out).ok);
});

test('broken YAML is reported at its line and column (0-based)', () => {
  const text = 'schema: 1\nlabels:\n  - id: L1\n    type: person\n    text: [unclosed\n';
  const problems = problemsOf(text);
  assert.ok(problems.length >= 1);
  for (const p of problems) {
    assert.ok(p.line >= 0 && p.line <= 5, JSON.stringify(p));
    assert.ok(p.column >= 0);
    assert.ok(p.message.length > 0);
  }
});

test('schema problems name the field and point at the value', () => {
  const text = [
    'schema: 1',
    'labels:',
    '  - id: L1',
    '    type: persn',
    '    status: accepted',
    '    text: تحسين الخفاجي',
    '    start: "47"',
    '    end: 60',
    '    colour: red',
    '    updated: yesterday',
  ].join('\n');
  const problems = problemsOf(text);
  const find = (word: string): Problem => {
    const p = problems.find((x) => x.message.includes(word));
    assert.ok(p, `no problem mentions ${word}: ${JSON.stringify(problems)}`);
    return p;
  };
  assert.deepEqual([find('"type"').line, find('"type"').column], [3, 10]);
  assert.deepEqual([find('"start"').line, find('"start"').column], [6, 11]);
  assert.deepEqual([find('colour').line, find('colour').column], [8, 4]);
  assert.deepEqual([find('"updated"').line, find('"updated"').column], [9, 13]);
});

test('missing fields, reversed offsets, duplicate ids and bad values are each refused', () => {
  const head = 'schema: 1\nlabels:\n';
  const good = '  - {id: L1, type: place, status: accepted, text: بغداد, start: 0, end: 5}\n';
  assert.ok(parseLabelFile(head + good).ok);
  assert.match(problemsOf(head + '  - {id: L1, type: place, text: بغداد, start: 0, end: 5}\n')[0].message, /no "status"/);
  assert.match(problemsOf(head + '  - {id: L1, type: place, status: accepted, text: بغداد, start: 5, end: 5}\n')[0].message, /greater than "start"/);
  assert.match(problemsOf(head + good + good)[0].message, /used twice/);
  assert.match(problemsOf(head + '  - {id: 7, type: place, status: accepted, text: بغداد, start: 0, end: 5}\n')[0].message, /quotes/);
  assert.match(problemsOf(head + '  - {id: L1, type: quantity, status: accepted, text: "150", start: 0, end: 3, value: {min: 200, max: 100}}\n')[0].message, /greater than "max"/);
  assert.match(problemsOf(head + '  - {id: L1, type: place, status: maybe, text: بغداد, start: 0, end: 5}\n')[0].message, /accepted, rejected, manual/);
  assert.match(problemsOf('labels: []\n')[0].message, /no "schema"/);
  assert.match(problemsOf('schema: 2\nlabels: []\n')[0].message, /newer Sanad/);
  assert.match(problemsOf('- just\n- a list\n')[0].message, /mapping/);
  // Lenient where the meaning is plain: a bare year for a date, a bare count for a figure.
  const lenient = parseLabelFile(
    head + '  - {id: L1, type: date, status: accepted, text: "2014", start: 0, end: 4, value: 2014}\n  - {id: L2, type: quantity, status: manual, text: "2500", start: 10, end: 14, value: 2500}\n',
  );
  assert.ok(lenient.ok);
  assert.equal(lenient.file.labels[0].value, '2014');
  assert.deepEqual(lenient.file.labels[1].value, { min: 2500, max: 2500 });
});

test('aliases, unknown tags, duplicate keys, several documents, deep nesting and huge files are refused', () => {
  const bomb = 'schema: 1\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nlabels: *b\n';
  const alias = problemsOf(bomb);
  assert.ok(
    alias.some((p) => /Aliases/.test(p.message) && p.line === 2),
    JSON.stringify(alias),
  );
  assert.ok(problemsOf('schema: 1\nlabels: !!python/object:os.system []\n').some((p) => /tag/i.test(p.message) && p.line === 1));
  assert.ok(problemsOf('schema: 1\nlabels: !custom []\n').some((p) => /tag/i.test(p.message)));
  assert.ok(problemsOf('schema: 1\nschema: 1\n').some((p) => /unique/i.test(p.message) && p.line === 1));
  assert.ok(problemsOf('schema: 1\n---\nschema: 1\n').length > 0);
  const nested = 'schema: 1\nlabels: ' + '['.repeat(40) + ']'.repeat(40) + '\n';
  assert.ok(problemsOf(nested).some((p) => /too deep/.test(p.message)));
  const deep = 'schema: 1\nlabels: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
  assert.ok(problemsOf(deep).length > 0);
  const huge = parseLabelFile('schema: 1\n# ' + 'ب'.repeat(100) + '\n', { maxBytes: 100 });
  assert.equal(huge.ok, false);
  assert.match(huge.ok ? '' : huge.problems[0].message, /larger than/);
});

test('parsing never throws on arbitrary text', () => {
  let seed = 7;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pieces = [
    'schema: 1\n',
    'labels:\n',
    '  - ',
    'id: L1',
    ': ',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    '&a ',
    '*a',
    '!t ',
    '\n',
    '  ',
    '#',
    'بغداد',
    '\ud800',
    '😀',
    '\t',
    '- ',
    '|',
    '>',
    '%YAML 1.1\n',
    '---\n',
  ];
  for (let n = 0; n < 400; n++) {
    let s = '';
    const len = Math.floor(rand() * 30);
    for (let i = 0; i < len; i++) s += pieces[Math.floor(rand() * pieces.length)];
    const r = parseLabelFile(s);
    if (!r.ok) for (const p of r.problems) assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.column) && p.column >= 0, JSON.stringify([s, p]));
  }
});

test('merging two saves: by id, the later update wins, and deletions need the common base', () => {
  const base = fileOf(label('تحسين الخفاجي', 'person', 'L1'), label('عين الأسد', 'place', 'L2'));
  const t1 = '2024-02-16T08:00:00Z';
  const t2 = '2024-02-16T09:00:00Z';
  // Window A: corrects L1's note (later), deletes L2. Window B (on disk): edits L1 earlier, adds L3.
  const mine = fileOf(editLabel(base.labels[0], { note: 'A' }, { now: t2 }));
  const theirs = fileOf(editLabel(base.labels[0], { note: 'B' }, { now: t1 }), base.labels[1], label('12 صاروخاً', 'quantity', 'L3'));
  const merged = mergeLabelFiles(base, mine, theirs);
  assert.deepEqual(
    merged.labels.map((l) => l.id),
    ['L1', 'L3'],
  );
  assert.equal(merged.labels[0].note, 'A');
  // Without the base nothing is ever lost: L2 comes back.
  assert.deepEqual(
    mergeLabelFiles(undefined, mine, theirs)
      .labels.map((l) => l.id)
      .sort(),
    ['L1', 'L2', 'L3'],
  );
  // A deletion loses to an edit made after the common version.
  const theirsEdited = fileOf(base.labels[0], editLabel(base.labels[1], { status: 'rejected' }, { now: t1 }));
  assert.deepEqual(
    mergeLabelFiles(base, mine, theirsEdited).labels.map((l) => l.id),
    ['L1', 'L2'],
  );
  // The other side's later update wins over ours.
  const older = fileOf(editLabel(base.labels[0], { note: 'old' }, { now: t1 }));
  const newer = fileOf(editLabel(base.labels[0], { note: 'new' }, { now: t2 }));
  assert.equal(mergeLabelFiles(base, older, newer).labels[0].note, 'new');
  // Reviews merge the same way, by key.
  const r = (note: string, updated: string): LabelFile => ({ ...emptyLabelFile(), reviews: [{ key: 'k', decision: 'explained', note, updated }] });
  assert.equal(mergeLabelFiles(undefined, r('mine', t1), r('theirs', t2)).reviews[0].note, 'theirs');
});
