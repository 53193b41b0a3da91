/**
 * Regression (issue 17, apig lsp): the server keyed what it published by its own spelling of a file's URI
 * (`pathToFileURL`), and looked the findings up by the client's. Editors spell URIs their own way (VS Code writes
 * `@` as `%40`, `+` as `%2B`, and `c%3A` for a Windows drive), so for such a folder the findings were published to a
 * URI the client never opened, without the document's version, and the quick fixes and finding hovers found
 * nothing. Now a file's findings are kept by path, and published to the URI the client opened it with.
 */
import { cpSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol/node';
import { inProcess, type LspClient, uriOf } from '../e2e/lsp-kit.js';
import { ROOT } from '../e2e/run-cli.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

it('publishes to, and answers for, the URI the client opened, however it spells it', async () => {
  const dir = join(realpathSync(mkdtempSync(join(tmpdir(), 'apig-lsp-'))), 'team@api+v2');
  cpSync(join(ROOT, 'fixtures', 'demo'), dir, { recursive: true });
  client = inProcess({});
  await client.initialize(dir);
  const file = join(dir, 'demo.yaml');
  const text = readFileSync(file, 'utf8').replace('x-apigateway-match-mode: SWA', 'x-apigateway-match-mode: swa');
  // As VS Code spells it.
  const uri = uriOf(file).replace('@', '%40').replace('+', '%2B');
  expect(uri).toContain('team%40api%2Bv2');
  await client.rpc.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text },
  });
  const [finding] = await client.diagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
  expect(finding?.code).toBe('extension-schema');

  const hover = await client.request<Hover | null>('textDocument/hover', {
    textDocument: { uri },
    position: finding?.range.start,
  });
  expect(JSON.stringify(hover)).toContain('apig extension-schema');
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: finding?.range,
    context: { diagnostics: [finding] },
  });
  expect(actions.map((a) => a.title)).toContain(
    'Suppress extension-schema here (x-apig-lint-disable; write the reason)',
  );
  expect(Object.keys(actions[0]?.edit?.changes ?? {})).toEqual([uri]);
});
