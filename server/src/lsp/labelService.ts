// Annotators' labels as the language server keeps them: one label file per article, loaded on
// demand, moved through edits as the editor sends them, re-anchored when an article changed on
// disk, and saved atomically (read, merge, rename) so two windows never lose each other's work.
// A label file that does not parse is reported and never written until it is fixed.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  applyTextChanges,
  decideMention,
  createLabel,
  editLabel,
  findLabel,
  reanchorLabels,
  removeLabel,
  reviewMentions,
  upsertLabel,
  labelPathFor,
  cleanRelativePath,
  emptyLabelFile,
  acceptedActors,
  setReview,
  clearReview,
  type ContradictionReview,
  type Label,
  type LabelFile,
  type LabelType,
  type LabelValue,
  type Verdict,
  type PublicationCorrection,
  type Problem,
  type ReviewedMention,
  type TextChange,
  type TaughtName,
} from '../labels';
import { LabelThread } from '../labels/labelThread';
import type { Mention } from '../analysis';

interface ArticleLabels {
  file: LabelFile;
  /** The file as last read or written, the base of the next merge. */
  base?: LabelFile;
  /** Set while the label file is broken: it is then read-only for Sanad. */
  problems?: Problem[];
  labelPath: string;
  /** The root folder the label file must stay inside. */
  root: string;
  /**
   * While saves are in flight: for each, the edits that arrived meanwhile, to be replayed on the
   * labels it returns, whose offsets are those of the text the save started from.
   */
  recorders: Set<Moved[]>;
}

/** What moved labels while a save was on disk: an edit in the editor, or a whole new text. */
type Moved = { oldText: string; changes: readonly TextChange[] } | { text: string };

function replay(labels: Label[], moves: readonly Moved[]): Label[] {
  for (const m of moves) labels = 'text' in m ? reanchorLabels(labels, m.text) : applyTextChanges(m.oldText, labels, m.changes).labels;
  return labels;
}

export interface LabelServiceOptions {
  /** The folder (absolute) an article's labels live under, or null outside any workspace folder. */
  rootOf(uri: string): string | null;
  /** The article's path relative to its workspace folder. */
  pathOf(uri: string): string;
  folder(): string;
  annotator(): string;
  trusted(): boolean;
  /** Called whenever a label file's problems change (an empty list clears them). */
  onProblems(labelFileUri: string, problems: Problem[]): void;
  /** Told when the label thread failed (large label files are then read and saved on this thread). */
  warn?(line: string): void;
}

export type LabelResult = { ok: true; label?: Label } | { ok: false; message: string };

export class LabelService {
  private readonly articles = new Map<string, ArticleLabels>();
  /** byPath() as last built, until a label file changes. */
  private byPathCache: Map<string, LabelFile> | null = null;
  private anyReviews: boolean | null = false;
  private readonly loading = new Map<string, Promise<ArticleLabels | null>>();

  /** Label files read and saved, the large ones on a thread of their own. */
  private readonly files: LabelThread;

  constructor(private readonly options: LabelServiceOptions) {
    this.files = new LabelThread((line) => options.warn?.(line));
  }

  private labelPath(uri: string): { path: string; root: string } | null {
    const root = this.options.rootOf(uri);
    const rel = labelPathFor(this.options.pathOf(uri), this.options.folder());
    return root && rel ? { path: join(root, ...rel.split('/')), root } : null;
  }

  /** Why no label file can be kept for an article: a bad setting, or an article outside the workspace. */
  private noLabelFile(uri: string): string {
    const folder = this.options.folder();
    if (!cleanRelativePath(folder)) {
      return `The setting sanad.labels.folder ("${folder}") is not a folder inside the workspace: give a relative path such as .sanad/labels.`;
    }
    if (!this.options.rootOf(uri)) return 'Labels are kept only for articles inside a workspace folder.';
    return `The article ${this.options.pathOf(uri)} has no place in the labels folder.`;
  }

  /** The labels of an article, read from disk once and placed on `text`. */
  async load(uri: string, text: string): Promise<ArticleLabels | null> {
    const known = this.articles.get(uri);
    if (known) return known;
    let pending = this.loading.get(uri);
    if (!pending) {
      pending = this.read(uri, text).finally(() => this.loading.delete(uri));
      this.loading.set(uri, pending);
    }
    return pending;
  }

  private async read(uri: string, text: string): Promise<ArticleLabels | null> {
    const where = this.labelPath(uri);
    if (!where) return null;
    const { path: labelPath, root } = where;
    const read = await this.files.read(labelPath, { within: root });
    const state: ArticleLabels = read.ok
      ? { file: { ...read.file, article: read.file.article ?? this.options.pathOf(uri) }, base: read.text === undefined ? undefined : read.file, labelPath, root, recorders: new Set() }
      : { file: emptyLabelFile(this.options.pathOf(uri)), problems: read.problems, labelPath, root, recorders: new Set() };
    if (read.ok) {
      // The article may have changed since the labels were written (outside the editor).
      const placed = reanchorLabels(state.file.labels, text);
      if (placed.some((l, i) => l !== state.file.labels[i])) state.file = { ...state.file, labels: placed };
    }
    this.options.onProblems(pathToFileURL(labelPath).toString(), state.problems ?? []);
    this.articles.set(uri, state);
    this.changed();
    return state;
  }

  /** Forgets what was loaded for an article (its label file changed on disk, or it closed). */
  forget(uri: string): void {
    this.articles.delete(uri);
    this.changed();
  }

  private changed(): void {
    this.byPathCache = null;
    // Worked out when asked: loading ten thousand label files must not scan them all each time.
    this.anyReviews = null;
  }

  /** Whether any loaded label file holds a contradiction review (most corpora have none). */
  hasReviews(): boolean {
    this.anyReviews ??= [...this.articles.values()].some((s) => s.file.reviews.length > 0);
    return this.anyReviews;
  }

  /** The article a label file belongs to, if it is loaded. */
  /** The label file of a loaded article (whether it exists yet or not). */
  labelFileOf(uri: string): string | undefined {
    return this.articles.get(uri)?.labelPath;
  }

  articleOfLabelFile(labelFileUri: string): string | undefined {
    const path = fileURLToPath(labelFileUri);
    for (const [uri, state] of this.articles) if (state.labelPath === path) return uri;
    return undefined;
  }

  labels(uri: string): readonly Label[] {
    return this.articles.get(uri)?.file.labels ?? [];
  }

  /** The engine's mentions merged with the annotators' decisions. */
  review(uri: string, analysis: { mentions: Mention[]; boilerplate: Array<{ start: number; end: number }> }): ReviewedMention[] {
    return reviewMentions(analysis, this.labels(uri));
  }

  /** Moves an open article's labels through an edit (in memory; saved with the article). */
  edit(uri: string, oldText: string, changes: readonly TextChange[]): void {
    const state = this.articles.get(uri);
    if (!state) return;
    // Recorded even with no labels in memory: a save in flight may bring some back from disk.
    for (const r of state.recorders) r.push({ oldText, changes });
    if (state.file.labels.length === 0) return;
    const moved = applyTextChanges(oldText, state.file.labels, changes).labels;
    state.file = { ...state.file, labels: moved };
    this.byPathCache = null;
  }

  /** Re-places the labels on an article's current text (after a change on disk or an undo). */
  reanchor(uri: string, text: string): void {
    const state = this.articles.get(uri);
    if (state) {
      state.file = { ...state.file, labels: reanchorLabels(state.file.labels, text) };
      // The labels of a save in flight are placed again on this text when it comes back.
      for (const r of state.recorders) r.push({ text });
    }
    this.byPathCache = null;
  }

  /** Runs `fn` while recording what moves the article's labels. */
  private async recording<T>(state: ArticleLabels, fn: () => Promise<T>): Promise<{ value: T; moves: Moved[] }> {
    const moves: Moved[] = [];
    state.recorders.add(moves);
    try {
      return { value: await fn(), moves };
    } finally {
      state.recorders.delete(moves);
    }
  }

  async save(uri: string): Promise<LabelResult> {
    const state = this.articles.get(uri);
    if (!state) return { ok: true };
    if (!this.options.trusted()) return { ok: false, message: 'This workspace is in Restricted Mode: Sanad does not write label files until you trust it.' };
    if (state.problems?.length) return { ok: false, message: `The label file ${state.labelPath} has errors (see Problems); fix it first — Sanad will not overwrite it.` };
    const { value: saved, moves } = await this.recording(state, () => this.files.save(state.labelPath, state.file, { base: state.base, within: state.root }));
    if (!saved.ok) {
      if (saved.reason === 'invalid') {
        state.problems = saved.problems;
        this.options.onProblems(pathToFileURL(state.labelPath).toString(), saved.problems);
      }
      return { ok: false, message: saved.problems[0]?.message ?? 'The labels could not be saved.' };
    }
    state.base = saved.file;
    // Edits typed while the save ran moved the labels in memory; the saved labels are at the
    // offsets of the text the save started from, so the same edits move them too.
    state.file = moves.length ? { ...saved.file, labels: replay(saved.file.labels, moves) } : saved.file;
    this.changed();
    return { ok: true };
  }

  private async change(uri: string, text: string, update: (labels: readonly Label[]) => { labels: Label[]; label?: Label } | string): Promise<LabelResult> {
    if (!this.options.trusted()) return { ok: false, message: 'This workspace is in Restricted Mode: labels cannot be written until you trust it.' };
    const state = await this.load(uri, text);
    if (!state) return { ok: false, message: this.noLabelFile(uri) };
    if (state.problems?.length) return { ok: false, message: `The label file ${state.labelPath} has errors (see Problems); fix it first — Sanad will not overwrite it.` };
    const result = update(state.file.labels);
    if (typeof result === 'string') return { ok: false, message: result };
    const before = state.file;
    state.file = { ...state.file, labels: result.labels };
    const { value: saved, moves } = await this.recording(state, () => this.save(uri));
    if (!saved.ok) {
      // The change is taken back; edits typed meanwhile are not.
      state.file = { ...before, labels: replay(before.labels, moves) };
      this.changed();
    }
    return saved.ok ? { ok: true, label: result.label } : saved;
  }

  /** Accepts or rejects an engine suggestion (a second decision on the same span replaces the first). */
  decide(uri: string, text: string, mention: Mention, status: 'accepted' | 'rejected', extra: { note?: string; value?: LabelValue } = {}): Promise<LabelResult> {
    return this.change(uri, text, (labels) => {
      const existing = findLabel(labels, mention.start, mention.end);
      const label = existing
        ? editLabel(existing, { status, type: mention.kind, note: extra.note, value: extra.value }, { annotator: this.options.annotator() })
        : decideMention(text, mention, status, { annotator: this.options.annotator(), note: extra.note, value: extra.value });
      return { labels: upsertLabel(labels, label), label };
    });
  }

  /** Labels a span the engine missed (or relabels one with another type). */
  labelSpan(uri: string, text: string, start: number, end: number, type: LabelType, extra: { note?: string; value?: LabelValue } = {}): Promise<LabelResult> {
    return this.change(uri, text, (labels) => {
      if (end <= start || end > text.length) return 'Select the words to label first.';
      const existing = findLabel(labels, start, end);
      const label = existing
        ? editLabel(existing, { type, status: 'manual', note: extra.note, value: extra.value }, { annotator: this.options.annotator() })
        : createLabel(text, start, end, type, 'manual', { annotator: this.options.annotator(), note: extra.note, value: extra.value });
      return { labels: upsertLabel(labels, label), label };
    });
  }

  /** Changes a label's note or value. */
  annotate(uri: string, text: string, labelId: string, edit: { note?: string | null; value?: LabelValue | null; verdict?: Verdict | null }): Promise<LabelResult> {
    return this.change(uri, text, (labels) => {
      const label = labels.find((l) => l.id === labelId);
      if (!label) return 'That label no longer exists.';
      const next = editLabel(label, edit, { annotator: this.options.annotator() });
      return { labels: upsertLabel(labels, next), label: next };
    });
  }

  /** Takes a decision back: the span is a plain suggestion again (or gone, for a manual label). */
  clear(uri: string, text: string, labelId: string): Promise<LabelResult> {
    return this.change(uri, text, (labels) => ({ labels: removeLabel(labels, labelId) }));
  }

  /** Files a contradiction review into the label file of the article `uri` (side a). */
  reviewContradiction(uri: string, text: string, review: ContradictionReview | { clearKey: string }): Promise<LabelResult> {
    return this.changeFile(uri, text, (file) => ('clearKey' in review ? clearReview(file, review.clearKey) : setReview(file, review)));
  }

  private async changeFile(uri: string, text: string, update: (file: LabelFile) => LabelFile): Promise<LabelResult> {
    if (!this.options.trusted()) return { ok: false, message: 'This workspace is in Restricted Mode: labels cannot be written until you trust it.' };
    const state = await this.load(uri, text);
    if (!state) return { ok: false, message: this.noLabelFile(uri) };
    if (state.problems?.length) return { ok: false, message: `The label file ${state.labelPath} has errors (see Problems); fix it first — Sanad will not overwrite it.` };
    const before = state.file;
    state.file = update(state.file);
    const { value: saved, moves } = await this.recording(state, () => this.save(uri));
    if (!saved.ok) {
      state.file = { ...before, labels: replay(before.labels, moves) };
      this.changed();
    }
    return saved;
  }

  /** The publication date and outlet a reviewer set in the article's label file, if loaded. */
  publication(uri: string): PublicationCorrection | undefined {
    return this.articles.get(uri)?.file.publication;
  }

  /**
   * Sets the reviewer's publication date and outlet of an article (a field given as null is
   * cleared, one left undefined is kept) and saves the label file at once: it is not tied to
   * the article's text, so it does not wait for the article to be saved.
   */
  setPublication(uri: string, text: string, change: { published?: string | null; outlet?: string | null }): Promise<LabelResult> {
    return this.changeFile(uri, text, (file) => {
      const next: PublicationCorrection = { ...file.publication };
      for (const key of ['published', 'outlet'] as const) {
        const v = change[key];
        if (v === null) delete next[key];
        else if (v !== undefined) next[key] = v;
      }
      const { publication: _old, ...rest } = file;
      if (next.published === undefined && next.outlet === undefined) return rest;
      const annotator = this.options.annotator();
      return { ...rest, publication: { published: next.published, outlet: next.outlet, annotator: annotator || undefined, updated: new Date().toISOString() } };
    });
  }

  /** Adds imported labels to an article's file (an imported label replaces the one with its id). */
  importLabels(uri: string, text: string, imported: readonly Label[]): Promise<LabelResult> {
    return this.changeFile(uri, text, (file) => {
      let labels = file.labels;
      for (const l of reanchorLabels(imported, text)) labels = upsertLabel(labels, l);
      return { ...file, labels };
    });
  }

  /** Loaded label files by article path (workspace-relative), as the label core's functions take them. */
  byPath(): Map<string, LabelFile> {
    this.byPathCache ??= new Map([...this.articles].map(([uri, s]) => [this.options.pathOf(uri), s.file]));
    return this.byPathCache;
  }

  /** Actor names accepted anywhere, for the lexicon. */
  taught(): TaughtName[] {
    return acceptedActors(new Map([...this.articles.values()].map((s) => [s.file.article ?? s.labelPath, s.file])));
  }

  /** Files loaded so far, by article URI (for exports and counts). */
  loaded(): ReadonlyMap<string, LabelFile> {
    return new Map([...this.articles].map(([uri, s]) => [uri, s.file]));
  }
}
