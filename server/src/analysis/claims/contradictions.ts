// Cross-source contradictions: figures on the same measure that cannot both hold. The rules are
// in compareClaims.ts and docs/CONTRADICTIONS.md; the bucketed, incremental index the language
// server keeps is in claimIndex.ts. This is the one-shot entry point for a whole corpus.
import type { Contradiction, DocumentAnalysis } from '../types';
import { ClaimIndex } from './claimIndex';

export { ClaimIndex, type ClaimGroup } from './claimIndex';

/**
 * Compares the figures of a set of analysed documents. `texts` (path → the text each analysis
 * was made from) is optional; with it, whose soldiers and which forces a figure counts are read
 * from the sentence, and fewer unrelated figures are compared.
 */
export function findContradictions(docs: DocumentAnalysis[], texts?: ReadonlyMap<string, string>): Contradiction[] {
  const index = new ClaimIndex();
  for (const doc of docs) index.update(doc, texts?.get(doc.path));
  return index.contradictions();
}
