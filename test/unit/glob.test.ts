import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesAny, isCorpusPath } from '../../server/src/glob';

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
