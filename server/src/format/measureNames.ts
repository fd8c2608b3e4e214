// Readable names for what a figure measures ("soldiers killed in Jordan" / "الجنود القتلى في
// الأردن"), made from data (measure-names.yaml) so that a fact-checker never reads an engine key
// such as "soldier · killed · الاردن". Used by the panel, hovers, problems, exports, the corpus
// report and ClaimReview; the keys themselves stay internal (grouping, filtering, storage).
import data from './measure-names.yaml';
import { fold } from '../analysis/text/normalize';

export interface MeasureName {
  en: string;
  ar: string;
}

/** What names a figure: the mention fields the engine gives (docs/CONTRACT.md). */
export interface MeasureParts {
  counted?: string;
  event?: string;
  place?: string;
}

interface CountedEntry {
  en: string;
  ar: string;
  people: boolean;
  compare: boolean;
}
interface EventEntry {
  en: string;
  arPeople: string;
  arThings: string;
  alone?: MeasureName;
}

const counted = new Map<string, CountedEntry>();
const events = new Map<string, EventEntry>();
const pairs = new Map<string, MeasureName>();
const places = new Map<string, MeasureName>();

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

function load(): void {
  const root = (data ?? {}) as Record<string, unknown>;
  for (const [key, raw] of Object.entries((root.counted ?? {}) as Record<string, Record<string, unknown>>)) {
    const en = str(raw?.en);
    const ar = str(raw?.ar);
    if (en && ar) counted.set(key, { en, ar, people: raw.people === true, compare: raw.compare !== false });
  }
  for (const [key, raw] of Object.entries((root.events ?? {}) as Record<string, Record<string, unknown>>)) {
    const en = str(raw?.en);
    if (!en) continue;
    const alone = raw.alone as Record<string, unknown> | undefined;
    const aloneName = str(alone?.en) && str(alone?.ar) ? { en: str(alone?.en)!, ar: str(alone?.ar)! } : undefined;
    events.set(key, { en, arPeople: str(raw.arPeople) ?? '', arThings: str(raw.arThings) ?? '', alone: aloneName });
  }
  for (const raw of Array.isArray(root.pairs) ? (root.pairs as Array<Record<string, unknown>>) : []) {
    const en = str(raw?.en);
    const ar = str(raw?.ar);
    if (!en || !ar) continue;
    for (const c of list(raw.counted)) for (const e of list(raw.event)) if (!pairs.has(`${c}|${e}`)) pairs.set(`${c}|${e}`, { en, ar });
  }
  for (const [key, raw] of Object.entries((root.places ?? {}) as Record<string, Record<string, unknown>>)) {
    const en = str(raw?.en);
    const ar = str(raw?.ar);
    if (en && ar) places.set(fold(key), { en, ar });
  }
}

load();

/** A place's English name and usual Arabic spelling; `spelt` (as the articles write it) otherwise. */
export function placeName(key: string, spelt?: string): MeasureName {
  const known = places.get(fold(key));
  if (known) return known;
  const shown = spelt ?? key;
  return { en: shown, ar: shown };
}

/** The name of what is measured, without the place. Null when nothing is counted nor happened. */
export function measureBaseName(parts: MeasureParts): MeasureName | null {
  const c = parts.counted ? counted.get(parts.counted) : undefined;
  const e = parts.event ? events.get(parts.event) : undefined;
  if (parts.counted) {
    const pair = pairs.get(`${parts.counted}|${parts.event || 'none'}`);
    if (pair) return pair;
    // A key the data does not know yet is still shown, as itself, rather than hidden.
    const cn = c ?? { en: parts.counted, ar: parts.counted, people: false, compare: true };
    if (!e) return { en: cn.en, ar: cn.ar };
    const arEvent = cn.people ? e.arPeople : e.arThings;
    return { en: `${cn.en} ${e.en}`, ar: arEvent ? `${cn.ar} ${arEvent}` : cn.ar };
  }
  if (e) return e.alone ?? { en: e.en, ar: e.arPeople || e.en };
  if (parts.event) return { en: parts.event, ar: parts.event };
  return null;
}

/**
 * The full name: what is measured and where. `spellPlace` gives the articles' own spelling of a
 * place key (ActorNames.nameOf), used when the data has no name for it.
 */
export function measureName(parts: MeasureParts, spellPlace?: (key: string) => string): MeasureName | null {
  const base = measureBaseName(parts);
  if (!base) return null;
  if (!parts.place) return base;
  const p = placeName(parts.place, spellPlace?.(parts.place));
  return { en: `${base.en} in ${p.en}`, ar: `${base.ar} في ${p.ar}` };
}

/**
 * Whether a fact-checker compares what this figure counts across sources. Durations ("48 ساعة",
 * "ثلاثة أيام") are read as figures but are not tolls or counts anyone disputes.
 */
export function isComparedMeasure(parts: MeasureParts): boolean {
  if (!parts.counted) return true;
  return counted.get(parts.counted)?.compare ?? true;
}
