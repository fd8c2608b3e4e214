// A story named for people: its kind of event, its place and its first day ("fire · Baghdad ·
// 2021-04-25" / "حريق · بغداد · 2021-04-25"), from data (story-kinds.yaml) and the place names of
// measure-names.yaml, so that a fact-checker never reads a story id such as "sd0268359".
import data from './story-kinds.yaml';
import { placeName, type MeasureName } from './measureNames';

const kinds = new Map<string, MeasureName>();
for (const [key, raw] of Object.entries(((data ?? {}) as { kinds?: Record<string, { en?: unknown; ar?: unknown }> }).kinds ?? {})) {
  if (typeof raw?.en === 'string' && typeof raw?.ar === 'string') kinds.set(key, { en: raw.en, ar: raw.ar });
}

export interface StoryFacts {
  /** The kind of event (stories.yaml key), null when none stands out. */
  kind: string | null;
  /** The place key the articles name most, and how they spell it. */
  place: { key: string; spelt: string } | null;
  /** The first publication day among its articles. */
  day: string | null;
}

/** The story's name in both languages; `fallback` (a headline) when neither kind nor place is known. */
export function storyName(facts: StoryFacts, fallback: string): MeasureName {
  const kind = facts.kind ? (kinds.get(facts.kind) ?? { en: facts.kind, ar: facts.kind }) : null;
  const place = facts.place ? placeName(facts.place.key, facts.place.spelt) : null;
  if (!kind && !place) {
    const head = fallback.length > 60 ? `${fallback.slice(0, 59)}…` : fallback;
    return { en: [head, facts.day].filter(Boolean).join(' · '), ar: [head, facts.day].filter(Boolean).join(' · ') };
  }
  const parts = (lang: 'en' | 'ar') => [kind?.[lang], place?.[lang], facts.day].filter((x): x is string => !!x).join(' · ');
  return { en: parts('en'), ar: parts('ar') };
}
