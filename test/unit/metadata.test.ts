// Publication metadata from where scraped corpora keep it: a manifest beside the files, a YAML
// front-matter block, a date in the URL, the dateline; with the precedence docs/CONTRACT.md gives,
// and `publishedFrom` saying which one spoke.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeCorpus, analyzeText, dateInUrl, isoDayOf, metadataOf } from '../../server/src/analysis';
import { Manifests } from '../../server/src/corpus/manifest';

const BODY = 'بغداد - قتل 12 شخصاً أمس الخميس في انفجار استهدف سوقاً شعبية، بحسب وزارة الداخلية.\n';

test('date fields as scrapers write them, and dates in URLs', () => {
  assert.equal(isoDayOf('2023-09-27T23:40:00+03:00'), '2023-09-27', 'the day as written, not moved to UTC');
  assert.equal(isoDayOf('2023-10-03 14:05'), '2023-10-03');
  assert.equal(isoDayOf('27/09/2023'), '2023-09-27', 'day first, as Arabic outlets write it');
  assert.equal(isoDayOf('٢٠٢٣-٠٩-٢٧'), '2023-09-27');
  assert.equal(isoDayOf('2023-02-30'), null);
  assert.equal(isoDayOf('yesterday'), null);
  assert.equal(dateInUrl('https://x.example/news/2024/01/29/some-title'), '2024-01-29');
  assert.equal(dateInUrl('https://x.example/2024-01-29/story.html'), '2024-01-29');
  assert.equal(dateInUrl('https://x.example/story?id=5&date=2024-01-29'), '2024-01-29');
  assert.equal(dateInUrl('https://x.example/a/20240129/x'), '2024-01-29');
  assert.equal(dateInUrl('https://x.example/a/55120'), null);
  assert.equal(dateInUrl('https://x.example/2024/13/45/x'), null);
});

test('field names of trafilatura, newspaper3k, news-please and schema.org', () => {
  const t = metadataOf({ url: 'https://n.example/2023/09/27/x', hostname: 'n.example', sitename: 'نينوى بوست', date: '2023-09-28', filedate: '2025-11-02' });
  assert.deepEqual(t, { published: '2023-09-28', publishedFromUrl: false, outlet: 'نينوى بوست', host: 'n.example', url: 'https://n.example/2023/09/27/x', title: null, author: null });
  assert.equal(metadataOf({ publish_date: '2021-04-25' })?.published, '2021-04-25');
  assert.equal(metadataOf({ date_publish: '2021-04-25 10:00:00', source_domain: 'x.example' })?.host, 'x.example');
  assert.equal(metadataOf({ datePublished: '2021-04-25', publisher: { name: 'الصباح' } })?.outlet, 'الصباح');
  const fromUrl = metadataOf({ url: 'https://n.example/2023/10/02/x.html', date: null });
  assert.equal(fromUrl?.published, '2023-10-02');
  assert.equal(fromUrl?.publishedFromUrl, true);
  assert.equal(metadataOf({ filedate: '2025-11-02' }), null, 'the scrape day is not a publication day');
});

test('front matter: read, kept out of the analysis, offsets exact', () => {
  const front = '---\ntitle: "انفجار في سوق: 15 قتيلاً"\ndate: 2024-03-08\nsitename: الصباح الجديد\nurl: https://s.example/2024/03/04/x\n---\n';
  const text = front + BODY;
  const doc = analyzeText('a.txt', text);
  assert.equal(doc.published, '2024-03-08');
  assert.equal(doc.publishedFrom, 'front-matter');
  assert.equal(doc.outlet, 'الصباح الجديد');
  assert.ok(doc.mentions.length > 0);
  for (const m of doc.mentions) {
    assert.ok(m.start >= front.length, `${m.text} is not found in the front matter`);
    assert.equal(text.slice(m.start, m.end), m.text);
  }
  // "أمس الخميس" counts from the front matter's day, Friday 8 March.
  const rel = doc.mentions.find((m) => m.kind === 'date');
  assert.equal(rel?.value, '2024-03-07');
  assert.deepEqual(doc.boilerplate[0], { start: 0, end: front.length - 1 }, 'shown dimmed');
  // Without a date field, the URL's date.
  const urlOnly = analyzeText('b.txt', '---\nurl: https://s.example/2024/03/04/x\n---\n' + BODY);
  assert.equal(urlOnly.published, '2024-03-04');
  assert.equal(urlOnly.publishedFrom, 'url');
  // Not front matter: a rule in the text, or one never closed.
  assert.equal(analyzeText('c.txt', 'عنوان\n---\n' + BODY).publishedFrom, null);
  assert.notEqual(analyzeText('d.txt', '---\ndate: 2024-03-05\n' + BODY).publishedFrom, 'front-matter');
});

test('precedence: front matter, manifest, URL, text; the outlet a name before a host', () => {
  const dated = 'الثلاثاء 5 مارس 2024\n' + BODY;
  assert.equal(analyzeText('t.txt', dated).publishedFrom, 'text');
  const manifest = metadataOf({ date: '2024-03-06', hostname: 'm.example' });
  const m = analyzeText('t.txt', dated, { metadata: manifest });
  assert.equal(m.published, '2024-03-06');
  assert.equal(m.publishedFrom, 'manifest');
  const withFront = analyzeText('t.txt', '---\ndate: 2024-03-07\n---\n' + dated, { metadata: manifest });
  assert.equal(withFront.published, '2024-03-07');
  assert.equal(withFront.publishedFrom, 'front-matter');
  // A host name is worth less than the outlet the text names.
  const signed = analyzeText('s.txt', 'بغداد/المسلة الحدث: ' + BODY, { metadata: manifest });
  assert.equal(signed.outlet, 'المسلة');
  assert.equal(analyzeText('u.txt', BODY, { metadata: manifest }).outlet, 'm.example');
  // The corpus steps read the same.
  const corpus = analyzeCorpus([{ path: 't.txt', text: dated, metadata: manifest }]);
  assert.equal(corpus.documents[0].published, '2024-03-06');
  assert.equal(corpus.documents[0].publishedFrom, 'manifest');
});

test('manifests beside the articles: JSON Lines, CSV, YAML; the nearest wins; broken records named', async () => {
  const root = mkdtempSync(join(tmpdir(), 'sanad-manifest-'));
  try {
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    writeFileSync(
      join(root, 'manifest.jsonl'),
      [
        JSON.stringify({ path: 'a/one.txt', date: '2024-01-01', sitename: 'بعيد' }),
        'not json',
        JSON.stringify({ path: 'a/b/two.txt', date: '2024-01-02' }),
        JSON.stringify({ path: '../outside.txt', date: '2024-01-03' }),
      ].join('\n'),
    );
    writeFileSync(join(root, 'a', 'b', 'manifest.csv'), 'filename,url,title\ntwo.txt,https://c.example/2024/02/02/x,"عنوان, بفاصلة"\n');
    writeFileSync(join(root, 'a', 'metadata.json'), JSON.stringify({ articles: [{ file: 'three.txt', datePublished: '2024-01-04' }] }));
    const files = ['a/one.txt', 'a/b/two.txt', 'a/three.txt', 'a/none.txt'].map((f) => join(root, f));
    const m = new Manifests();
    await m.load(files, [root]);
    assert.equal(m.of(files[0])?.published, '2024-01-01');
    assert.equal(m.of(files[1])?.published, '2024-02-02', 'the nearer manifest (CSV, by its URL) wins');
    assert.equal(m.of(files[1])?.title, 'عنوان, بفاصلة');
    assert.equal(m.of(files[2])?.published, '2024-01-04');
    assert.equal(m.of(files[3]), null);
    assert.ok(
      m.problems.some((p) => /manifest\.jsonl:2: not JSON/.test(p)),
      m.problems.join('\n'),
    );
    assert.equal(m.of(join(root, '..', 'outside.txt')), null, 'a record may not name a file outside its folder');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
