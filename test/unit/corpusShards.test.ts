// analyzeCorpus's steps run on shards, as `sanad analyze` runs them on worker threads, give the
// corpus analyzeCorpus gives; and the JSON the CLI writes piece by piece is JSON.stringify's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyzeCorpus,
  corpusResult,
  editorText,
  Lexicon,
  outletGroups,
  readFirst,
  readSecond,
  repeatedBoilerplate,
  repeatedInGroup,
  type DocumentAnalysis,
  type DocumentResult,
  type FirstPass,
  learningStandIn,
  newMentions,
} from '../../server/src/analysis';
import { JsonObjectWriter, prettyElement } from '../../server/src/format/json';
import { rng } from './helpers/random';

const seedsDir = [join(__dirname, '../../../seeds'), join(process.cwd(), 'seeds')].find((d) => existsSync(d)) ?? '';

/** The seeds, each with variants whose figures and days differ, and a few invented reports. */
function corpus(): Array<{ path: string; text: string }> {
  const files: Array<{ path: string; text: string }> = [];
  assert.ok(seedsDir, 'the seed articles are found');
  for (const name of readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = editorText(readFileSync(join(seedsDir, name), 'utf8'));
    files.push({ path: `seeds/${name}`, text });
    for (let v = 1; v <= 3; v++) files.push({ path: `variants/${v}_${name}`, text: text.replace(/[0-9]+/g, (n) => String(Number(n) + v)) });
  }
  for (let k = 0; k < 6; k++) {
    files.push({
      path: `reports/r${k}.txt`,
      text: [
        `${k + 20} يناير 2024`,
        'اقرأ أيضا: أخبار العراق اليوم',
        `قتل ${k + 3} جنود أمريكيين وأصيب 25 آخرون، أمس الأحد، في هجوم بطائرة مسيرة استهدف قاعدة البرج 22 في الأردن، بحسب القيادة المركزية الأمريكية.`,
        `وقال اللواء يحيى رسول إن القوات نفذت أكثر من ${(k + 3) * 50} ضربة منذ 17 تشرين الأول الماضي. وأضاف رسول أن التحقيق مستمر.`,
        '',
      ].join('\n'),
    });
  }
  return files;
}

/** analyzeCorpus's steps on `threads` shards, each with its own lexicon, taking slices in a shuffled order. */
function sharded(files: Array<{ path: string; text: string }>, threads: number, seed: number): { result: ReturnType<typeof corpusResult>; learnt: boolean; repeated: number } {
  const rand = rng(seed);
  const lexicons = Array.from({ length: threads }, () => Lexicon.builtin());
  const owner: number[] = new Array(files.length);
  const kept: FirstPass[] = new Array(files.length);
  const persons: DocumentAnalysis[] = new Array(files.length);
  const order = files.map((_, i) => i).sort(() => rand() - 0.5);
  for (const i of order) {
    const t = Math.floor(rand() * threads);
    const first = readFirst(files[i], lexicons[t]);
    owner[i] = t;
    kept[i] = first.kept;
    persons[i] = first.persons;
  }
  // As `sanad analyze` does on threads: the lexicons learn from each distinct mention once.
  const seen = new Set<string>();
  const standIn = learningStandIn(newMentions(persons, seen));
  assert.ok(standIn.mentions.length > 0 && standIn.mentions.length <= persons.reduce((n, p) => n + p.mentions.length, 0));
  const learnt = lexicons.map((l, t) => l.learnFrom(t === 0 ? persons : [standIn]));
  assert.ok(
    learnt.every((l) => l === learnt[0]),
    'every shard learns the same',
  );
  const repeated: Array<Array<{ start: number; end: number }>> = files.map(() => []);
  // The outlets' groups are read one by one, wherever.
  for (const members of outletGroups(persons).reverse()) {
    const found = repeatedInGroup(members.map((i) => files[i].text));
    members.forEach((doc, k) => (repeated[doc] = found[k]));
  }
  assert.deepEqual(
    repeated,
    repeatedBoilerplate(
      persons,
      files.map((f) => f.text),
    ),
  );
  const documents: DocumentResult[] = new Array(files.length);
  for (const i of [...order].reverse()) documents[i] = readSecond(files[i], kept[i], lexicons[owner[i]], learnt[0], repeated[i]);
  return { result: corpusResult(files, documents), learnt: learnt[0], repeated: repeated.filter((r) => r.length).length };
}

test('analyzeCorpus on shards, each with its own lexicon, is analyzeCorpus', () => {
  const files = corpus();
  const whole = analyzeCorpus(files);
  for (const threads of [1, 2, 3]) {
    const { result, learnt, repeated } = sharded(files, threads, threads);
    assert.ok(learnt, 'the corpus teaches names (the second pass reads actors again)');
    assert.ok(repeated > 0, 'some lines are repeated by an outlet');
    assert.equal(JSON.stringify(result), JSON.stringify(whole), `${threads} shard(s)`);
  }
  // What crosses threads as JSON comes back the same.
  assert.equal(JSON.stringify(JSON.parse(JSON.stringify(whole.documents))), JSON.stringify(whole.documents));
});

// How `sanad analyze` writes its output (cli.ts), for any value: the writer and the elements
// as the CLI uses them, members written whole, arrays element by element.
/**
 * Writes JSON.stringify(value, null, 2) through `write` (which may wait, for backpressure), in
 * pieces of some tens of kilobytes. A plain object's array members are written element by element.
 */
async function writeJsonPretty(value: unknown, write: (text: string) => Promise<void>): Promise<void> {
  if (!isPlainObject(value)) {
    await write(JSON.stringify(value, null, 2) ?? 'undefined');
    return;
  }
  const out = new JsonObjectWriter(write);
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (Array.isArray(v) && v.length > 0 && !hasToJSON(v)) {
      out.openArray(key);
      for (let i = 0; i < v.length; i++) {
        const full = out.element(prettyElement(v[i]));
        if (full) await full;
      }
      await out.closeArray();
    } else await out.member(key, v);
  }
  await out.end();
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || hasToJSON(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function hasToJSON(v: object): boolean {
  return typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

async function written(value: unknown): Promise<string> {
  const parts: string[] = [];
  await writeJsonPretty(value, async (s) => {
    parts.push(s);
  });
  return parts.join('');
}

test('JSON written piece by piece is JSON.stringify(value, null, 2)', async () => {
  const whole = analyzeCorpus(corpus());
  assert.equal(await written(whole), JSON.stringify(whole, null, 2));
  const values: unknown[] = [
    { version: 1, documents: [], contradictions: [] },
    { a: undefined, b: [1, [2, { c: [] }]], d: 'x\ny', e: null, f: [undefined, () => 1], g: {} },
    {},
    [1, 2],
    'text',
    null,
    { big: Array.from({ length: 30000 }, (_, i) => ({ i, s: 'سند'.repeat(i % 7), n: [i, null] })) },
  ];
  for (const v of values) assert.equal(await written(v), JSON.stringify(v, null, 2));
  let writes = 0;
  await writeJsonPretty(values[values.length - 1], async () => {
    writes++;
  });
  assert.ok(writes > 1, 'a large value is written in several pieces');
});
