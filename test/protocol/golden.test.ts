// Golden files: what `sanad analyze seeds` prints, and each seed's mentions, committed under
// test/golden and compared byte for byte. An intended change of the engine's output is made with
// SANAD_UPDATE_GOLDEN=1 npm test -- protocol, which rewrites them, and is reviewed in the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repoRoot } from './lspClient';
import { assertGolden, updatingGolden } from '../unit/helpers/golden';
import type { CorpusAnalysis } from '../../server/src/analysis';

const golden = join(repoRoot, 'test', 'golden');
const MENTIONS = '.mentions.expected.json';
const seeds = readdirSync(join(repoRoot, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort();

// Run from the repository, as a user types it: the paths in the output are seeds/….
const run = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'analyze', 'seeds'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
const output = (): CorpusAnalysis => {
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as CorpusAnalysis;
};

// One test per seed, so that a change shows where it is before the whole output is compared.
for (const seed of seeds) {
  const file = basename(seed, '.txt') + MENTIONS;
  test(`the mentions of seeds/${seed} are test/golden/${file}`, () => {
    const doc = output().documents.find((d) => d.path === `seeds/${seed}`);
    assert.ok(doc, `seeds/${seed} is analysed`);
    assertGolden(join(golden, file), JSON.stringify(doc.mentions, null, 2) + '\n', `test/golden/${file}`);
  });
}

test('sanad analyze seeds prints test/golden/seeds.expected.json, byte for byte', () => {
  assert.deepEqual(
    output().documents.map((d) => d.path),
    seeds.map((f) => `seeds/${f}`),
    'every seed, in order',
  );
  assertGolden(join(golden, 'seeds.expected.json'), run.stdout, 'test/golden/seeds.expected.json');
});

test('no golden file is left for a seed that is gone', () => {
  const expected = new Set(seeds.map((s) => basename(s, '.txt') + MENTIONS));
  const stale = readdirSync(golden).filter((f) => f.endsWith(MENTIONS) && !expected.has(f));
  if (updatingGolden) for (const f of stale) rmSync(join(golden, f));
  else assert.deepEqual(stale, [], 'SANAD_UPDATE_GOLDEN=1 removes them');
});
