/**
 * Regression (found while writing `apig lint --fix`): a shared parameter (root `parameters`, named by `$ref`) with a
 * schema error, e.g. a path parameter without `required: true`, made the whole file unlintable. Lint left the
 * shared definition out, the operation's `$ref` then led nowhere, and the decoder reported that at the `#` fragment
 * ("#/parameters/orderId parameter must be an object, got undefined"), a place the partial load cannot leave out:
 * the file got no model, so no APIG rule ran on any of its APIs, and `--fix` had nothing to fix the parameter in.
 * Right: the problem is reported at the operation's `$ref` entry, that operation is left out, and the rest of the
 * file is linted as usual.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEFAULT_QUOTAS } from '../../src/lint/quotas.js';
import { lintWorkspace } from '../../src/lint/run.js';
import { loadWorkspace } from '../../src/workspace/load.js';

const API = `swagger: "2.0"
info: {title: shop_api, version: "1"}
parameters:
  orderId: {name: orderId, in: path, type: string}
paths:
  /orders/{orderId}:
    get:
      operationId: getOrder
      parameters:
        - $ref: '#/parameters/orderId'
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
  /users:
    get:
      operationId: getUsers
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: HTTP, httpEndpoints: {address: "10.0.0.1", scheme: HTTPS, method: GET, path: /u}}
`;

it('a shared parameter with an error leaves out the operations that use it, not the whole file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'apig-shared-param-'));
  writeFileSync(join(dir, 'api.yaml'), API);
  const loaded = await loadWorkspace('api.yaml', { cwd: dir, env: {}, partial: true });
  expect(loaded.workspace?.groups.map((g) => g.model.apis.map((a) => a.name))).toEqual([['getUsers']]);
  const findings = lintWorkspace(loaded.workspace, loaded.diagnostics, { quotas: DEFAULT_QUOTAS, fixes: true });
  expect(findings.filter((f) => f.path.startsWith('#'))).toEqual([]);
  // The rest of the file is linted: the other API's finding is there.
  expect(findings.map((f) => `${f.code} ${f.path}`)).toContain(
    'canonical-spelling /paths/~1users/get/x-apigateway-backend/httpEndpoints/scheme',
  );
  // And the shared parameter's finding carries its fix.
  const required = findings.find((f) => f.path === '/parameters/orderId');
  expect(required?.fix?.edits).toEqual([{ op: 'set', path: '/parameters/orderId/required', value: true }]);
});
