// The generated data (server/src/analysis/data/*.generated.json) is what its generators write
// today: each is run into a temporary folder and its output compared with the committed file.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffSummary } from './helpers/golden';

const root = join(__dirname, '..', '..', '..');
const out = mkdtempSync(join(tmpdir(), 'sanad-gen-'));
after(() => rmSync(out, { recursive: true, force: true }));

const GENERATORS: Array<[script: string, file: string]> = [
  ['gen-months.mjs', 'months.generated.json'],
  ['gen-places.mjs', 'countries.generated.json'],
];

for (const [script, file] of GENERATORS) {
  test(`${file} is current: scripts/${script} writes it byte for byte`, () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', script), '--out', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const committed = readFileSync(join(root, 'server/src/analysis/data', file), 'utf8');
    const fresh = readFileSync(join(out, file), 'utf8');
    const summary = diffSummary(committed, fresh);
    // CLDR data changes with Node's ICU: then the file records the new version, and the diff is reviewed.
    if (summary) assert.fail(`${file} is stale (- committed, + generated now, ICU ${process.versions.icu}); run npm run gen and review the diff.\n${summary}`);
  });
}
