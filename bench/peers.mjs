// The peer in the benchmark: cspell with its Arabic dictionary, linting the same files. Installed
// on first use into bench/.peers (not a dependency of Sanad itself).
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const peers = join(here, '.peers');
const CSPELL = 'cspell@9.8.0';
const DICT = '@cspell/dict-ar@1.1.7';

export function ensureCspell() {
  const bin = join(peers, 'node_modules', 'cspell', 'bin.mjs');
  if (!existsSync(bin)) {
    mkdirSync(peers, { recursive: true });
    if (!existsSync(join(peers, 'package.json'))) writeFileSync(join(peers, 'package.json'), '{"private":true}');
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', CSPELL, DICT], { cwd: peers, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not install cspell for the benchmark');
  }
  const config = join(peers, 'cspell.json');
  writeFileSync(config, JSON.stringify({ version: '0.2', language: 'ar', import: [join(peers, 'node_modules', '@cspell', 'dict-ar', 'cspell-ext.json')] }));
  return { bin, config };
}

/** Runs cspell over every .txt under `dir`; wall time and the peak memory seen while it ran. */
export function runCspell(dir) {
  const { bin, config } = ensureCspell();
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, 'lint', '--no-progress', '--no-summary', '--no-cache', '--no-gitignore', '--config', config, '--locale', 'ar', '**/*.txt'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        // The process has just exited.
      }
    }, 25);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      clearInterval(poll);
      // cspell exits 1 when it finds unknown words, which on news text it always does.
      if (code !== 0 && code !== 1) reject(new Error(`cspell failed (${code}): ${err.slice(-1000)}`));
      else resolve({ ms: performance.now() - t0, peakMB: peak });
    });
  });
}
