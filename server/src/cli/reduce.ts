// `sanad reduce FILE...`: the reduce half of a corpus read in shares (docs/PERFORMANCE.md, "Beyond
// one machine"). It reads the claims files that `sanad analyze --shard i/n --format claims` wrote,
// from any number of shards, puts the documents back in corpus order and compares their claims
// as `sanad analyze` compares the whole corpus's: the stories, then the figures of each story and
// measure. It prints the documents' stories and the contradictions in the JSON of `sanad analyze`
// (docs/CONTRACT.md): the `contradictions` array is the one `sanad analyze` prints for the corpus.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { fromClaimRecord } from '../analysis';
import { ClaimIndex } from '../analysis/claims/contradictions';
import type { ClaimsRead } from '../analysis/claims/claimIndex';
import { JsonObjectWriter, prettyElement } from '../format/json';
import { printable, say, writeStdout } from './files';
import { parseOptions, wantsHelp } from './options';
import { parseShard } from './shard';

const USAGE = `Usage: sanad reduce FILE...

Compares the claims of a corpus read in shares: each FILE is what
  sanad analyze PATH... --shard i/n --format claims [--lexicon LEXICON]
printed for one share ("-" reads stdin). Prints {"version", "documents": [{"path", "story"}],
"contradictions"} as JSON; the contradictions are those \`sanad analyze PATH...\` lists for the
whole corpus (with --lexicon; without it, see docs/PERFORMANCE.md).

Exit codes: 0 every share was read; 1 a share is missing or given twice, or a line could not be
read (named on stderr, the rest is compared); 2 bad usage.`;

interface Doc {
  index: number;
  path: string;
  read: ClaimsRead;
}

export async function reduceCommand(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stderr.write(USAGE + '\n');
    return 0;
  }
  const o = parseOptions(argv, {});
  if (typeof o === 'string' || o.positional.length === 0) {
    process.stderr.write(`sanad: ${typeof o === 'string' ? o : 'name the claims files to compare'}\n\n${USAGE}\n`);
    return 2;
  }
  let problems = 0;
  const docs: Doc[] = [];
  const paths = new Set<string>();
  /** Shares seen, by their count of shares. */
  const shares = new Map<number, Set<number>>();
  const listed = new Set<number>();
  for (const file of o.positional) {
    const where = file === '-' ? 'stdin' : printable(file);
    let n = 0;
    try {
      const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
      for await (const text of createInterface({ input, crlfDelay: Infinity })) {
        n++;
        if (!text.trim()) continue;
        let v: unknown;
        try {
          v = JSON.parse(text);
        } catch {
          problems++;
          say(`${where}:${n}: not a line of JSON; skipped`);
          continue;
        }
        const header = v as { shard?: unknown; files?: unknown; format?: unknown };
        if (typeof header.shard === 'string') {
          const s = parseShard(header.shard);
          if (!s || typeof s === 'string' || header.format !== 'claims') {
            problems++;
            say(`${where}:${n}: not the header of a claims file (${printable(String(header.format))}); skipped`);
            continue;
          }
          let seen = shares.get(s.n);
          if (!seen) shares.set(s.n, (seen = new Set()));
          if (seen.has(s.i)) {
            problems++;
            say(`${where}:${n}: share ${s.i}/${s.n} is given twice`);
          }
          seen.add(s.i);
          if (typeof header.files === 'number') listed.add(header.files);
          continue;
        }
        const doc = fromClaimRecord(v);
        if (typeof doc === 'string') {
          problems++;
          say(`${where}:${n}: ${printable(doc)}; skipped`);
        } else if (paths.has(doc.path)) {
          problems++;
          say(`${where}:${n}: ${printable(doc.path)} is given twice; the first is kept`);
        } else {
          paths.add(doc.path);
          docs.push(doc);
        }
      }
    } catch (err) {
      problems++;
      say(`${where}: cannot be read (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  // Every share of one split, listing the same files: else the comparison is of part of a corpus.
  if (shares.size > 1 || listed.size > 1) {
    problems++;
    say(`the claims files come from different splits or different folders (${[...shares.keys()].map((k) => `shares of ${k}`).join(', ')}); compared as given`);
  }
  for (const [count, seen] of shares) {
    const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !seen.has(i));
    if (missing.length) {
      problems++;
      say(`share${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing; the contradictions are those of the shares given`);
    }
  }
  // Corpus order: a story's key that many articles share is not followed past a bound, and which
  // articles came before it was reached is then the corpus's order (stories/storyIndex.ts).
  docs.sort((a, b) => a.index - b.index || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const index = new ClaimIndex();
  for (const d of docs) index.update({ path: d.path, published: null, outlet: null, mentions: [], boilerplate: [] }, undefined, d.read);
  const out = new JsonObjectWriter(writeStdout);
  await out.member('version', 1);
  out.openArray('documents');
  for (const d of docs) {
    const wait = out.element(prettyElement({ path: d.path, story: index.storyOf(d.path) || null }));
    if (wait) await wait;
  }
  await out.closeArray();
  out.openArray('contradictions');
  for (const c of index.contradictions()) {
    const wait = out.element(prettyElement(c));
    if (wait) await wait;
  }
  await out.closeArray();
  await out.end();
  await writeStdout('\n');
  return problems ? 1 : 0;
}
