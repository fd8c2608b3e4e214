// How the panel groups figures: by what is counted, what happened to it, and where. The
// contradiction engine has its own, stricter notion of "the same measure"; this grouping only
// decides which figures sit together in the Figures tree. The key is internal; people read the
// name (format/measureNames.ts).
import type { Mention } from '../../analysis';
import { measureName, type MeasureName } from '../../format/measureNames';

export function measureKeyOf(m: Mention): string | null {
  if (!m.counted) return null;
  return `${m.counted}|${m.event ?? ''}|${m.place ?? ''}`;
}

/** The readable name of a figure's measure; `spellPlace` gives the articles' spelling of a place key. */
export function readableMeasure(m: Mention, spellPlace?: (key: string) => string): MeasureName {
  return measureName(m, spellPlace) ?? { en: 'figures', ar: 'أرقام' };
}
