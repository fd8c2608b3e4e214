// The evaluation (scripts/eval.mjs) over the built CLI: no score may fall below evaluation/baseline.json,
// and a gold quote that is no longer in its article stops the scorer before anything is scored.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './lspClient';

const scorer = join(repoRoot, 'scripts', 'eval.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'sanad-eval-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function evaluate(...args: string[]) {
  // dist/ is built by the test runner before the protocol layer, as a user's `npm run eval` builds it.
  return spawnSync(process.execPath, [scorer, '--no-build', ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

test('no figure of the evaluation falls below the committed baseline', () => {
  const r = evaluate('--check');
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /^contradiction\s+\S+\s+\S+/m, 'precision and recall are printed per kind');
  assert.match(r.stdout, /publication dates right/);
  assert.match(r.stdout, /no figure below/);
});

test('a stale gold quote fails loudly, naming the file and the quote', () => {
  const gold = readFileSync(join(repoRoot, 'evaluation', 'gold.yaml'), 'utf8');
  const stale = gold.replace('b: {file: hm6.txt, quote: "113 شخصاً"}', 'b: {file: hm6.txt, quote: "131 شخصاً"}');
  assert.notEqual(stale, gold, 'the test edits a quote that exists in the gold');
  const path = join(tmp, 'gold.yaml');
  writeFileSync(path, stale);
  const r = evaluate('--gold', path, '--corpus', join(repoRoot, 'evaluation', 'corpus'));
  assert.equal(r.status, 2, r.stdout);
  assert.match(r.stderr, /hm6\.txt: "131 شخصاً" is not in the file/);
  assert.equal(r.stdout, '', 'nothing is scored on a gold that does not fit');
});

test('a figure below the baseline fails the check and is named', () => {
  const base = JSON.parse(readFileSync(join(repoRoot, 'evaluation', 'baseline.json'), 'utf8'));
  base.figures.silentKept = 1.5; // above any possible score
  const path = join(tmp, 'baseline.json');
  writeFileSync(path, JSON.stringify(base));
  const r = evaluate('--check', '--baseline', path);
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stderr, /silentKept: baseline 1\.5, now /);
});
