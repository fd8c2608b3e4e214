// Issue 14 #1, as it happened: two processes save the same label file while one save takes
// longer than the old 5-second stale-lock timeout and cannot even touch its lock (its thread is
// busy, as rendering a 2 MB label file keeps it for 7–20 s). The second writer must wait for the
// first, never break its lock, and both writers' labels must be on disk afterwards.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLabelFile, saveLabelFile, withLock, writeFileAtomic } from '../../server/src/labels/labelFs';
import { renderLabelFile } from '../../server/src/labels/labelRender';
import { createLabel, emptyLabelFile, type Label } from '../../server/src/labels';

const TEXT = 'قال المتحدث إن 150 شخصا وصلوا إلى بغداد مساء الأحد.';
function lab(quote: string, id: string): Label {
  const start = TEXT.indexOf(quote);
  return { ...createLabel(TEXT, start, start + quote.length, 'place', 'manual', { annotator: 'T', now: '2024-03-01T10:00:00Z' }), id };
}

// This file is also the other writer, started as a child process.
const child = process.env.SANAD_LOCK_CHILD;
if (child) {
  // A save as saveLabelFile makes it (read, merge, write under the lock), with a render that keeps
  // the thread busy for 7 s: had the other writer broken the lock meanwhile, its labels would be
  // overwritten by this write.
  void withLock(child, async () => {
    process.stdout.write('locked\n');
    const current = await readLabelFile(child);
    if (!current.ok) process.exit(2);
    const until = Date.now() + 7000;
    while (Date.now() < until);
    const merged = { ...current.file, article: 'a.txt', labels: [...current.file.labels, lab('بغداد', 'FROM-CHILD')] };
    await writeFileAtomic(child, renderLabelFile(merged, current.text));
  }).then((r) => process.exit(r.ok ? 0 : 1));
} else {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('issue 14 #1: a lock held by a live process busy for 7 s is waited for, never broken', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanad-lock-'));
    dirs.push(dir);
    const path = join(dir, 'a.txt.yaml');
    const other = spawn(process.execPath, [__filename], { env: { ...process.env, SANAD_LOCK_CHILD: path }, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((done) => other.once('exit', done));
    await new Promise<void>((done) => other.stdout.once('data', () => done()));
    const started = Date.now();
    // The default stale time (5 s) passes while the other holds the lock without a heartbeat.
    const mine = await saveLabelFile(path, { ...emptyLabelFile('a.txt'), labels: [lab('المتحدث', 'FROM-PARENT')] }, { lockWaitMs: 20_000 });
    const waited = Date.now() - started;
    assert.ok(mine.ok, JSON.stringify(mine));
    assert.ok(waited > 5000, `waited for the holder (${waited} ms), rather than breaking its lock after 5 s`);
    assert.equal(await exited, 0, 'the other writer saved first');
    const read = await readLabelFile(path);
    assert.ok(read.ok);
    assert.deepEqual(read.file.labels.map((l) => l.id).sort(), ['FROM-CHILD', 'FROM-PARENT'], 'no writer lost its labels');
    assert.ok(!existsSync(join(dir, '.a.txt.yaml.lock')));
  });
}
