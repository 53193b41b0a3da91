/**
 * Regression (issue 17, apig lsp): when a workspace's apig.yaml was deleted, the server kept linting the workspace
 * that was gone: apig.yaml, a file that no longer exists, kept a `parse` error ("no such file or folder") in the
 * editor's problems for good, and the open group files lost their findings and were linted no more. Now the
 * workspace is dropped with its findings, and an open Swagger file of it is linted on its own, as `apig lint
 * file.yaml` lints it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { fixtureCopy, inProcess, type LspClient, uriOf } from '../e2e/lsp-kit.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

it('drops a workspace whose apig.yaml is deleted, and lints its open files on their own', async () => {
  const dir = fixtureCopy('demo');
  client = inProcess({});
  await client.initialize(dir);
  const workspace = join(dir, 'apig.yaml');
  const ws = uriOf(workspace);
  expect((await client.diagnostics(ws)).map((d) => d.code)).toContain('unset-secret');
  const file = join(dir, 'demo.yaml');
  const uri = await client.open(
    file,
    readFileSync(file, 'utf8').replace('x-apigateway-match-mode: SWA', 'x-apigateway-match-mode: swa'),
  );
  expect((await client.fresh(uri)).map((d) => d.code)).toEqual(['extension-schema']);

  rmSync(workspace);
  const before = client.published.get(uri);
  await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws, type: 3 }] });
  expect(await client.diagnostics(ws, (p) => p.diagnostics.every((d) => d.code !== 'unset-secret'))).toEqual([]);
  // Linted again on its own: the finding is still there (with those of a file outside a workspace).
  const again = await client.diagnostics(uri, (p) => p !== before && p.diagnostics.length > 0);
  expect(again.map((d) => d.code)).toContain('extension-schema');
});
