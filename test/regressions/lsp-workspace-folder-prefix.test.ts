/**
 * Regression (issue 17, apig lsp): a new apig.yaml was taken into the server's care when its path merely began
 * with a workspace folder's (`startsWith`), so a folder `/work/api` took in `/work/api-old/apig.yaml`, a workspace
 * the editor never opened, and published its findings. Now the file must lie inside the folder.
 */
import { cpSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { inProcess, type LspClient, uriOf } from '../e2e/lsp-kit.js';
import { ROOT } from '../e2e/run-cli.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

it('takes in a new apig.yaml only inside a workspace folder', async () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'apig-lsp-')));
  const folder = join(base, 'api');
  const next = join(base, 'api-old');
  cpSync(join(ROOT, 'fixtures', 'demo'), folder, { recursive: true });
  cpSync(join(ROOT, 'fixtures', 'demo'), next, { recursive: true });
  client = inProcess({});
  await client.initialize(folder);
  const own = uriOf(join(folder, 'apig.yaml'));
  await client.diagnostics(own);
  const before = client.published.get(own);
  // The one outside is reported first, then a change inside: lints run in that order, one at a time.
  await client.rpc.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: uriOf(join(next, 'apig.yaml')), type: 1 },
      { uri: own, type: 2 },
    ],
  });
  await client.diagnostics(own, (p) => p !== before);
  expect([...client.published.keys()].filter((u) => u.includes('api-old'))).toEqual([]);
});
