// The engine's front door: text in, mentions, claims and contradictions out. Pure TypeScript: it
// imports nothing from vscode, the LSP libraries, the file system or the label code, so the CLI,
// the language server and the unit tests all call it directly. One document: document.ts; a
// corpus in two passes: corpus.ts.
export * from './types';
export { Shadow, fold } from './text/normalize';
export { Lexicon } from './actors/actors';
export { findContradictions } from './claims/contradictions';
export { analyzeText, editorText, ReadingCache, type AnalyzeOptions, type DocumentResult, type TextReading } from './document';
export {
  analyzeCorpus,
  corpusResult,
  withStory,
  outletGroups,
  readFirst,
  readSecond,
  repeatedBoilerplate,
  repeatedInGroup,
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
export { RepeatedLines } from './boilerplate/repeatedLines';
export { shortLines } from './boilerplate/boilerplate';
export { metadataOf, dateInUrl, isoDayOf, type ArticleMetadata, type PublishedFrom } from './metadata/fields';
export { frontMatterOf } from './metadata/frontMatter';
