// Builds the bundles with esbuild: the extension, the language server, the CLI, and the tests.
// Lexicons are YAML files bundled as data, so the engine itself does no file I/O.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// --tests builds only the test bundles, leaving dist/ as packaged.
const testsOnly = process.argv.includes('--tests');

const yamlPlugin = {
  name: 'yaml',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, (args) => ({
      contents: JSON.stringify(YAML.parse(readFileSync(args.path, 'utf8'), { maxAliasCount: 0, uniqueKeys: true })),
      loader: 'json',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  plugins: [yamlPlugin],
};

function testEntries(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(abs, f));
}

const bundles = [
  { ...common, entryPoints: { extension: join(root, 'client/src/extension.ts') }, outdir: join(root, 'dist'), external: ['vscode'] },
  { ...common, entryPoints: { server: join(root, 'server/src/lsp/server.ts') }, outdir: join(root, 'dist') },
  // The corpus pipeline's worker threads, for the language server and the CLI alike.
  { ...common, entryPoints: { worker: join(root, 'server/src/corpus/worker.ts') }, outdir: join(root, 'dist') },
  // Large label files are read and saved on a thread of their own (labels/labelThread.ts).
  { ...common, entryPoints: { labelWorker: join(root, 'server/src/labels/labelWorker.ts') }, outdir: join(root, 'dist') },
  { ...common, entryPoints: { cli: join(root, 'server/src/cli/cli.ts') }, outdir: join(root, 'dist'), banner: { js: '#!/usr/bin/env node' } },
];
// The benchmark calls the engine directly to time the comparison of figures on its own.
const benchBundle = { ...common, entryPoints: { engine: join(root, 'server/src/analysis/index.ts') }, outdir: join(root, 'out/bench'), sourcemap: false };
const builds = testsOnly ? [] : [...bundles, benchBundle];
if (!production) {
  for (const layer of ['unit', 'protocol', 'integration', 'robustness']) {
    const entries = testEntries(`test/${layer}`);
    if (entries.length) builds.push({ ...common, entryPoints: entries, outdir: join(root, `out/test/${layer}`), external: ['vscode', 'playwright-core'], sourcemap: 'inline' });
  }
}

// Drop built tests whose source is gone, without touching the ones another run may be using.
function pruneStaleTests() {
  for (const layer of ['unit', 'protocol', 'integration', 'robustness']) {
    const out = join(root, `out/test/${layer}`);
    if (!existsSync(out)) continue;
    for (const f of readdirSync(out)) {
      const m = /^(.*\.test)\.js$/.exec(f);
      if (m && !existsSync(join(root, `test/${layer}/${m[1]}.ts`))) rmSync(join(out, f), { force: true });
    }
  }
}
if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  if (!production) pruneStaleTests();
}
