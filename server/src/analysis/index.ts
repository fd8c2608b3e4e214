// The engine's front door: text in, mentions, claims and contradictions out. Pure TypeScript: it
// imports nothing from vscode, the LSP libraries, the file system or the label code, so the CLI,
// the language server and the unit tests all call it directly. One document: document.ts; a
// corpus in two passes: corpus.ts.
export * from './types';
export { fold } from './text/normalize';
export { Lexicon } from './actors/actors';
export { workspaceData, type LexiconStep, type LexiconProblem } from './lexicon/lexicon';
/** @public bench/measure.cjs times the comparison through the engine's bundle. */
export { findContradictions } from './claims/contradictions';
export { analyzeText, editorText, ReadingCache, type DocumentResult } from './document';
export {
  analyzeCorpus,
  corpusResult,
  withStory,
  outletGroups,
  readFirst,
  readSecond,
  repeatedBoilerplate,
  repeatedInGroup,
  repeatedByCount,
  lexiconFrom,
  teach,
  learnFrom,
  newMentions,
  learningStandIn,
  type CorpusFile,
  type FirstPass,
  type LexiconRecipe,
  type NameToTeach,
} from './corpus';
/** The map and reduce halves of a sharded run: a document's claims as a record, and back. */
export { claimRecord, fromClaimRecord } from './claims/claimRecord';
export { RepeatedLines } from './boilerplate/repeatedLines';
export { shortLines } from './boilerplate/boilerplate';
export { metadataOf, dateInUrl, isoDayOf, withReviewed, type ArticleMetadata, type ReviewedPublication } from './metadata/fields';
