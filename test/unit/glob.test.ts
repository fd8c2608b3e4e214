import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesAny, isCorpusPath, globProblem, inHiddenFolder } from '../../server/src/corpus/glob';

test('corpus globs: folders, extensions, braces, names anywhere', () => {
  assert.ok(matchesAny('seeds/000.txt', ['**/seeds/**/*.txt']));
  assert.ok(matchesAny('a/b/seeds/x/y.txt', ['**/seeds/**/*.txt']));
  assert.ok(!matchesAny('seedsx/y.txt', ['**/seeds/**/*.txt']));
  assert.ok(matchesAny('deep/dir/report.news.txt', ['*.news.txt']));
  assert.ok(!matchesAny('report.txt', ['*.news.txt']));
  assert.ok(matchesAny('archive/2024/a.txt', ['archive/{2023,2024}/*.txt']));
  assert.ok(!matchesAny('archive/2022/a.txt', ['archive/{2023,2024}/*.txt']));
});

test('a workspace opened on seeds/ itself still holds the seeds', () => {
  assert.ok(isCorpusPath('/w/seeds', '/w/seeds/000.txt', ['**/seeds/**/*.txt']));
  assert.ok(!isCorpusPath('/w/other', '/w/other/000.txt', ['**/seeds/**/*.txt']));
  assert.ok(isCorpusPath('/w', '/w/x/a.news.txt', ['**/*.news.txt']));
});

test('globs the hand-written matcher got wrong: brace lists with folders, classes', () => {
  assert.ok(matchesAny('seeds/a.txt', ['{**/seeds/*.txt,*.news.txt}']));
  assert.ok(matchesAny('x.news.txt', ['{**/seeds/*.txt,*.news.txt}']));
  assert.ok(matchesAny('a/deep/x.txt', ['{a/**,b}']));
  assert.ok(matchesAny('b', ['{a/**,b}']));
  assert.ok(matchesAny('file-a.txt', ['file-[ab].txt']));
  assert.ok(!matchesAny('file-c.txt', ['file-[ab].txt']));
});

test('hostile globs match nothing and answer at once', () => {
  const name = 'a'.repeat(60) + '.txt';
  const started = Date.now();
  const name250 = 'a'.repeat(250);
  for (const g of ['{', '[', '*'.repeat(40) + 'b', '*a*a*a*a*a*a*b', '**/**/**/**/**/x', '{a,{b,{c,{d,{e,{f,{g}}}}}}}', '(a+)+b', 'x'.repeat(10_000)]) {
    matchesAny(`x/${name250}`, [g]);
    for (let i = 0; i < 100; i++) matchesAny(`${i}/${name}`, [g]);
  }
  // A backtracking matcher takes tens of seconds per name here; a bounded one milliseconds.
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  assert.ok(!matchesAny('x'.repeat(10_000), ['x'.repeat(10_000)]), 'an over-long glob is not honoured');
  assert.match(globProblem('*a*a*a*b') ?? '', /more than 2 "\*"/);
  assert.equal(globProblem('**/archive-*/*-2024.txt'), null);
  assert.ok(matchesAny('x/archive-a/b-2024.txt', ['**/archive-*/*-2024.txt']));
  assert.match(globProblem('(a+)+b') ?? '', /parentheses/);
  assert.match(globProblem('{a,b}{a,b}{a,b}{a,b}{a,b}') ?? '', /brace/);
});

test('hidden folders are not corpus, hidden-looking file names are', () => {
  assert.ok(!isCorpusPath('/w', '/w/.sanad/brat/seeds/a.txt', ['**/seeds/**/*.txt']));
  assert.ok(isCorpusPath('/w', '/w/..x.news.txt', ['**/*.news.txt']));
  // Not even when a glob of sanad.files.include names the folder, nor on the whole-path rule.
  assert.ok(!isCorpusPath('/w', '/w/.sanad/brat/a.txt', ['.sanad/**/*.txt']));
  assert.ok(!isCorpusPath('/w/seeds', '/w/seeds/.cache/a.txt', ['**/seeds/**/*.txt']));
  assert.ok(inHiddenFolder('/w', '/w/.sanad/brat/seeds/a.txt'));
  assert.ok(inHiddenFolder('/w', '/w/news/.git/a.txt'));
  assert.ok(!inHiddenFolder('/w', '/w/seeds/a.txt'));
  assert.ok(!inHiddenFolder('/w', '/w/.a.txt'));
  // Only folders under the workspace count: a workspace that itself lives in a hidden folder is read.
  assert.ok(!inHiddenFolder('/home/u/.work/w', '/home/u/.work/w/seeds/a.txt'));
  assert.ok(isCorpusPath('/home/u/.work/w', '/home/u/.work/w/seeds/a.txt', ['**/seeds/**/*.txt']));
});
