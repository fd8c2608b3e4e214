// The spool `sanad analyze` keeps its documents' JSON in until their stories are known
// (corpus/spool.ts): the elements come back in the order they went in, byte for byte, whether held
// in memory, spilled to the spool's own file, or appended by worker threads to files of their own,
// and however they interleave; its files are gone afterwards. And the JSON writer given elements as
// UTF-8 bytes writes what it writes given them as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Spool } from '../../server/src/corpus/spool';
import { JsonObjectWriter, prettyElement } from '../../server/src/format/json';
import { rng } from './helpers/random';

/** An element of some Arabic and some ASCII, `size` characters long or so, told apart by `i`. */
function element(i: number, size: number): Buffer {
  const unit = `«عنصر ${i}» value ${i} `;
  return Buffer.from(unit.repeat(Math.max(1, Math.ceil(size / unit.length))));
}

async function drained(spool: Spool): Promise<Buffer[]> {
  const out: Buffer[] = [];
  // Copied as they come: a view may share its buffer with the next elements, never be reused.
  for await (const e of spool.drain()) out.push(Buffer.from(e));
  return out;
}

test('a small spool gives its elements back from memory, in order', async () => {
  const spool = new Spool();
  const put = Array.from({ length: 50 }, (_, i) => element(i, 100 + i * 7));
  for (const e of put) assert.equal(spool.push(e), undefined, 'nothing to wait for in memory');
  assert.deepEqual(await drained(spool), put);
});

test('a spool past its memory spills to disk and gives every element back, also those larger than a read', async () => {
  const spool = new Spool(10_000);
  const random = rng(15);
  // Some elements larger than the megabyte read at a time, most small, a few empty.
  const put = Array.from({ length: 400 }, (_, i) => (i % 97 === 5 ? element(i, 1_500_000) : i % 53 === 0 ? Buffer.alloc(0) : element(i, Math.floor(random() * 20_000))));
  for (const e of put) await spool.push(e);
  const got = await drained(spool);
  assert.equal(got.length, put.length);
  got.forEach((e, i) => assert.ok(e.equals(put[i]), `element ${i}`));
});

test('elements appended by workers to their own files and those of this thread interleave in the order they were announced', async () => {
  for (const inMemory of [1 << 30, 30_000]) {
    const spool = new Spool(inMemory);
    const files = [spool.workerFile(), spool.workerFile()];
    const dir = dirname(files[0]);
    const random = rng(7);
    const put: Buffer[] = [];
    for (let i = 0; i < 600; i++) {
      const e = element(i, Math.floor(random() * 30_000));
      put.push(e);
      const from = Math.floor(random() * 3);
      // As a worker does: the bytes appended to its file, then their length announced here.
      if (from < 2) {
        appendFileSync(files[from], e);
        spool.written(files[from], e.length);
      } else await spool.push(e);
    }
    assert.throws(() => spool.written('/elsewhere', 1), /not a file of this spool/);
    const got = await drained(spool);
    assert.equal(got.length, put.length);
    got.forEach((e, i) => assert.ok(e.equals(put[i]), `element ${i} (in memory up to ${inMemory} bytes)`));
    assert.ok(!existsSync(dir), 'the spool removes its files');
  }
});

test('a spool let go before it is drained removes its files', async () => {
  const spool = new Spool(1000);
  const file = spool.workerFile();
  for (let i = 0; i < 20; i++) await spool.push(element(i, 500));
  assert.ok(existsSync(file));
  await spool.dispose();
  assert.ok(!existsSync(dirname(file)));
});

test('elements given as UTF-8 bytes are written as the same JSON as elements given as text', async () => {
  const values = Array.from({ length: 600 }, (_, i) => ({ path: `مقالات/${i}.txt`, n: i, text: 'نص '.repeat(i % 300), nested: { a: [i, null, 'x'] } }));
  const asText: string[] = [];
  const text = new JsonObjectWriter(async (t) => void asText.push(t));
  await text.member('version', 1);
  text.openArray('documents');
  for (const v of values) await text.element(prettyElement(v));
  await text.closeArray();
  await text.member('after', { ok: true });
  await text.end();

  const asBytes: Buffer[] = [];
  const bytes = new JsonObjectWriter(
    async (t) => void asBytes.push(Buffer.from(t)),
    async (b) => void asBytes.push(Buffer.from(b)),
  );
  await bytes.member('version', 1);
  bytes.openArray('documents');
  for (const v of values) {
    // In pieces, as `sanad analyze` gives a document with its story put in.
    const b = Buffer.from(prettyElement(v));
    await bytes.elementBytes([b.subarray(0, 7), b.subarray(7)]);
  }
  await bytes.closeArray();
  await bytes.member('after', { ok: true });
  await bytes.end();
  assert.ok(asBytes.length > 2, 'written in several pieces');
  assert.equal(Buffer.concat(asBytes).toString('utf8'), asText.join(''));
  assert.equal(asText.join(''), JSON.stringify({ version: 1, documents: values, after: { ok: true } }, null, 2));
  assert.throws(() => {
    const textOnly = new JsonObjectWriter(async () => undefined);
    textOnly.openArray('x');
    void textOnly.elementBytes([Buffer.from('1')]);
  }, /text only/);
});
