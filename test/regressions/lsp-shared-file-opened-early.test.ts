/**
 * Regression (issue 17, apig lsp): a group file that a workspace lists from outside its folder (`../shared/...`)
 * and that the editor opened before the workspace's first lint (editors reopen their files at start-up) was
 * taken for a Swagger file of its own and linted alone as well, which showed findings `apig lint` run in the
 * workspace does not give (variables its environments define) until the file was edited. And each edit of such a
 * file published its old findings at once, labelled with the new version. Now the workspace's lint takes the file
 * over, and a file a workspace reads is published only by a lint, with the version the findings were found in.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { inProcess, type LspClient } from '../e2e/lsp-kit.js';
import { ROOT } from '../e2e/run-cli.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

const WORKSPACE =
  'groups:\n  - name: shared\n    spec: ../shared/demo.yaml\n' +
  'environments:\n  RELEASE:\n    variables: { backend: "127.0.0.1:9000", basePath: "/v1" }\n' +
  'publish:\n  RELEASE: ["*"]\n';

it('lints a shared group file opened at start-up as its workspace does', async () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'apig-lsp-')));
  for (const d of ['shared', 'ws']) mkdirSync(join(base, d));
  const shared = join(base, 'shared', 'demo.yaml');
  const text = readFileSync(join(ROOT, 'fixtures', 'demo', 'demo.yaml'), 'utf8');
  writeFileSync(shared, text);
  writeFileSync(join(base, 'ws', 'apig.yaml'), WORKSPACE);
  client = inProcess({});
  // A pause long enough for the file to be opened before the workspace is first linted.
  await client.initialize(join(base, 'ws'), { debounceMs: 300 });
  const uri = await client.open(shared, text);
  // A hover answers once the pending lints have run.
  await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  // Linted alone, the file would have backend-variables findings: the workspace defines the variables.
  expect(client.published.get(uri)?.diagnostics).toEqual([]);

  // An edit: every publication for the new version holds what that version has.
  const forVersion2: Diagnostic[][] = [];
  const linted = client.diagnostics(uri, (p) => {
    if (p.version === 2) forVersion2.push(p.diagnostics);
    return p.version === 2 && p.diagnostics.length > 0;
  });
  await client.change(uri, text.replace('x-apigateway-match-mode: SWA', 'x-apigateway-match-mode: swa'));
  await linted;
  expect(forVersion2.map((ds) => ds.map((d) => d.code))).toEqual([['extension-schema']]);
});
