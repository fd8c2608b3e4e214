// STUB: replaced by the figure recogniser. For now: runs of digits, either digit system.
import type { Shadow } from './normalize';
import type { Found } from './types';
export interface QuantityContext {
  published: string | null;
  dates: Found[];
  actors: Found[];
}
export function findQuantities(shadow: Shadow, _ctx: QuantityContext): Found[] {
  const out: Found[] = [];
  for (const m of shadow.norm.matchAll(/\d+/g)) {
    const [start, end] = shadow.span(m.index!, m.index! + m[0].length);
    const n = Number(m[0]);
    out.push({ kind: 'quantity', start, end, value: { min: n, max: n } });
  }
  return out;
}
