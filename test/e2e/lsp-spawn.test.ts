/**
 * `apig lsp` as editors start it: the built binary over its standard input and output. Initialize, open a file,
 * get its diagnostics, then shutdown and exit end the process with code 0.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ExitNotification, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { fixtureCopy, spawned } from './lsp-kit.js';

it('runs over stdio: diagnostics for an edit, then a clean shutdown', async () => {
  const dir = fixtureCopy('demo');
  const { client, child } = spawned(dir);
  try {
    await client.initialize(dir);
    const file = join(dir, 'demo.yaml');
    const uri = await client.open(file);
    expect(await client.fresh(uri)).toEqual([]);
    await client.change(
      uri,
      readFileSync(file, 'utf8').replace('x-apigateway-match-mode: SWA', 'x-apigateway-match-mode: swa'),
    );
    const found = await client.fresh(uri);
    expect(found.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1])).toEqual([
      ['extension-schema', 67, 32],
    ]);
    const exited = once(child, 'exit');
    await client.rpc.sendRequest(ShutdownRequest.type);
    await client.rpc.sendNotification(ExitNotification.type);
    const [code] = await exited;
    expect(code).toBe(0);
  } finally {
    client.dispose();
  }
});
