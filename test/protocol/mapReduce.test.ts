// A corpus read in shares and compared afterwards (docs/PERFORMANCE.md, "Beyond one machine"):
// `sanad analyze --shard i/n --format lexicon` on every share, the lexicons put together, then
// `--format claims --lexicon` on every share (the map), and `sanad reduce` over the claims files
// must list exactly the contradictions and stories that one `sanad analyze` lists for the whole
// corpus. Run on the seeds, on the evaluation corpus, and on the seeds with three variants each
// (an outlet with four articles: its repeated lines are boilerplate only when counted over every
// share). The shares split the files between them, each file in exactly one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './lspClient';
import type { CorpusAnalysis } from '../../server/src/analysis';

const cli = join(repoRoot, 'dist', 'cli.js');
const SHARES = 3;
let dir: string;

function sanad(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return r;
}

function ok(...args: string[]): string {
  const r = sanad(...args);
  assert.equal(r.status, 0, `sanad ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

interface Reduced {
  version: number;
  documents: Array<{ path: string; story: string | null }>;
  contradictions: CorpusAnalysis['contradictions'];
}

const mapped = new Map<string, { reduced: Reduced; claims: string[] }>();

/** Map and reduce over `folder` in SHARES shares (once per folder); the claims files' paths. */
function mapReduce(folder: string): { reduced: Reduced; claims: string[] } {
  let done = mapped.get(folder);
  if (!done) mapped.set(folder, (done = mapAndReduce(folder, folder)));
  return done;
}

function mapAndReduce(folder: string, tag: string): { reduced: Reduced; claims: string[] } {
  const lexicons: string[] = [];
  for (let i = 1; i <= SHARES; i++) lexicons.push(ok('analyze', folder, '--shard', `${i}/${SHARES}`, '--format', 'lexicon'));
  const lexicon = join(dir, `${tag}.lexicon.jsonl`);
  writeFileSync(lexicon, lexicons.join(''));
  const claims: string[] = [];
  for (let i = 1; i <= SHARES; i++) {
    const file = join(dir, `${tag}.claims.${i}.jsonl`);
    writeFileSync(file, ok('analyze', folder, '--shard', `${i}/${SHARES}`, '--format', 'claims', '--lexicon', lexicon));
    claims.push(file);
  }
  return { reduced: JSON.parse(ok('reduce', ...claims)) as Reduced, claims };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanad-map-reduce-'));
  cpSync(join(repoRoot, 'seeds'), join(dir, 'seeds'), { recursive: true });
  cpSync(join(repoRoot, 'evaluation', 'corpus'), join(dir, 'evaluation'), { recursive: true });
  const variants = join(dir, 'variants');
  cpSync(join(repoRoot, 'seeds'), variants, { recursive: true });
  for (const name of readdirSync(variants).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(variants, name), 'utf8');
    for (let v = 1; v <= 3; v++)
      writeFileSync(
        join(variants, `v${v}_${name}`),
        text.replace(/[0-9]+/g, (n) => String(Number(n) + v)),
      );
  }
});

after(() => rmSync(dir, { recursive: true, force: true }));

for (const folder of ['seeds', 'evaluation', 'variants']) {
  test(`${folder}: ${SHARES} shares mapped and reduced list the contradictions and stories of one sanad analyze`, () => {
    const whole = JSON.parse(ok('analyze', folder)) as CorpusAnalysis;
    assert.ok(whole.contradictions.length > 0, 'the corpus has contradictions to compare');
    const { reduced, claims } = mapReduce(folder);
    // Every file in exactly one share, and the shares are not all one.
    const shares = claims.map((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .slice(1)
        .map((l) => (JSON.parse(l) as { path: string }).path),
    );
    assert.deepEqual(shares.flat().sort(), whole.documents.map((d) => d.path).sort());
    assert.ok(shares.filter((s) => s.length > 0).length > 1, `the files are split: ${shares.map((s) => s.length).join(', ')}`);
    assert.deepEqual(reduced.contradictions, whole.contradictions);
    assert.deepEqual(
      reduced.documents,
      whole.documents.map((d) => ({ path: d.path, story: d.story ?? null })),
    );
  });
}

test('a share is the same whatever else the folder holds: a file keeps its share when files are added', () => {
  const before = ok('analyze', 'seeds', '--shard', `2/${SHARES}`, '--format', 'claims');
  writeFileSync(join(dir, 'seeds', 'zz_added.txt'), 'بغداد - خبر قصير.\n');
  try {
    const after = ok('analyze', 'seeds', '--shard', `2/${SHARES}`, '--format', 'claims');
    const paths = (out: string) =>
      out
        .split('\n')
        .filter(Boolean)
        .slice(1)
        .map((l) => (JSON.parse(l) as { path: string }).path)
        .filter((p) => !p.endsWith('zz_added.txt'));
    assert.deepEqual(paths(after), paths(before));
  } finally {
    rmSync(join(dir, 'seeds', 'zz_added.txt'));
  }
});

test('reduce names a missing share and a share given twice, and still compares what it has', () => {
  const { claims } = mapReduce('seeds');
  const missing = sanad('reduce', claims[0], claims[2]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /share 2\/3 missing/);
  assert.equal((JSON.parse(missing.stdout) as Reduced).version, 1);
  const twice = sanad('reduce', claims[0], claims[0], claims[1], claims[2]);
  assert.equal(twice.status, 1);
  assert.match(twice.stderr, /share 1\/3 is given twice/);
  const bad = join(dir, 'bad.jsonl');
  writeFileSync(bad, readFileSync(claims[1], 'utf8') + '{"path": "x.txt"}\nnot json\n');
  const broken = sanad('reduce', claims[0], bad, claims[2]);
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /bad\.jsonl:\d+: x\.txt: a claims record without its place "i"; skipped/);
  assert.match(broken.stderr, /bad\.jsonl:\d+: not a line of JSON; skipped/);
});

test('--shard and the map formats refuse what they cannot do, in one sentence', () => {
  for (const [args, message] of [
    [['analyze', 'seeds', '--shard', '4/3'], /--shard takes i\/n with 1 ≤ i ≤ n/],
    [['analyze', 'seeds', '--shard', '0/3'], /--shard takes i\/n/],
    [['analyze', 'seeds', '--format', 'claims'], /--format claims goes with --shard i\/n/],
    [['analyze', 'seeds', '--shard', '1/3', '--lexicon', 'x.jsonl'], /--lexicon goes with --format claims/],
    [['reduce'], /name the claims files to compare/],
  ] as const) {
    const r = sanad(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  // A lexicon that lacks a share would make the claims those of part of the corpus: refused.
  const part = join(dir, 'part.lexicon.jsonl');
  writeFileSync(part, ok('analyze', 'seeds', '--shard', `1/${SHARES}`, '--format', 'lexicon'));
  const r = sanad('analyze', 'seeds', '--shard', `1/${SHARES}`, '--format', 'claims', '--lexicon', part);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /the lexicon of shares 2\/3, 3\/3 is missing/);
});
