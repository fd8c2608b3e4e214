// `npm run demo`: the main job on the sample corpus. Sets up what is missing, builds and packages
// Sanad, prints what the corpus holds (the `sanad analyze` table), then opens seeds/ in VS Code
// with the extension loaded: the desktop `code` CLI where it is installed, otherwise a browser
// VS Code (code-server) served on localhost until Ctrl+C.
//   --no-editor   print the summary only
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup, run } from './setup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seeds = join(root, 'seeds');
const noEditor = process.argv.includes('--no-editor');
const hasCode = !noEditor && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;

setup({ vscode: !noEditor && !hasCode });
run('npm', ['run', '--silent', 'package'], { env: { ...process.env, npm_config_loglevel: 'error' }, stdio: ['ignore', 'ignore', 'inherit'] });
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const vsix = join(root, `sanad-${version}.vsix`);

console.log('\n== What the sample corpus holds (sanad analyze seeds --format table)\n');
const summary = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'analyze', 'seeds', '--format', 'table'], { cwd: root, stdio: 'inherit' });
if (summary.status !== 0) process.exit(summary.status ?? 1);
if (noEditor) process.exit(0);

if (hasCode) {
  console.log('\n== Opening seeds/ in VS Code with Sanad loaded from this folder');
  run('code', ['--new-window', `--extensionDevelopmentPath=${root}`, seeds]);
} else {
  console.log('\n== No desktop `code` here: serving VS Code in the browser (Ctrl+C to stop)');
  const child = spawn(process.execPath, [join(root, 'scripts', 'vscode-launch.mjs'), 'serve', seeds, '--vsix', vsix], { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
