/**
 * Regression (issue 17, apig lsp): a file counted as a Swagger/OpenAPI file when any line, at any depth, began
 * with a `swagger:` or `openapi:` key, so opening a package.json with a script named "swagger" (or a CI file with a
 * job named openapi) linted it as an API definition and filled it with schema errors. Now only a key of the
 * document itself counts: at the start of a line in block YAML, at the first level of a JSON object.
 */
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { inProcess, type LspClient } from '../e2e/lsp-kit.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

it('lints only files whose own keys say swagger or openapi', async () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'apig-lsp-')));
  client = inProcess({});
  await client.initialize(dir);
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'x', scripts: { swagger: 'swagger-cli bundle api.yaml' } }, null, 2),
    'ci.yaml': 'jobs:\n  openapi: \n    runs-on: ubuntu-latest\n',
    // A Swagger file whose `swagger` key is not the first one is still one.
    'api.json': JSON.stringify({ info: { title: 'x', version: '1' }, paths: { '/a': {} }, swagger: '2.0' }, null, 2),
  };
  const found: Record<string, number> = {};
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    const uri = await client.open(join(dir, name), text);
    found[name] = (await client.fresh(uri)).length;
  }
  expect(found['package.json']).toBe(0);
  expect(found['ci.yaml']).toBe(0);
  expect(found['api.json']).toBeGreaterThan(0);
});
