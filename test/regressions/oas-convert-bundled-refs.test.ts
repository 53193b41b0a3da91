/**
 * Regression: a group whose file refers to another file twice (`$ref: ../common/error.yaml`, the layout of the
 * OpenAPI Initiative's petstore-separate example) is exported with that schema written once, where it is first
 * used, and the second use pointing there (`#/paths/~1items/get/responses/default/schema`). `apig export --oas 3`
 * then moved the schema (basePath merged into the path key, the response schema into `content`, the body
 * parameter into `requestBody`) but not the pointers, so the OpenAPI 3.0 file had `$ref`s that resolve to
 * nothing (ref-resolution); `--oas 2` of an OpenAPI 3.0 group the same. Right: every local `$ref` into a moved
 * place follows it, and `--check` compares the pointers in the group file's own terms.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const ERROR = `type: object
properties: { code: { type: integer }, message: { type: string } }
`;

const SWAGGER = `swagger: "2.0"
info: { title: bundled2, version: "1" }
basePath: /v1
paths:
  /items:
    get:
      operationId: listItems
      responses:
        default: { description: error, schema: { $ref: "../common/error.yaml" } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: items } }
    post:
      operationId: addItem
      parameters:
        - { name: item, in: body, schema: { $ref: "../common/error.yaml" } }
      responses:
        default: { description: error, schema: { $ref: "../common/error.yaml" } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: added } }
`;

const OPENAPI = `openapi: 3.0.3
info: { title: bundled3, version: "1" }
paths:
  /items:
    post:
      operationId: addItem
      requestBody:
        content: { application/json: { schema: { $ref: "../common/error.yaml" } } }
      responses:
        default:
          description: error
          content: { application/json: { schema: { $ref: "../common/error.yaml" } } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: added } }
    get:
      operationId: listItems
      responses:
        default:
          description: error
          content: { application/json: { schema: { $ref: "../common/error.yaml" } } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: items } }
`;

/** A workspace with the group file in spec/ and the shared schema in common/. */
function workspace(spec: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-bundled-'));
  mkdirSync(join(dir, 'spec'));
  mkdirSync(join(dir, 'common'));
  writeFileSync(join(dir, 'common', 'error.yaml'), ERROR);
  writeFileSync(join(dir, 'spec', 'api.yaml'), spec);
  writeFileSync(join(dir, 'apig.yaml'), 'groups:\n  - name: bundled\n    spec: spec/api.yaml\n');
  return dir;
}

describe('export --oas moves the local $refs with what they point at', () => {
  it.each([
    ['Swagger 2.0 → OpenAPI 3.0', SWAGGER, '3'],
    ['OpenAPI 3.0 → Swagger 2.0', OPENAPI, '2'],
  ])('%s: every $ref resolves in the converted file', async (_name, spec, oas) => {
    const dir = workspace(spec);
    const exported = await runInProcess(['export', '--oas', oas, '-o', 'out.yaml'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const lint = await runInProcess(['lint', 'out.yaml'], dir);
    expect(lint.stdout + lint.stderr).not.toMatch(/ref-resolution|swagger-schema/);
    const check = await runInProcess(['export', '--oas', oas, '--check'], dir);
    expect(check.stdout).not.toMatch(/\$ref/);
  });
});
