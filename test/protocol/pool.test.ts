// Protocol layer: a large workspace is read in worker threads. The threshold is lowered so the
// seeds go through the pool; what the server then knows (counts, every diagnostic, the spans of
// an article) must be what it knows after reading them in one thread, and a worker that fails
// must cost nothing but the speed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from './lspClient';

let workspace: string;
const S004 = '004_c60929020f56a472.txt';

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'sanad-pool-'));
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
});

after(() => rmSync(workspace, { recursive: true, force: true }));

/** Reads the workspace with the given environment; returns what the server then knows. */
async function knowledge(env: Record<string, string>) {
  const { session } = await LspSession.start(workspace, {}, { env });
  try {
    const status = await session.until('the corpus index', () => session.status && !session.status.indexing && session.status.documents === 5 && session.status, 30_000);
    const uri = `file://${join(workspace, 'seeds', S004)}`;
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'arabic-news', version: 1, text: readFileSync(join(workspace, 'seeds', S004), 'utf8') },
    });
    const spans = await session.until('spans of 004', () => session.spans.get(uri));
    // The contradictions are on both sides; then whatever else is published has half a second.
    await session.until('diagnostics', () => [...session.diagnostics.values()].filter((d) => d.diagnostics.some((x) => x.code === 'contradiction')).length >= 3, 15_000);
    await new Promise((done) => setTimeout(done, 500));
    const diagnostics = [...session.diagnostics.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([u, d]) => [u, d.diagnostics]);
    return { status: { ...status, indexing: false }, spans: spans.spans, diagnostics, logs: session.logs.join('\n') };
  } finally {
    await session.stop();
  }
}

test('a workspace read in worker threads is known exactly as one read in this thread', async () => {
  const one = await knowledge({ SANAD_PARALLEL_MIN_FILES: '100000' });
  const pooled = await knowledge({ SANAD_PARALLEL_MIN_FILES: '1', SANAD_THREADS: '2' });
  assert.doesNotMatch(one.logs, /worker threads/);
  assert.match(pooled.logs, /read 5 articles in \d+ worker threads/);
  assert.ok(one.status.contradictions > 0 && one.status.actors > 0);
  assert.deepEqual(pooled.status, one.status);
  assert.deepEqual(pooled.spans, one.spans);
  assert.deepEqual(pooled.diagnostics, one.diagnostics);
});

test('a worker that fails costs speed, not documents', async () => {
  const one = await knowledge({ SANAD_PARALLEL_MIN_FILES: '100000' });
  for (const pass of ['first', 'second']) {
    const broken = await knowledge({ SANAD_PARALLEL_MIN_FILES: '1', SANAD_THREADS: '2', SANAD_TEST_WORKER_FAILURE: pass });
    assert.match(broken.logs, /worker thread failed \(.*analysing in this thread instead/);
    assert.deepEqual(broken.status, one.status, pass);
    assert.deepEqual(broken.diagnostics, one.diagnostics, pass);
  }
});
