// What the packaged extension holds: exactly the files it needs at run time (the allowlist in
// .vscodeignore), and nothing of the sources, source maps, dependencies or tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { repoRoot } from './lspClient';

/** The entry names of a zip, from its central directory (the end record is in the last 64 KB). */
function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip file (end of central directory found)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, `central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** One entry's content (stored or deflated), found through the central directory. */
function zipRead(zip: Buffer, name: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const method = zip.readUInt16LE(at + 10);
      const size = zip.readUInt32LE(at + 20);
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  assert.fail(`${name} is not in the .vsix`);
}

/** Every file under a folder of the repository, as a path relative to the repository. */
function filesUnder(folder: string): string[] {
  return readdirSync(join(repoRoot, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(repoRoot, join(e.parentPath, e.name)).split('\\').join('/'));
}

test('the .vsix holds the bundles, the manifest, its translations and assets, and nothing else', () => {
  // npm test packages it and names it; run alone, the package of this version at the root.
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const vsix = process.env.SANAD_VSIX ?? join(repoRoot, `sanad-${version}.vsix`);
  assert.ok(existsSync(vsix), `${vsix} is missing: run \`npm run package\` first (npm test does), or set SANAD_VSIX`);
  const zip = readFileSync(vsix);
  const entries = zipEntries(zip);
  assert.equal(new Set(entries).size, entries.length, 'no entry twice');

  const shipped = [
    'dist/extension.js',
    'dist/server.js',
    'dist/worker.js',
    'dist/labelWorker.js',
    'dist/cli.js',
    'package.json',
    'package.nls.json',
    'package.nls.ar.json',
    'language-configuration.json',
    'readme.md',
    'LICENSE.txt',
    ...['syntaxes', 'media', 'l10n'].flatMap(filesUnder),
    ...(existsSync(join(repoRoot, 'docs/icon.png')) ? ['docs/icon.png'] : []),
  ];
  const expected = ['extension.vsixmanifest', '[Content_Types].xml', ...shipped.map((f) => `extension/${f}`)];
  assert.deepEqual([...entries].sort(), expected.sort());

  for (const e of entries) {
    assert.doesNotMatch(e, /\.map$/, `no source map: ${e}`);
    assert.doesNotMatch(e, /(^|\/)(src|node_modules|test|out)\//, `no sources, dependencies or tests: ${e}`);
    assert.doesNotMatch(e, /\.ts$/, `no TypeScript: ${e}`);
  }
  // The bundles are the production ones: minified, without a link to a source map.
  for (const bundle of ['server', 'extension', 'cli', 'worker', 'labelWorker']) {
    assert.doesNotMatch(zipRead(zip, `extension/dist/${bundle}.js`).toString('utf8'), /sourceMappingURL/, `${bundle}.js links no source map`);
  }
});
