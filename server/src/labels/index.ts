// The labels' front door: storage of annotators' decisions, labels following the text, the
// reviewed view of the engine's suggestions, contradiction reviews, agreement between annotators
// and the export formats. Everything but labelFs.ts is pure: strings and objects in and out.
// It exports what other rooms use (knip checks that nothing here goes unused).
export * from './labelTypes';
export { renderLabelFile } from './labelRender';
export { createLabel, decideMention, editLabel, removeLabel, upsertLabel } from './labelActions';
export { reanchorLabels } from './reanchor';
export { applyTextChanges, type TextChange } from './textEdits';
export { acceptedActors, findLabel, reviewMentions, type ReviewedMention, type TaughtName } from './reviewView';
export { clearReview, contradictionKey, findReview, makeReview, quotesFromCorpus, setReview } from './reviews';
export { compareAnnotators, type Agreement, type AgreementReport, type Disagreement, type Said } from './agreement';
export { exportJsonl, exportYaml, importYaml } from './corpusExport';
export { annPathFor, exportBrat } from './bratExport';
export { cleanRelativePath, DEFAULT_LABELS_FOLDER, labelPathFor } from './labelPaths';
export { exportClaimReviews, type ArticleSource, type JsonLd } from './claimReview';
export { disagreementsToSettle, settleAnnotators, settleKey } from './settle';
