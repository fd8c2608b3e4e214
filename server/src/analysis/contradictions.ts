// STUB: replaced by the cross-source comparison.
import type { Contradiction, DocumentAnalysis } from './types';
export function findContradictions(_docs: DocumentAnalysis[]): Contradiction[] {
  return [];
}
