/**
 * Regression (issue 17, apig lsp): two workspaces that list the same group file each published that file's
 * diagnostics as if they were its only reader, so the last lint won: a finding one workspace has (a variable its
 * environment lacks) vanished whenever the other one was linted again, and came back at random. Opened, the
 * shared file was also linted as a Swagger file of its own, a third opinion. Now a file shows the findings of
 * every workspace that reads it (once each), and a workspace's group file is never linted alone.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol/node';
import { inProcess, type LspClient, uriOf } from '../e2e/lsp-kit.js';
import { ROOT } from '../e2e/run-cli.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

const WITH_VARIABLES =
  'groups:\n  - name: shared\n    spec: ../shared/demo.yaml\n' +
  'environments:\n  RELEASE:\n    variables: { backend: "127.0.0.1:9000", basePath: "/v1" }\n' +
  'publish:\n  RELEASE: ["*"]\n';
// The same group, published to an environment that lacks the variables its backend address uses.
const WITHOUT =
  'groups:\n  - name: shared\n    spec: ../shared/demo.yaml\nenvironments:\n  RELEASE: {}\npublish:\n  RELEASE: ["*"]\n';

it("shows every workspace's findings on a group file they share, whichever was linted last", async () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'apig-lsp-')));
  for (const d of ['shared', 'a', 'b']) mkdirSync(join(base, d));
  const shared = join(base, 'shared', 'demo.yaml');
  writeFileSync(shared, readFileSync(join(ROOT, 'fixtures', 'demo', 'demo.yaml'), 'utf8'));
  writeFileSync(join(base, 'a', 'apig.yaml'), WITHOUT);
  writeFileSync(join(base, 'b', 'apig.yaml'), WITH_VARIABLES);
  client = inProcess({});
  await client.rpc.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: null,
    workspaceFolders: ['a', 'b'].map((name) => ({ uri: uriOf(join(base, name)), name })),
    capabilities: {},
    initializationOptions: { debounceMs: 20 },
  });
  await client.rpc.sendNotification(InitializedNotification.type, {});
  const uri = uriOf(shared);
  const codes = (await client.diagnostics(uri, (p) => p.diagnostics.length > 0)).map((d) => d.code);
  expect(codes).toEqual(['backend-variables', 'backend-variables']);

  // Workspace b (no finding on the file) is linted again, last: workspace a's findings stay.
  const b = join(base, 'b', 'apig.yaml');
  writeFileSync(b, `${WITH_VARIABLES}# edited\n`);
  const after = client.published.get(uri);
  await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(b), type: 2 }] });
  const next = await client.diagnostics(uri, (p) => p !== after);
  expect(next.map((d) => d.code)).toEqual(codes);

  // Opened and edited, the file is still the workspaces' (not a Swagger file linted alone).
  const text = readFileSync(shared, 'utf8');
  await client.open(shared, text);
  await client.change(uri, `${text}# edited\n`);
  expect((await client.fresh(uri)).map((d) => d.code)).toEqual(codes);
});
