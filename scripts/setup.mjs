// Sets up a fresh clone: npm dependencies (when missing or older than the lockfile) and, with
// --vscode, a real VS Code for the integration tests and the demo (code-server from the npm
// registry plus Debian's Chromium; see scripts/setup-code-server.sh). Safe to run again.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`\nsanad setup: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

export function setup({ vscode = false } = {}) {
  const stamp = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(lock).mtimeMs) {
    console.log('sanad setup: installing npm dependencies (npm ci)');
    run('npm', ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, npm_config_loglevel: 'error' } });
  }
  if (vscode) run('bash', [join(root, 'scripts', 'setup-code-server.sh')]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) setup({ vscode: process.argv.includes('--vscode') });
