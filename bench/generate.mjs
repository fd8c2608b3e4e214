// Deterministic corpora for the benchmark: articles assembled from the seeds' own sentences, with
// the figures, dates and names varied, so the engine meets realistic text at any scale.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = [
  ['يناير', 'كانون الثاني'],
  ['فبراير', 'شباط'],
  ['مارس', 'آذار'],
  ['أبريل', 'نيسان'],
  ['مايو', 'أيار'],
  ['يونيو', 'حزيران'],
  ['يوليو', 'تموز'],
  ['أغسطس', 'آب'],
  ['سبتمبر', 'أيلول'],
  ['أكتوبر', 'تشرين الأول'],
  ['نوفمبر', 'تشرين الثاني'],
  ['ديسمبر', 'كانون الأول'],
];
const NAMES = ['اللواء يحيى رسول', 'العميد تحسين الخفاجي', 'رئيس الوزراء محمد شياع السوداني', 'وزير الخارجية فؤاد حسين', 'المحلل السياسي علي البيدر', 'النائب مختار الموسوي', 'الجنرال مارك ميلي'];
const PLACES = ['بغداد', 'أربيل', 'الأنبار', 'عين الأسد', 'دير الزور', 'الحسكة', 'البصرة', 'نينوى'];

function sentencesOf(seedsDir) {
  const out = [];
  for (const f of readdirSync(seedsDir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    for (const line of readFileSync(join(seedsDir, f), 'utf8').split('\n')) {
      if (line.length < 60) continue;
      for (const s of line.split(/(?<=[.!؟])\s+/)) if (s.length > 40) out.push(s.trim());
    }
  }
  return out;
}

export function article(rand, pool, i) {
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const [eg, lev] = pick(MONTHS);
  const day = 1 + Math.floor(rand() * 28);
  const year = 2023 + Math.floor(rand() * 2);
  const lines = [`${pick(PLACES)}: ${pick(pool).slice(0, 80)}`, '', `${day} ${rand() < 0.5 ? eg : `${lev}/${eg}`} ${year}`, ''];
  const count = 16 + Math.floor(rand() * 12);
  for (let k = 0; k < count; k++) {
    let s = pick(pool).replace(/\d+/g, (d) => String(Math.max(1, Math.round(Number(d) * (0.5 + rand())))));
    if (rand() < 0.3) s = `وقال ${pick(NAMES)} إن ${s}`;
    if (rand() < 0.2) s += ` في ${pick(PLACES)}`;
    lines.push(s);
  }
  lines.push('', 'اقرأ أيضاً', pick(pool).slice(0, 90), `مقال رقم ${i}`);
  return lines.join('\n') + '\n';
}

/** Writes `n` articles into `dir` (in folders of 500) and returns their total size in bytes. */
export function generateCorpus(dir, n, seedsDir, seed = 1) {
  const rand = rng(seed);
  const pool = sentencesOf(seedsDir);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `batch${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    const text = article(rand, pool, i);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(sub, `article${String(i).padStart(5, '0')}.txt`), text);
  }
  return bytes;
}
