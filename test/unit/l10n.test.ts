// Every UI string of the client and every %key% of the manifest has an Arabic translation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('every t() string of the client is in the Arabic bundle', () => {
  const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.ar.json'), 'utf8')) as Record<string, string>;
  const used = new Set<string>();
  for (const file of sources(join(root, 'client', 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 10, 'the client has localised strings');
  for (const s of used) {
    assert.ok(bundle[s], `missing Arabic for "${s}"`);
    const holes = (x: string) => (x.match(/\{\d\}/g) ?? []).sort().join();
    assert.equal(holes(bundle[s]), holes(s), `the Arabic for "${s}" keeps its placeholders`);
  }
});

test('every %key% of package.json has English and Arabic text', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const ar = JSON.parse(readFileSync(join(root, 'package.nls.ar.json'), 'utf8')) as Record<string, string>;
  const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 10);
  for (const k of keys) {
    assert.ok(en[k], `package.nls.json lacks ${k}`);
    assert.ok(ar[k] && /[\u0600-\u06ff]/.test(ar[k]), `package.nls.ar.json lacks Arabic for ${k}`);
  }
});
