// The label thread's side (labelThread.ts): reads and saves label files as it is asked, one at a
// time, with the very functions the caller's thread would use.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readLabelFile, saveLabelFile } from './labelFs';
import { LABEL_TAG, type LabelJob, type LabelReply } from './labelThread';

function serve(): void {
  const port = parentPort!;
  // One job at a time, in the order asked: two saves of one file keep their order.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (job: LabelJob) => {
    queue = queue.then(async () => {
      let reply: LabelReply;
      try {
        const result = job.op === 'read' ? await readLabelFile(job.path, job.options) : await saveLabelFile(job.path, job.file, job.options);
        reply = { id: job.id, result };
      } catch (err) {
        reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
      }
      port.postMessage(reply);
    });
  });
}

if (!isMainThread && (workerData as { tag?: string } | null)?.tag === LABEL_TAG) serve();
