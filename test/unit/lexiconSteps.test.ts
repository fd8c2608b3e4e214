// A lexicon's steps (Lexicon.steps) made again on the shipped lexicons give a lexicon that reads
// every text the same: the language server analyses a large edited page on the document thread
// with such a copy (corpus/documentThread.ts), sending only the steps taken since the last page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, Lexicon, teach, type LexiconStep } from '../../server/src/analysis';

const seeds = join(__dirname, '..', '..', '..', 'seeds');
const files = readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ path: `seeds/${f}`, text: readFileSync(join(seeds, f), 'utf8') }));

const WORKSPACE = `persons:
  - name: سجاد الحسناوي
    aliases: [الحسناوي]
organizations:
  - name: كتائب الفجر
titles: [الباحث]
ignore: [بغداد الجديدة]
`;

/** A lexicon as the server grows one: a workspace file, accepted names, names learnt from the corpus, then from an edit. */
function grown(): { lexicon: Lexicon; marks: number[] } {
  const lexicon = Lexicon.builtin();
  const marks: number[] = [];
  lexicon.addWorkspace(WORKSPACE);
  marks.push(lexicon.stepCount);
  teach(lexicon, [{ kind: 'person', name: 'أبو مهدي', entity: 'أبو مهدي المهندس' }]);
  marks.push(lexicon.stepCount);
  lexicon.learnFrom(files.map((f) => analyzeText(f.path, f.text, { lexicon })));
  marks.push(lexicon.stepCount);
  lexicon.learnFrom([analyzeText('edit.txt', 'وقال الباحث سجاد الحسناوي إن الوزير خالد العبيدي وصل.', { lexicon })]);
  return { lexicon, marks };
}

test('a lexicon replayed from its steps reads the seeds as the lexicon itself', () => {
  const { lexicon } = grown();
  const copy = Lexicon.replay(lexicon.steps());
  assert.ok(lexicon.stepCount >= 4, `the growth was recorded (${lexicon.stepCount} steps)`);
  for (const f of files) assert.deepEqual(analyzeText(f.path, f.text, { lexicon: copy }), analyzeText(f.path, f.text, { lexicon }), f.path);
  const edit = 'وقال الحسناوي إن كتائب الفجر وأبو مهدي المهندس والعبيدي في بغداد الجديدة.';
  const mine = analyzeText('e.txt', edit, { lexicon });
  assert.deepEqual(analyzeText('e.txt', edit, { lexicon: copy }), mine);
  // What the steps taught shows in the text: without them the names read otherwise.
  assert.notDeepEqual(analyzeText('e.txt', edit, { lexicon: Lexicon.builtin() }).mentions, mine.mentions);
});

test('steps sent a few at a time give the same lexicon as all at once', () => {
  const { lexicon, marks } = grown();
  const copy = Lexicon.replay(lexicon.steps().slice(0, marks[0]));
  let sent = marks[0];
  for (const mark of [...marks.slice(1), lexicon.stepCount]) {
    copy.apply(lexicon.steps(sent).slice(0, mark - sent));
    sent = mark;
  }
  for (const f of files) assert.deepEqual(analyzeText(f.path, f.text, { lexicon: copy }), analyzeText(f.path, f.text, { lexicon }), f.path);
});

test('a step made twice is recorded once; the steps are plain data', () => {
  const lexicon = Lexicon.builtin();
  const names = [{ kind: 'person' as const, name: 'سجاد الحسناوي', entity: 'سجاد الحسناوي' }];
  teach(lexicon, names);
  const after = lexicon.stepCount;
  teach(lexicon, names);
  assert.equal(lexicon.stepCount, after, 'the same accepted names again add no step');
  const steps: LexiconStep[] = lexicon.steps();
  assert.deepEqual(structuredClone(steps), steps);
});
