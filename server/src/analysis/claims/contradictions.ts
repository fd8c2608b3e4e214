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
  return compareCorpus(docs, texts).contradictions;
}

/**
 * The corpus step: the story of each document (path → story id) and the listed pairs, each with
 * its kind and story. The same as a ClaimIndex fed the documents one at a time, in any order.
 */
export function compareCorpus(docs: DocumentAnalysis[], texts?: ReadonlyMap<string, string>): { contradictions: Contradiction[]; stories: Map<string, string> } {
  const index = new ClaimIndex();
  for (const doc of docs) index.update(doc, texts?.get(doc.path));
  const stories = new Map<string, string>();
  for (const doc of docs) stories.set(doc.path, index.storyOf(doc.path) ?? '');
  return { contradictions: index.contradictions(), stories };
}
