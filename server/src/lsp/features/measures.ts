// How the panel groups figures: by what is counted, what happened to it, and where. The
// contradiction engine has its own, stricter notion of "the same measure"; this grouping only
// decides which figures sit together in the Figures tree.
import type { Mention } from '../../analysis';

export function measureKeyOf(m: Mention): string | null {
  if (!m.counted) return null;
  return `${m.counted}|${m.event ?? ''}|${m.place ?? ''}`;
}

export function measureTopic(m: Mention): string {
  return [m.counted, m.event, m.place].filter(Boolean).join(' · ');
}
