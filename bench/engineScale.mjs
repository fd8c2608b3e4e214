// The engine's scaling inside one document (issues 14 #10–11 and 15), for `npm run bench`: the
// cost per MB of one document in lines and on one line, at 10 KB and at 5 MB (the linearity ratio
// is the largest per-MB cost over the smallest within each kind of text, articles and figure-dense
// lines; 1 is perfectly linear, the target is 1.5), and the
// peak memory of a million short lines, and the cost per entry of a workspace lexicon and accepted
// names at 10,000 and 80,000 entries. Each runs in its own process (bench/engineProfile.mjs).
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function profile(...args) {
  const r = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench/engineProfile.mjs'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`engineProfile ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-1000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

export function benchEngineScale() {
  const linear = profile('linear', '10,5000');
  const lines = profile('lines', '1000000');
  const lexicon = profile('lexicon', '5000,40000');
  return { linearityRatio: linear.linearityRatio, ratios: linear.ratios, perMB: linear.rows, shortLines: lines, lexicon };
}

export function printEngineScale(e) {
  console.log('\nengine, one document   CPU ms per MB: 10 KB lines / one line · 5 MB lines / one line   linearity');
  for (const kind of ['articles', 'figures']) {
    const row = (kb, shape) => e.perMB.find((r) => r.kind === kind && r.kb === kb && r.shape === shape)?.cpuMsPerMB ?? NaN;
    console.log(`${kind.padStart(20)}   ${row(10, 'lines')} / ${row(10, 'one line')} · ${row(5000, 'lines')} / ${row(5000, 'one line')}   ${e.ratios?.[kind]}×`);
  }
  console.log(`${''.padStart(20)}   linearity: largest / smallest per-MB cost within a kind, ${e.linearityRatio}× (target ≤ 1.5×)`);
  const s = e.shortLines;
  console.log(`${'1M short lines'.padStart(20)}   ${s.MB} MB: ${s.cpuMs} ms CPU, peak ${s.rssPeakMB} MB resident (target < 1,000 MB)`);
  const l = e.lexicon;
  if (l)
    console.log(
      `${'lexicon size'.padStart(20)}   ${l.rows.map((r) => `${r.entries.toLocaleString('en')} entries ${r.cpuMs} ms (${r.cpuMsPer1000} ms per 1,000)`).join(' · ')}   linearity ${l.linearityRatio}×`,
    );
}
