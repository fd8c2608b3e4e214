// `npm run bench`: builds Sanad, generates deterministic corpora, and measures `sanad analyze`
// beside a floor (reading the same files and splitting them into words). Prints a table with the
// ratios and writes bench/out/results.json. Targets live here, as figures, not in timed tests.
//   --sizes 1000,10000   corpus sizes (default 1000,10000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('--sizes', '1000,10000').split(',').map(Number);

if (!existsSync(join(root, 'node_modules'))) spawnSync('node', [join(root, 'scripts/setup.mjs')], { stdio: 'inherit' });
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

function measure(task, dir) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', join(root, 'bench/measure.cjs'), task, dir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = r.stderr.trim().split('\n').pop();
  if (r.status !== 0 && r.status !== 1) throw new Error(`${task} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(last);
}

const results = { machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version }, date: new Date().toISOString(), corpora: [] };
const work = mkdtempSync(join(tmpdir(), 'sanad-bench-'));
try {
  for (const n of sizes) {
    const dir = join(work, `corpus-${n}`);
    const bytes = generateCorpus(dir, n, join(root, 'seeds'));
    measure('floor', dir); // warm the file cache so both runs read from memory
    const floor = measure('floor', dir);
    const analyze = measure('analyze', dir);
    results.corpora.push({ articles: n, megabytes: +(bytes / 2 ** 20).toFixed(1), floor, analyze, ratio: +(analyze.ms / floor.ms).toFixed(1) });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\nSanad benchmark · ${results.machine.cpus} × ${results.machine.cpu} · ${results.machine.memoryGB} GB · Node ${results.machine.node}\n`);
console.log('articles    MB   floor ms   analyze ms   analyze peak MB   analyze/floor');
for (const c of results.corpora) {
  console.log(`${String(c.articles).padStart(8)} ${String(c.megabytes).padStart(5)} ${c.floor.ms.toFixed(0).padStart(10)} ${c.analyze.ms.toFixed(0).padStart(12)} ${c.analyze.peakMB.toFixed(0).padStart(17)} ${String(c.ratio).padStart(14)}×`);
}
console.log('\nTargets: analyze within 10× the floor on 1,000 articles; 10,000 articles under 15 s and 500 MB.');
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(join(root, 'bench', 'out', 'results.json'), JSON.stringify(results, null, 2));
console.log('written to bench/out/results.json');
