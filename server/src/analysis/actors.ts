// STUB: replaced by the actor recogniser.
import type { Shadow } from './normalize';
import type { DocumentAnalysis, Found } from './types';
export class Lexicon {
  static builtin(): Lexicon {
    return new Lexicon();
  }
  /** Learns names introduced by titles; true when anything new was learnt. */
  learnFrom(_docs: DocumentAnalysis[]): boolean {
    return false;
  }
}
export function findActors(_shadow: Shadow, _lexicon: Lexicon): Found[] {
  return [];
}
