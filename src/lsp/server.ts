/**
 * `apig lsp`: the language server over stdio (or any pair of streams, for tests). Wires the LSP requests to the
 * session (session.ts) and the features; every handler runs inside `guarded` or `quietly` (guard.ts), so that a
 * request that fails answers an error and the session goes on: a malformed document never ends the server.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CompletionParams,
  type DefinitionParams,
  type HoverParams,
  type ReferenceParams,
  type Connection,
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  type InitializeResult,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WORKSPACE_FILE } from '../core/workspace-model.js';
import { isWithin } from '../oas/refs.js';
import { codeActions, prepareFixes, resolveAction } from './code-actions.js';
import { completions } from './completion.js';
import { definition, references } from './definition.js';
import { diskOrOpen } from './text-of.js';
import { documentHover, workspaceHover } from './hover.js';
import { findingHover } from './finding-hover.js';
import { DEFAULT_SETTINGS, fileOf, Session } from './session.js';
import { readSettings, settingProblems } from './settings.js';
import { guarded, quietly, remoteLog, unlessCancelled } from './guard.js';
import { isWorkspaceFile } from './targets.js';
import { locate, treeOf } from './yaml-tree.js';

/** How long after answering a code action request the text is read for the fixes it lists. */
const PREPARE_AFTER_MS = 30;

export interface ServerStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** Starts the server on stdio, or on the streams given; the connection listens until the client exits. */
export function startServer(streams?: ServerStreams, env: NodeJS.ProcessEnv = process.env): Connection {
  // Streams given (tests, in process) are wrapped as message reader and writer: the library ends the process when
  // a raw input stream ends, which is right for stdio only.
  const connection = streams
    ? createConnection(new StreamMessageReader(streams.input), new StreamMessageWriter(streams.output))
    : createConnection(process.stdin, process.stdout);
  const docs = new TextDocuments(TextDocument);
  const session = new Session(
    docs,
    {
      publish: (uri, diagnostics, version) => {
        // A connection closed meanwhile has no one to tell (it throws, or rejects).
        try {
          connection
            .sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) })
            .catch(() => undefined);
        } catch {}
      },
      log: (message) => {
        try {
          remoteLog(connection).error(message);
        } catch {}
      },
    },
    env,
  );
  let roots: string[] = [];
  let watchRegistration = false;
  let lazyActions = false;
  // The LSP lifecycle: requests before `initialize` are answered ServerNotInitialized and notifications dropped;
  // after `shutdown`, requests are refused and nothing is linted (the library ends the process on `exit`).
  let phase: 'new' | 'running' | 'shut' = 'new';

  /** A request handler, guarded, and answered only while the server runs. */
  const request = <P, R>(name: string, handler: (params: P, token?: CancellationToken) => R | Promise<R>) =>
    guarded(connection, name, (params: P, token?: CancellationToken) => {
      if (phase === 'new') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized');
      if (phase === 'shut') throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
      return handler(params, token);
    });

  /** Tells the user, once per change of settings, what of them apig ignores. */
  const warnSettings = (raw: unknown): void => {
    const problems = settingProblems(raw);
    if (problems.length === 0) return;
    const message = `apig: settings ignored: ${problems.join('; ')}.`;
    // A notification (window/showMessage): nothing to answer, so a client that shows no dialogs is not held up.
    void connection
      .sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message })
      .catch(() => undefined);
  };
  let initialSettings: unknown;

  connection.onShutdown(() => {
    phase = 'shut';
    session.stop();
  });

  connection.onInitialize((params): InitializeResult => {
    phase = 'running';
    const folders = params.workspaceFolders?.map((f) => fileOf(f.uri)) ?? [
      params.rootUri ? fileOf(params.rootUri) : undefined,
    ];
    roots = folders.filter((f): f is string => f !== undefined);
    session.settings = readSettings(params.initializationOptions, DEFAULT_SETTINGS);
    initialSettings = params.initializationOptions;
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    lazyActions = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '#', '-', '[', ','] },
        definitionProvider: true,
        referencesProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll'], resolveProvider: true },
      },
      serverInfo: { name: 'apig' },
    };
  });

  connection.onInitialized(() => {
    warnSettings(initialSettings);
    if (watchRegistration)
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/.apiglint.yaml' }],
        })
        .catch(() => undefined);
    // The workspace at the root of each folder is linted from the start: its closed files get diagnostics too.
    for (const root of roots) {
      const ws = join(root, WORKSPACE_FILE);
      if (existsSync(ws)) session.watch(ws);
    }
  });

  connection.onDidChangeConfiguration(
    quietly(connection, 'configuration', (params: { settings: unknown }) => {
      if (phase !== 'running') return;
      const s = params.settings as { apig?: unknown } | undefined;
      if (s && typeof s === 'object' && 'apig' in s) {
        session.settings = readSettings(s.apig, session.settings);
        warnSettings(s.apig);
        session.all();
      }
    }),
  );

  const onDoc = (name: string, act: (file: string) => void) =>
    quietly(connection, name, (e: { document: TextDocument }) => {
      if (phase !== 'running') return;
      const file = fileOf(e.document.uri);
      if (file !== undefined) act(file);
    });
  docs.onDidOpen(onDoc('open', (file) => session.touched(file)));
  docs.onDidChangeContent(onDoc('change', (file) => session.touched(file)));
  docs.onDidClose(onDoc('close', (file) => session.closed(file)));
  connection.onDidChangeWatchedFiles(
    quietly(connection, 'watched files', (params: { changes: Array<{ uri: string }> }) => {
      if (phase !== 'running') return;
      for (const c of params.changes) {
        const file = fileOf(c.uri);
        if (file === undefined) continue;
        session.changedOnDisk(file);
        if (isWorkspaceFile(file) && existsSync(file) && roots.some((r) => isWithin(file, r))) session.watch(file);
      }
    }),
  );

  /** An open document and its file; undefined for one that is no file (`untitled:`): apig has nothing to say. */
  const docOf = (uri: string): { doc: TextDocument; file: string } | undefined => {
    const doc = docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    const file = fileOf(uri);
    return file === undefined ? undefined : { doc, file };
  };

  /** The workspace a file was last linted in; right after an open, once that first lint is done. */
  const workspaceOf = async (file: string) => {
    if (session.resultFor(file) === undefined) await session.idle();
    return session.resultFor(file)?.workspace;
  };

  connection.onHover(
    request('hover', async (params: HoverParams, token) => {
      const open = docOf(params.textDocument.uri);
      if (!open) return null;
      const { doc, file } = open;
      const parts: string[] = [];
      const found = findingHover(await session.freshFindings(doc, token), params.position);
      unlessCancelled(token);
      if (found) parts.push(found);
      const at = locate(treeOf(doc), doc.offsetAt(params.position));
      const about = at === undefined ? undefined : isWorkspaceFile(file) ? workspaceHover(at) : documentHover(at);
      if (about) parts.push(about);
      return parts.length === 0 ? null : { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
    }),
  );

  connection.onCompletion(
    request('completion', async (params: CompletionParams, token) => {
      const open = docOf(params.textDocument.uri);
      if (!open) return [];
      const { doc, file } = open;
      const ws = await workspaceOf(file);
      unlessCancelled(token);
      return completions(doc, file, params.position, ws);
    }),
  );

  connection.onDefinition(
    request('definition', async (params: DefinitionParams, token) => {
      const open = docOf(params.textDocument.uri);
      if (!open) return [];
      const { doc, file } = open;
      const ws = await workspaceOf(file);
      unlessCancelled(token);
      const texts = diskOrOpen(session.texts());
      return definition(file, doc.getText(), doc.offsetAt(params.position), ws, texts, treeOf(doc));
    }),
  );

  connection.onReferences(
    request('references', (params: ReferenceParams) => {
      const open = docOf(params.textDocument.uri);
      if (!open) return [];
      const { doc, file } = open;
      const { includeDeclaration } = params.context;
      return references(file, doc.getText(), doc.offsetAt(params.position), includeDeclaration, treeOf(doc));
    }),
  );

  connection.onCodeAction(
    request('code action', async (params: CodeActionParams, token) => {
      const open = docOf(params.textDocument.uri);
      if (!open) return [];
      const { doc, file } = open;
      const only = params.context.only;
      const findings = await session.freshFindings(doc, token);
      unlessCancelled(token);
      const actions = codeActions(doc, file, findings, params.range, {
        lazy: lazyActions,
        ...(only !== undefined ? { only } : {}),
      });
      // While the editor shows the actions, the text is read for them: the one chosen resolves without reading it.
      // (A moment after this answer, which would otherwise wait for the reading to be sent.)
      const version = doc.version;
      if (lazyActions && actions.length > 0)
        setTimeout(() => {
          if (phase === 'running' && docs.get(doc.uri) === doc && doc.version === version) prepareFixes(doc, file);
        }, PREPARE_AFTER_MS);
      return actions;
    }),
  );

  connection.onCodeActionResolve(
    request('code action resolve', async (action: CodeAction, token) => {
      const uri = (action.data as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string') return action;
      const open = docOf(uri);
      if (!open) return action;
      const findings = await session.freshFindings(open.doc, token);
      unlessCancelled(token);
      return resolveAction(action, open.doc, open.file, findings);
    }),
  );

  docs.listen(connection);
  connection.listen();
  return connection;
}
