// Every command id of the extension, and the arguments of those the server puts in code actions and
// code lenses, in one place: the client registers them from here and the server names them from
// here, so an id or an argument shape is never written twice (package.json lists the same ids).
import type { LabelAction, PlainRange } from './protocol';

export const COMMANDS = {
  openAsArabicNews: 'sanad.openAsArabicNews',
  restartServer: 'sanad.restartServer',
  filter: 'sanad.filter',
  clearFilter: 'sanad.clearFilter',
  filterByActor: 'sanad.filterByActor',
  reveal: 'sanad.reveal',
  openArticle: 'sanad.openArticle',
  acceptSuggestion: 'sanad.acceptSuggestion',
  rejectSuggestion: 'sanad.rejectSuggestion',
  undoDecision: 'sanad.undoDecision',
  showClaim: 'sanad.showClaim',
  nextUnreviewed: 'sanad.nextUnreviewed',
  acceptAllInSelection: 'sanad.acceptAllInSelection',
  labelSelection: 'sanad.labelSelection',
  labelAsPrefix: 'sanad.labelAs.',
  labelNote: 'sanad.label.note',
  labelApply: 'sanad.label.apply',
  contradictionReview: 'sanad.contradiction.review',
  showFigureSources: 'sanad.showFigureSources',
  exportAnnotations: 'sanad.exportAnnotations',
  importAnnotations: 'sanad.importAnnotations',
  compareAnnotators: 'sanad.compareAnnotators',
  writeReport: 'sanad.writeReport',
  giveVerdict: 'sanad.giveVerdict',
  showTimeline: 'sanad.showTimeline',
  // Stories and publication corrections (issue 13).
  setPublication: 'sanad.setPublication',
} as const;

/** A span of an open article, in UTF-16 offsets. */
export interface SpanArgs {
  uri: string;
  start: number;
  end: number;
}

export type ContradictionDecision = 'explained' | 'confirmed' | 'clear';

/** The argument lists, by command, of the commands the server builds. */
export interface CommandArgs {
  [COMMANDS.labelApply]: [action: LabelAction];
  [COMMANDS.labelSelection]: [span?: SpanArgs];
  [COMMANDS.labelNote]: [span?: SpanArgs];
  [COMMANDS.contradictionReview]: [
    args: SpanArgs & {
      decision: ContradictionDecision;
      /** Shown in the note prompt: which pair this is. */ pair?: string;
      /** The other figure of the pair. */ other?: { path: string; start: number; end: number };
    },
  ];
  [COMMANDS.showFigureSources]: [uri: string, position: { line: number; character: number }, locations: Array<{ uri: string; range: PlainRange }>];
  [COMMANDS.reveal]: [uri: string, range: PlainRange];
  [COMMANDS.showClaim]: [uri?: string, position?: { line: number; character: number }];
  [COMMANDS.showTimeline]: [uri?: string, position?: { line: number; character: number }];
  [COMMANDS.setPublication]: [uri?: string];
}

/** An LSP command object with its arguments checked against CommandArgs. */
export function command<K extends keyof CommandArgs>(title: string, id: K, ...args: CommandArgs[K]): { title: string; command: K; arguments: CommandArgs[K] } {
  return { title, command: id, arguments: args };
}

/** The Agreement view's commands (Compare Annotators… opens the view). */
export const AGREEMENT_COMMANDS = {
  settleAnnotators: 'sanad.settleAnnotators',
  agreementReport: 'sanad.agreementReport',
} as const;
