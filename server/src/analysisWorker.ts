// A worker thread of the language server's first read of a workspace (analysisPool.ts). It
// holds its own lexicon, built like the server's, and the readings of the documents it was
// given, so that the second pass after the corpus taught names redoes only the actors.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeText, ReadingCache, type DocumentAnalysis, type DocumentResult } from './analysis';
import { buildLexicon } from './workspaceLexicon';
import type { FromPoolWorker, PoolWorkerData, ToPoolWorker } from './analysisPool';

const data = workerData as PoolWorkerData;
const readings = new ReadingCache();
const texts = new Map<string, string>();
const lexiconReady = buildLexicon(data.roots, data.trusted, []).then((b) => b.lexicon);

function analyse(items: Array<{ path: string; text: string }>, lexicon: Awaited<typeof lexiconReady>): DocumentResult[] {
  return items.map(({ path, text }) => analyzeText(path, text, { lexicon, readings }));
}

parentPort?.on('message', async (msg: ToPoolWorker) => {
  try {
    const lexicon = await lexiconReady;
    // Test hook: a worker that fails, to show that the server carries on without it.
    if (process.env.SANAD_TEST_POOL_FAILURE === (msg.type === 'first' ? 'first' : 'second')) throw new Error('failing as asked by SANAD_TEST_POOL_FAILURE');
    if (msg.type === 'first') {
      for (const item of msg.items) texts.set(item.path, item.text);
      const reply: FromPoolWorker = { type: 'results', batch: msg.batch, json: JSON.stringify(analyse(msg.items, lexicon)) };
      parentPort!.postMessage(reply);
    } else if (msg.type === 'learn') {
      // Replays what the server's lexicon learnt, in the same order.
      for (const t of msg.taught) lexicon.add({ kind: t.kind, name: t.entity, aliases: t.entity !== t.name ? [t.name] : [] });
      lexicon.learnFrom(msg.persons as DocumentAnalysis[]);
      parentPort!.postMessage({ type: 'results', batch: msg.batch, json: '[]' } satisfies FromPoolWorker);
    } else {
      const items = msg.paths.map((path) => ({ path, text: texts.get(path) ?? '' }));
      const reply: FromPoolWorker = { type: 'results', batch: msg.batch, json: JSON.stringify(analyse(items, lexicon)) };
      parentPort!.postMessage(reply);
    }
  } catch (err) {
    parentPort!.postMessage({ type: 'failed', batch: msg.batch, message: err instanceof Error ? err.message : String(err) } satisfies FromPoolWorker);
  }
});
