// `npm test`: sets up what is missing, type-checks, packages the .vsix, then runs the test layers:
// the lint checks (scripts/lint.mjs, each one counted as a test), then against what ships: the
// engine (unit), the built server over LSP (protocol), and the built .vsix installed in a real
// VS Code (integration). A skipped test fails the run. Ends with one summary line.
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup, run } from './setup.mjs';
import { runChecks } from './lint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const layers = only.length ? only : ['lint', 'unit', 'protocol', 'robustness', 'integration'];
// The lint layer reads the sources only; every other layer runs what is built and packaged.
const builds = layers.some((l) => l !== 'lint');

setup({ vscode: layers.includes('integration') });
const npx = (args) => run('npx', ['--no-install', ...args]);

console.log('\n== type-check');
npx(['tsc', '-b']);
if (builds) {
  console.log('\n== package the .vsix');
  run('npm', ['run', '--silent', 'package'], { env: { ...process.env, npm_config_loglevel: 'error' } });
  run('node', ['scripts/build.mjs', '--tests']);
}

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const vsix = join(root, `sanad-${version}.vsix`);
mkdirSync(join(root, 'out', 'test'), { recursive: true });

const totals = { passed: 0, failed: 0 };
const rows = [];
for (const layer of layers) {
  console.log(`\n== ${layer} tests`);
  if (layer === 'lint') {
    // Each check is one test: passed when it finds nothing, failed (with its findings) otherwise.
    const results = runChecks();
    const pass = results.filter((r) => r.ok).length;
    rows.push([layer, pass, results.length - pass]);
    totals.passed += pass;
    totals.failed += results.length - pass;
    continue;
  }
  const dir = join(root, 'out', 'test', layer);
  const tap = join(root, 'out', 'test', `${layer}.tap`);
  if (!existsSync(dir)) {
    // A layer with no tests must not pass quietly.
    rows.push([layer, 0, 1]);
    totals.failed++;
    console.error(`no ${layer} tests were built (test/${layer}/*.test.ts)`);
    continue;
  }
  const r = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, dir],
    { cwd: root, stdio: 'inherit', env: { ...process.env, SANAD_VSIX: vsix } },
  );
  const out = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const pass = Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0);
  const todo = Number(/^# todo (\d+)/m.exec(out)?.[1] ?? 0);
  const skipped = Number(/^# skipped (\d+)/m.exec(out)?.[1] ?? 0);
  let fail = Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(out)?.[1] ?? 0);
  // A skipped test is a failure: a skip hides a check that no longer runs. (Todo tests are named
  // known gaps and stay reported as such.)
  const skips = [...out.matchAll(/^\s*ok \d+ - (.*?) # SKIP\b ?(.*)$/gm)].map((m) => (m[2] ? `${m[1]} (${m[2]})` : m[1]));
  for (const name of skips) console.error(`✖ skipped test (a skip fails the run): ${layer}: ${name}`);
  fail += Math.max(skipped, skips.length);
  if (r.status !== 0 && fail === 0) fail = 1; // the runner itself failed
  if (pass + fail === 0) fail = 1; // no test ran: a failure, never a green
  rows.push([layer, pass, fail, todo, skipped]);
  totals.passed += pass;
  totals.failed += fail;
}

console.log('\n== summary');
for (const [layer, pass, fail, todo = 0, skipped = 0] of rows) {
  const extra = [todo && `${todo} todo (known gaps, named in the output above)`, skipped && `${skipped} skipped, counted as failed`].filter(Boolean).join(', ');
  console.log(`  ${layer.padEnd(12)} ${pass} passed, ${fail} failed${extra ? ` · ${extra}` : ''}`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
