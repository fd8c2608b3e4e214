// Scores `sanad analyze` on the evaluation corpus (evaluation/corpus) against the hand-made gold
// (evaluation/gold.yaml): precision and recall of the listed pairs per kind, whether each pair's kind is
// right, pairs that had to stay silent, publication dates and story grouping. evaluation/README.md says
// how the gold was made and what each figure means.
//
//   node scripts/eval.mjs                    build dist/, run the CLI, print the scores
//   node scripts/eval.mjs --no-build         use the dist/cli.js already built
//   node scripts/eval.mjs --check            also compare with evaluation/baseline.json: exit 1 if any
//                                            figure fell below it (equality passes)
//   node scripts/eval.mjs --update-baseline  write today's figures to evaluation/baseline.json
//   node scripts/eval.mjs --details          list every listed pair and every missed gold pair
//   --gold FILE, --corpus DIR, --baseline FILE  other inputs (the tests use them)
//
// Exit codes: 0 scored; 1 a figure fell below the baseline (--check); 2 the gold does not fit the
// corpus (a quote that is not in its file, an article missing) or the engine could not be run.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
function option(name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : fallback;
}
const goldPath = option('--gold', join(root, 'evaluation', 'gold.yaml'));
const corpusDir = option('--corpus', join(root, 'evaluation', 'corpus'));
const baselinePath = option('--baseline', join(root, 'evaluation', 'baseline.json'));
const KINDS = ['contradiction', 'update', 'internal'];
const UNGUARDED = new Set(['stories.recall']);

function fail(message) {
  console.error(`eval: ${message}`);
  process.exit(2);
}

// ---- the gold, checked against the files before anything is scored ----

function listTexts(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTexts(p));
    else if (name.endsWith('.txt')) out.push(relative(corpusDir, p).split(sep).join('/'));
  }
  return out.sort();
}

// The text as the CLI reads it: UTF-8 with any byte-order mark removed, so offsets agree.
const texts = new Map();
function textOf(file) {
  if (!texts.has(file)) texts.set(file, readFileSync(join(corpusDir, file), 'utf8').replace(/^\ufeff/, ''));
  return texts.get(file);
}

function occurrences(text, quote) {
  const spans = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) spans.push({ start: i, end: i + quote.length });
  return spans;
}

const problems = [];
// A side names one figure: every span it may be read at (alternatives, repeated occurrences).
function resolveSide(side, where) {
  if (!side || typeof side.file !== 'string') {
    problems.push(`${where}: a side needs a file`);
    return { file: '?', spans: [], label: '?' };
  }
  if (!texts.has(side.file)) {
    try {
      textOf(side.file);
    } catch {
      problems.push(`${where}: ${side.file} is not in ${relative(root, corpusDir)}`);
      return { file: side.file, spans: [], label: side.file };
    }
  }
  const text = textOf(side.file);
  const quotes = Array.isArray(side.quote) ? side.quote : [side.quote];
  const wanted = side.occurrence === undefined ? null : [].concat(side.occurrence);
  const spans = [];
  for (const q of quotes) {
    if (typeof q !== 'string' || !q) {
      problems.push(`${where}: ${side.file}: an empty quote`);
      continue;
    }
    const found = occurrences(text, q);
    if (found.length === 0) {
      problems.push(`${where}: ${side.file}: "${q}" is not in the file (stale quote?)`);
      continue;
    }
    if (wanted === null) {
      // Several quotes are alternatives for one figure; one quote must name one place.
      if (found.length > 1 && quotes.length === 1) {
        problems.push(`${where}: ${side.file}: "${q}" occurs ${found.length} times; say which with occurrence`);
        continue;
      }
      spans.push(...found);
    } else {
      for (const n of wanted) {
        if (!Number.isInteger(n) || n < 1 || n > found.length) {
          if (quotes.length === 1 || !wanted.some((m) => m <= found.length)) problems.push(`${where}: ${side.file}: "${q}" has no occurrence ${n} (it occurs ${found.length} times)`);
          continue;
        }
        spans.push(found[n - 1]);
      }
    }
  }
  return { file: side.file, spans, label: `${side.file} "${quotes.join('" | "')}"` };
}

let gold;
try {
  gold = YAML.parse(readFileSync(goldPath, 'utf8'));
} catch (e) {
  fail(`cannot read ${goldPath}: ${e.message}`);
}
const articles = gold.articles ?? {};
const corpusFiles = listTexts(corpusDir);
for (const f of corpusFiles) if (!articles[f]) problems.push(`articles: ${f} is in the corpus but not in the gold`);
for (const f of Object.keys(articles)) {
  if (!corpusFiles.includes(f)) problems.push(`articles: ${f} is in the gold but not in the corpus`);
  const a = articles[f] ?? {};
  if (typeof a.story !== 'string') problems.push(`articles: ${f} has no story`);
  if (a.published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(a.published))) problems.push(`articles: ${f}: published must be an ISO day or null`);
}
const pairs = (gold.pairs ?? []).map((p, i) => {
  const where = `pairs[${i}]`;
  if (!KINDS.includes(p.kind)) problems.push(`${where}: unknown kind "${p.kind}"`);
  const a = resolveSide(p.a, where);
  const b = resolveSide(p.b, where);
  if (p.kind === 'internal' && a.file !== b.file) problems.push(`${where}: an internal pair must be inside one file`);
  return { kind: p.kind, optional: p.optional === true, why: p.why ?? '', a, b };
});
const silent = (gold.silent ?? []).map((p, i) => {
  const where = `silent[${i}]`;
  return { why: p.why ?? '', a: resolveSide(p.a, where), b: resolveSide(p.b, where) };
});
if (problems.length) {
  console.error(`eval: the gold does not fit the corpus (${problems.length} problems):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(2);
}

// ---- the engine, run exactly as a user runs it ----

if (!flag('--no-build')) {
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) fail('the build failed');
}
const cliPath = join(root, 'dist', 'cli.js');
const run = spawnSync(process.execPath, [cliPath, 'analyze', relative(root, corpusDir) || '.', '--format', 'json'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 512 * 1024 * 1024,
});
if (run.status !== 0 && run.status !== 1) fail(`sanad analyze exited with ${run.status}: ${run.stderr}`);
let result;
try {
  result = JSON.parse(run.stdout);
} catch (e) {
  fail(`sanad analyze did not print JSON: ${e.message}`);
}
const toCorpus = (p) => relative(corpusDir, resolve(root, p)).split(sep).join('/');

// ---- matching ----

const overlaps = (span, s) => span.start < s.end && s.start < span.end;
const sideMatches = (side, ref) => side.file === ref.file && side.spans.some((s) => overlaps(s, ref));
const pairMatches = (g, x, y) => (sideMatches(g.a, x) && sideMatches(g.b, y)) || (sideMatches(g.a, y) && sideMatches(g.b, x));

const listed = (result.contradictions ?? []).map((c) => {
  const x = { file: toCorpus(c.a.path), start: c.a.start, end: c.a.end };
  const y = { file: toCorpus(c.b.path), start: c.b.start, end: c.b.end };
  const kind = c.kind ?? 'contradiction';
  const hits = pairs.filter((g) => pairMatches(g, x, y));
  const required = hits.filter((g) => !g.optional);
  // When one listed pair fits gold pairs of several kinds, the one of its own kind counts.
  const gold = required.find((g) => g.kind === kind) ?? required[0] ?? null;
  const silentHit = silent.find((s) => pairMatches(s, x, y)) ?? null;
  return { c, x, y, kind, gold, neutral: !gold && hits.length > 0, silentHit };
});

const ratio = (n, d) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);
const required = pairs.filter((g) => !g.optional);
const judged = listed.filter((l) => !l.neutral);
const precision = {};
const recall = {};
const recallAnyKind = {};
for (const k of KINDS) {
  const mine = judged.filter((l) => l.kind === k);
  precision[k] = ratio(mine.filter((l) => l.gold && l.gold.kind === k).length, mine.length);
  const goldK = required.filter((g) => g.kind === k);
  recall[k] = ratio(goldK.filter((g) => listed.some((l) => l.gold === g && l.kind === k)).length, goldK.length);
  recallAnyKind[k] = ratio(goldK.filter((g) => listed.some((l) => pairMatches(g, l.x, l.y))).length, goldK.length);
}
precision.overall = ratio(judged.filter((l) => l.gold).length, judged.length);
recall.overall = ratio(required.filter((g) => listed.some((l) => pairMatches(g, l.x, l.y))).length, required.length);
const found = judged.filter((l) => l.gold);
const kindRight = ratio(found.filter((l) => l.kind === l.gold.kind).length, found.length);
const silentBroken = silent.filter((s) => listed.some((l) => pairMatches(s, l.x, l.y)));
const silentKept = ratio(silent.length - silentBroken.length, silent.length);

// ---- publication dates ----

const docs = new Map((result.documents ?? []).map((d) => [toCorpus(d.path), d]));
let datesRight = 0;
let datedRight = 0;
let dated = 0;
let undatedRight = 0;
const dateMisses = [];
for (const [file, a] of Object.entries(articles)) {
  const want = a.published === null ? null : String(a.published);
  const got = docs.get(file)?.published ?? null;
  if (want !== null) dated++;
  if (got === want) {
    datesRight++;
    if (want === null) undatedRight++;
    else datedRight++;
  } else dateMisses.push(`${file}: ${got ?? 'undated'} (gold ${want ?? 'undated'})`);
}
const fileCount = Object.keys(articles).length;

// ---- stories: pairs of articles put together or kept apart ----

const hasStories = [...docs.values()].some((d) => d.story !== undefined && d.story !== null);
const files = Object.keys(articles).sort();
let tp = 0;
let fp = 0;
let fn = 0;
for (let i = 0; i < files.length; i++) {
  for (let j = i + 1; j < files.length; j++) {
    const same = articles[files[i]].story === articles[files[j]].story;
    const storyOf = (f) => (hasStories ? (docs.get(f)?.story ?? `alone:${f}`) : 'one story');
    const together = storyOf(files[i]) === storyOf(files[j]);
    if (same && together) tp++;
    else if (!same && together) fp++;
    else if (same && !together) fn++;
  }
}
const storyPrecision = ratio(tp, tp + fp);
const storyRecall = ratio(tp, tp + fn);
const storyF1 =
  storyPrecision === null || storyRecall === null || storyPrecision + storyRecall === 0 ? 0 : Math.round(((2 * storyPrecision * storyRecall) / (storyPrecision + storyRecall)) * 1000) / 1000;

// ---- report ----

const figures = {
  precision,
  recall,
  recallAnyKind,
  kindRight,
  silentKept,
  dates: { all: ratio(datesRight, fileCount), dated: ratio(datedRight, dated), undated: ratio(undatedRight, fileCount - dated) },
  stories: { precision: storyPrecision, recall: storyRecall, f1: storyF1 },
};
const counts = {
  articles: fileCount,
  goldPairs: Object.fromEntries(KINDS.map((k) => [k, required.filter((g) => g.kind === k).length])),
  optionalPairs: pairs.length - required.length,
  silentPairs: silent.length,
  listed: listed.length,
  listedByKind: Object.fromEntries([...new Set(listed.map((l) => l.kind))].map((k) => [k, listed.filter((l) => l.kind === k).length])),
  listedTrue: found.length,
  listedNeutral: listed.length - judged.length,
  listedFalse: judged.length - found.length,
  listedSilentBroken: listed.filter((l) => l.silentHit).length,
};

const show = (v) => (v === null ? '  n/a' : v.toFixed(3));
const lines = [];
lines.push(
  `Sanad evaluation: ${fileCount} articles, ${required.length} gold pairs (${KINDS.map((k) => `${counts.goldPairs[k]} ${k}`).join(', ')}), ${counts.optionalPairs} optional, ${silent.length} that must stay silent`,
);
lines.push(`listed ${listed.length} pairs: ${found.length} right, ${counts.listedFalse} wrong, ${counts.listedNeutral} optional (not counted)`);
lines.push('');
lines.push('kind            precision  recall  recall (any kind)');
for (const k of [...KINDS, 'overall'])
  lines.push(`${k.padEnd(15)} ${show(precision[k]).padStart(9)}  ${show(recall[k]).padStart(6)}  ${show(k === 'overall' ? recall.overall : recallAnyKind[k]).padStart(17)}`);
lines.push('');
lines.push(`kind right among the pairs found:       ${show(kindRight)}`);
lines.push(`must-stay-silent pairs kept silent:      ${show(silentKept)}  (${silentBroken.length} of ${silent.length} listed)`);
lines.push(`publication dates right:                 ${show(figures.dates.all)}  (dated ${datedRight}/${dated}, undated ${undatedRight}/${fileCount - dated})`);
lines.push(`story grouping (article pairs):          precision ${show(storyPrecision)}  recall ${show(storyRecall)}  F1 ${show(storyF1)}${hasStories ? '' : '  (no story fields: all one story)'}`);
if (silentBroken.length) {
  const byWhy = {};
  for (const s of silentBroken) {
    const key = s.why.split(',')[0];
    byWhy[key] = (byWhy[key] ?? 0) + 1;
  }
  lines.push(
    `silent pairs listed, by reason: ${Object.entries(byWhy)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
}
if (flag('--details')) {
  lines.push('', 'Listed pairs:');
  for (const l of listed) {
    const verdict = l.gold
      ? l.kind === l.gold.kind
        ? 'RIGHT'
        : `RIGHT PAIR, kind should be ${l.gold.kind}`
      : l.neutral
        ? 'optional'
        : l.silentHit
          ? `WRONG (must stay silent: ${l.silentHit.why})`
          : 'WRONG';
    lines.push(`  [${l.kind}] ${verdict}: ${l.x.file} "${textOf(l.x.file).slice(l.x.start, l.x.end)}" / ${l.y.file} "${textOf(l.y.file).slice(l.y.start, l.y.end)}"`);
  }
  lines.push('', 'Gold pairs not listed:');
  for (const g of required) if (!listed.some((l) => pairMatches(g, l.x, l.y))) lines.push(`  [${g.kind}] ${g.a.label} / ${g.b.label}: ${g.why}`);
  lines.push('', 'Publication dates wrong:');
  for (const m of dateMisses) lines.push(`  ${m}`);
}
console.log(lines.join('\n'));

mkdirSync(join(root, 'out', 'eval'), { recursive: true });
writeFileSync(join(root, 'out', 'eval', 'result.json'), JSON.stringify({ figures, counts }, null, 2) + '\n');

// Every figure is "higher is better", so one rule guards them all.
function flatten(obj, prefix = '') {
  const out = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== null && typeof v === 'object') Object.assign(out, flatten(v, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}
if (flag('--update-baseline')) {
  writeFileSync(
    baselinePath,
    JSON.stringify(
      { note: 'Scores of `npm run eval` to keep; every figure is higher-is-better. Update with `node scripts/eval.mjs --update-baseline` when the engine improves.', figures, counts },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nwrote ${relative(root, baselinePath)}`);
}
if (flag('--check')) {
  const base = flatten(JSON.parse(readFileSync(baselinePath, 'utf8')).figures);
  const now = flatten(figures);
  const fell = [];
  for (const [k, b] of Object.entries(base)) {
    // Story recall is 1 when everything is one story (today): splitting stories must lower it,
    // so the F1 and precision of stories guard the grouping instead.
    if (typeof b !== 'number' || UNGUARDED.has(k)) continue;
    const v = now[k];
    if (typeof v !== 'number') fell.push(`${k}: baseline ${b}, now n/a`);
    else if (v < b - 1e-9) fell.push(`${k}: baseline ${b}, now ${v}`);
  }
  if (fell.length) {
    console.error(`\neval: below the baseline (${relative(root, baselinePath)}):`);
    for (const f of fell) console.error(`  ${f}`);
    process.exit(1);
  }
  console.log(`\nno figure below ${relative(root, baselinePath)}`);
}
