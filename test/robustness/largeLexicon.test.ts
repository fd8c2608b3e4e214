// Issue 14 #8, the parse: a workspace lexicon of 40,000 names (1.2 MB of YAML) took seconds to
// parse, twice, on the server's thread (once to check it, once to make the lexicon). A large
// lexicon file is now parsed once on the document thread, and the lexicon made from its data.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification, SemanticTokensRequest } from 'vscode-languageserver-protocol/node';
import { LspSession, repoRoot } from '../protocol/lspClient';
import { actorsRequest } from '../../shared/src/protocol';

const S000 = '000_69a4e039fec93b87.txt';
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
function word(i: number, len: number): string {
  let w = '';
  for (let k = 0; k < len; k++, i = Math.floor(i / LETTERS.length)) w += LETTERS[i % LETTERS.length];
  return w;
}

test('the server answers within a second while it reads a workspace lexicon of 40,000 names', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sanad-large-lexicon-'));
  dirs.push(dir);
  cpSync(join(repoRoot, 'seeds'), join(dir, 'seeds'), { recursive: true });
  // One of the names is in a seed's text, so that the lexicon shows in the analysis.
  const seed = readFileSync(join(dir, 'seeds', S000), 'utf8');
  const lines = seed.split('\n');
  // In the body (the page's first lines are a menu and a teaser).
  lines.splice(lines.findIndex((l) => l.startsWith('تسعى')) + 1, 0, `وقال ${word(7 * 20_000 + 1, 4)} ${word(13 * 20_000 + 5, 5)} إن الوضع هادئ.`);
  writeFileSync(join(dir, 'seeds', S000), lines.join('\n'));
  const persons: string[] = [];
  for (let i = 0; i < 40_000; i++) persons.push(`  - name: ${word(i * 7 + 1, 4)} ${word(i * 13 + 5, 5)}`);
  mkdirSync(join(dir, '.sanad'), { recursive: true });
  writeFileSync(join(dir, '.sanad', 'lexicon.yaml'), `persons:\n${persons.join('\n')}\n`);
  const { session } = await LspSession.start(dir, {}, {});
  try {
    const small = `file://${join(dir, 'seeds', '004_c60929020f56a472.txt')}`;
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: small, languageId: 'arabic-news', version: 1, text: readFileSync(join(dir, 'seeds', '004_c60929020f56a472.txt'), 'utf8') },
    });
    const waits: number[] = [];
    let stop = false;
    const asking = (async () => {
      while (!stop) {
        const t0 = Date.now();
        await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: small } });
        waits.push(Date.now() - t0);
        await new Promise((done) => setTimeout(done, 50));
      }
    })();
    await session.until('indexed', () => session.status && !session.status.indexing && session.status.documents === 5, 240_000);
    stop = true;
    await asking;
    const actors = await session.connection.sendRequest(actorsRequest);
    const name = `${word(7 * 20_000 + 1, 4)} ${word(13 * 20_000 + 5, 5)}`;
    assert.ok(JSON.stringify(actors).includes(name), "the lexicon's name is found in the seed");
    assert.ok(waits.length >= 3, `requests were made meanwhile (${waits.length})`);
    const longest = Math.max(...waits);
    assert.ok(longest < 1000, `the longest answer took ${longest} ms (${waits.length} requests)`);
  } finally {
    await session.stop();
  }
});
