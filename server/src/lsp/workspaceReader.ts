// The first read of a workspace: every corpus file read (the editor's text for open documents),
// then analysed by the one corpus pipeline (corpus/pool.ts) that `sanad analyze` uses, so the
// server knows exactly what the CLI prints for the same articles. Each finished document is kept
// in the index and its figures compared as it comes; labels load while the files are read, and
// the names they accept are taught between the passes. Nothing here waits on the editor for long:
// files are read a few at a time, and work on this thread gives way every 20 ms.
import { pathToFileURL } from 'node:url';
import { readArticle } from '../corpus/articleFiles';
import { analyzeEach } from '../corpus/pool';
import { CorpusTexts } from '../corpus/texts';
import { Manifests } from '../corpus/manifest';
import type { LexiconRecipe, NameToTeach } from '../analysis';
import type { WorkspaceIndex } from './workspaceIndex';

/** Files read ahead of the one being taken, so the disk is never idle. */
const READ_AHEAD = 16;
/** Articles analysed on this thread after worker threads did the first read. */
const WARM_UP_ARTICLES = 64;

export interface ReaderHost {
  index: WorkspaceIndex;
  /** The editor's text of an open document. */
  open(uri: string): { text: string; version: number } | undefined;
  maxBytes: number;
  /** The workspace folders: a file whose real path is outside them is not read. */
  within: string[];
  recipe: LexiconRecipe;
  /** Called with each article as soon as it is read (the server starts loading its labels). */
  onRead(uri: string, text: string): void;
  /** The names accepted in labels, once every label file of the articles read is loaded. */
  taught(): Promise<NameToTeach[]>;
  progress(what: string, done: number, total: number): void;
  warn(message: string): void;
  info(message: string): void;
  yieldToEvents(): Promise<void>;
  /**
   * Articles this long (UTF-16 units) are left out of the pipeline and listed in `deferred`: one
   * such page would hold this thread for seconds (the pipeline reads a corpus below the worker
   * threads' threshold here). The server analyses them afterwards on the document thread.
   */
  largeChars?: number;
  env?: NodeJS.ProcessEnv;
}

export class WorkspaceReader {
  /** How long each stage took, for the output channel: where a slow first read goes. */
  readonly stages: string[] = [];
  private stageStart = Date.now();
  /** The articles left to the caller (see ReaderHost.largeChars), in corpus order. */
  readonly deferred: Array<{ uri: string; text: string; version: number | null }> = [];

  constructor(private readonly host: ReaderHost) {}

  private stage(name: string): void {
    this.stages.push(`${name} ${Date.now() - this.stageStart} ms`);
    this.stageStart = Date.now();
  }

  /** Reads, analyses and indexes `files`; every article's figures are compared on return. */
  async read(files: string[]): Promise<void> {
    const { host } = this;
    const { index } = host;
    const texts = new CorpusTexts(host.env);
    const uris: string[] = [];
    const versions: Array<number | null> = [];
    // The scrapers' manifests beside the articles: dates and outlets the text may not give.
    const manifests = new Manifests();
    await manifests.load(files, host.within);
    for (const p of manifests.problems) host.warn(`Sanad: ${p}: skipped`);
    await this.readFiles(files, (uri, text, version, file) => {
      const meta = manifests.of(file);
      index.setMetadata(uri, meta);
      if (host.largeChars !== undefined && text.length >= host.largeChars) {
        this.deferred.push({ uri, text, version });
        host.onRead(uri, text);
        return;
      }
      // With the publication a reviewer set, when it is known already (a second read of the workspace).
      texts.add(index.displayPath(uri), text, index.metadataFor(uri));
      uris.push(uri);
      versions.push(version);
      host.onRead(uri, text);
    });
    this.stage('read');
    let at = 0;
    const result = await analyzeEach(
      texts,
      (doc, text) => {
        const i = at++;
        // An article edited meanwhile keeps the editor's analysis (adopt declines it).
        index.adopt(uris[i], text, versions[i], doc);
      },
      {
        recipe: host.recipe,
        taught: async () => {
          const taught = await host.taught();
          this.stage('first pass and labels');
          return taught;
        },
        warn: (line) => host.warn(`Sanad: ${line}`),
        yieldToEvents: () => host.yieldToEvents(),
        progress: (pass, done, total) => host.progress(pass === 'reading' ? 'reading' : 'finishing', done, total),
        env: host.env,
      },
    );
    index.lexicon = result.lexicon;
    if (result.threads > 1) {
      host.info(`Sanad: read ${texts.count} articles in ${result.threads} worker threads`);
      // This thread has analysed nothing yet: a few articles now, so that its compiled engine is
      // warm for the first edits (cold, an edit of a long article takes three times longer).
      for (const e of index.all().slice(0, WARM_UP_ARTICLES)) {
        index.warmUp(e);
        await host.yieldToEvents();
      }
    }
    this.stage('finished and compared');
  }

  /** Reads each file (or takes the editor's text), a few at a time, in corpus order. */
  private async readFiles(files: string[], take: (uri: string, text: string, version: number | null, file: string) => void): Promise<void> {
    const { host } = this;
    const pending = new Map<number, ReturnType<typeof readArticle>>();
    const readAhead = (i: number) => {
      if (i < files.length && !pending.has(i) && !host.open(pathToFileURL(files[i]).toString())) pending.set(i, readArticle(files[i], host.maxBytes, { within: host.within }));
    };
    for (let k = 0; k < READ_AHEAD; k++) readAhead(k);
    let sliceStart = Date.now();
    for (let i = 0; i < files.length; i++) {
      readAhead(i + READ_AHEAD);
      const uri = pathToFileURL(files[i]).toString();
      const open = host.open(uri);
      const reading = pending.get(i);
      pending.delete(i);
      if (open) take(uri, open.text, open.version, files[i]);
      else {
        const r = await (reading ?? readArticle(files[i], host.maxBytes, { within: host.within }));
        if (!r.ok) {
          host.index.markUnreadable(uri, r.reason);
          host.warn(`${host.index.displayPath(uri)}: skipped, ${r.reason}`);
          continue;
        }
        take(uri, r.text, null, files[i]);
      }
      if (Date.now() - sliceStart > 20) {
        host.progress('reading files', i + 1, files.length);
        await host.yieldToEvents();
        sliceStart = Date.now();
      }
    }
  }
}
