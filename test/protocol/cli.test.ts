// The built CLI (dist/cli.js) as a user runs it: formats, unreadable files, exit codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { repoRoot } from './lspClient';
import type { CorpusAnalysis } from '../../server/src/analysis';

const cli = join(repoRoot, 'dist', 'cli.js');
let dir: string;
const article = 'بغداد - أعلن الجيش العراقي الخميس 25 كانون الثاني 2024 مقتل 3 مسلحين.\n';

function sanad(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanad-cli-'));
  writeFileSync(join(dir, 'good.txt'), article);
  writeFileSync(join(dir, 'bom.txt'), '\ufeff' + article);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article, 'utf16le')]);
  writeFileSync(join(dir, 'utf16.txt'), utf16);
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  // "بغداد" in Windows-1256.
  writeFileSync(join(dir, 'cp1256.txt'), Buffer.from([0xc8, 0xda, 0xcf, 0xc7, 0xcf, 0x20, 0xc8, 0xda, 0xcf, 0xc7, 0xcf]));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('json: every readable file analysed, offsets are slices of the text, unreadable files named', () => {
  const r = sanad('analyze', '.', '--format', 'json');
  assert.equal(r.status, 1, 'exit code 1 says some files were skipped');
  assert.match(r.stderr, /binary\.txt: skipped, binary file/);
  assert.match(r.stderr, /cp1256\.txt: skipped, not UTF-8: it looks like Windows-1256 Arabic.*iconv/);
  const out = JSON.parse(r.stdout) as CorpusAnalysis;
  assert.equal(out.version, 1);
  assert.deepEqual(out.documents.map((d) => d.path).sort(), ['bom.txt', 'good.txt', 'utf16.txt']);
  for (const doc of out.documents) {
    const raw = readFileSync(join(dir, doc.path));
    const text = doc.path === 'utf16.txt' ? raw.subarray(2).toString('utf16le') : raw.toString('utf8').replace(/^\ufeff/, '');
    assert.ok(doc.mentions.length > 0, `${doc.path} has mentions`);
    for (const m of doc.mentions) assert.equal(text.slice(m.start, m.end), m.text, `${doc.path} ${m.id}`);
  }
  const good = out.documents.find((d) => d.path === 'good.txt')!;
  const bom = out.documents.find((d) => d.path === 'bom.txt')!;
  assert.deepEqual(
    bom.mentions.map((m) => m.start),
    good.mentions.map((m) => m.start),
    'offsets are counted after the BOM',
  );
  assert.ok(Array.isArray(out.contradictions));
});

test('yaml carries the same fields; table is for people', () => {
  const y = sanad('analyze', 'good.txt', '--format', 'yaml');
  assert.equal(y.status, 0);
  const parsed = YAML.parse(y.stdout) as CorpusAnalysis;
  assert.equal(parsed.documents[0].path, 'good.txt');
  const t = sanad('analyze', 'good.txt', '--format=table');
  assert.equal(t.status, 0);
  assert.match(t.stdout, /^good\.txt$/m);
  assert.match(t.stdout, /1 documents ·/);
});

test('usage errors exit 2 with the usage text', () => {
  const none = sanad();
  assert.equal(none.status, 2);
  assert.match(none.stderr, /Usage: sanad analyze/);
  const bad = sanad('analyze', 'good.txt', '--format', 'xml');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown format "xml"/);
  const missing = sanad('analyze', 'nope.txt');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.txt: no such file/);
  assert.equal(sanad('--help').status, 0);
});

test('options: unknown ones refused (exit 2), values inline or apart, -- ends them, --help for every command', () => {
  for (const command of ['analyze', 'export', 'import', 'compare']) {
    const unknown = sanad(command, 'good.txt', '--frobnicate');
    assert.equal(unknown.status, 2, `${command}: an unknown option is bad usage`);
    assert.match(unknown.stderr, /^sanad: unknown option --frobnicate\n/, command);
    assert.equal(unknown.stdout, '', `${command}: nothing is done`);
    assert.match(sanad(command, '-z', 'good.txt').stderr, /^sanad: unknown option -z\n/, `${command}: short options too`);
    for (const help of ['--help', '-h']) {
      const r = sanad(command, help);
      assert.equal(r.status, 0, `${command} ${help}`);
      assert.match(r.stderr, new RegExp(`^Usage: sanad ${command} `), `${command} ${help} shows its own usage`);
      assert.match(r.stderr, /^ {2}-- {15}ends the options/m, `${command} ${help} says what -- does`);
    }
  }
  assert.match(sanad('--frobnicate').stderr, /unknown option --frobnicate \(options follow the command\)/);
  assert.match(sanad('frobnicate').stderr, /unknown command "frobnicate"/);
  assert.equal(sanad('frobnicate').status, 2);

  const apart = sanad('analyze', 'good.txt', '--format', 'yaml', '--max-file-size', '64');
  assert.equal(apart.status, 0, apart.stderr);
  assert.equal(sanad('analyze', '--format=yaml', '--max-file-size=64', 'good.txt').stdout, apart.stdout, 'inline values, options before the paths');
  assert.match(sanad('analyze', 'good.txt', '--format').stderr, /--format needs a value/);
  assert.match(sanad('analyze', 'good.txt', '--format', '--max-file-size', '64').stderr, /--format needs a value/, 'an option is not taken for a value');
  assert.match(sanad('analyze', 'good.txt', '--format', 'json', '--format', 'yaml').stderr, /--format is given twice/);
  assert.match(sanad('analyze', 'good.txt', '--max-file-size', 'lots').stderr, /--max-file-size takes a number of KB/);
  assert.match(sanad('export', 'good.txt', '--overwrite=yes').stderr, /--overwrite takes no value/);
  for (const bad of [sanad('analyze', 'good.txt', '--format', 'json', '--format', 'yaml'), sanad('export', 'good.txt', '--overwrite=yes')]) assert.equal(bad.status, 2);

  // After --, a file whose name starts with a dash, and even one named --help, is a path.
  writeFileSync(join(dir, '-dash.txt'), article);
  const dashed = sanad('analyze', '--format', 'json', '--', '-dash.txt');
  assert.equal(dashed.status, 0, dashed.stderr);
  assert.deepEqual(
    (JSON.parse(dashed.stdout) as CorpusAnalysis).documents.map((d) => d.path),
    ['-dash.txt'],
  );
  const notHelp = sanad('analyze', '--', '--help');
  assert.equal(notHelp.status, 2);
  assert.match(notHelp.stderr, /--help: no such file/);
  rmSync(join(dir, '-dash.txt'));
});

test('many files: worker threads give the output of one thread, byte for byte, and a failed worker loses nothing', () => {
  // A corpus of seeds and variants of them, in a folder of its own.
  const corpusDir = join(dir, 'many');
  mkdirSync(corpusDir);
  const seedsDir = join(repoRoot, 'seeds');
  for (const name of readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(seedsDir, name), 'utf8');
    for (let v = 0; v < 5; v++)
      writeFileSync(
        join(corpusDir, `${v}_${name}`),
        text.replace(/[0-9]+/g, (n) => String(Number(n) + v)),
      );
  }
  writeFileSync(join(corpusDir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  const run = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [cli, 'analyze', 'many', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 << 20 });
  const serial = run({ SANAD_THREADS: '1' });
  assert.equal(serial.status, 1, 'the binary file is skipped');
  assert.equal(JSON.parse(serial.stdout).documents.length, 25);
  const threads = { SANAD_PARALLEL_MIN_FILES: '2', SANAD_THREADS: '3' };
  const parallel = run(threads);
  assert.equal(parallel.status, 1);
  assert.equal(parallel.stderr, serial.stderr, 'the same messages');
  assert.equal(parallel.stdout, serial.stdout, 'the same bytes');
  for (const when of ['first', 'second', 'late']) {
    const failed = run({ ...threads, SANAD_TEST_WORKER_FAILURE: when });
    assert.equal(failed.status, 1, `a worker failing in the ${when} pass`);
    assert.match(failed.stderr, /worker thread failed .*analysing in this thread instead/);
    assert.equal(failed.stdout, serial.stdout, `every document, after a failure in the ${when} pass`);
  }
  for (const format of ['yaml', 'table']) assert.equal(run(threads, '--format', format).stdout, run({ SANAD_THREADS: '1' }, '--format', format).stdout, format);
});
