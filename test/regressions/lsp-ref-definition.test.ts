/**
 * Regression (issue 17, apig lsp): go to definition on a `$ref` took the file part as written, while the loader
 * percent-decodes it (src/oas/refs.ts, refFile): `$ref: "shared%20defs.yaml#/definitions/User"` went nowhere. A
 * `$ref` to a URL was taken as a local path (`<folder>/https:/host/...`). Now the target is the file the loader
 * names, and a URL gives no location (it is never fetched to be shown).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Location } from 'vscode-languageserver-protocol/node';
import { fixtureCopy, inProcess, type LspClient, uriOf } from '../e2e/lsp-kit.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

it('follows a percent-encoded $ref to the file the loader names, and no URL', async () => {
  const dir = fixtureCopy('demo');
  const defs = join(dir, 'shared defs.yaml');
  writeFileSync(defs, 'definitions:\n  User:\n    type: object\n');
  const file = join(dir, 'demo.yaml');
  const text = readFileSync(file, 'utf8').replace(
    '"200": { description: the user }',
    '"200": { description: the user, schema: { $ref: "shared%20defs.yaml#/definitions/User" } }',
  );
  writeFileSync(file, text);
  client = inProcess({});
  await client.initialize(dir);
  const uri = await client.open(file, text);
  await client.fresh(uri);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('shared%20defs'));
  const character = (lines[line] as string).indexOf('shared%20defs') + 3;
  const found = await client.request<Location[]>('textDocument/definition', {
    textDocument: { uri },
    position: { line, character },
  });
  expect(found).toEqual([
    { uri: uriOf(defs), range: { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } } },
  ]);

  const remote = text.replace(
    'shared%20defs.yaml#/definitions/User',
    'https://example.com/defs.yaml#/definitions/User',
  );
  await client.change(uri, remote);
  const none = await client.request<Location[]>('textDocument/definition', {
    textDocument: { uri },
    position: { line, character: (lines[line] as string).indexOf('shared%20defs') + 3 },
  });
  expect(none).toEqual([]);
});
