/**
 * Regression (issue 17, apig lsp): the server ignored the LSP lifecycle. A request before `initialize` was
 * worked on (and failed as an internal error, logged as an apig bug) instead of being answered
 * ServerNotInitialized (-32002); requests after `shutdown` were still served and edits still linted; and a request
 * the client cancelled while it waited for a lint (code actions wait for one, so as not to work from stale
 * findings) was worked out in full anyway. Now each gets the answer the protocol names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import {
  CancellationTokenSource,
  CodeActionRequest,
  ErrorCodes,
  LSPErrorCodes,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { fixtureCopy, inProcess, type LspClient, uriOf } from '../e2e/lsp-kit.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

const codeOf = async (p: Promise<unknown>): Promise<number | undefined> =>
  p.then(
    () => undefined,
    (e: { code?: number }) => e.code,
  );

it('answers before initialize, after shutdown, and on cancel as the protocol says', async () => {
  const dir = fixtureCopy('demo');
  const file = join(dir, 'demo.yaml');
  client = inProcess({});
  const hover = (uri: string) =>
    client?.request('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    }) as Promise<unknown>;
  expect(await codeOf(hover(uriOf(file)))).toBe(ErrorCodes.ServerNotInitialized);
  expect(client.stderr.join('\n')).not.toContain('failed');

  await client.initialize(dir, { debounceMs: 400 });
  const text = readFileSync(file, 'utf8');
  const uri = await client.open(file, text);
  await client.fresh(uri);
  // Edited: the code action waits for the lint; cancelled meanwhile, it is answered as cancelled.
  await client.change(uri, text.replace('x-apigateway-match-mode: SWA', 'x-apigateway-match-mode: swa'));
  const source = new CancellationTokenSource();
  const asked = client.rpc.sendRequest(
    CodeActionRequest.type,
    {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
      context: { diagnostics: [] },
    },
    source.token,
  );
  source.cancel();
  expect(await codeOf(asked)).toBe(LSPErrorCodes.RequestCancelled);

  await client.rpc.sendRequest(ShutdownRequest.type);
  expect(await codeOf(hover(uri))).toBe(ErrorCodes.InvalidRequest);
});
