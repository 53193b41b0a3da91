/**
 * `apig lsp`: the language server over stdio (or any pair of streams, for tests). Wires the LSP requests to the
 * session (session.ts) and the features; every handler runs inside `guarded` or `quietly` (guard.ts), so that a
 * request that fails answers an error and the session goes on: a malformed document never ends the server.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type Connection,
  createConnection,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WORKSPACE_FILE } from '../core/workspace-model.js';
import { codeActions, resolveAction } from './code-actions.js';
import { completions } from './completion.js';
import { definition, diskOrOpen, references } from './definition.js';
import { documentHover, workspaceHover } from './hover.js';
import { findingHover } from './finding-hover.js';
import { DEFAULT_SETTINGS, fileOf, Session } from './session.js';
import { readSettings } from './settings.js';
import { guarded, quietly, remoteLog } from './guard.js';
import { locate, treeOf } from './yaml-tree.js';

export interface ServerStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const isWorkspaceFile = (file: string): boolean => basename(file) === WORKSPACE_FILE;

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

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => fileOf(f.uri)) ?? [
      params.rootUri ? fileOf(params.rootUri) : undefined,
    ];
    roots = folders.filter((f): f is string => f !== undefined);
    session.settings = readSettings(params.initializationOptions, DEFAULT_SETTINGS);
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
      const s = params.settings as { apig?: unknown } | undefined;
      if (s && typeof s === 'object' && 'apig' in s) {
        session.settings = readSettings(s.apig, session.settings);
        session.all();
      }
    }),
  );

  const onDoc = (name: string, act: (file: string) => void) =>
    quietly(connection, name, (e: { document: TextDocument }) => {
      const file = fileOf(e.document.uri);
      if (file !== undefined) act(file);
    });
  docs.onDidOpen(onDoc('open', (file) => session.touched(file)));
  docs.onDidChangeContent(onDoc('change', (file) => session.touched(file)));
  docs.onDidClose(onDoc('close', (file) => session.closed(file)));
  connection.onDidChangeWatchedFiles(
    quietly(connection, 'watched files', (params: { changes: Array<{ uri: string }> }) => {
      for (const c of params.changes) {
        const file = fileOf(c.uri);
        if (file === undefined) continue;
        session.changedOnDisk(file);
        if (isWorkspaceFile(file) && existsSync(file) && roots.some((r) => file.startsWith(r))) session.watch(file);
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
    guarded(connection, 'hover', (params) => {
      const open = docOf(params.textDocument.uri);
      if (!open) return null;
      const { doc, file } = open;
      const parts: string[] = [];
      const found = findingHover(session.findings.get(doc.uri) ?? [], params.position);
      if (found) parts.push(found);
      const at = locate(treeOf(doc), doc.offsetAt(params.position));
      const about = at === undefined ? undefined : isWorkspaceFile(file) ? workspaceHover(at) : documentHover(at);
      if (about) parts.push(about);
      return parts.length === 0 ? null : { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
    }),
  );

  connection.onCompletion(
    guarded(connection, 'completion', async (params) => {
      const open = docOf(params.textDocument.uri);
      if (!open) return [];
      const { doc, file } = open;
      return completions(doc, file, params.position, await workspaceOf(file));
    }),
  );

  connection.onDefinition(
    guarded(connection, 'definition', async (params) => {
      const open = docOf(params.textDocument.uri);
      if (!open) return [];
      const { doc, file } = open;
      const ws = await workspaceOf(file);
      return definition(file, doc.getText(), doc.offsetAt(params.position), ws, diskOrOpen(session.texts()));
    }),
  );

  connection.onReferences(
    guarded(connection, 'references', (params) => {
      const open = docOf(params.textDocument.uri);
      if (!open) return [];
      const { doc, file } = open;
      return references(file, doc.getText(), doc.offsetAt(params.position), params.context.includeDeclaration);
    }),
  );

  connection.onCodeAction(
    guarded(connection, 'code action', (params) => {
      const open = docOf(params.textDocument.uri);
      if (!open) return [];
      const { doc, file } = open;
      const only = params.context.only;
      return codeActions(doc, file, session.findings.get(doc.uri) ?? [], params.range, {
        lazy: lazyActions,
        ...(only !== undefined ? { only } : {}),
      });
    }),
  );

  connection.onCodeActionResolve(
    guarded(connection, 'code action resolve', (action) => {
      const uri = (action.data as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string') return action;
      const open = docOf(uri);
      if (!open) return action;
      return resolveAction(action, open.doc, open.file, session.findings.get(uri) ?? []);
    }),
  );

  docs.listen(connection);
  connection.listen();
  return connection;
}
