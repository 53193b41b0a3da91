/**
 * Regression: Swagger 2.0 lets a path item hold a body (or formData) parameter for all its operations.
 * `apig export --oas 3` turned only an operation's own body parameter into its `requestBody` and left the path
 * item's as `in: body` among the OpenAPI 3.0 parameters: the converted file failed apig's own lint
 * (swagger-schema: `in` must be path, query, header or cookie), a `$ref` to its schema resolved to nothing, and
 * `--check` said nothing. Right: it is the `requestBody` of each operation of the path that has none of its own,
 * and a pointer to its schema follows it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const SWAGGER = `swagger: "2.0"
info: { title: path_body, version: "1" }
basePath: /v1
paths:
  /items/{id}:
    parameters:
      - { name: id, in: path, required: true, type: string }
      - { name: item, in: body, required: true, schema: { type: object, properties: { a: { type: string } } } }
    put:
      operationId: putItem
      responses:
        "200": { description: ok, schema: { $ref: "#/paths/~1items~1{id}/parameters/1/schema" } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: put } }
    post:
      operationId: postItem
      responses:
        "200": { description: ok }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: post } }
`;

describe('export --oas 3 of a path-level body parameter', () => {
  it('writes it as each operation’s requestBody, and the file passes lint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-path-body-'));
    writeFileSync(join(dir, 'api.yaml'), SWAGGER);
    const before = await runInProcess(['lint', 'api.yaml'], dir);
    expect(before.stdout + before.stderr).not.toMatch(/ error /);
    const exported = await runInProcess(['export', 'api.yaml', '--oas', '3', '-f', 'yaml'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const doc = parse(exported.stdout);
    const item = doc.paths['/v1/items/{id}'];
    expect(item.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    for (const method of ['put', 'post'])
      expect(item[method].requestBody).toMatchObject({ required: true, content: { 'application/json': {} } });
    writeFileSync(join(dir, 'out.yaml'), exported.stdout);
    const lint = await runInProcess(['lint', 'out.yaml'], dir);
    expect(lint.stdout + lint.stderr).not.toMatch(/swagger-schema|ref-resolution/);
  });
});
