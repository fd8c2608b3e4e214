// The engine alone, in one process, for finding where its time and memory go (the full benchmark,
// bench/run.mjs, measures the CLI and the server from outside). Builds server/src/analysis into
// bench/out/engine.cjs, then:
//   node bench/engineProfile.mjs corpus 1000        analyzeCorpus on N generated articles: time, heap
//   node bench/engineProfile.mjs scale 20,200,5000  analyzeText on one text of each size in KB
//   node bench/engineProfile.mjs edit 20            repeated analyzeText + ClaimIndex.update of a
//                                                   20 KB article in a corpus of 1,000 (the edit path)
//   node bench/engineProfile.mjs dump 300 FILE      analyzeCorpus result as JSON, to diff before/after
//   node bench/engineProfile.mjs retain 1000        heap kept by N analyses held the way the server holds them
//   node bench/engineProfile.mjs linear 10,5000     cost per MB of one document: articles and figure-dense
//                                                   lines, in lines and on one line, at each size in KB
//   node bench/engineProfile.mjs lines 1000000      peak memory of analyzeText on N short lines
//   node bench/engineProfile.mjs compare 1000 3     the comparison alone (stories and claims: a
//                                                   ClaimIndex fed the analysed corpus), timed 3 times
//   node bench/engineProfile.mjs records 300 FILE   the claim records (map step) of N articles, to diff
// Add --expose-gc to node for the heap figures to mean anything.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import { generateCorpus, article, rng } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const bundle = join(out, 'engine.cjs');
await esbuild.build({
  stdin: {
    contents: "export * from './index'; export { ClaimIndex } from './claims/contradictions';",
    resolveDir: join(root, 'server/src/analysis'),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
  plugins: [
    {
      name: 'yaml',
      setup(build) {
        build.onLoad({ filter: /\.ya?ml$/ }, (args) => ({
          contents: JSON.stringify(YAML.parse(readFileSync(args.path, 'utf8'), { maxAliasCount: 0, uniqueKeys: true })),
          loader: 'json',
        }));
      },
    },
  ],
});
const engine = createRequire(import.meta.url)(bundle);

function corpus(n, seed = 1) {
  const dir = mkdtempSync(join(tmpdir(), 'sanad-prof-'));
  try {
    generateCorpus(dir, n, join(root, 'seeds'), seed);
    const files = [];
    const walk = (d) => {
      for (const e of readdirSync(d).sort()) {
        const p = join(d, e);
        if (statSync(p).isDirectory()) walk(p);
        else files.push({ path: p.slice(dir.length + 1), text: readFileSync(p, 'utf8') });
      }
    };
    walk(dir);
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function bigText(chars, seed = 99) {
  const rand = rng(seed);
  const pool = readFileSync(join(root, 'seeds', '003_7679b3e3658cb47b.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.length > 60);
  const parts = [];
  let len = 0;
  for (let i = 0; len < chars; i++) {
    const a = article(rand, pool, i);
    parts.push(a);
    len += a.length;
  }
  return parts.join('');
}

/** Figure-dense lines (issue 14 #10): every line a few figures, a date and a place. */
function figureLines(chars, seed = 5) {
  const rand = rng(seed);
  const verbs = ['قتل', 'أصيب', 'اعتقل', 'نزح', 'وصل'];
  const nouns = ['شخصا', 'مدنيا', 'جنديا', 'طفلا', 'عائلة'];
  const places = ['بغداد', 'الموصل', 'البصرة', 'أربيل'];
  const lines = [];
  let len = 0;
  for (let i = 0; len < chars; i++) {
    const pick = (a) => a[Math.floor(rand() * a.length)];
    const n = () => 1 + Math.floor(rand() * 900);
    const l = `${pick(verbs)} ${n()} ${pick(nouns)} و${pick(verbs)} ${n()} آخرون في ${pick(places)} يوم ${1 + (i % 28)} مارس 2024، بينهم ${n()} ${pick(nouns)}.`;
    lines.push(l);
    len += l.length + 1;
  }
  return lines.join('\n');
}

/** The same text on one line: every line break a space. */
const oneLine = (text) => text.replace(/\n/g, ' ');

const heapMB = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const ms = (t0) => performance.now() - t0;
/** CPU time of this process since `c0` (process.cpuUsage()), in ms: steadier than the wall clock on a shared machine. */
const cpuMs = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

const [mode, arg = '1000', file] = process.argv.slice(2);
if (mode === 'corpus') {
  const files = corpus(Number(arg));
  const h0 = heapMB();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = engine.analyzeCorpus(files);
  const t = ms(t0);
  const cpu = cpuMs(c0);
  const mentions = r.documents.reduce((k, d) => k + d.mentions.length, 0);
  console.log(
    JSON.stringify({
      articles: files.length,
      ms: Math.round(t),
      cpuMs: Math.round(cpu),
      mentions,
      contradictions: r.contradictions.length,
      heapMB: Math.round(heapMB() - h0),
      rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} else if (mode === 'scale') {
  for (const kb of arg.split(',').map(Number)) {
    const text = bigText(kb * 512); // Arabic: about two bytes a character
    engine.analyzeText('warm', text.slice(0, 5000));
    const runs = kb > 1000 ? 1 : kb > 100 ? 3 : 10;
    const t0 = performance.now();
    let r;
    for (let k = 0; k < runs; k++) r = engine.analyzeText('big.txt', text);
    const t = ms(t0) / runs;
    console.log(
      `${String(kb).padStart(6)} KB  ${text.length} chars  ${t.toFixed(1)} ms  ${(t / (text.length / 1000)).toFixed(3)} ms/1k chars  ${r.mentions.length} mentions${r.problems ? ' problems: ' + r.problems.join('; ') : ''}`,
    );
  }
} else if (mode === 'edit') {
  const files = corpus(1000, 7);
  const index = new engine.ClaimIndex();
  const lexicon = engine.Lexicon.builtin();
  for (const f of files) index.update(engine.analyzeText(f.path, f.text, { lexicon }), f.text);
  const text = bigText(Number(arg) * 512);
  const times = [];
  for (let k = 0; k < 40; k++) {
    const edited = k % 2 ? text : text.replace('\n', '\u200b\n');
    const t0 = performance.now();
    const a = engine.analyzeText('edited/big.txt', edited, { lexicon });
    const t1 = performance.now();
    index.update(a, edited);
    index.contradictionsOf('edited/big.txt');
    times.push([t1 - t0, performance.now() - t1]);
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    JSON.stringify({ chars: text.length, analyzeMs: +med(times.map((x) => x[0])).toFixed(1), indexMs: +med(times.map((x) => x[1])).toFixed(1), contradictions: index.contradictions().length }),
  );
} else if (mode === 'dump') {
  const r = engine.analyzeCorpus(corpus(Number(arg)));
  writeFileSync(file, JSON.stringify(r, null, 1));
  console.log(`${file}: ${r.documents.length} documents, ${r.contradictions.length} contradictions`);
} else if (mode === 'retain') {
  const files = corpus(Number(arg), 7);
  const h0 = heapMB();
  const lexicon = engine.Lexicon.builtin();
  const index = new engine.ClaimIndex();
  const kept = [];
  for (const f of files) {
    const a = engine.analyzeText(f.path, f.text, { lexicon });
    kept.push({ text: f.text, analysis: a });
    index.update(a, f.text);
  }
  const h1 = heapMB();
  index.contradictions();
  const h2 = heapMB();
  console.log(
    JSON.stringify({
      articles: files.length,
      analysesMB: Math.round(h1 - h0),
      afterContradictionsMB: Math.round(h2 - h0),
      contradictions: index.contradictions().length,
      rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} else if (mode === 'linear') {
  // Issue 15: a document costs the same per MB whether it has one line or many, 10 KB or 5 MB.
  engine.analyzeText('warm', bigText(20_000));
  const rows = [];
  for (const [kind, make] of [
    ['articles', bigText],
    ['figures', figureLines],
  ]) {
    for (const kb of arg.split(',').map(Number)) {
      const lined = make(kb * 512);
      for (const [shape, text] of [
        ['lines', lined],
        ['one line', oneLine(lined)],
      ]) {
        // A small document is timed over many runs, after one untimed run of the same text (the
        // first run of a new text shape is mostly the JIT's).
        const runs = kb >= 1000 ? 1 : kb >= 100 ? 3 : 100;
        for (let k = 0; kb < 1000 && k < runs / 4; k++) engine.analyzeText('warm.txt', text);
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        for (let k = 0; k < runs; k++) engine.analyzeText('big.txt', text);
        const t = ms(t0) / runs;
        const cpu = cpuMs(c0) / runs;
        const mb = Buffer.byteLength(text) / 2 ** 20;
        rows.push({ kind, kb, shape, ms: Math.round(t), cpuMs: Math.round(cpu), cpuMsPerMB: Math.round(cpu / mb) });
        console.log(
          `${kind.padEnd(9)} ${String(kb).padStart(6)} KB  ${shape.padEnd(8)}  ${t.toFixed(0).padStart(7)} ms  cpu ${cpu.toFixed(0).padStart(7)} ms  ${(cpu / mb).toFixed(0).padStart(6)} cpu ms/MB`,
        );
      }
    }
  }
  // Per-MB CPU time, largest over smallest, within each kind of text (articles and figure-dense
  // text differ in mentions per MB): 1 is perfectly linear; the target is within 1.5.
  const ratios = {};
  for (const kind of new Set(rows.map((r) => r.kind))) {
    const per = rows.filter((r) => r.kind === kind).map((r) => r.cpuMsPerMB);
    ratios[kind] = +(Math.max(...per) / Math.min(...per)).toFixed(2);
  }
  console.log(JSON.stringify({ linearityRatio: Math.max(...Object.values(ratios)), ratios, rows }));
} else if (mode === 'lines') {
  // Issue 14 #11: a million short lines (2.9 MB) once took 1.3 GB.
  const n = Number(arg);
  const lines = [];
  for (let i = 0; i < n; i++) lines.push(i % 10 === 0 ? 'قتل 3' : i % 2 === 0 ? '' : 'ب');
  const text = lines.join('\n');
  heapMB();
  // The analysis is synchronous, so its peak is read from the process's peak resident memory.
  const rss0 = process.memoryUsage().rss / 2 ** 20;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = engine.analyzeText('lines.txt', text);
  const t = ms(t0);
  const cpu = cpuMs(c0);
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      lines: n,
      MB: +(Buffer.byteLength(text) / 2 ** 20).toFixed(1),
      ms: Math.round(t),
      cpuMs: Math.round(cpu),
      mentions: r.mentions.length,
      rssBeforeMB: Math.round(rss0),
      rssPeakMB: Math.round(peak),
      heapAfterMB: Math.round(heapMB()),
    }),
  );
} else if (mode === 'lexicon') {
  // Issue 14 #8: a workspace lexicon of N people and N names accepted in labels, then the seeds
  // read with it; CPU time per thousand entries at each size (40,000 entries took 100 s once).
  const sizes = arg.split(',').map(Number);
  const seeds = readdirSync(join(root, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: f, text: readFileSync(join(root, 'seeds', f), 'utf8') }));
  const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const word = (i, len) => {
    let w = '';
    for (let k = 0; k < len; k++, i = Math.floor(i / letters.length)) w += letters[i % letters.length];
    return w;
  };
  const rows = [];
  for (const n of [sizes[0], ...sizes]) {
    const persons = [];
    const taught = [];
    for (let i = 0; i < n; i++) {
      persons.push(`  - name: ${word(i * 7 + 1, 4)} ${word(i * 13 + 5, 5)}`);
      const name = `${word(i * 11 + 3, 4)} ${word(i * 17 + 9, 5)}`;
      taught.push({ kind: 'person', name, entity: name });
    }
    const yaml = `persons:\n${persons.join('\n')}\n`;
    const c0 = process.cpuUsage();
    const { lexicon } = engine.lexiconFrom({ workspace: [yaml] });
    engine.teach(lexicon, taught);
    for (const f of seeds) engine.analyzeText(f.path, f.text, { lexicon });
    rows.push({ entries: 2 * n, cpuMs: Math.round(cpuMs(c0)) });
  }
  rows.shift(); // the first size twice: the first run warms the engine
  const per = rows.map((r) => (r.cpuMs / r.entries) * 1000);
  console.log(JSON.stringify({ rows: rows.map((r, i) => ({ ...r, cpuMsPer1000: +per[i].toFixed(1) })), linearityRatio: +(Math.max(...per) / Math.min(...per)).toFixed(2) }));
} else if (mode === 'compare') {
  // Issue 15: the comparison alone, on documents analysed once beforehand; CPU time, and the heap
  // the index keeps (with --expose-gc).
  const files = corpus(Number(arg));
  const docs = engine.analyzeCorpus(files).documents;
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const reps = Number(file ?? 3);
  // One index per call, let go before the next (its heap is what it keeps, measured in the call).
  const run = (k) => {
    const h0 = heapMB();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const index = new engine.ClaimIndex();
    for (const d of docs) index.update(d, texts.get(d.path));
    const n = index.contradictions().length;
    const cpu = cpuMs(c0);
    const t = ms(t0);
    const kept = heapMB() - h0;
    return { articles: docs.length, run: k + 1, ms: Math.round(t), cpuMs: Math.round(cpu), contradictions: n, stories: index.storyList().length, indexMB: Math.round(kept) };
  };
  for (let k = 0; k < reps; k++) console.log(JSON.stringify(run(k)));
} else if (mode === 'records') {
  const files = corpus(Number(arg));
  const docs = engine.analyzeCorpus(files).documents;
  writeFileSync(file, docs.map((d, i) => JSON.stringify(engine.claimRecord(d, files[i].text, i))).join('\n') + '\n');
  console.log(`${file}: ${docs.length} records`);
} else {
  console.error('modes: corpus N | scale KB,KB | edit KB | dump N FILE | retain N | linear KB,KB | lines N | lexicon N,N | compare N REPS | records N FILE');
  process.exit(2);
}
