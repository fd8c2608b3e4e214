// Runs one measured task in a fresh process and prints {ms, peakMB} as JSON on stderr's last line:
// `analyze DIR` (the real CLI, output discarded) or `floor DIR` (read every file, split into words).
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

function files(dir, out = []) {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) files(p, out);
    else if (p.endsWith('.txt')) out.push(p);
  }
  return out;
}

async function main() {
  const [task, dir] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  if (task === 'analyze') {
    // The CLI writes its JSON to stdout; the benchmark sends stdout to /dev/null.
    const cli = require(join(__dirname, '..', 'dist', 'cli.js'));
    const code = await cli.main(['analyze', dir]);
    if (code > 1) process.exit(code);
  } else if (task === 'contradictions') {
    // Analysis first (not timed), then the comparison of every figure across the corpus.
    const engine = require(join(__dirname, '..', 'out', 'bench', 'engine.js'));
    const docs = [];
    const texts = new Map();
    for (const f of files(dir)) {
      const text = readFileSync(f, 'utf8');
      docs.push(engine.analyzeText(f, text));
      texts.set(f, text);
    }
    const c0 = process.hrtime.bigint();
    const found = engine.findContradictions(docs, texts);
    const ms = Number(process.hrtime.bigint() - c0) / 1e6;
    const claims = docs.reduce((n, d) => n + d.mentions.filter((m) => m.kind === 'quantity' && !m.boilerplate).length, 0);
    process.stderr.write(`\n${JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024, claims, contradictions: found.length })}\n`);
    return;
  } else if (task === 'floor') {
    let words = 0;
    for (const f of files(dir)) words += readFileSync(f, 'utf8').split(/\s+/).length;
    if (words === 0) process.exit(1);
  } else throw new Error(`unknown task ${task}`);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stderr.write(`\n${JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}
main();
