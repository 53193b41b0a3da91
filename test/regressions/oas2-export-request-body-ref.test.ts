/**
 * Regression: an OpenAPI 3.0 operation's `requestBody` may be a `$ref` into `components.requestBodies`.
 * `apig export --oas 2` converted only a request body written in place, and left the `$ref` one as
 * `requestBody: { $ref: "#/components/requestBodies/..." }` in the Swagger 2.0 file: an unknown key there whose
 * pointer resolves to nothing (apig's own lint: swagger-schema, ref-resolution), and the body was gone. Right:
 * Swagger 2.0 has no reusable request bodies, so it is written as the body parameter of the one named.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const OPENAPI = `openapi: 3.0.3
info: { title: body_ref, version: "1" }
components:
  schemas:
    Item: { type: object, properties: { a: { type: string } } }
  requestBodies:
    ItemBody:
      description: the item
      required: true
      content: { application/json: { schema: { $ref: "#/components/schemas/Item" } } }
paths:
  /x:
    post:
      operationId: postX
      requestBody: { $ref: "#/components/requestBodies/ItemBody" }
      responses:
        "200": { description: ok }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: hi } }
`;

describe('export --oas 2 of a requestBody $ref', () => {
  it('writes the body parameter of the one named, and the file passes lint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-body-ref-'));
    writeFileSync(join(dir, 'api.yaml'), OPENAPI);
    const before = await runInProcess(['lint', 'api.yaml'], dir);
    expect(before.stdout + before.stderr).not.toMatch(/ error /);
    const exported = await runInProcess(['export', 'api.yaml', '--oas', '2', '-f', 'yaml'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const op = parse(exported.stdout).paths['/x'].post;
    expect(op.requestBody).toBeUndefined();
    expect(op.consumes).toEqual(['application/json']);
    expect(op.parameters).toEqual([
      {
        name: 'body',
        in: 'body',
        description: 'the item',
        required: true,
        schema: { $ref: '#/definitions/Item' },
      },
    ]);
    writeFileSync(join(dir, 'out.yaml'), exported.stdout);
    const lint = await runInProcess(['lint', 'out.yaml'], dir);
    expect(lint.stdout + lint.stderr).not.toMatch(/swagger-schema|ref-resolution/);
  });
});
