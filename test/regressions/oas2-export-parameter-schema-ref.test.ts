/**
 * Regression: `apig export --oas 2` of an OpenAPI 3.0 file whose query, header or path parameter has a
 * `schema: {$ref: ...}` (valid OpenAPI 3.0; the import takes the parameter's type and bounds from the schema named)
 * wrote the parameter with `schema: {$ref: "#/definitions/..."}` and no `type`: Swagger 2.0 gives only a body
 * parameter a schema, and a query parameter needs its type, so apig's own lint refused the exported file
 * (swagger-schema), and `--check` said nothing was lost. Right: the Swagger 2.0 parameter carries the type and
 * bounds of the schema named, and `--check` says the `$ref` is not written.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from './in-process-cli.js';

const OPENAPI = `openapi: 3.0.1
info: { title: reffed, version: "1" }
servers: [{ url: "https://api.example.com" }]
paths:
  /items/{id}:
    parameters: [{ $ref: "#/components/parameters/Id" }]
    get:
      operationId: getItem
      parameters:
        - { name: limit, in: query, schema: { $ref: "#/components/schemas/Limit" } }
        - { name: mode, in: query, schema: { $ref: "#/components/schemas/ModeAlias" } }
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: hi } }
components:
  parameters:
    Id: { name: id, in: path, required: true, schema: { $ref: "#/components/schemas/IdType" } }
  schemas:
    Limit: { type: integer, minimum: 1, maximum: 50 }
    IdType: { type: string, maxLength: 8 }
    ModeAlias: { $ref: "#/components/schemas/Mode" }
    Mode: { type: string, enum: [a, b] }
`;

describe('export --oas 2 of parameters whose schema is a $ref', () => {
  it('writes their type and bounds, and the file lints clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-oas2-schema-ref-'));
    writeFileSync(join(dir, 'openapi.yaml'), OPENAPI);
    const r = await runInProcess(['export', 'openapi.yaml', '--oas', '2', '-o', 'swagger.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(readFileSync(join(dir, 'swagger.yaml'), 'utf8')) as {
      paths: Record<string, { get: { parameters: unknown[] } }>;
      parameters: Record<string, unknown>;
    };
    expect(doc.paths['/items/{id}']?.get.parameters).toEqual([
      { name: 'limit', in: 'query', type: 'integer', minimum: 1, maximum: 50 },
      { name: 'mode', in: 'query', type: 'string', enum: ['a', 'b'] },
    ]);
    expect(doc.parameters.Id).toEqual({ name: 'id', in: 'path', required: true, type: 'string', maxLength: 8 });
    const lint = await runInProcess(['lint', 'swagger.yaml'], dir);
    expect(lint.stdout).toContain('0 problems');
    expect(lint.code).toBe(0);
  });

  it('--check says the $ref is not written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-oas2-schema-ref-'));
    writeFileSync(join(dir, 'openapi.yaml'), OPENAPI);
    const r = await runInProcess(['export', 'openapi.yaml', '--oas', '2', '--check'], dir);
    expect(r.stdout).toContain('openapi.yaml#/paths/~1items~1{id}/get/parameters/0/schema/$ref  lost');
    expect(r.code).toBe(1);
  });
});
