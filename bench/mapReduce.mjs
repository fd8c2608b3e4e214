// The two halves of a corpus read in shares (docs/PERFORMANCE.md, "Beyond one machine"), measured
// apart on one generated corpus: each share's map, `sanad analyze --shard i/n --format lexicon`
// then `--format claims --lexicon` (time and peak memory of each process, as n machines would
// run them side by side), and the reduce, `sanad reduce` over every share's claims file. Also
// the sizes of what goes between the machines, and whether the reduced contradictions are those
// of one `sanad analyze` of the whole corpus (with the lexicon pass, and without it).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// One CLI run in a fresh process, stdout to `outFile`; {ms, peakMB} from the process itself.
const RUNNER = `
const t0 = process.hrtime.bigint();
require(process.argv[1]).main(JSON.parse(process.argv[2])).then((code) => {
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stderr.write('\\n' + JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024, code }) + '\\n');
  process.exitCode = code;
});`;

function run(args, outFile, cwd) {
  const fd = openSync(outFile, 'w');
  try {
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '-e', RUNNER, join(root, 'dist', 'cli.js'), JSON.stringify(args)], {
      cwd,
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const last = r.stderr.trim().split('\n').pop();
    if (r.status !== 0) throw new Error(`sanad ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-1000)}`);
    return JSON.parse(last);
  } finally {
    closeSync(fd);
  }
}

const contradictions = (file) => JSON.parse(readFileSync(file, 'utf8')).contradictions.map((c) => JSON.stringify(c));

function difference(whole, reduced) {
  const a = new Set(whole);
  const b = new Set(reduced);
  return { missing: whole.filter((c) => !b.has(c)).length, extra: reduced.filter((c) => !a.has(c)).length };
}

/** Measures map and reduce over `dir` split into `shares`. */
export function benchMapReduce(dir, shares = 3) {
  const work = mkdtempSync(join(tmpdir(), 'sanad-map-reduce-'));
  // Paths relative to one folder, as every machine would name them.
  const cwd = dirname(dir);
  const folder = relative(cwd, dir);
  try {
    const out = { shares, map: [], reduce: null, reduceWithoutLexicon: null };
    const lexicons = [];
    for (let i = 1; i <= shares; i++) {
      const file = join(work, `lexicon.${i}.jsonl`);
      const lexicon = run(['analyze', folder, '--shard', `${i}/${shares}`, '--format', 'lexicon'], file, cwd);
      lexicons.push(readFileSync(file, 'utf8'));
      out.map.push({ lexicon });
    }
    const lexicon = join(work, 'lexicon.jsonl');
    writeFileSync(lexicon, lexicons.join(''));
    out.lexiconMB = +(statSync(lexicon).size / 2 ** 20).toFixed(2);
    const claims = [];
    const own = [];
    for (let i = 1; i <= shares; i++) {
      const file = join(work, `claims.${i}.jsonl`);
      out.map[i - 1].claims = run(['analyze', folder, '--shard', `${i}/${shares}`, '--format', 'claims', '--lexicon', lexicon], file, cwd);
      claims.push(file);
      const mine = join(work, `own.${i}.jsonl`);
      out.map[i - 1].claimsWithoutLexicon = run(['analyze', folder, '--shard', `${i}/${shares}`, '--format', 'claims'], mine, cwd);
      own.push(mine);
    }
    out.claimsMB = +(claims.reduce((s, f) => s + statSync(f).size, 0) / 2 ** 20).toFixed(2);
    // As n machines side by side: the slowest share's two passes.
    out.mapMs = Math.max(...out.map.map((m) => m.lexicon.ms + m.claims.ms));
    out.mapPeakMB = Math.max(...out.map.map((m) => Math.max(m.lexicon.peakMB, m.claims.peakMB)));
    out.mapWithoutLexiconMs = Math.max(...out.map.map((m) => m.claimsWithoutLexicon.ms));
    out.reduce = run(['reduce', ...claims], join(work, 'reduced.json'), cwd);
    out.reduceWithoutLexicon = run(['reduce', ...own], join(work, 'reducedOwn.json'), cwd);
    out.whole = run(['analyze', folder], join(work, 'whole.json'), cwd);
    const whole = contradictions(join(work, 'whole.json'));
    out.contradictions = whole.length;
    out.exact = difference(whole, contradictions(join(work, 'reduced.json')));
    out.withoutLexicon = difference(whole, contradictions(join(work, 'reducedOwn.json')));
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The lines bench/run.mjs prints for the corpora measured. */
export function printMapReduce(corpora) {
  const f = (x, w) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(0)).padStart(w);
  const rows = corpora.filter((c) => c.mapReduce && !c.mapReduce.failed);
  if (!rows.length) return;
  console.log('\nmap/reduce, 3 shares   map ms (lexicon+claims, slowest share)   map peak MB   reduce ms   reduce peak MB   claims MB   whole analyze ms   same as whole?');
  for (const c of rows) {
    const m = c.mapReduce;
    const same = m.exact.missing === 0 && m.exact.extra === 0 ? 'yes' : `no (${m.exact.missing} missing, ${m.exact.extra} extra)`;
    console.log(
      `${String(c.articles).padStart(21)} ${f(m.mapMs, 40)} ${f(m.mapPeakMB, 13)} ${f(m.reduce.ms, 11)} ${f(m.reduce.peakMB, 16)} ${String(m.claimsMB).padStart(11)} ${f(m.whole.ms, 18)}   ${same}`,
    );
    console.log(
      `${''.padStart(21)} without the lexicon pass: map ${m.mapWithoutLexiconMs.toFixed(0)} ms, ${m.withoutLexicon.missing} of ${m.contradictions} contradictions missing, ${m.withoutLexicon.extra} extra`,
    );
  }
}
