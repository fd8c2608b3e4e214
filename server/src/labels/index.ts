// The labels' front door: storage of annotators' decisions, labels following the text, the
// reviewed view of the engine's suggestions, contradiction reviews, agreement between annotators
// and the export formats. Everything but labelFs.ts is pure: strings and objects in and out.
export * from './labelTypes';
export { parseLabelFile } from './labelSchema';
export { renderLabelFile, WRITE_OPTIONS } from './labelRender';
export { mergeLabelFiles } from './labelMerge';
export {
  CONTEXT_CHARS, contextAround, createLabel, decideMention, editLabel, newLabelId, removeLabel, upsertLabel, valueOfMention,
  type ActionOptions, type LabelEdit,
} from './labelActions';
export { reanchorLabels, similarity } from './reanchor';
export { applyTextChanges, offsetAt, type Position, type TextChange } from './textEdits';
export { acceptedActors, findLabel, reviewMentions, type ReviewStatus, type ReviewedMention, type TaughtName } from './reviewView';
export { clearReview, contradictionKey, findReview, makeReview, quotesFromCorpus, setReview, type QuoteOf, type ReviewOptions } from './reviews';
export { cohenKappa, compareAnnotators, type Agreement, type AgreementReport, type Disagreement, type DisagreementKind, type Said } from './agreement';
export { buildExport, exportJsonl, exportYaml, importYaml, EXPORT_VERSION, type AnnotationExport, type ExportOptions, type ImportResult } from './corpusExport';
export { annPathFor, BRAT_TYPES, codePointOffsets, exportBrat, type BratOptions } from './bratExport';
export { articlePathFor, cleanRelativePath, DEFAULT_LABELS_FOLDER, labelPathFor } from './labelPaths';
export { DEFAULT_MAX_BYTES, parseYamlSafely } from './yamlSafety';
export { exportClaimReviews, parseSourcesManifest, type ArticleSource, type ClaimReviewOptions, type JsonLd } from './claimReview';
