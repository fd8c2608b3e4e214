// The language server under load, over LSP as an editor speaks it: time from `initialized` to the
// whole workspace indexed and diagnosed, then on a 20 KB article the latency of edit → diagnostics
// and of semantic tokens (median, p95), and the server's peak memory.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { generateCorpus, article, rng } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const P = require('vscode-languageserver-protocol/node');

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

function peakMB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Measures one workspace of `n` generated articles; `work` is an empty folder to fill. */
export async function benchLsp(work, n, { edits = 40 } = {}) {
  const corpus = join(work, 'seeds');
  generateCorpus(corpus, n, join(root, 'seeds'), 7);
  // The article under edit: about 20 KB of generated text, itself part of the corpus.
  const rand = rng(99);
  const pool = readFileSync(join(root, 'seeds', '003_7679b3e3658cb47b.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.length > 60);
  let big = '';
  for (let i = 0; big.length < 20_000 / 2; i++) big += article(rand, pool, i);
  mkdirSync(join(corpus, 'edited'), { recursive: true });
  const bigPath = join(corpus, 'edited', 'big.txt');
  writeFileSync(bigPath, big);
  const bigUri = pathToFileURL(bigPath).toString();

  const child = spawn(process.execPath, [...(process.env.SANAD_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), process.env.SANAD_BENCH_SERVER ?? join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const conn = P.createProtocolConnection(new P.StreamMessageReader(child.stdout), new P.StreamMessageWriter(child.stdin));
  const listeners = new Set();
  const emit = (kind, params) => listeners.forEach((l) => l(kind, params));
  const waitFor = (what, test, ms = 120_000) =>
    new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        listeners.delete(l);
        reject(new Error(`timed out waiting for ${what}`));
      }, ms);
      const l = (kind, params) => {
        if (test(kind, params)) {
          clearTimeout(t);
          listeners.delete(l);
          resolve(params);
        }
      };
      listeners.add(l);
    });
  conn.onNotification('sanad/corpusStatus', (p) => emit('status', p));
  conn.onNotification('sanad/documentSpans', (p) => emit('spans', p));
  conn.onNotification(P.PublishDiagnosticsNotification.type, (p) => emit('diagnostics', p));
  // The server's own account of where the first read went ("Sanad: indexed … (stage ms, …)").
  let stages = '';
  conn.onNotification(P.LogMessageNotification.type, (p) => {
    if (p.message.startsWith('Sanad: indexed')) stages = p.message.replace(/^Sanad: indexed \d+ articles \((.*)\)$/, '$1');
  });
  conn.onRequest(P.WorkDoneProgressCreateRequest.type, () => undefined);
  conn.onRequest(P.ConfigurationRequest.type, (p) => p.items.map(() => ({ debounceMs: 1, maxFileSizeKB: 4096 })));
  conn.listen();

  await conn.sendRequest(P.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
    workspaceFolders: [{ uri: pathToFileURL(work).toString(), name: 'bench' }],
  });
  const t0 = performance.now();
  let indexedYet = false;
  const indexed = waitFor('the workspace index', (k, p) => k === 'status' && !p.indexing && p.documents >= n + 1, 600_000).then((p) => ((indexedYet = true), p));
  const opened = waitFor('spans of the opened article', (k, p) => k === 'spans' && p.uri === bigUri, 600_000);
  await conn.sendNotification(P.InitializedNotification.type, {});
  // The big article is open from the start; while the workspace is read, the editor asks for
  // its semantic tokens every 100 ms, as it would while someone scrolls: how long each answer
  // takes says whether the editor stays responsive during the first read.
  let version = 1;
  let text = big;
  await conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: bigUri, languageId: 'arabic-news', version, text } });
  const duringMs = [];
  while (!indexedYet) {
    const r0 = performance.now();
    await conn.sendRequest(P.SemanticTokensRequest.type, { textDocument: { uri: bigUri } });
    duringMs.push(performance.now() - r0);
    await Promise.race([indexed, new Promise((done) => setTimeout(done, 100))]);
  }
  const status = await indexed;
  const indexMs = performance.now() - t0;
  await opened;

  // Then edit it: each edit adds or removes a zero-width space, so the file's diagnostics
  // change every time and the publish that answers it can be awaited.
  const editMs = [];
  const tokenMs = [];
  for (let i = 0; i < edits; i++) {
    const adding = i % 2 === 0;
    const at = text.indexOf(' ', 200 + i * 97) + 1;
    const change = adding ? { range: posRange(text, at, at), text: '\u200b' } : { range: posRange(text, text.indexOf('\u200b'), text.indexOf('\u200b') + 1), text: '' };
    text = adding ? text.slice(0, at) + '\u200b' + text.slice(at) : text.replace('\u200b', '');
    version++;
    const hidden = adding ? 1 : 0;
    const answered = waitFor(`diagnostics after edit ${i}`, (k, p) => k === 'diagnostics' && p.uri === bigUri && p.diagnostics.filter((d) => d.code === 'hidden-text').length === hidden);
    const e0 = performance.now();
    await conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri: bigUri, version }, contentChanges: [change] });
    await answered;
    editMs.push(performance.now() - e0);
    const s0 = performance.now();
    await conn.sendRequest(P.SemanticTokensRequest.type, { textDocument: { uri: bigUri } });
    tokenMs.push(performance.now() - s0);
  }
  const memory = peakMB(child.pid);
  await conn.sendRequest(P.ShutdownRequest.type);
  await conn.sendNotification(P.ExitNotification.type);
  // Let the server leave on its own (a profile, when asked for, is written at exit).
  await new Promise((done) => {
    const t = setTimeout(done, 5000);
    child.once('exit', () => (clearTimeout(t), done()));
  });
  child.kill();
  return {
    articles: n,
    indexMs,
    stages,
    duringSeries: process.env.SANAD_BENCH_SERIES ? duringMs.map((x) => Math.round(x)) : undefined,
    duringIndexing: { requests: duringMs.length, median: pct(duringMs, 50), p95: pct(duringMs, 95), max: Math.max(0, ...duringMs) },
    contradictions: status.contradictions,
    serverPeakMB: memory,
    articleKB: Math.round((big.length * 2) / 1024),
    edit: { median: pct(editMs, 50), p95: pct(editMs, 95) },
    semanticTokens: { median: pct(tokenMs, 50), p95: pct(tokenMs, 95) },
  };
}

function posRange(text, start, end) {
  const pos = (o) => {
    const before = text.slice(0, o);
    const line = before.split('\n').length - 1;
    return { line, character: o - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(start), end: pos(end) };
}
