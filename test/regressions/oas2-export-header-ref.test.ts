/**
 * Regression: an OpenAPI 3.0 response header may be a `$ref` into `components.headers`. `apig export --oas 2`
 * wrote it as `{ $ref: "#/components/headers/H", type: string }`: Swagger 2.0 has no reusable headers, so the
 * pointer resolved to nothing and the file failed apig's own lint (ref-resolution, and swagger-schema: a
 * reference holds $ref alone). Right: the header is written as the one it names, its schema's type inline.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const OPENAPI = `openapi: 3.0.3
info: { title: header_ref, version: "1" }
components:
  headers:
    Rate: { description: calls left, schema: { type: integer, minimum: 0 } }
  responses:
    Ok:
      description: ok
      headers: { X-Rate: { $ref: "#/components/headers/Rate" } }
paths:
  /x:
    get:
      operationId: getX
      responses:
        "200": { $ref: "#/components/responses/Ok" }
        "201":
          description: created
          headers: { X-Rate: { $ref: "#/components/headers/Rate" } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: hi } }
`;

describe('export --oas 2 of a response header $ref', () => {
  it('writes the header it names, and the file passes lint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-header-ref-'));
    writeFileSync(join(dir, 'api.yaml'), OPENAPI);
    const before = await runInProcess(['lint', 'api.yaml'], dir);
    expect(before.stdout + before.stderr).not.toMatch(/ error /);
    const exported = await runInProcess(['export', 'api.yaml', '--oas', '2', '-f', 'yaml'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const doc = parse(exported.stdout);
    const header = { description: 'calls left', type: 'integer', minimum: 0 };
    expect(doc.responses.Ok.headers['X-Rate']).toEqual(header);
    expect(doc.paths['/x'].get.responses['201'].headers['X-Rate']).toEqual(header);
    writeFileSync(join(dir, 'out.yaml'), exported.stdout);
    const lint = await runInProcess(['lint', 'out.yaml'], dir);
    expect(lint.stdout + lint.stderr).not.toMatch(/swagger-schema|ref-resolution/);
  });
});
