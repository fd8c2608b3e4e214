// All of Sanad's diagnostics, published per file: contradictions between sources (a warning on both
// spans, each pointing at the other) and hidden characters in the text. One publish per file
// carries both, since a publish replaces what that file had. After an edit only the files whose
// contradictions changed are recomputed, and only those whose problems differ are sent.
import { createHash } from 'node:crypto';
import { measureName } from '../../format/measureNames';
import { say } from '../uiText';
import { DiagnosticSeverity, type Diagnostic, type Connection } from 'vscode-languageserver/node';
import { findHiddenText, type HiddenRun, type HiddenTier } from '../../analysis/text/hiddenText';
import type { IndexEntry, WorkspaceIndex } from '../workspaceIndex';
import type { Contradiction } from '../../analysis';
import type { ContradictionReview } from '../../labels';
import { locationOf, rangeOf } from './locations';
import { describePair, pairId, sideLine } from './contradictionText';
import { fsi } from '../../../../shared/src/bidi';
import type { ContradictionData } from '../../../../shared/src/protocol';

const hiddenCache = new WeakMap<IndexEntry, HiddenRun[]>();

export function hiddenRunsOf(entry: IndexEntry): HiddenRun[] {
  let runs = hiddenCache.get(entry);
  if (!runs) hiddenCache.set(entry, (runs = findHiddenText(entry.text)));
  return runs;
}

const HIDDEN_SEVERITY: Record<HiddenTier, DiagnosticSeverity> = {
  suspicious: DiagnosticSeverity.Warning,
  joiner: DiagnosticSeverity.Information,
  mark: DiagnosticSeverity.Hint,
};

export function hiddenTextMessage(run: HiddenRun): string {
  const what = run.tier === 'suspicious' ? 'Invisible characters that can change how this text reads' : run.tier === 'joiner' ? 'Zero-width joiners' : 'Direction marks';
  return `${what}: ${run.names.join(', ')}`;
}

/** " (الجنود القتلى في الأردن)": the Arabic name of what the figure at `start` measures, or ''. */
function arabicName(entry: IndexEntry, start: number): string {
  const m = entry.analysis.mentions.find((x) => x.kind === 'quantity' && x.start === start);
  const name = m && measureName(m);
  return name && name.ar !== name.en ? ` (${name.ar})` : '';
}

export class DiagnosticsPublisher {
  /**
   * A digest of what each file was last sent, so unchanged files are not sent again. Not the
   * JSON itself: a few kilobytes a problem, kept for every file of the workspace
   * (docs/PERFORMANCE.md, "The server's memory").
   */
  private published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly maxProblems: () => number,
    private readonly reviewOf: (c: Contradiction) => ContradictionReview | undefined = () => undefined,
  ) {}

  /** The diagnostics of one indexed file, as they should be now. */
  private diagnosticsOf(entry: IndexEntry): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const c of this.index.claims.contradictionsOf(entry.path)) {
      const p = describePair(c, entry.path, this.index);
      const other = this.index.byPath(p.theirs.path);
      if (!other) continue;
      // A contradiction a reviewer explained is information, no longer a warning.
      const review = this.reviewOf(c);
      const explained = review?.decision === 'explained';
      // A running total that rose is news worth knowing, not a warning.
      const update = c.kind === 'update';
      const verdict = review ? ` [${say(review.decision)}${review.reviewer ? ` ${say('by {0}', review.reviewer)}` : ''}${review.note ? `: ${fsi(review.note)}` : ''}]` : '';
      // The verdict first: the Problems row is cut at its right edge, and the verdict is the news.
      const data: ContradictionData = { pair: pairId(c), title: p.pair, other: { path: p.theirs.path, start: p.theirs.start, end: p.theirs.end } };
      out.push({
        range: rangeOf(entry, p.mine.start, p.mine.end),
        severity: explained || update ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
        source: 'sanad',
        code: update ? 'update' : 'contradiction',
        message: `${fsi(update ? c.message : p.verdict)}: ${p.pair} · ${fsi(c.topic)}${arabicName(entry, p.mine.start)}${verdict}`,
        relatedInformation: [{ location: locationOf(other, p.theirs.start, p.theirs.end), message: `${say('The other figure:')} ${sideLine(p.theirs, say('undated'))}` }],
        data,
      });
    }
    for (const run of hiddenRunsOf(entry)) {
      out.push({ range: rangeOf(entry, run.start, run.end), severity: HIDDEN_SEVERITY[run.tier], source: 'sanad', code: 'hidden-text', message: hiddenTextMessage(run) });
    }
    return out.slice(0, this.maxProblems());
  }

  private send(uri: string, diagnostics: Diagnostic[]): void {
    const key = diagnostics.length ? createHash('sha256').update(JSON.stringify(diagnostics)).digest('base64') : '';
    if ((this.published.get(uri) ?? '') === key) return;
    if (key) this.published.set(uri, key);
    else this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Recomputes the given files (an edit's touched set); files no longer indexed are cleared. */
  refreshFiles(uris: Iterable<string>): void {
    for (const uri of new Set(uris)) {
      const entry = this.index.get(uri);
      this.send(uri, entry ? this.diagnosticsOf(entry) : []);
    }
  }

  private queued = new Set<string>();
  private draining = false;
  private drained: Array<() => void> = [];

  /**
   * Recomputes the given files in slices of a few milliseconds, so that an edit that touches a
   * large claims group does not hold up the requests behind it. The edited file goes first, now.
   */
  refreshSoon(first: string, others: Iterable<string>): void {
    this.refreshFiles([first]);
    for (const uri of others) if (uri !== first) this.queued.add(uri);
    void this.drain();
  }

  /** Works through the queue in slices; resolves when it is empty. */
  private drain(): Promise<void> {
    const done = new Promise<void>((resolve) => this.drained.push(resolve));
    if (this.draining) return done;
    this.draining = true;
    const step = () => {
      const sliceStart = Date.now();
      for (const uri of this.queued) {
        this.queued.delete(uri);
        this.refreshFiles([uri]);
        if (Date.now() - sliceStart > 8) break;
      }
      if (this.queued.size > 0) setImmediate(step);
      else {
        this.draining = false;
        for (const resolve of this.drained.splice(0)) resolve();
      }
    };
    setImmediate(step);
    return done;
  }

  /**
   * Recomputes every file, after indexing or a change of settings, in the same slices (ten
   * thousand files take seconds); resolves when all are sent.
   */
  refreshAll(): Promise<void> {
    const live = new Set<string>();
    for (const entry of this.index.all()) live.add(entry.uri);
    for (const uri of [...this.published.keys()]) if (!live.has(uri)) this.send(uri, []);
    for (const uri of live) this.queued.add(uri);
    return this.drain();
  }
}
