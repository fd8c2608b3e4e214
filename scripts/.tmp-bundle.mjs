import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
const yamlPlugin = { name: 'yaml', setup(b) { b.onLoad({ filter: /\.ya?ml$/ }, (a) => ({ contents: JSON.stringify(YAML.parse(readFileSync(a.path, 'utf8'), { maxAliasCount: 0, uniqueKeys: true })), loader: 'json' })); } };
await esbuild.build({ entryPoints: [process.argv[2]], bundle: true, platform: 'node', outfile: process.argv[3], plugins: [yamlPlugin], logLevel: 'warning' });
