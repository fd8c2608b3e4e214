import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorpus } from '../../server/src/analysis/index';
import { compareCorpus } from '../../server/src/analysis/claims/contradictions';
import { StoryIndex, affinity } from '../../server/src/analysis/stories/storyIndex';
import { profileOf, stem } from '../../server/src/analysis/stories/profile';
import { ancestorsOf, countryOf, isCountry, within } from '../../server/src/analysis/claims/placeTree';

// Invented articles about invented-but-plausible events: two fires in two Iraqi cities, a flood in
// Libya and a train crash in Egypt, each told by several outlets, some undated.

const fireBaghdad = (path: string, date: string | null, toll: string) => ({
  path,
  text: `${date ? date + '\n\n' : ''}حريق في مستشفى الشفاء ببغداد يودي بحياة ${toll}\n\nاندلع حريق هائل في وحدة العناية المركزة بمستشفى الشفاء في بغداد بعد انفجار أسطوانة أوكسجين، وأعلنت وزارة الصحة العراقية أن ${toll} قضوا في الحريق بينما تواصل فرق الدفاع المدني إخماد النيران في طوابق المستشفى. وقال مدير المستشفى إن المرضى كانوا على أجهزة التنفس.\n`,
});
const fireBasra = (path: string, date: string | null, toll: string) => ({
  path,
  text: `${date ? date + '\n\n' : ''}حريق في سوق الجمعة بالبصرة يودي بحياة ${toll}\n\nاندلع حريق كبير في محال سوق الجمعة الشعبي وسط البصرة بعد تماس كهربائي، وأعلنت مديرية الدفاع المدني أن ${toll} قضوا في الحريق الذي التهم عشرات المحال التجارية والبسطات. وقال تجار السوق إن البضائع احترقت بالكامل.\n`,
});
const floodDerna = (path: string, date: string | null, toll: string) => ({
  path,
  text: `${date ? date + '\n\n' : ''}فيضانات تجتاح بنغازي والحصيلة ${toll}\n\nضربت السيول مدينة بنغازي الليبية بعد أمطار غزيرة جرفت الطرق والجسور والسيارات، وأعلنت السلطات الليبية أن ${toll} لقوا حتفهم في الفيضانات فيما لا يزال العشرات في عداد المفقودين تحت الوحل.\n`,
});

function stories(files: Array<{ path: string; text: string }>) {
  const corpus = analyzeCorpus(files);
  return compareCorpus(corpus.documents, new Map(files.map((f) => [f.path, f.text]))).stories;
}

test('articles about one event make one story; another event is another story', () => {
  const files = [
    fireBaghdad('b1.txt', '12 مايو 2024', '23 مريضاً'),
    fireBaghdad('b2.txt', '13 مايو 2024', '31 مريضاً'),
    fireBasra('s1.txt', '20 مايو 2024', '9 أشخاص'),
    fireBasra('s2.txt', '20 مايو 2024', '11 شخصاً'),
    floodDerna('f1.txt', '14 مايو 2024', '40 شخصاً'),
  ];
  const s = stories(files);
  assert.equal(s.get('b1.txt'), s.get('b2.txt'));
  assert.equal(s.get('s1.txt'), s.get('s2.txt'));
  // Two fires in Iraq a week apart, at two sites: two stories. A flood is another kind.
  assert.notEqual(s.get('b1.txt'), s.get('s1.txt'));
  assert.notEqual(s.get('b1.txt'), s.get('f1.txt'));
  assert.match(s.get('b1.txt')!, /^s[0-9a-f]{8}$/);
});

test('stories do not depend on the order articles arrive in, nor on edits made one at a time', () => {
  const files = [
    fireBaghdad('b1.txt', '12 مايو 2024', '23 مريضاً'),
    fireBaghdad('b2.txt', '13 مايو 2024', '31 مريضاً'),
    fireBaghdad('b3.txt', null, '31 مريضاً'),
    fireBasra('s1.txt', '20 مايو 2024', '9 أشخاص'),
    fireBasra('s2.txt', null, '11 شخصاً'),
  ];
  const forward = stories(files);
  const backward = stories([...files].reverse());
  assert.deepEqual([...backward].sort(), [...forward].sort());
  // The incremental index, fed in another order with a removal and a re-add, ends the same.
  const corpus = analyzeCorpus(files);
  const index = new StoryIndex();
  const byPath = new Map(corpus.documents.map((d) => [d.path, d]));
  const text = new Map(files.map((f) => [f.path, f.text]));
  for (const p of ['s2.txt', 'b3.txt', 'b1.txt', 's1.txt', 'b2.txt']) index.update(byPath.get(p)!, text.get(p));
  index.remove('b1.txt');
  index.update(byPath.get('b1.txt')!, text.get('b1.txt'));
  for (const [p, id] of forward) assert.equal(index.storyOf(p), id, p);
});

test('an undated article joins the story it is most like and never bridges two stories', () => {
  const files = [fireBaghdad('b1.txt', '12 مايو 2024', '23 مريضاً'), fireBasra('s1.txt', '20 مايو 2024', '9 أشخاص'), fireBaghdad('u1.txt', null, '23 مريضاً')];
  const s = stories(files);
  assert.equal(s.get('u1.txt'), s.get('b1.txt'));
  assert.notEqual(s.get('u1.txt'), s.get('s1.txt'));
});

test('similar wording of nothing but generic words is no story', () => {
  const a = { path: 'g1.txt', text: 'وارتفعت حصيلة القتلى إلى 12 بحسب مصادر.' };
  const b = { path: 'g2.txt', text: 'وارتفعت حصيلة القتلى إلى 300 بحسب مصادر.' };
  const s = stories([a, b]);
  assert.notEqual(s.get('g1.txt'), s.get('g2.txt'));
  const corpus = analyzeCorpus([a, b]);
  assert.equal(affinity(profileOf(corpus.documents[0], a.text), profileOf(corpus.documents[1], b.text)), null);
});

test('stems: clitics and plural endings are read off alike', () => {
  assert.equal(stem('وبالقطارات'), stem('القطار'));
  assert.equal(stem('قطارين'), stem('قطار'));
  assert.equal(stem('وبغداد'), stem('بغداد'));
});

test('places as a hierarchy: town → province → country', () => {
  assert.deepEqual(ancestorsOf('الحمدانية'), ['نينوي', 'العراق']);
  assert.equal(countryOf('المنقف'), 'الكويت');
  assert.ok(within('عين الأسد', 'العراق'));
  assert.ok(!within('العراق', 'عين الأسد'));
  assert.ok(isCountry('العراق') && isCountry('سورية') && isCountry('الشرق الأوسط'));
  assert.ok(!isCountry('بغداد'));
});
