// Starts a real VS Code with a packaged Sanad extension and hands back a Playwright page of its
// workbench, so the integration tests (and the demo) look at what a user would see.
//
// Two backends give the same kind of page:
// - code-server (default): VS Code from the npm registry, served on loopback and opened in Debian's
//   Chromium. Works on machines that reach only npm and Debian.
// - electron (SANAD_VSCODE=electron): the desktop build that @vscode/test-electron downloads,
//   driven through Playwright's Electron support. Needs the internet and, on Linux, a display
//   (run under xvfb-run on a headless CI runner).
//
// Everything this module starts runs in its own process group and is killed when the caller
// stops it, fails, or exits; every wait has a deadline and says what it was waiting for.
//
// CLI: node scripts/vscode-launch.mjs serve FOLDER [--vsix X] [--port N]
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CS_VERSION = process.env.SANAD_CODE_SERVER_VERSION ?? '4.100.3';
const CS_HOME = process.env.SANAD_CODE_SERVER_HOME ?? join(ROOT, '.vscode-test', `code-server-${CS_VERSION}`);
const CHROMIUM = process.env.SANAD_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

// Settings that keep a fresh window quiet: no welcome page, no tips, no trust prompt, no git scan.
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
};

const verbose = Boolean(process.env.SANAD_VSCODE_VERBOSE);

// ---- cleanup on every way out -------------------------------------------------------------------

/** Process groups and temp dirs still alive; torn down synchronously if the process exits. */
const live = { groups: new Set(), dirs: new Set() };
let hooked = false;

function hookExit() {
  if (hooked) return;
  hooked = true;
  process.once('exit', cleanupNow);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    // Exiting runs the 'exit' hook above, which does the killing.
    process.once(signal, () => process.exit(code));
  }
}

function cleanupNow() {
  for (const pid of live.groups) killGroup(pid, 'SIGKILL');
  live.groups.clear();
  for (const dir of live.dirs) rmSync(dir, { recursive: true, force: true });
  live.dirs.clear();
}

function killGroup(pid, signal) {
  // Windows has no process groups; taskkill /T ends the tree.
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** A fresh directory under the system temp dir, removed when the session ends. */
export function tempDir(prefix = 'sanad-vscode-') {
  hookExit();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  live.dirs.add(dir);
  return dir;
}

function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  live.dirs.delete(dir);
}

// ---- child processes ----------------------------------------------------------------------------

/**
 * The environment for VS Code's own processes: variables set by an enclosing VS Code (a terminal
 * inside VS Code sets VSCODE_IPC_HOOK_CLI, which would forward our CLI calls to that window) are
 * dropped, and code-server's config and logs go to a private home instead of ~/.config.
 */
function childEnv(home) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  }
  if (home) {
    env.XDG_CONFIG_HOME = join(home, 'config');
    env.XDG_DATA_HOME = join(home, 'data');
    env.XDG_CACHE_HOME = join(home, 'cache');
  }
  return env;
}

/** Spawns a child in its own process group, keeping the tail of its output for error messages. */
function startChild(cmd, args, { env, label }) {
  hookExit();
  const child = spawn(cmd, args, { env, detached: true, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid) live.groups.add(child.pid);
  let tail = '';
  const keep = (chunk) => {
    const s = chunk.toString();
    if (verbose) process.stderr.write(`[${label}] ${s}`);
    tail = (tail + s).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // A child that cannot be spawned reports 'error' and may never report 'exit'.
  const exited = new Promise((res) => {
    child.once('exit', (code, signal) => res({ code, signal }));
    child.once('error', (err) => {
      keep(`cannot run ${cmd}: ${err.message}\n`);
      res({ code: -1, signal: null });
    });
  }).then((outcome) => {
    live.groups.delete(child.pid);
    return outcome;
  });
  return { child, exited, tail: () => tail };
}

/** Stops a child's whole process group: SIGTERM, then SIGKILL if it is still there after a while. */
async function stopChild({ child, exited }, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  killGroup(child.pid, 'SIGTERM');
  if ((await within(exited, graceMs)) === null) {
    killGroup(child.pid, 'SIGKILL');
    await within(exited, 2000);
  }
  live.groups.delete(child.pid);
}

/** Runs a command to completion within a deadline; resolves with its output or rejects clearly. */
async function runToEnd(cmd, args, { env, label, timeoutMs }) {
  const proc = startChild(cmd, args, { env, label });
  const outcome = await within(proc.exited, timeoutMs);
  if (outcome === null) {
    await stopChild(proc, 1000);
    throw new Error(`${label}: no answer within ${timeoutMs / 1000}s\n${proc.tail()}`);
  }
  if (outcome.code !== 0) throw new Error(`${label} failed (exit ${outcome.code ?? outcome.signal})\n${proc.tail()}`);
  return proc.tail();
}

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

/** PROMISE's value, or `null` if it takes longer than MS; the timer never outlives the wait. */
function within(promise, ms) {
  let timer;
  const late = new Promise((res) => {
    timer = setTimeout(() => res(null), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// ---- code-server --------------------------------------------------------------------------------

/**
 * Finds the code-server installed by scripts/setup-code-server.sh, running that script first if
 * its stamp is missing. Checks that the install actually starts, so a half-built one fails here
 * with its own error rather than later as a blank page.
 */
export async function findCodeServer({ install = true, timeoutMs = 15 * 60_000 } = {}) {
  const entry = join(CS_HOME, 'node_modules/code-server/out/node/entry.js');
  if (!existsSync(join(CS_HOME, '.installed'))) {
    if (!install) throw new Error(`code-server is not installed in ${CS_HOME}; run: bash scripts/setup-code-server.sh`);
    console.error(`code-server missing in ${CS_HOME}; running scripts/setup-code-server.sh`);
    await runToEnd('bash', [join(ROOT, 'scripts/setup-code-server.sh')], { env: childEnv(), label: 'setup-code-server', timeoutMs });
  }
  if (!existsSync(entry)) throw new Error(`code-server entry point not found: ${entry}`);
  const home = tempDir('sanad-cs-probe-');
  try {
    const out = await runToEnd(process.execPath, [entry, '--version'], { env: childEnv(home), label: 'code-server --version', timeoutMs: 30_000 }).catch((err) => {
      // The setup's last step builds argon2 from source; code-server loads it even without passwords.
      const hint = /argon2/.test(err.message) ? `\nfix: (cd ${CS_HOME} && npm rebuild argon2 --build-from-source)` : '';
      throw new Error(`the code-server in ${CS_HOME} does not start: ${err.message}${hint}`);
    });
    const version = /^(\d+\.\d+\.\d+)\s/m.exec(out)?.[1];
    if (!version) throw new Error(`code-server --version printed no version:\n${out}`);
    return { entry, version };
  } finally {
    removeDir(home);
  }
}

/** Installs a .vsix into an extensions dir with code-server's CLI, and checks it landed there. */
export async function installVsix({ entry, vsix, extensionsDir, home, timeoutMs = 120_000 }) {
  if (!existsSync(vsix)) throw new Error(`no .vsix at ${vsix}`);
  mkdirSync(extensionsDir, { recursive: true });
  const before = new Set(readdirSync(extensionsDir));
  await runToEnd(process.execPath, [entry, '--install-extension', resolve(vsix), '--extensions-dir', extensionsDir, '--force'], {
    env: childEnv(home),
    label: 'code-server --install-extension',
    timeoutMs,
  });
  const added = readdirSync(extensionsDir).filter((d) => !before.has(d) && !d.startsWith('.') && d !== 'extensions.json');
  if (!added.length) throw new Error(`installing ${vsix} left nothing in ${extensionsDir}`);
  return added;
}

/** Writes the user settings a VS Code profile starts with (quiet defaults, then the caller's). */
export function writeUserSettings(userDataDir, settings = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
}

/** A TCP port on loopback that nothing listens on right now. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((res) => {
    const req = get(url, (r) => {
      r.resume();
      res(r.statusCode ?? 0);
    });
    req.setTimeout(2000, () => req.destroy());
    req.once('error', () => res(0));
  });
}

/**
 * Serves FOLDER with code-server on a free loopback port and waits until it answers HTTP.
 * Returns the workbench URL and stop(), which kills code-server with everything it started
 * (extension host, language servers).
 */
export async function startCodeServer({ entry, folder, extensionsDir, userDataDir, home, settings = {}, port, timeoutMs = 60_000 }) {
  writeUserSettings(userDataDir, settings);
  const config = join(home, 'code-server.yaml');
  // A config file of our own keeps code-server from writing one to ~/.config; the options that
  // matter are all on the command line.
  writeFileSync(config, 'auth: none\n');
  const tryPort = async (p) => {
    const args = [
      entry,
      '--config',
      config,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${p}`,
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      resolve(folder),
    ];
    const proc = startChild(process.execPath, args, { env: childEnv(home), label: 'code-server' });
    const base = `http://127.0.0.1:${p}`;
    const deadline = Date.now() + timeoutMs;
    let exited = null;
    proc.exited.then((e) => {
      exited = e;
    });
    while (Date.now() < deadline) {
      if (exited) return { proc, base, failed: `code-server exited (${exited.code ?? exited.signal}) before answering\n${proc.tail()}` };
      if ((await httpStatus(`${base}/healthz`)) === 200) return { proc, base };
      await sleep(200);
    }
    await stopChild(proc);
    throw new Error(`code-server did not answer on ${base} within ${timeoutMs / 1000}s\n${proc.tail()}`);
  };
  // A port found free can be taken before code-server binds it; one retry on a new port covers that.
  let attempt = await tryPort(port ?? (await freePort()));
  if (attempt.failed && !port && /EADDRINUSE/.test(attempt.failed)) attempt = await tryPort(await freePort());
  if (attempt.failed) throw new Error(attempt.failed);
  const { proc, base } = attempt;
  return {
    url: `${base}/?folder=${encodeURIComponent(resolve(folder))}`,
    logs: proc.tail,
    exited: proc.exited,
    stop: () => stopChild(proc),
  };
}

// ---- the browser --------------------------------------------------------------------------------

/** Waits for a workbench to be drawn: the status bar is the last part to appear. */
async function waitForWorkbench(page, timeoutMs) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
}

function checkChromium() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; run: bash scripts/setup-code-server.sh (or set SANAD_CHROMIUM)`);
}

/** Opens URL in headless Chromium and waits for the workbench. */
export async function openWorkbench(url, { timeoutMs = 60_000, viewport = { width: 1280, height: 800 }, colorScheme = 'light' } = {}) {
  checkChromium();
  const { chromium } = await import('playwright-core');
  hookExit();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: timeoutMs });
  try {
    const context = await browser.newContext({ viewport, colorScheme, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await waitForWorkbench(page, timeoutMs);
    return { browser, page, close: () => browser.close() };
  } catch (err) {
    await browser.close().catch(() => {});
    throw err;
  }
}

// ---- the two backends behind one call -----------------------------------------------------------

/**
 * Starts VS Code with VSIX installed, FOLDER open and SETTINGS applied, and returns
 * { backend, page, url, userDataDir, serverLogs(), close() }. Settings are read once at startup
 * (code-server does not pick up later edits of the settings file). The backend is code-server unless
 * SANAD_VSCODE=electron (or `backend`) says otherwise.
 */
export async function launchVSCode({ vsix, folder, settings = {}, backend = process.env.SANAD_VSCODE || 'code-server', timeoutMs = 90_000, colorScheme } = {}) {
  if (!folder || !existsSync(folder)) throw new Error(`folder to open does not exist: ${folder}`);
  const home = tempDir();
  const extensionsDir = join(home, 'extensions');
  const userDataDir = join(home, 'user-data');
  mkdirSync(extensionsDir, { recursive: true });
  const stops = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    removeDir(home);
  };
  try {
    if (backend === 'code-server') {
      checkChromium();
      const { entry } = await findCodeServer();
      if (vsix) await installVsix({ entry, vsix, extensionsDir, home });
      const server = await startCodeServer({ entry, folder, extensionsDir, userDataDir, home, settings, timeoutMs });
      stops.push(server.stop);
      const wb = await openWorkbench(server.url, { timeoutMs, colorScheme });
      stops.push(wb.close);
      return { backend, page: wb.page, url: server.url, userDataDir, serverLogs: server.logs, close };
    }
    if (backend === 'electron') {
      const app = await launchElectron({ vsix, folder, settings, extensionsDir, userDataDir, home, timeoutMs });
      stops.push(() => app.close());
      const page = await app.firstWindow({ timeout: timeoutMs });
      await waitForWorkbench(page, timeoutMs);
      return { backend, page, url: undefined, userDataDir, serverLogs: () => '', close };
    }
    throw new Error(`unknown SANAD_VSCODE backend "${backend}" (expected code-server or electron)`);
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Desktop VS Code from @vscode/test-electron's download (cached in .vscode-test), the vsix
 * installed with that build's own CLI, launched through Playwright's Electron driver.
 */
async function launchElectron({ vsix, folder, settings, extensionsDir, userDataDir, home, timeoutMs }) {
  const require = createRequire(import.meta.url);
  const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath } = require('@vscode/test-electron');
  const executablePath = await downloadAndUnzipVSCode({
    version: process.env.SANAD_VSCODE_VERSION || 'stable',
    cachePath: join(ROOT, '.vscode-test'),
  }).catch((err) => {
    throw new Error(`SANAD_VSCODE=electron: could not download VS Code (${err.message}); this backend needs the internet, the default code-server one does not`);
  });
  // reuseMachineInstall keeps the helper from adding its own profile dirs; ours are passed below.
  const [cli] = resolveCliArgsFromVSCodeExecutablePath(executablePath, { reuseMachineInstall: true });
  const profile = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
  if (vsix) {
    // On Windows the CLI is a .cmd script, which only a shell can run.
    const cmd = process.platform === 'win32' ? 'cmd.exe' : cli;
    const pre = process.platform === 'win32' ? ['/d', '/s', '/c', cli] : [];
    await runToEnd(cmd, [...pre, ...profile, '--install-extension', resolve(vsix), '--force'], {
      env: childEnv(home),
      label: 'code --install-extension',
      timeoutMs: 120_000,
    });
  }
  writeUserSettings(userDataDir, settings);
  const { _electron } = await import('playwright-core');
  return _electron.launch({
    executablePath,
    args: [
      resolve(folder),
      ...profile,
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-telemetry',
      '--disable-updates',
      '--disable-gpu',
      '--new-window',
      // No keyring prompt on machines without one (CI runners).
      '--use-inmemory-secretstorage',
      // Chromium's sandbox refuses to start as root, as CI containers often run.
      ...(process.platform === 'linux' ? ['--no-sandbox'] : []),
    ],
    env: childEnv(),
    timeout: timeoutMs,
  });
}

/** The newest sanad-*.vsix at the repo root, or undefined. */
export function newestVsix(dir = ROOT) {
  const found = readdirSync(dir)
    .filter((f) => /^sanad-.*\.vsix$/.test(f))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0];
}

// ---- CLI ----------------------------------------------------------------------------------------

async function serve(argv) {
  const opt = (name) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    argv.splice(i, 2);
    return v;
  };
  const vsix = opt('--vsix') ?? newestVsix();
  const port = opt('--port');
  const folder = resolve(argv[0] ?? '.');
  if (!existsSync(folder)) throw new Error(`no such folder: ${folder}`);
  const { entry, version } = await findCodeServer();
  const home = tempDir();
  const extensionsDir = join(home, 'extensions');
  const userDataDir = join(home, 'user-data');
  if (vsix) await installVsix({ entry, vsix, extensionsDir, home });
  else console.error('note: no sanad-*.vsix found (run npm run package); serving without the extension');
  const server = await startCodeServer({ entry, folder, extensionsDir, userDataDir, home, port: port ? Number(port) : undefined });
  console.log(`code-server ${version} serving ${folder}${vsix ? ` with ${vsix}` : ''}`);
  console.log(server.url);
  console.log('Ctrl+C to stop.');
  // Up until a signal (the exit hook then kills code-server and removes the temp dirs), or until
  // code-server stops by itself, which is an error worth its log.
  const { code, signal } = await server.exited;
  throw new Error(`code-server stopped (${code ?? signal})\n${server.logs()}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, ...rest] = process.argv.slice(2);
  if (cmd !== 'serve') {
    console.error('usage: node scripts/vscode-launch.mjs serve FOLDER [--vsix X] [--port N]');
    process.exit(2);
  }
  serve(rest).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
