// Issue 14 #10, the server's part: a large article being edited used to be analysed on the
// server's own thread after each pause in typing, so every request waited for it (5.3 s per pause
// on a 0.8 MB file; figure-dense text costs about 1.8 s of CPU per MB). Such documents are now
// analysed on the document thread (corpus/documentThread.ts) and the server answers meanwhile;
// what the thread gives must be what the server's own thread would have given.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, SemanticTokensRequest } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from '../protocol/lspClient';
import { corpusAnalysisRequest } from '../../shared/src/protocol';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sanad-edit-large-'));
  dirs.push(dir);
  cpSync(join(repoRoot, 'seeds'), join(dir, 'seeds'), { recursive: true });
  return dir;
}

/** Lines of casualty figures, each with a date and a place: about `bytes` of UTF-8. */
function figureLines(bytes: number): string {
  const verbs = ['قتل', 'أصيب', 'اعتقل', 'نزح'];
  const places = ['بغداد', 'الموصل', 'البصرة', 'أربيل'];
  const lines: string[] = ['بغداد - 12 آذار 2024', ''];
  for (let len = 0, i = 0; len < bytes; i++) {
    const l = `${verbs[i % 4]} ${(i * 37) % 900} شخصا و${verbs[(i + 1) % 4]} ${(i * 11) % 500} آخرون في ${places[i % 4]} يوم ${1 + (i % 28)} مارس 2024.`;
    lines.push(l);
    len += Buffer.byteLength(l) + 1;
  }
  return lines.join('\n');
}

const seedName = '004_c60929020f56a472.txt';

test('an edited article analysed on the document thread gives what the server thread gives', { timeout: 120_000 }, async () => {
  const results = [];
  // One folder for both servers: the hovers name the article's path.
  const dir = workspace();
  for (const env of [{ SANAD_OFF_THREAD_CHARS: '1' }, {}] as Array<Record<string, string>>) {
    const { session } = await LspSession.start(dir, {}, { env });
    try {
      await session.until('indexed', () => session.status && !session.status.indexing && session.status.documents === 5, 60_000);
      const uri = `file://${join(dir, 'seeds', seedName)}`;
      const text = readFileSync(join(dir, 'seeds', seedName), 'utf8');
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
      await session.until('spans of version 1', () => session.spans.get(uri)?.version === 1);
      const inserted = 'وقال المتحدث إن 12 جنديا أصيبوا في الموصل يوم 3 شباط 2024، وقال محمد شياع السوداني إن 40 منزلا دمرت.\n';
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: inserted }],
      });
      // A request before the pause in typing is over: answered from the edited text.
      const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: inserted.indexOf('12') } });
      const spans = await session.until('spans of version 2', () => session.spans.get(uri)?.version === 2 && session.spans.get(uri));
      const analysis = await session.connection.sendRequest(corpusAnalysisRequest);
      results.push({ hover, spans: spans.spans, analysis, threadFailed: session.logs.some((l) => /document thread/.test(l)) });
    } finally {
      await session.stop();
    }
  }
  const [thread, here] = results;
  assert.equal(thread.threadFailed, false, 'the document thread ran');
  assert.ok(thread.spans.length > 0 && thread.hover, 'the edited article has spans and a hover on its new figure');
  assert.deepEqual(thread.spans, here.spans, 'the same spans');
  assert.deepEqual(thread.hover, here.hover, 'the same hover');
  assert.deepEqual(thread.analysis, here.analysis, 'the same analysis of the whole corpus');
});

test('the server answers within a second while a 1.95 MB article is read, opened and edited', { timeout: 300_000 }, async () => {
  const dir = workspace();
  const big = join(dir, 'big.news.txt');
  // Just under the default limit of sanad.maxFileSizeKB (2048 KB).
  const text = figureLines(1_950_000);
  writeFileSync(big, text);
  const { session } = await LspSession.start(dir, {}, {});
  try {
    const bigUri = `file://${big}`;
    const smallUri = `file://${join(dir, 'seeds', seedName)}`;
    const small = readFileSync(join(dir, 'seeds', seedName), 'utf8');
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: smallUri, languageId: 'arabic-news', version: 1, text: small } });
    // Requests on the small article every 50 ms, from the first read of the workspace until the
    // large article's edit is analysed.
    const waits: Array<{ ms: number; during: string }> = [];
    let stage = 'the first read';
    let stop = false;
    const asking = (async () => {
      while (!stop) {
        const t0 = Date.now();
        const tokens = await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: smallUri } });
        waits.push({ ms: Date.now() - t0, during: stage });
        assert.ok(tokens && tokens.data.length > 0, 'the small article has its tokens');
        await new Promise((done) => setTimeout(done, 50));
      }
    })();
    await session.until('indexed', () => session.status && !session.status.indexing && session.status.documents === 6, 240_000);
    stage = 'opening the large article';
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bigUri, languageId: 'arabic-news', version: 1, text } });
    await session.until('spans of the large article', () => session.spans.get(bigUri)?.version === 1, 120_000);
    stage = 'an edit of the large article';
    const edit = 'قتل 5 أشخاص في بغداد.\n';
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: bigUri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: edit }],
    });
    await session.until('spans of the edited large article', () => session.spans.get(bigUri)?.version === 2, 120_000);
    stop = true;
    await asking;
    const spans = session.spans.get(bigUri)!.spans;
    const editAt = text.split('\n').slice(0, 3).join('\n').length + 1;
    assert.ok(
      spans.some((s) => s.start >= editAt && s.end <= editAt + edit.length),
      'the inserted line has its spans',
    );
    for (const during of ['the first read', 'opening the large article', 'an edit of the large article']) {
      const mine = waits.filter((w) => w.during === during);
      assert.ok(mine.length >= 3, `requests were made during ${during} (${mine.length})`);
      const longest = Math.max(...mine.map((w) => w.ms));
      assert.ok(longest < 1000, `during ${during} the longest answer took ${longest} ms (${mine.length} requests)`);
    }
  } finally {
    await session.stop();
  }
});
