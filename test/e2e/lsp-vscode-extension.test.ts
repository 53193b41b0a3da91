/**
 * editors/vscode: the extension's wiring, without VS Code. Its file is loaded beside stand-ins for the `vscode`
 * module and vscode-languageclient (neither is installed here) that record what the extension asks of them: it
 * must start `apig lsp` over stdio (the command from `apig.path`) for YAML and JSON files, hand the `apig.*`
 * settings to the server, and stop it on deactivation. The server side of that conversation is what lsp.test.ts
 * and lsp-spawn.test.ts test.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

const VSCODE_STUB = `
const settings = { path: '/opt/apig/bin/apig', debounceMs: 80, rules: { 'unused-policy': 'off' }, configFile: '', allowRemoteRefs: false };
module.exports = {
  workspace: {
    getConfiguration: (section) => ({ get: (key) => (section === 'apig' ? settings[key] : undefined) }),
    createFileSystemWatcher: (glob) => ({ glob }),
  },
};
`;

const CLIENT_STUB = `
const calls = [];
class LanguageClient {
  constructor(id, name, server, client) { calls.push({ made: { id, name, server, client } }); this.state = 'new'; }
  async start() { this.state = 'running'; calls.push({ start: true }); }
  async stop() { this.state = 'stopped'; calls.push({ stop: true }); }
  dispose() {}
}
module.exports = { LanguageClient, TransportKind: { stdio: 0 }, calls };
`;

it('starts apig lsp over stdio for YAML and JSON, with the apig settings, and stops it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'apig-vscode-'));
  copyFileSync(join(ROOT, 'editors/vscode/extension.js'), join(dir, 'extension.js'));
  mkdirSync(join(dir, 'node_modules/vscode'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/vscode/index.js'), VSCODE_STUB);
  mkdirSync(join(dir, 'node_modules/vscode-languageclient'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/vscode-languageclient/node.js'), CLIENT_STUB);
  const load = createRequire(join(dir, 'extension.js'));
  const extension = load('./extension.js') as { activate(ctx: unknown): Promise<void>; deactivate(): Promise<void> };
  const { calls } = load('vscode-languageclient/node') as { calls: Array<Record<string, unknown>> };

  const subscriptions: unknown[] = [];
  await extension.activate({ subscriptions });
  const made = (calls[0] as { made: { server: { run: Record<string, unknown> }; client: Record<string, unknown> } })
    .made;
  expect(made.server.run).toMatchObject({ command: '/opt/apig/bin/apig', args: ['lsp'], transport: 0 });
  expect(made.client.documentSelector).toEqual([
    { scheme: 'file', language: 'yaml' },
    { scheme: 'file', language: 'json' },
  ]);
  expect(made.client.initializationOptions).toEqual({
    debounceMs: 80,
    rules: { 'unused-policy': 'off' },
    configFile: null,
    allowRemoteRefs: false,
  });
  expect(made.client.synchronize).toMatchObject({ configurationSection: 'apig' });
  expect(calls[1]).toEqual({ start: true });
  expect(subscriptions).toHaveLength(1);
  await extension.deactivate();
  expect(calls[2]).toEqual({ stop: true });

  // The manifest names that file, and declares the client it needs.
  const manifest = JSON.parse(readFileSync(join(ROOT, 'editors/vscode/package.json'), 'utf8')) as {
    main: string;
    dependencies: Record<string, string>;
  };
  expect(manifest.main).toBe('./extension.js');
  expect(Object.keys(manifest.dependencies)).toEqual(['vscode-languageclient']);
});
