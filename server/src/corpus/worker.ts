// A worker thread of the language server's first read of a workspace (analysisPool.ts). It
// holds its own lexicon, built like the server's, and between the two passes the first pass of
// each document it was given, so that the second pass, after the corpus taught names, redoes
// only what depends on them.
import { parentPort, workerData } from 'node:worker_threads';
import { readFirst, readSecond, type DocumentAnalysis, type FirstPass } from '../analysis';
import { buildLexicon, teachNames } from './workspaceLexicon';
import type { FromPoolWorker, PoolWorkerData, ToPoolWorker } from './pool';

const data = workerData as PoolWorkerData;
const firsts = new Map<string, { text: string; kept: FirstPass }>();
let learnt = false;
const lexiconReady = buildLexicon(data.roots, data.trusted, []).then((b) => b.lexicon);

parentPort?.on('message', async (msg: ToPoolWorker) => {
  try {
    const lexicon = await lexiconReady;
    // Test hook: a worker that fails, to show that the server carries on without it.
    if (process.env.SANAD_TEST_POOL_FAILURE === (msg.type === 'first' ? 'first' : 'second')) throw new Error('failing as asked by SANAD_TEST_POOL_FAILURE');
    let json: string;
    if (msg.type === 'first') {
      const persons: DocumentAnalysis[] = [];
      for (const item of msg.items) {
        const { kept, persons: p } = readFirst(item, lexicon);
        firsts.set(item.path, { text: item.text, kept });
        persons.push(p);
      }
      json = JSON.stringify(persons);
    } else if (msg.type === 'learn') {
      // Replays what the server's lexicon learnt, in the same order.
      teachNames(lexicon, msg.taught);
      lexicon.learnFrom(msg.persons as DocumentAnalysis[]);
      learnt = msg.learnt;
      json = '[]';
    } else {
      const results = [];
      for (const path of msg.paths) {
        const first = firsts.get(path);
        if (!first) continue;
        results.push(readSecond({ path, text: first.text }, first.kept, lexicon, learnt, []));
        // Each document is read again once; what it kept is not needed after.
        firsts.delete(path);
      }
      json = JSON.stringify(results);
    }
    parentPort!.postMessage({ type: 'results', batch: msg.batch, json } satisfies FromPoolWorker);
  } catch (err) {
    parentPort!.postMessage({ type: 'failed', batch: msg.batch, message: err instanceof Error ? err.message : String(err) } satisfies FromPoolWorker);
  }
});
