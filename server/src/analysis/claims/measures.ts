// What a figure measures: the (counted, event) pairs of lexicons/measures.yaml, read once at
// module load into a map, so that finding a figure's measure is one lookup.
import data from '../lexicons/measures.yaml';
import { fold } from '../text/normalize';

export type MeasureKind = 'event' | 'level';

export interface Measure {
  id: string;
  label: string;
  kind: MeasureKind;
  revisable: boolean;
  target: boolean;
  placeRequired: boolean;
}

/** The event key standing for "the sentence names no event". */
const NONE = 'none';

interface RawMeasure {
  id?: unknown;
  label?: unknown;
  kind?: unknown;
  revisable?: unknown;
  target?: unknown;
  placeRequired?: unknown;
  when?: unknown;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const byPair = new Map<string, Measure>();
const placeNames = new Map<string, string>();
let levelDays = 180;

function load(): void {
  const root = (data ?? {}) as { measures?: unknown; levelDays?: unknown; placeLabels?: unknown };
  if (typeof root.levelDays === 'number' && root.levelDays > 0) levelDays = root.levelDays;
  for (const raw of Array.isArray(root.measures) ? (root.measures as RawMeasure[]) : []) {
    if (typeof raw?.id !== 'string') continue;
    const measure: Measure = {
      id: raw.id,
      label: typeof raw.label === 'string' ? raw.label : raw.id,
      kind: raw.kind === 'level' ? 'level' : 'event',
      revisable: raw.revisable === true,
      target: raw.target === true,
      placeRequired: raw.placeRequired === true,
    };
    for (const rule of Array.isArray(raw.when) ? (raw.when as Array<{ counted?: unknown; event?: unknown }>) : []) {
      for (const counted of strings(rule?.counted)) {
        for (const event of strings(rule?.event)) {
          // The first measure to claim a pair keeps it; the YAML lists the specific ones first.
          const key = `${counted}\u0000${event}`;
          if (!byPair.has(key)) byPair.set(key, measure);
        }
      }
    }
  }
  const labels = root.placeLabels && typeof root.placeLabels === 'object' ? (root.placeLabels as Record<string, unknown>) : {};
  for (const [label, keys] of Object.entries(labels)) {
    for (const k of strings(keys)) placeNames.set(placeLookupKey(k), label);
  }
}

function placeLookupKey(k: string): string {
  return fold(k).toLowerCase();
}

load();

/**
 * The measure a figure counts, or null when its counted noun or event is unknown or not listed
 * (such a figure is never compared).
 */
export function measureOf(counted: string | undefined, event: string | undefined): Measure | null {
  if (!counted) return null;
  return byPair.get(`${counted}\u0000${event || NONE}`) ?? null;
}

/** Days within which two reports of a standing quantity must agree. */
export function levelWindowDays(): number {
  return levelDays;
}

/** An English name for a place key, for topics; the key itself when none is known. */
export function placeLabel(key: string): string {
  return placeNames.get(placeLookupKey(key)) ?? key;
}
