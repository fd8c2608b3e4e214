// Issue 14 (robustness, round two), the parts that need no server: label files and article files
// that are links, pipes or devices; the label lock; labels the reader would refuse; names taught
// in bulk; figures that are no figures. Each test reproduces an attack that used to succeed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, symlinkSync, chmodSync, statSync, lstatSync, readFileSync, existsSync } from 'node:fs';
import { spawnSync, execFileSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLabelFile, saveLabelFile, withLock, writeFileAtomic, type FsLike } from '../../server/src/labels/labelFs';
import { createLabel, emptyLabelFile, type Label, type LabelFile } from '../../server/src/labels';
import { decodeArticle, listArticles, readArticle, tooLargeToAnalyse, type ListProblem } from '../../server/src/corpus/articleFiles';
import { readWorkspaceLexicon } from '../../server/src/corpus/workspaceLexicon';
import { lexiconFrom, teach } from '../../server/src/analysis';
import { Lexicon } from '../../server/src/analysis';
import { isCorpusPath } from '../../server/src/corpus/glob';
import { isWithin } from '../../server/src/corpus/regularFile';
import { printable } from '../../server/src/format/printable';
import { bratTargets } from '../../server/src/lsp/features/exporting';
import { LabelService } from '../../server/src/lsp/labelService';
import { gitUserName } from '../../server/src/lsp/settings';
import { Shadow } from '../../server/src/analysis/text/normalize';
import { findQuantities } from '../../server/src/analysis/figures/figures';

const dirs: string[] = [];
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'sanad-hostile-'));
  dirs.push(d);
  return d;
}
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const TEXT = 'قال المتحدث إن 150 شخصا وصلوا إلى بغداد مساء الأحد.';
function lab(quote: string, id: string, extra: Partial<Label> = {}): Label {
  const start = TEXT.indexOf(quote);
  return { ...createLabel(TEXT, start, start + quote.length, 'place', 'manual', { annotator: 'T', now: '2024-03-01T10:00:00Z' }), id, ...extra };
}
const file = (...labels: Label[]): LabelFile => ({ ...emptyLabelFile('a.txt'), labels });
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

/** Fails the test if `p` takes longer than `ms` (a read that blocks on a pipe never settles). */
async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

// ---- item 1: the lock ------------------------------------------------------------------------

test('issue 14 #1: a lock whose holder lives is never broken, however old its heartbeat', async () => {
  const dir = temp();
  const path = join(dir, 'a.txt.yaml');
  const lock = join(dir, '.a.txt.yaml.lock');
  // This process is alive: a long save that could not touch its lock (a 20 s render) still holds it.
  writeFileSync(lock, `${process.pid} ${hostname()} sometoken\n`);
  const old = new Date(Date.now() - 60_000);
  await fs.utimes(lock, old, old);
  const r = await saveLabelFile(path, file(lab('بغداد', 'L1')), { lockWaitMs: 200, lockStaleMs: 10 });
  assert.ok(!r.ok && r.reason === 'busy', 'waited, then busy: not broken');
  assert.equal(readFileSync(lock, 'utf8'), `${process.pid} ${hostname()} sometoken\n`, 'the holder keeps its lock');
  assert.ok(!existsSync(path));
  // A dead holder's lock goes at once, even with a fresh heartbeat.
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  writeFileSync(lock, `${dead} ${hostname()} deadtoken\n`);
  const started = Date.now();
  const saved = await saveLabelFile(path, file(lab('بغداد', 'L1')), { lockWaitMs: 2000, lockStaleMs: 60_000 });
  assert.ok(saved.ok && saved.written);
  assert.ok(Date.now() - started < 1000);
  // A holder on another machine is judged by its heartbeat alone.
  writeFileSync(lock, `1 another-host tok\n`);
  assert.ok(!(await saveLabelFile(path, file(lab('المتحدث', 'L2')), { lockWaitMs: 100, lockStaleMs: 5000 })).ok);
  await fs.utimes(lock, old, old);
  assert.ok((await saveLabelFile(path, file(lab('المتحدث', 'L2')), { lockWaitMs: 100, lockStaleMs: 5000 })).ok);
});

test('issue 14 #1: the holder touches its lock while it works, and removes only its own lock', async () => {
  const dir = temp();
  const path = join(dir, 'a.txt.yaml');
  const lock = join(dir, '.a.txt.yaml.lock');
  const mtimes: number[] = [];
  await withLock(
    path,
    async () => {
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 60));
        mtimes.push(statSync(lock).mtimeMs);
      }
    },
    { heartbeatMs: 20 },
  );
  assert.ok(new Set(mtimes).size >= 3, `heartbeat moved the mtime: ${mtimes.join(', ')}`);
  assert.ok(!existsSync(lock), 'released');
  // Another writer took the lock over meanwhile: it is left to that writer, and this one knows.
  let held: boolean | undefined;
  await withLock(path, async (l) => {
    writeFileSync(lock, `1 another-host theirs\n`);
    held = await l.held();
  });
  assert.equal(held, false);
  assert.equal(readFileSync(lock, 'utf8'), '1 another-host theirs\n', 'the other writer keeps its lock');
});

test('issue 14 (smaller faults): a disk-full error while taking the lock leaves no lock behind', async () => {
  const dir = temp();
  const path = join(dir, 'a.txt.yaml');
  const full: FsLike = {
    ...fs,
    open: (async (p: string, flags: string | number, mode?: number) => {
      const h = await fs.open(p, flags, mode);
      if (String(p).endsWith('.lock')) h.writeFile = async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
      return h;
    }) as FsLike['open'],
  };
  const r = await saveLabelFile(path, file(lab('بغداد', 'L1')), { fs: full });
  assert.ok(!r.ok && r.reason === 'io' && /ENOSPC/.test(r.problems[0].message));
  assert.deepEqual(await fs.readdir(dir), [], 'no lock file left');
  const started = Date.now();
  assert.ok((await saveLabelFile(path, file(lab('بغداد', 'L1')))).ok);
  assert.ok(Date.now() - started < 1000, 'the next save does not wait');
});

// ---- item 2: labels the reader would refuse ----------------------------------------------------

test('issue 14 #2: a label its own reader would refuse is not written, and later saves still work', async () => {
  const dir = temp();
  const path = join(dir, 'a.txt.yaml');
  assert.ok((await saveLabelFile(path, file(lab('بغداد', 'L1')))).ok);
  const before = readFileSync(path, 'utf8');
  const bad: Array<[string, Partial<Label>]> = [
    ['min > max', { type: 'quantity', value: { min: 99, max: 1 } }],
    ['a 400-digit number', { type: 'quantity', value: { min: Number('9'.repeat(400)), max: null } }],
    ['an unknown kind', { type: 'weapon' as Label['type'] }],
    ['a note that is an object', { note: { evil: true } as unknown as string }],
    ['an offset given as text', { start: '16' as unknown as number }],
  ];
  for (const [what, change] of bad) {
    const r = await saveLabelFile(path, file(lab('بغداد', 'L1'), lab('المتحدث', 'L2', change)));
    assert.ok(!r.ok && r.reason === 'refused', `${what}: refused (${JSON.stringify(r)})`);
    assert.equal(readFileSync(path, 'utf8'), before, `${what}: the file is untouched`);
    assert.ok((await readLabelFile(path)).ok, `${what}: the file still reads`);
  }
  assert.ok((await saveLabelFile(path, file(lab('بغداد', 'L1'), lab('المتحدث', 'L2')))).ok, 'a valid save goes through');
});

// ---- item 4: what a write replaces ----------------------------------------------------------

test('issue 14 #4: writes refuse links, devices, pipes and read-only files, and keep modes', async () => {
  const dir = temp();
  const target = join(dir, 'real.yaml');
  writeFileSync(target, 'original\n');
  const link = join(dir, 'link.yaml');
  symlinkSync(target, link);
  await assert.rejects(writeFileAtomic(link, 'x'), /symbolic link/);
  assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
  assert.equal(readFileSync(target, 'utf8'), 'original\n');
  const fifo = join(dir, 'pipe.yaml');
  mkfifo(fifo);
  await assert.rejects(writeFileAtomic(fifo, 'x'), /not a regular file/);
  assert.ok(lstatSync(fifo).isFIFO());
  await assert.rejects(writeFileAtomic('/dev/null', 'x'), /not a regular file/);
  assert.ok(lstatSync('/dev/null').isCharacterDevice());
  const ro = join(dir, 'ro.yaml');
  writeFileSync(ro, 'keep\n');
  chmodSync(ro, 0o444);
  await assert.rejects(writeFileAtomic(ro, 'x'), /read-only/);
  assert.equal(readFileSync(ro, 'utf8'), 'keep\n');
  const shared = join(dir, 'shared.yaml');
  writeFileSync(shared, 'old\n');
  chmodSync(shared, 0o640);
  await writeFileAtomic(shared, 'new\n');
  assert.equal(statSync(shared).mode & 0o777, 0o640, 'the mode is kept');
  assert.equal(readFileSync(shared, 'utf8'), 'new\n');
  assert.deepEqual(
    (await fs.readdir(dir)).filter((n) => n.endsWith('.tmp')),
    [],
    'no temporary files left',
  );
  // Through a save: a label file that is a link is reported, and left as it is.
  const saved = await saveLabelFile(link, file(lab('بغداد', 'L1')));
  assert.ok(!saved.ok);
  assert.ok(lstatSync(link).isSymbolicLink());
});

// ---- items 6, 9, 13: reads -----------------------------------------------------------------

test('issue 14 #6 #9: a label file that is a link to /dev/zero or a pipe is refused at once, unread', async () => {
  const dir = temp();
  const zero = join(dir, 'zero.txt.yaml');
  symlinkSync('/dev/zero', zero);
  const random = join(dir, 'random.txt.yaml');
  symlinkSync('/dev/urandom', random);
  const fifo = join(dir, 'fifo.txt.yaml');
  mkfifo(fifo);
  for (const p of [zero, random, fifo]) {
    const r = await within(2000, p, readLabelFile(p));
    assert.ok(!r.ok, p);
    assert.match(r.problems[0].message, /symbolic link|not a regular file/);
  }
  // Saving over the pipe neither blocks nor replaces it.
  const saved = await within(3000, 'save over a pipe', saveLabelFile(fifo, file(lab('بغداد', 'L1'))));
  assert.ok(!saved.ok);
  assert.ok(lstatSync(fifo).isFIFO());
});

test('issue 14 #13: a labels sub-folder linked out of the workspace is neither read nor written', async () => {
  const ws = temp();
  const outside = temp();
  writeFileSync(join(outside, 'a.txt.yaml'), 'schema: 1\nlabels: []\n');
  mkdirSync(join(ws, '.sanad', 'labels'), { recursive: true });
  symlinkSync(outside, join(ws, '.sanad', 'labels', 'news'));
  const path = join(ws, '.sanad', 'labels', 'news', 'a.txt.yaml');
  const read = await readLabelFile(path, { within: ws });
  assert.ok(!read.ok && /outside the workspace/.test(read.problems[0].message));
  const saved = await saveLabelFile(join(ws, '.sanad', 'labels', 'news', 'b.txt.yaml'), file(lab('بغداد', 'L1')), { within: ws });
  assert.ok(!saved.ok && saved.reason === 'refused');
  assert.deepEqual((await fs.readdir(outside)).sort(), ['a.txt.yaml'], 'nothing written outside');
});

test('issue 14 #9 #13: articles that are pipes, or links out of the workspace, are not read', async () => {
  const ws = temp();
  const outside = temp();
  writeFileSync(join(outside, 'secret.txt'), 'سر خارج مساحة العمل\n');
  mkdirSync(join(ws, 'seeds'));
  symlinkSync(join(outside, 'secret.txt'), join(ws, 'seeds', 'leak.txt'));
  symlinkSync(outside, join(ws, 'seeds', 'linked'));
  mkfifo(join(ws, 'seeds', 'pipe.txt'));
  const leak = await readArticle(join(ws, 'seeds', 'leak.txt'), 1e6, { within: [ws] });
  assert.ok(!leak.ok && /outside the workspace/.test(leak.reason));
  const viaFolder = await readArticle(join(ws, 'seeds', 'linked', 'secret.txt'), 1e6, { within: [ws] });
  assert.ok(!viaFolder.ok);
  const pipe = await within(2000, 'a pipe', readArticle(join(ws, 'seeds', 'pipe.txt'), 1e6, { within: [ws] }));
  assert.ok(!pipe.ok && /not a regular file/.test(pipe.reason));
  // The CLI follows a link the user named, but a pipe is still refused rather than waited on.
  assert.ok((await readArticle(join(ws, 'seeds', 'leak.txt'), 1e6)).ok);
  assert.ok(!(await within(2000, 'a pipe', readArticle(join(ws, 'seeds', 'pipe.txt'), 1e6))).ok);
});

test('issue 14 #9: a workspace lexicon that is a pipe or a link to /dev/zero does not block or swallow the server', async () => {
  for (const plant of ['fifo', 'zero'] as const) {
    const ws = temp();
    mkdirSync(join(ws, '.sanad'));
    const path = join(ws, '.sanad', 'lexicon.yaml');
    if (plant === 'fifo') mkfifo(path);
    else symlinkSync('/dev/zero', path);
    const built = await within(3000, plant, readWorkspaceLexicon([ws], true));
    const problems = [...built.problems.values()].flat();
    assert.equal(problems.length, 1, plant);
    assert.match(String(problems[0].message), /not read/);
  }
});

// ---- item 8: teaching many names -----------------------------------------------------------

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
function names(n: number, seed: number): string[] {
  let x = seed;
  const word = () => {
    let w = '';
    for (let k = 0; k < 5; k++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      w += LETTERS[x % LETTERS.length];
    }
    return w;
  };
  return Array.from({ length: n }, () => `${word()} ${word()}`);
}

test('issue 14 #8: 10,000 accepted names and 40,000 lexicon entries are taught in seconds, not minutes', async () => {
  const lexicon = Lexicon.builtin();
  let started = Date.now();
  assert.ok(
    teach(
      lexicon,
      names(10_000, 7).map((n) => ({ kind: 'person' as const, name: n, entity: n })),
    ),
  );
  const taught = Date.now() - started;
  assert.ok(taught < 20_000, `10,000 names took ${taught} ms (they took 82 s)`);
  // What was taught is known.
  const [first] = names(1, 7);
  assert.ok(lexicon.lookup(first.split(' ')));
  const ws = temp();
  mkdirSync(join(ws, '.sanad'));
  writeFileSync(
    join(ws, '.sanad', 'lexicon.yaml'),
    `persons:\n${names(40_000, 11)
      .map((n) => `  - name: ${n}\n`)
      .join('')}`,
  );
  started = Date.now();
  const built = await readWorkspaceLexicon([ws], true);
  const { lexicon: workspace } = lexiconFrom(built.recipe);
  const read = Date.now() - started;
  assert.ok(read < 25_000, `40,000 entries took ${read} ms (they took 100 s)`);
  assert.ok(workspace.lookup(names(1, 11)[0].split(' ')));
});

// ---- smaller faults ------------------------------------------------------------------------

test('issue 14: a NUL byte after the first 8 KB still makes a file binary', () => {
  const bytes = Buffer.concat([Buffer.from('نص عربي '.repeat(2000)), Buffer.from([0]), Buffer.from('بقية')]);
  assert.ok(bytes.indexOf(0) > 8192);
  const r = decodeArticle(bytes, 1e7);
  assert.ok(!r.ok && /binary/.test(r.reason));
});

test('issue 14: the CLI walk names folders it cannot read and the limit it stopped at', async () => {
  const ws = temp();
  for (const n of ['a', 'b', 'c']) writeFileSync(join(ws, `${n}.txt`), 'x');
  const problems: ListProblem[] = [];
  assert.equal((await listArticles(ws, ['**/*.txt'], 2, (p) => problems.push(p))).length, 2);
  assert.deepEqual(problems, [{ kind: 'limit', limit: 2 }]);
  problems.length = 0;
  assert.equal((await listArticles(ws, ['**/*.txt'], 3, (p) => problems.push(p))).length, 3);
  assert.deepEqual(problems, [], 'exactly at the limit is whole');
  const unreadable: ListProblem[] = [];
  await listArticles(join(ws, 'no-such-folder'), ['**/*.txt'], 10, (p) => unreadable.push(p));
  assert.equal(unreadable[0]?.kind, 'unreadable');
});

test('issue 14 #11: an opened document over sanad.maxFileSizeKB is refused with the setting named', () => {
  assert.equal(tooLargeToAnalyse('نص'.repeat(100), 1024), null);
  assert.match(tooLargeToAnalyse('نص'.repeat(1000), 1024) ?? '', /sanad\.maxFileSizeKB/);
  // Counted in UTF-8 bytes, as a file on disk is: 600 Arabic letters are 1,200 bytes.
  assert.notEqual(tooLargeToAnalyse('ن'.repeat(600), 1024), null);
  assert.equal(tooLargeToAnalyse('n'.repeat(600), 1024), null);
});

test('issue 14: root files named ..x.news.txt are inside the workspace; siblings with the same prefix are not', () => {
  assert.ok(isWithin('/w/..x.news.txt', '/w'));
  assert.ok(!isWithin('/w/../x.txt', '/w') || false);
  assert.ok(!isWithin('/x.txt', '/w'));
  assert.ok(!isWithin('/w2/a.txt', '/w'));
  assert.ok(isCorpusPath('/w', '/w/..x.news.txt', ['**/*.news.txt']));
  assert.ok(!isCorpusPath('/w/seeds', '/w/seeds2/a.txt', ['seeds2/*.txt', '2/*.txt']), 'a sibling folder is not taken for a sub-folder');
});

test('issue 14: file names with newlines or U+202E are printed escaped', () => {
  assert.equal(printable('a\nb.txt'), 'a\\nb.txt');
  assert.equal(printable('x\u202Etxt.exe'), 'x\\u202etxt.exe');
  assert.equal(printable('أخبار/بغداد.txt'), 'أخبار/بغداد.txt', 'Arabic names are untouched');
});

test('issue 14 #12: a brat export never leaves the chosen folder, whatever the display path', () => {
  assert.equal(bratTargets('/out', 'untitled:../../x/pwned.txt'), null);
  assert.equal(bratTargets('/out', '../x/pwned.txt'), null);
  assert.equal(bratTargets('/out', '/etc/pwned.txt'), null);
  assert.equal(bratTargets('/out', 'untitled:pwned.txt'), null);
  assert.deepEqual(bratTargets('/out', 'news/a.txt'), { txt: '/out/news/a.txt', ann: '/out/news/a.ann' });
});

test('issue 14: git config user.name is not run inside an untrusted workspace', async () => {
  const ws = temp();
  const home = temp();
  execFileSync('git', ['init', '-q', ws]);
  execFileSync('git', ['-C', ws, 'config', 'user.name', 'Local Name']);
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Global Name\n');
  const saved = { HOME: process.env.HOME, XDG: process.env.XDG_CONFIG_HOME };
  process.env.HOME = home;
  delete process.env.XDG_CONFIG_HOME;
  try {
    assert.equal(await gitUserName(ws, true), 'Local Name');
    assert.equal(await gitUserName(ws, false), 'Global Name', 'untrusted: only the global name, git run outside the workspace');
  } finally {
    process.env.HOME = saved.HOME;
    if (saved.XDG !== undefined) process.env.XDG_CONFIG_HOME = saved.XDG;
  }
});

test('issue 14: "عشرات الآلاف من الملايين" is tens of billions; "2024-13-45" is no figure', () => {
  const text = 'بلغت الخسائر عشرات الآلاف من الملايين من الدولارات';
  const f = findQuantities(new Shadow(text), { published: null, dates: [], actors: [] });
  const big = f.find((q) => text.slice(q.start, q.end).startsWith('عشرات'));
  assert.ok(big, JSON.stringify(f));
  assert.deepEqual(big.value, { min: 20_000_000_000, max: 99_999_999_999 });
  for (const code of ['رقم الملف 2024-13-45 في الأرشيف', 'صدر في 2024-13-45']) {
    const found = findQuantities(new Shadow(code), { published: null, dates: [], actors: [] });
    assert.deepEqual(
      found.map((q) => code.slice(q.start, q.end)),
      [],
      code,
    );
  }
});

// ---- item 5 and the labels folder setting: the server's label service -----------------------

function service(ws: string, folder = '.sanad/labels'): LabelService {
  return new LabelService({
    rootOf: () => ws,
    pathOf: (uri) => uri.slice(`file://${ws}/`.length),
    folder: () => folder,
    annotator: () => 'T',
    trusted: () => true,
    onProblems: () => undefined,
  });
}

test('issue 14 #5: an edit that arrives while a label save is in flight still moves the labels', async () => {
  const ws = temp();
  const uri = `file://${ws}/a.txt`;
  writeFileSync(join(ws, 'a.txt'), TEXT);
  const labels = service(ws);
  const start = TEXT.indexOf('بغداد');
  assert.ok((await labels.labelSpan(uri, TEXT, start, start + 5, 'place')).ok);
  // A save starts (the article was saved), and a 20-character insertion at the top arrives meanwhile.
  const saving = labels.save(uri);
  const inserted = 'عنوان جديد للخبر هنا';
  assert.equal(inserted.length, 20);
  labels.edit(uri, TEXT, [{ start: 0, end: 0, text: inserted }]);
  assert.ok((await saving).ok);
  const now = inserted + TEXT;
  const [l] = labels.labels(uri);
  assert.equal(l.start, start + 20, 'the label stays on its word');
  assert.equal(now.slice(l.start, l.end), 'بغداد');
  // Likewise when the edit comes while a label action's save holds the lock.
  const acting = labels.labelSpan(uri, now, now.indexOf('المتحدث'), now.indexOf('المتحدث') + 7, 'person');
  const lock = join(ws, '.sanad', 'labels', '.a.txt.yaml.lock');
  while (!existsSync(lock)) await new Promise((r) => setImmediate(r));
  labels.edit(uri, now, [{ start: 0, end: 0, text: 'أ' }]);
  assert.ok((await acting).ok);
  assert.equal(labels.labels(uri).length, 2);
  const after2 = 'أ' + now;
  for (const x of labels.labels(uri)) assert.equal(after2.slice(x.start, x.end), x.text);
});

test('issue 14: an invalid sanad.labels.folder is named as the problem', async () => {
  const ws = temp();
  for (const folder of ['../elsewhere', '/etc/labels']) {
    const r = await service(ws, folder).labelSpan(`file://${ws}/a.txt`, TEXT, 0, 3, 'place');
    assert.ok(!r.ok);
    assert.match(r.message, /sanad\.labels\.folder/);
  }
});
