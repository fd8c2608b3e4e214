// Label files on disk: atomic writes, broken files never overwritten, comments kept, concurrent
// saves merged, stale locks broken, and a whole labels folder loaded by article path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLabelFolder, readLabelFile, saveLabelFile, withLock, writeFileAtomic, type FsLike } from '../../server/src/labels/labelFs';
import { articlePathFor, labelPathFor } from '../../server/src/labels/labelPaths';
import { createLabel, editLabel } from '../../server/src/labels/labelActions';
import { emptyLabelFile, type Label, type LabelFile } from '../../server/src/labels/labelTypes';

const TEXT = 'أعلنت قيادة العمليات المشتركة في بغداد أن 3 صواريخ استهدفت مطار أربيل مساء الأحد.';

function lab(word: string, type: Label['type'], id: string, now = '2024-03-01T10:00:00.000Z'): Label {
  const i = TEXT.indexOf(word);
  return createLabel(TEXT, i, i + word.length, type, 'accepted', { id, now, annotator: 'ليلى' });
}

function file(...labels: Label[]): LabelFile {
  return { ...emptyLabelFile('news/erbil.txt'), labels };
}

async function tempDir(): Promise<string> {
  return fs.mkdtemp(join(tmpdir(), 'sanad-labels-'));
}

test('label paths mirror the corpus inside the labels folder', () => {
  assert.equal(labelPathFor('seeds/004_x.txt'), '.sanad/labels/seeds/004_x.txt.yaml');
  assert.equal(labelPathFor('seeds\\004_x.txt', 'ann/'), 'ann/seeds/004_x.txt.yaml');
  assert.equal(articlePathFor('.sanad/labels/seeds/004_x.txt.yaml'), 'seeds/004_x.txt');
  assert.equal(labelPathFor('../outside.txt'), undefined);
  assert.equal(labelPathFor('/abs/file.txt'), undefined);
  assert.equal(articlePathFor('elsewhere/x.txt.yaml'), undefined);
});

test('a save writes a file that reads back the same, and an unchanged save does not write', async () => {
  const dir = await tempDir();
  const path = join(dir, labelPathFor('news/erbil.txt')!);
  const mine = file(lab('بغداد', 'place', 'L1'), lab('3 صواريخ', 'quantity', 'L2'));
  const saved = await saveLabelFile(path, mine);
  assert.ok(saved.ok && saved.written);
  const read = await readLabelFile(path);
  assert.ok(read.ok);
  assert.deepEqual(read.file.labels, mine.labels);
  const again = await saveLabelFile(path, read.file, { base: read.file });
  assert.ok(again.ok);
  assert.equal(again.written, false);
  // Nothing to say and no file yet: no empty file is created.
  const none = await saveLabelFile(join(dir, 'sub', 'other.txt.yaml'), emptyLabelFile());
  assert.ok(none.ok && !none.written);
  await assert.rejects(fs.stat(join(dir, 'sub')), 'not even its folder');
  assert.deepEqual((await fs.readdir(join(dir, '.sanad/labels/news'))).sort(), ['erbil.txt.yaml'], 'no temporary or lock files left');
});

test('a broken label file is reported with its position and never overwritten', async () => {
  const dir = await tempDir();
  const path = join(dir, 'a.txt.yaml');
  const broken = 'schema: 1\nlabels:\n  - id: L1\n    type: place\n    start: [oops\n';
  await fs.writeFile(path, broken);
  const read = await readLabelFile(path);
  assert.equal(read.ok, false);
  const saved = await saveLabelFile(path, file(lab('بغداد', 'place', 'L1')));
  assert.equal(saved.ok, false);
  assert.ok(!saved.ok && saved.reason === 'invalid' && saved.problems.every((p) => p.line >= 0 && p.column >= 0));
  assert.equal(await fs.readFile(path, 'utf8'), broken);
  // Schema errors too: a wrong type is as good as a syntax error.
  const wrong = 'schema: 1\nlabels:\n  - {id: L1, type: place, status: accepted, text: بغداد, start: ten, end: 5}\n';
  await fs.writeFile(path, wrong);
  const s2 = await saveLabelFile(path, file(lab('بغداد', 'place', 'L1')));
  assert.ok(!s2.ok && s2.problems[0].line === 2);
  assert.equal(await fs.readFile(path, 'utf8'), wrong);
  // And an oversized file is refused unread.
  await fs.writeFile(path, 'schema: 1\n#' + 'x'.repeat(2000) + '\n');
  const big = await readLabelFile(path, { maxBytes: 1000 });
  assert.ok(!big.ok && /larger than/.test(big.problems[0].message));
});

test('comments in the file survive a save through the disk', async () => {
  const dir = await tempDir();
  const path = join(dir, 'a.txt.yaml');
  await saveLabelFile(path, file(lab('بغداد', 'place', 'L1')));
  const text = await fs.readFile(path, 'utf8');
  await fs.writeFile(path, text.replace('  - id: L1', '  # confirmed with the Erbil bureau\n  - id: L1').replace('type: place', 'type: place # city, not province'));
  const read = await readLabelFile(path);
  assert.ok(read.ok);
  const mine = { ...read.file, labels: [editLabel(read.file.labels[0], { note: 'العاصمة' }, { now: '2024-03-02T10:00:00Z' }), lab('مطار أربيل', 'place', 'L2')] };
  const saved = await saveLabelFile(path, mine, { base: read.file });
  assert.ok(saved.ok && saved.written);
  const out = await fs.readFile(path, 'utf8');
  assert.match(out, /# confirmed with the Erbil bureau\n {2}- id: L1/);
  assert.match(out, /type: place # city, not province/);
  assert.match(out, /note: العاصمة/);
  assert.match(out, /text: مطار أربيل/);
});

test('an atomic write leaves the old file whole when the rename fails, and flushes before renaming', async () => {
  const dir = await tempDir();
  const path = join(dir, 'a.txt.yaml');
  await writeFileAtomic(path, 'old contents\n');
  const calls: string[] = [];
  const failing: FsLike = {
    ...fs,
    open: (async (p: string, flags: string) => {
      const h = await fs.open(p, flags);
      const sync = h.sync.bind(h);
      h.sync = async () => {
        calls.push('sync');
        return sync();
      };
      return h;
    }) as FsLike['open'],
    rename: async () => {
      calls.push('rename');
      throw Object.assign(new Error('disk unplugged'), { code: 'EIO' });
    },
  };
  await assert.rejects(writeFileAtomic(path, 'new contents\n', failing), /disk unplugged/);
  assert.deepEqual(calls, ['sync', 'rename']);
  assert.equal(await fs.readFile(path, 'utf8'), 'old contents\n');
  assert.deepEqual(await fs.readdir(dir), ['a.txt.yaml'], 'the temporary file is removed');
  // Through a save, the failure is reported, not thrown.
  const saved = await saveLabelFile(path.replace('a.txt', 'b.txt'), file(lab('بغداد', 'place', 'L1')), { fs: failing });
  assert.ok(!saved.ok && saved.reason === 'io');
  await writeFileAtomic(path, 'new contents\n');
  assert.equal(await fs.readFile(path, 'utf8'), 'new contents\n');
});

test('two windows saving at once keep both their labels, and the later edit of one label wins', async () => {
  const dir = await tempDir();
  const path = join(dir, 'a.txt.yaml');
  const shared = lab('بغداد', 'place', 'L1');
  await saveLabelFile(path, file(shared));
  const base = (await readLabelFile(path)).ok ? file(shared) : undefined;
  const windowA = file(editLabel(shared, { note: 'A, later' }, { now: '2024-03-01T12:00:00Z' }), lab('3 صواريخ', 'quantity', 'LA'));
  const windowB = file(editLabel(shared, { note: 'B, earlier' }, { now: '2024-03-01T11:00:00Z' }), lab('مطار أربيل', 'place', 'LB'), lab('مساء الأحد', 'date', 'LC'));
  const results = await Promise.all([saveLabelFile(path, windowA, { base }), saveLabelFile(path, windowB, { base }), saveLabelFile(path, windowA, { base })]);
  assert.ok(results.every((r) => r.ok));
  const read = await readLabelFile(path);
  assert.ok(read.ok);
  assert.deepEqual(read.file.labels.map((l) => l.id).sort(), ['L1', 'LA', 'LB', 'LC']);
  assert.equal(read.file.labels.find((l) => l.id === 'L1')?.note, 'A, later');
});

test('a stale lock is broken; a live one makes a save wait, then report busy', async () => {
  const dir = await tempDir();
  const path = join(dir, 'a.txt.yaml');
  const lock = join(dir, '.a.txt.yaml.lock');
  await fs.writeFile(lock, '999999 crashed\n');
  const old = new Date(Date.now() - 60_000);
  await fs.utimes(lock, old, old);
  const saved = await saveLabelFile(path, file(lab('بغداد', 'place', 'L1')));
  assert.ok(saved.ok && saved.written);
  await fs.writeFile(lock, `${process.pid} now\n`);
  const busy = await saveLabelFile(path, file(lab('مطار أربيل', 'place', 'L2')), { lockWaitMs: 80, lockStaleMs: 10_000 });
  assert.ok(!busy.ok && busy.reason === 'busy');
  await fs.unlink(lock);
  // Saves queue behind each other rather than interleave.
  const order: string[] = [];
  await Promise.all([
    withLock(path, async () => {
      order.push('a+');
      await new Promise((r) => setTimeout(r, 30));
      order.push('a-');
    }),
    withLock(path, async () => {
      order.push('b+');
      await new Promise((r) => setTimeout(r, 30));
      order.push('b-');
    }),
  ]);
  assert.ok(order.join() === 'a+,a-,b+,b-' || order.join() === 'b+,b-,a+,a-', order.join());
});

test('a labels folder loads by article path, with broken files reported apart', async () => {
  const dir = await tempDir();
  await saveLabelFile(join(dir, labelPathFor('seeds/001.txt')!), file(lab('بغداد', 'place', 'L1')));
  await saveLabelFile(join(dir, labelPathFor('seeds/deep/002.txt')!), file(lab('مطار أربيل', 'place', 'L2')));
  await fs.writeFile(join(dir, labelPathFor('seeds/003.txt')!), 'schema: 1\nlabels: {\n');
  const loaded = await loadLabelFolder(dir);
  assert.deepEqual([...loaded.labels.keys()].sort(), ['seeds/001.txt', 'seeds/deep/002.txt']);
  assert.deepEqual([...loaded.problems.keys()], ['.sanad/labels/seeds/003.txt.yaml']);
  const none = await loadLabelFolder(dir, 'no/such/folder');
  assert.equal(none.labels.size + none.problems.size, 0);
});
