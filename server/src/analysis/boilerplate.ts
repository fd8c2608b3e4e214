// STUB: replaced by the boilerplate detector.
import type { Shadow } from './normalize';
export function findBoilerplate(_shadow: Shadow): Array<{ start: number; end: number }> {
  return [];
}
