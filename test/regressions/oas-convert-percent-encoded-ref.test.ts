/**
 * Regression: a local `$ref` into a path whose key has braces may write them percent-encoded, as a URI fragment
 * does (`#/paths/~1items~1%7Bid%7D/post/parameters/1/schema`); lint resolves it. `apig export --oas 3` moved the
 * schema it points at (basePath merged into the path key, the body parameter into `requestBody`) but compared
 * the pointer as written with the plain pointers of the moves, so it left the `$ref` where nothing is: the
 * OpenAPI 3.0 file failed apig's own lint (ref-resolution), and `--check` said nothing. Right: the pointer is
 * compared decoded, and follows the schema.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const SWAGGER = `swagger: "2.0"
info: { title: encoded_ref, version: "1" }
basePath: /v1
paths:
  /items/{id}:
    post:
      operationId: postItem
      parameters:
        - { name: id, in: path, required: true, type: string }
        - { name: item, in: body, schema: { type: object, properties: { a: { type: string } } } }
      responses:
        "200":
          description: ok
          schema: { $ref: "#/paths/~1items~1%7Bid%7D/post/parameters/1/schema" }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: hi } }
`;

describe('export --oas 3 moves a percent-encoded $ref with what it points at', () => {
  it('the converted file resolves it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-encoded-ref-'));
    writeFileSync(join(dir, 'api.yaml'), SWAGGER);
    const before = await runInProcess(['lint', 'api.yaml'], dir);
    expect(before.stdout + before.stderr).not.toMatch(/ref-resolution/);
    const exported = await runInProcess(['export', 'api.yaml', '--oas', '3', '-o', 'out.yaml'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const lint = await runInProcess(['lint', 'out.yaml'], dir);
    expect(lint.stdout + lint.stderr).not.toMatch(/ref-resolution|swagger-schema/);
  });
});
