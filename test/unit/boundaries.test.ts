// The boundary rules bite: dependency-cruiser, run with the project's own .dependency-cruiser.cjs
// on a small tree of made-up rooms, reports each rule where a file breaks it, and nothing where
// the rules allow an import (a room's own files, tests). The real tree is checked by `npm run lint`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../../..');

const TREE: Record<string, string> = {
  // The engine reaching for files, the label room, the protocol, and a type-only circle.
  'server/src/analysis/pure.ts': `import { readFileSync } from 'node:fs';\nimport { x } from '../labels/l';\nexport const a = readFileSync.length + x;\n`,
  'server/src/analysis/lsp.ts': `import type { Connection } from 'vscode-languageserver';\nexport type C = Connection;\n`,
  'server/src/analysis/usesShared.ts': `import { p } from '../../../shared/src/p';\nexport const u = p;\n`,
  'server/src/analysis/circleA.ts': `import type { B } from './circleB';\nexport interface A { b?: B }\n`,
  'server/src/analysis/circleB.ts': `import type { A } from './circleA';\nexport interface B { a?: A }\n`,
  'server/src/analysis/text.ts': `import { a } from './pure';\nexport const t = a;\n`,
  // Labels depending on the language server; the formatter on the CLI.
  'server/src/labels/l.ts': `import { s } from '../lsp/s';\nexport const x = s;\n`,
  'server/src/lsp/s.ts': `export const s = 1;\n`,
  'server/src/lsp/ok.ts': `import { s } from './s';\nexport const ok = s;\n`,
  'server/src/cli/c.ts': `export const c = 1;\n`,
  'server/src/format/f.ts': `import { c } from '../cli/c';\nexport const f = c;\n`,
  // The client reaching into the server; shared reaching into the client.
  'client/src/ext.ts': `import { t } from '../../server/src/analysis/text';\nexport const e = t;\n`,
  'shared/src/p.ts': `export const p = 1;\n`,
  'shared/src/q.ts': `import { e } from '../../client/src/ext';\nexport const q = e;\n`,
  // Tests may import anything.
  'test/t.test.ts': `import { s } from '../server/src/lsp/s';\nimport { c } from '../server/src/cli/c';\nexport const t = s + c;\n`,
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

test('dependency-cruiser reports every boundary rule on a tree that breaks each one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sanad-boundaries-'));
  try {
    for (const [path, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const bin = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    const r = spawnSync(process.execPath, [bin, '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json', 'server', 'client', 'shared', 'test'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    // (The JSON reporter exits 0; `npm run lint` uses the default one, which fails on any error.)
    const violations = (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
    const found = (rule: string) => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} -> ${v.to}`);
    assert.deepEqual(found('engine-no-io'), ['server/src/analysis/pure.ts -> fs']);
    assert.ok(
      found('engine-no-vscode').some((v) => v.startsWith('server/src/analysis/lsp.ts -> vscode-languageserver')),
      JSON.stringify(violations),
    );
    assert.deepEqual(found('engine-no-outer-rooms').sort(), ['server/src/analysis/pure.ts -> server/src/labels/l.ts', 'server/src/analysis/usesShared.ts -> shared/src/p.ts']);
    assert.deepEqual(found('client-only-shared'), ['client/src/ext.ts -> server/src/analysis/text.ts']);
    assert.deepEqual(found('shared-stands-alone'), ['shared/src/q.ts -> client/src/ext.ts']);
    assert.deepEqual(found('nothing-imports-cli'), ['server/src/format/f.ts -> server/src/cli/c.ts']);
    assert.deepEqual(found('nothing-imports-lsp'), ['server/src/labels/l.ts -> server/src/lsp/s.ts']);
    assert.deepEqual(found('labels-no-lsp-cli'), ['server/src/labels/l.ts -> server/src/lsp/s.ts']);
    assert.ok(
      found('no-circular').some((v) => v.startsWith('server/src/analysis/circleA.ts')),
      'a circle of type-only imports is a circle',
    );
    // What the rules allow: a room's own files, and tests importing anything.
    assert.deepEqual(
      violations.filter((v) => v.from.startsWith('test/') || v.from === 'server/src/lsp/ok.ts'),
      [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
