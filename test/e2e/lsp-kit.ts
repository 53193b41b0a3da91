/**
 * A JSON-RPC client for `apig lsp`, as an editor would talk to it: the server in this process over a pair of
 * streams (most tests), or the built binary spawned (`node bin/apig.js lsp`). It keeps the last diagnostics
 * published for each URI and waits for fresh ones.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  createProtocolConnection,
  type Diagnostic,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../src/lsp/server.js';
import { BIN, ROOT } from './run-cli.js';

export const uriOf = (file: string): string => pathToFileURL(file).href;

/** A copy of a fixture folder in a fresh temporary folder (real path: macOS /tmp is a link). */
export function fixtureCopy(name: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'apig-lsp-')));
  cpSync(join(ROOT, 'fixtures', name), dir, { recursive: true });
  return dir;
}

type Waiter = { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (d: Diagnostic[]) => void };

export class LspClient {
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly #waiters: Waiter[] = [];
  readonly #versions = new Map<string, number>();
  readonly stderr: string[] = [];

  constructor(
    readonly rpc: ProtocolConnection,
    private readonly stop: () => void,
  ) {
    rpc.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, p);
      for (const w of this.#waiters.splice(0)) {
        if (w.uri === p.uri && w.test(p)) w.resolve(p.diagnostics);
        else this.#waiters.push(w);
      }
    });
    rpc.onNotification('window/logMessage', (p: { message: string }) => {
      this.stderr.push(p.message);
    });
    rpc.listen();
  }

  async initialize(
    root: string,
    initializationOptions: unknown = { debounceMs: 20 },
    capabilities: ClientCapabilities = {},
  ): Promise<void> {
    await this.rpc.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: 'root' }],
      capabilities,
      initializationOptions,
    });
    await this.rpc.sendNotification(InitializedNotification.type, {});
  }

  /** Diagnostics of `uri` once a publication satisfies `test` (the next one with `version`, if given). */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    const last = this.published.get(uri);
    if (last && test(last)) return Promise.resolve(last.diagnostics);
    return new Promise((resolve) => this.#waiters.push({ uri, test, resolve }));
  }

  /** The next diagnostics for the document's current version. */
  fresh(uri: string): Promise<Diagnostic[]> {
    const v = this.#versions.get(uri);
    return this.diagnostics(uri, (p) => p.version === v);
  }

  async open(file: string, text = readFileSync(file, 'utf8')): Promise<string> {
    const uri = uriOf(file);
    this.#versions.set(uri, 1);
    this.published.delete(uri);
    await this.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: file.endsWith('.json') ? 'json' : 'yaml', version: 1, text },
    });
    return uri;
  }

  /** Replaces the whole text (a full-content change). */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    await this.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  async edit(uri: string, edits: readonly TextEdit[]): Promise<void> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    await this.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
  }

  async close(uri: string): Promise<void> {
    await this.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.rpc.sendRequest(method, params) as Promise<R>;
  }

  dispose(): void {
    this.rpc.dispose();
    this.stop();
  }
}

/** The server in this process. */
export function inProcess(env: NodeJS.ProcessEnv = {}): LspClient {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = startServer({ input: toServer, output: toClient }, env);
  const rpc = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return new LspClient(rpc, () => {
    server.dispose();
    toServer.end();
    toClient.end();
  });
}

/** `node bin/apig.js lsp`, spawned (needs a built dist/). */
export function spawned(cwd: string): { client: LspClient; child: ChildProcess } {
  const child = spawn(process.execPath, [BIN, 'lsp'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const rpc = createProtocolConnection(
    new StreamMessageReader(child.stdout as NodeJS.ReadableStream),
    new StreamMessageWriter(child.stdin as NodeJS.WritableStream),
  );
  const client = new LspClient(rpc, () => child.kill());
  child.stderr?.on('data', (b: Buffer) => client.stderr.push(b.toString()));
  return { client, child };
}

/** The text with LSP edits applied (non-overlapping, any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offset = (line: number, character: number): number => {
    let at = 0;
    for (let l = 0; l < line; l++) at = text.indexOf('\n', at) + 1;
    return at + character;
  };
  const sorted = [...edits].sort(
    (a, b) => offset(b.range.start.line, b.range.start.character) - offset(a.range.start.line, a.range.start.character),
  );
  let out = text;
  for (const e of sorted) {
    const s = offset(e.range.start.line, e.range.start.character);
    const t = offset(e.range.end.line, e.range.end.character);
    out = out.slice(0, s) + e.newText + out.slice(t);
  }
  return out;
}
