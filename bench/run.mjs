// `npm run bench`: builds Sanad, generates deterministic corpora, and measures side by side:
//   - `sanad analyze` over each corpus (wall time, peak memory);
//   - a floor: reading the same files and splitting them into words, nothing else;
//   - a peer: cspell with its Arabic dictionary linting the same files;
//   - the language server over LSP: initialized → workspace diagnosed, edit → diagnostics and
//     semantic tokens latency on a 20 KB article, server memory.
// Prints a table with the ratios and writes bench/out/results.json. Targets are figures printed
// here, not timed tests.
//   --sizes 1000,10000   corpus sizes (default 1000,10000)
//   --skip cspell,lsp,mapreduce,engine    leave parts out (engine: the one-document scaling of engineScale.mjs)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate.mjs';
import { runCspell } from './peers.mjs';
import { benchLsp } from './lsp.mjs';
import { benchMapReduce, printMapReduce } from './mapReduce.mjs';
import { benchEngineScale, printEngineScale } from './engineScale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('--sizes', '1000,10000').split(',').map(Number);
const skip = new Set(arg('--skip', '').split(','));

if (!existsSync(join(root, 'node_modules'))) spawnSync('node', [join(root, 'scripts/setup.mjs')], { stdio: 'inherit' });
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

/** A measurement that fails (out of memory, say) is recorded as failed; the rest still run. */
function attempt(what, run) {
  try {
    return run();
  } catch (err) {
    console.error(`bench: ${what} failed: ${String(err.message ?? err).split('\n')[0]}`);
    return { ms: NaN, peakMB: NaN, failed: String(err.message ?? err).slice(0, 300) };
  }
}

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
    console.error(`bench: ${n} articles`);
    const dir = join(work, `corpus-${n}`);
    const bytes = generateCorpus(dir, n, join(root, 'seeds'));
    measure('floor', dir); // warm the file cache so every contender reads from memory
    const row = { articles: n, megabytes: +(bytes / 2 ** 20).toFixed(1), floor: measure('floor', dir), analyze: attempt(`analyze ${n}`, () => measure('analyze', dir)) };
    row.analyzeOverFloor = +(row.analyze.ms / row.floor.ms).toFixed(1);
    row.contradictions = attempt(`contradictions ${n}`, () => measure('contradictions', dir));
    if (!skip.has('cspell')) {
      row.cspell = await runCspell(dir);
      row.cspellOverAnalyze = +(row.cspell.ms / row.analyze.ms).toFixed(1);
    }
    if (!skip.has('lsp')) {
      const ws = join(work, `lsp-${n}`);
      mkdirSync(ws);
      try {
        row.lsp = await benchLsp(ws, n);
      } catch (err) {
        console.error(`bench: language server at ${n} failed: ${err.message ?? err}`);
      }
    }
    if (!skip.has('mapreduce')) row.mapReduce = attempt(`map/reduce ${n}`, () => benchMapReduce(dir));
    results.corpora.push(row);
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (!skip.has('engine')) results.engine = attempt('engine scaling', benchEngineScale);

const f = (x, w = 9) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(0)).padStart(w);
console.log(`\nSanad benchmark · ${results.machine.cpus} × ${results.machine.cpu} · ${results.machine.memoryGB} GB · Node ${results.machine.node}\n`);
console.log('articles    MB  floor ms  analyze ms  peak MB  ×floor   cspell ms  cspell/analyze');
for (const c of results.corpora) {
  console.log(
    `${String(c.articles).padStart(8)} ${String(c.megabytes).padStart(5)} ${f(c.floor.ms)} ${f(c.analyze.ms, 11)} ${f(c.analyze.peakMB, 8)} ${String(c.analyzeOverFloor).padStart(6)}× ${f(c.cspell?.ms, 11)} ${c.cspell ? String(c.cspellOverAnalyze).padStart(14) + '×' : '—'.padStart(15)}`,
  );
}
console.log('\narticles   figures   contradictions   comparison ms');
for (const c of results.corpora)
  console.log(`${String(c.articles).padStart(8)} ${String(c.contradictions.claims ?? '—').padStart(9)} ${String(c.contradictions.contradictions ?? '—').padStart(16)} ${f(c.contradictions.ms, 15)}`);
if (results.corpora.some((c) => c.lsp)) {
  console.log('\nlanguage server   index→diagnosed ms   server peak MB   edit→diagnostics ms (median/p95)   semantic tokens ms (median/p95)');
  for (const c of results.corpora.filter((x) => x.lsp)) {
    const l = c.lsp;
    console.log(
      `${String(c.articles).padStart(15)} ${f(l.indexMs, 20)} ${f(l.serverPeakMB, 16)} ${(l.edit.median.toFixed(1) + ' / ' + l.edit.p95.toFixed(1)).padStart(34)} ${(l.semanticTokens.median.toFixed(1) + ' / ' + l.semanticTokens.p95.toFixed(1)).padStart(33)}`,
    );
  }
  for (const c of results.corpora.filter((x) => x.lsp?.stages)) console.log(`${String(c.articles).padStart(15)} stages: ${c.lsp.stages}`);
  for (const c of results.corpora.filter((x) => x.lsp?.duringIndexing)) {
    const d = c.lsp.duringIndexing;
    console.log(
      `${String(c.articles).padStart(15)} semantic tokens while indexing: ${d.requests} requests, median ${d.median?.toFixed(1)} ms, p95 ${d.p95?.toFixed(1)} ms, max ${d.max.toFixed(1)} ms`,
    );
  }
}
printMapReduce(results.corpora);
if (results.engine && !results.engine.failed) printEngineScale(results.engine);
console.log('\nTargets: analyze ≤ 10× floor and ≥ 5× faster than cspell on 1,000 articles; 10,000 articles < 15 s and < 500 MB;');
console.log('         server: 10,000 articles diagnosed < 15 s; edit→diagnostics p95 < 50 ms; semantic tokens p95 < 20 ms.');
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(join(root, 'bench', 'out', 'results.json'), JSON.stringify(results, null, 2));
console.log('written to bench/out/results.json');
