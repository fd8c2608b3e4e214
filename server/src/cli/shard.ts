// The map half of a corpus too large for one machine (docs/PERFORMANCE.md, "Beyond one machine"):
// `sanad analyze PATH --shard i/n` reads only the files whose relative path hashes to share i of
// n, so that n machines (or n processes of one) each take one share of the same folder.
//
// Two things of a corpus analysis depend on other documents than the one being read
// (analysis/corpus.ts): the names the lexicon learns from the whole corpus ("اللواء يحيى رسول" in
// one article lets "يحيى رسول" be found alone in all of them) and the lines an outlet repeats in
// at least three of its articles. A shard sees only its share of both. `--format lexicon` is a
// first, cheaper pass that writes what its share teaches (the people it names, in corpus order,
// and how many of each outlet's documents hold each short line); `--lexicon FILE`, the lexicon
// lines of every shard put together, makes the claims of a shard those of the whole corpus.
// Without it each shard learns from its own share only, which the docs measure.
//
// `--format claims` writes JSON Lines: a header naming the shard, then one record per document
// (analysis/claims/claimRecord.ts) that `sanad reduce` compares.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { claimRecord, lexiconFrom, newMentions, readFirst, shortLines, type Mention } from '../analysis';
import type { CorpusTexts } from '../corpus/texts';
import { analyzeEach, type WholeCorpus } from '../corpus/pool';
import { printable, writeStdout } from './files';

export interface Shard {
  /** 1-based, as people count shares. */
  i: number;
  n: number;
}

/** `i/n` with 1 ≤ i ≤ n, or the usage problem. */
export function parseShard(v: string | undefined): Shard | null | string {
  if (v === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(v);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || !(n >= 1 && n <= 1_000_000) || !(i >= 1 && i <= n)) return `--shard takes i/n with 1 ≤ i ≤ n (for example 2/3), not "${v}"`;
  return { i, n };
}

/**
 * The share a file belongs to, by its path as the output names it (relative to the current folder,
 * `/`-separated): FNV-1a over the UTF-16 units, the same on every machine and independent of the
 * other files, so that adding files to an archive moves no other file to another share.
 */
export function shareOf(path: string, n: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < path.length; k++) {
    h ^= path.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % n) + 1;
}

/** The first line of a shard's output: which share, of how many files listed in all. */
interface Header {
  shard: string;
  files: number;
  format: 'lexicon' | 'claims';
}

/** The texts of one share, and each one's place in the whole corpus. */
export interface ShareTexts {
  texts: CorpusTexts;
  /** Place in the corpus of each text, by its index in `texts`. */
  order: number[];
  /** Files listed in the whole corpus (every share lists them all and reads its own). */
  listed: number;
}

const line = (v: unknown) => JSON.stringify(v) + '\n';

/** Writes lines through stdout a batch at a time. */
class Lines {
  private pending = '';
  async put(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= 1 << 16) await this.flush();
  }
  async flush(): Promise<void> {
    const out = this.pending;
    this.pending = '';
    if (out) await writeStdout(out);
  }
}

/**
 * `--format lexicon`: the first pass over the share, written as what the corpus's lexicon learns
 * from it: `{"i", "names"}` per document naming people not named before in the share (in corpus
 * order), then `{"outlet", "docs", "lines"}` per outlet, each short line with how many of the
 * share's documents of that outlet hold it.
 */
export async function writeLexicon(share: ShareTexts, shard: Shard): Promise<void> {
  const out = new Lines();
  await out.put(line({ shard: `${shard.i}/${shard.n}`, files: share.listed, format: 'lexicon' } satisfies Header));
  const lexicon = lexiconFrom({ workspace: [] }).lexicon;
  const seen = new Set<string>();
  const outlets = new Map<string, { docs: number; lines: Map<string, number> }>();
  for (let k = 0; k < share.texts.count; k++) {
    const file = share.texts.file(k);
    const { persons } = readFirst(file, lexicon);
    const names = newMentions([persons], seen);
    if (names.length) await out.put(line({ i: share.order[k], names }));
    if (!persons.outlet) continue;
    let o = outlets.get(persons.outlet);
    if (!o) outlets.set(persons.outlet, (o = { docs: 0, lines: new Map() }));
    o.docs++;
    for (const text of new Set(shortLines(file.text).map((l) => l.text))) o.lines.set(text, (o.lines.get(text) ?? 0) + 1);
  }
  for (const [outlet, o] of outlets) await out.put(line({ outlet, docs: o.docs, lines: [...o.lines] }));
  await out.flush();
}

/** The corpus's lexicon put together from every shard's `--format lexicon` lines (what the pipeline takes as `corpus`). */
type CorpusLexicon = WholeCorpus;

/** Reads a lexicon file; a string is the problem (named shards missing, a line unreadable). */
export async function readLexicon(file: string, shard: Shard, listed: number): Promise<CorpusLexicon | string> {
  const byDoc: Array<{ i: number; names: Mention[] }> = [];
  const lines = new Map<string, Map<string, number>>();
  const shards = new Set<number>();
  let n = 0;
  try {
    const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const text of rl) {
      n++;
      if (!text.trim()) continue;
      let v: Record<string, unknown>;
      try {
        v = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return `${printable(file)}:${n}: not a line of JSON`;
      }
      if (typeof v.shard === 'string') {
        const s = parseShard(v.shard);
        if (!s || typeof s === 'string' || s.n !== shard.n || v.format !== 'lexicon')
          return `${printable(file)}:${n}: a lexicon of share ${v.shard} (${String(v.format)}), where shares of ${shard.n} are read`;
        if (v.files !== listed) return `${printable(file)}:${n}: share ${v.shard} listed ${String(v.files)} files where this one lists ${listed}: name the same folders from the same place`;
        if (shards.has(s.i)) return `${printable(file)}:${n}: share ${v.shard} is given twice`;
        shards.add(s.i);
      } else if (typeof v.i === 'number' && Array.isArray(v.names)) byDoc.push({ i: v.i, names: v.names as Mention[] });
      else if (typeof v.outlet === 'string' && Array.isArray(v.lines)) {
        let counts = lines.get(v.outlet);
        if (!counts) lines.set(v.outlet, (counts = new Map()));
        for (const pair of v.lines as unknown[]) {
          if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'number') return `${printable(file)}:${n}: an outlet's line that cannot be read`;
          counts.set(pair[0], (counts.get(pair[0]) ?? 0) + pair[1]);
        }
      } else return `${printable(file)}:${n}: not a line of a lexicon`;
    }
  } catch (err) {
    return `${printable(file)}: ${err instanceof Error ? err.message : String(err)}`;
  }
  const missing = Array.from({ length: shard.n }, (_, k) => k + 1).filter((i) => !shards.has(i));
  if (missing.length) return `${printable(file)}: the lexicon of share${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${shard.n}`).join(', ')} is missing`;
  // In corpus order, each person as first named: what the whole corpus's lexicon learns from.
  byDoc.sort((a, b) => a.i - b.i);
  return {
    names: newMentions(
      byDoc.map((d) => ({ mentions: d.names })),
      new Set(),
    ),
    lines,
  };
}

/**
 * `--format claims`: the share through the one corpus pipeline (corpus/pool.ts), each finished
 * document written as its claims record. With `corpus` the lexicon learns what the whole corpus
 * teaches and the outlets' lines are counted over every share; without it, over this share only.
 */
export async function writeClaims(share: ShareTexts, shard: Shard, corpus: CorpusLexicon | null): Promise<void> {
  const out = new Lines();
  await out.put(line({ shard: `${shard.i}/${shard.n}`, files: share.listed, format: 'claims' } satisfies Header));
  let k = 0;
  await analyzeEach(share.texts, (doc, text) => out.put(line(claimRecord(doc, text, share.order[k++]))), corpus ? { corpus } : {});
  await out.flush();
}
