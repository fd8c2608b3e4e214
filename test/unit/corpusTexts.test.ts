// The texts of a corpus in shared memory (corpus/texts.ts) let go chunk by chunk as the output
// passes them (`sanad analyze` frees them during the second pass): a chunk goes only once every
// text it holds is behind, and a text let go is refused, never read as something else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusTexts, chunksBefore } from '../../server/src/corpus/texts';

test('texts are let go a whole chunk at a time, and only those before the point given', () => {
  // Threads from two texts, so that the texts go to shared memory.
  const texts = new CorpusTexts({ SANAD_PARALLEL_MIN_FILES: '2', SANAD_THREADS: '2' });
  // Small texts share a chunk (of 4 M units); a text of nearly 4 M fits beside nothing.
  const big = (c: string) => c.repeat(4_194_300);
  const added = ['نص أول', 'نص ثان', big('أ'), 'نص رابع', 'نص خامس', big('ب'), 'نص سابع'];
  added.forEach((t, i) => texts.add(`a${i}.txt`, t));
  assert.ok(texts.shared);
  const where = texts.where();
  const chunkOf = added.map((_, i) => where[3 * i]);
  assert.deepEqual(chunkOf, [0, 0, 1, 2, 2, 3, 4]);
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6, 7].map((upTo) => chunksBefore(where, 7, upTo)),
    [0, 0, 1, 2, 2, 3, 4, 5],
  );
  texts.release(1);
  assert.equal(texts.releasedAny, false, 'text 1 still needs the first chunk');
  assert.equal(texts.text(0), added[0]);
  texts.release(4);
  assert.equal(texts.releasedAny, true);
  for (const i of [0, 1, 2]) assert.throws(() => texts.text(i), /was let go/);
  for (const i of [3, 4, 5, 6]) assert.equal(texts.text(i), added[i], `text ${i} is still there`);
  assert.ok(
    texts.chunks.slice(0, 2).every((c) => c.byteLength === 0),
    'their memory is not held',
  );
  texts.release(7);
  for (const i of [3, 4, 5, 6]) assert.throws(() => texts.text(i), /was let go/);
  assert.equal(texts.size(6), added[6].length, 'their lengths are still known');
});
