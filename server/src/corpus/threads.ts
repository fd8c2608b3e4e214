// How many worker threads read a corpus: one setting for the CLI and the language server.
//
// Below PARALLEL_MIN_FILES one thread is as quick: each thread warms its own JIT, and on the
// 2-vCPU machine of docs/PERFORMANCE.md two threads of analysis give about 1.2–1.6× the work of
// one. Above it the corpus is shared out between min(cores, MAX_THREADS) threads. Environment:
//   SANAD_PARALLEL_MIN_FILES  the threshold (tests set it low to send the seeds through the pool)
//   SANAD_THREADS             the number of threads; 1 keeps everything in one thread
import { availableParallelism } from 'node:os';

const PARALLEL_MIN_FILES = 2000;
const MAX_THREADS = 8;

/** How many worker threads to analyse `count` files with; 1 means none (this thread does it all). */
export function threadsFor(count: number, env: NodeJS.ProcessEnv = process.env): number {
  const min = intFrom(env.SANAD_PARALLEL_MIN_FILES) ?? PARALLEL_MIN_FILES;
  const cores = Math.max(1, availableParallelism());
  // Each thread is a V8 heap of its own with its share of the readings: a few are plenty.
  const wanted = intFrom(env.SANAD_THREADS) ?? Math.min(cores, MAX_THREADS);
  if (count < Math.max(min, 2) || wanted < 2) return 1;
  return Math.min(wanted, count);
}

function intFrom(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
