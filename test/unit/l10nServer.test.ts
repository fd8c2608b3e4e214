// The server's UI strings (hovers, Problems, code lenses, quick fixes, label and compare messages)
// and every counted noun of both sides have their Arabic in the bundle: say('…') by its English
// text, count(n, one, other) by its six plural forms (shared/src/plural.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.ar.json'), 'utf8')) as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const unquote = (s: string) => s.replace(/\\'/g, "'");

test('every say() string of the language server is in the Arabic bundle, with its placeholders', () => {
  const used = new Set<string>();
  for (const file of sources(join(root, 'server', 'src', 'lsp'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bsay\('((?:[^'\\]|\\.)*)'/g)) used.add(unquote(m[1]));
  }
  assert.ok(used.size > 10, 'the server has localised strings');
  const holes = (x: string) => (x.match(/\{\d\}/g) ?? []).sort().join();
  for (const s of used) {
    assert.ok(bundle[s], `missing Arabic for "${s}"`);
    assert.equal(holes(bundle[s]), holes(s), `the Arabic for "${s}" keeps its placeholders`);
  }
});

test('every counted noun of the client and the server has its six Arabic forms', () => {
  const nouns = new Set<string>();
  for (const dir of [join(root, 'client', 'src'), join(root, 'server', 'src', 'lsp')]) {
    for (const file of sources(dir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bcount(?:Noun)?\([^,]+,\s*'(?:[^'\\]|\\.)*',\s*'((?:[^'\\]|\\.)*)'/g)) nouns.add(unquote(m[1]));
    }
  }
  assert.ok(nouns.size > 5, [...nouns].join(' | '));
  const missing = [...nouns].flatMap((n) => ['zero', 'one', 'two', 'few', 'many', 'other'].filter((c) => !bundle[`${n}#${c}`]).map((c) => `${n}#${c}`));
  assert.deepEqual(missing, []);
});
