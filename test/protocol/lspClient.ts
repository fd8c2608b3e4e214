// A small LSP client for the protocol tests: spawns the built server over stdio and speaks to it
// as an editor would, collecting what the server pushes.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  ExitNotification,
  WorkDoneProgressCreateRequest,
  ConfigurationRequest,
  LogMessageNotification,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { documentSpansNotification, corpusStatusNotification, type DocumentSpansParams, type CorpusStatus } from '../../shared/src/protocol';

export const repoRoot = join(__dirname, '..', '..', '..');

export class LspSession {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly spans = new Map<string, DocumentSpansParams>();
  status: CorpusStatus | undefined;
  stderr = '';
  /** What the server wrote to its output channel (window/logMessage). */
  readonly logs: string[] = [];
  private readonly waiters: Array<() => void> = [];

  private constructor(
    private readonly child: ChildProcess,
    settings: unknown,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.note(() => this.diagnostics.set(p.uri, p)));
    this.connection.onNotification(documentSpansNotification, (p) => this.note(() => this.spans.set(p.uri, p)));
    this.connection.onNotification(corpusStatusNotification, (s) => this.note(() => (this.status = s)));
    this.connection.onNotification(LogMessageNotification.type, (p) => this.note(() => this.logs.push(p.message)));
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => settings));
    this.connection.listen();
  }

  static async start(
    workspace: string,
    settings: unknown = {},
    options: { execArgv?: string[]; initializationOptions?: unknown; env?: Record<string, string> } = {},
  ): Promise<{ session: LspSession; init: InitializeResult }> {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe', env: { ...process.env, ...options.env } });
    const session = new LspSession(child, settings);
    const init = await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
      workspaceFolders: [{ uri: `file://${workspace}`, name: 'corpus' }],
      initializationOptions: options.initializationOptions,
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return { session, init };
  }

  private note(update: () => void): void {
    update();
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until `check` holds, re-checking on every notification; fails after `ms`. */
  async until<T>(what: string, check: () => T | undefined | false, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = check();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${ms} ms waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((done) => {
        const t = setTimeout(done, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          done();
        });
      });
    }
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      const exited = new Promise((done) => this.child.once('exit', done));
      setTimeout(() => this.child.kill(), 2000).unref();
      await exited;
      this.connection.dispose();
    }
  }
}
