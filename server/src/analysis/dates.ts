// STUB: replaced by the date recogniser.
import type { Shadow } from './normalize';
import type { Found } from './types';
export function findPublication(_shadow: Shadow): { published: string | null; outlet: string | null } {
  return { published: null, outlet: null };
}
export function findDates(_shadow: Shadow, _published: string | null): Found[] {
  return [];
}
