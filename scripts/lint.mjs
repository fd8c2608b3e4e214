// `npm run lint`: the four checks that keep the code a maintained TypeScript project, each one a
// pass or a fail with its findings. scripts/test.mjs runs the same list as its `lint` layer.
//   eslint     bugs the type-checker lets through (floating promises, needless assertions...)
//   boundaries the rooms' import rules (.dependency-cruiser.cjs), no import circles
//   exports    exports nobody imports, unused files and dependencies (knip.jsonc)
//   format     prettier's layout (.prettierrc.json); `npm run format` rewrites the files
// `node scripts/lint.mjs eslint format` runs only those; `--write` is `npm run format`.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The source files prettier owns; `npm run format` and the check use the same list. */
export const FORMATTED = ['{server,client,shared,test,scripts,bench}/**/*.{ts,mjs,cjs}', '*.{mjs,cjs}', '.dependency-cruiser.cjs'];

export const CHECKS = [
  { name: 'eslint', args: ['eslint', '--max-warnings', '0', '.'] },
  { name: 'boundaries', args: ['depcruise', '--config', '.dependency-cruiser.cjs', 'server', 'client', 'shared', 'test', 'scripts', 'bench'] },
  { name: 'exports', args: ['knip', '--no-progress'] },
  { name: 'format', args: ['prettier', '--check', ...FORMATTED] },
];

/** Runs one check from the project's own node_modules; its output is kept for the report. */
export function runCheck(check) {
  const r = spawnSync('npx', ['--no-install', ...check.args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  return { name: check.name, ok: r.status === 0, output: output || (r.error ? String(r.error) : `exit ${r.status ?? r.signal}`) };
}

/** Every check, in order, printing each as it ends; returns the results. */
export function runChecks(checks = CHECKS) {
  const results = [];
  for (const check of checks) {
    const t0 = Date.now();
    const result = runCheck(check);
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`${result.ok ? '✔' : '✖'} ${check.name} (${secs}s): npx ${check.args.join(' ')}`);
    if (!result.ok) console.log(result.output.replace(/^/gm, '    '));
    results.push(result);
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    // `npm run format`: rewrite the files in prettier's layout.
    const r = spawnSync('npx', ['--no-install', 'prettier', '--write', '--log-level', 'warn', ...FORMATTED], { cwd: root, stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  const names = process.argv.slice(2);
  const chosen = names.length ? CHECKS.filter((c) => names.includes(c.name)) : CHECKS;
  if (chosen.length !== (names.length || CHECKS.length)) {
    console.error(`unknown check; use ${CHECKS.map((c) => c.name).join(', ')}`);
    process.exit(2);
  }
  const failed = runChecks(chosen).filter((r) => !r.ok);
  console.log(failed.length ? `lint: ${failed.map((r) => r.name).join(', ')} failed` : 'lint: all checks passed');
  process.exit(failed.length ? 1 : 0);
}
