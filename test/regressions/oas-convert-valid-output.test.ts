/**
 * Regression: `apig export --oas 3` of a plain Swagger 2.0 file (the OpenAPI Initiative's own petstore examples)
 * wrote a document that apig itself refused (swagger-schema): a response's `examples` (by media type) stayed where
 * 2.0 has them, a query array's `collectionFormat` and a parameter's `maxItems` stayed on the parameter, and a
 * response header kept its `type` instead of a `schema`; the root `produces` was ignored for the response media
 * type. The mirror image, `--oas 2` of an OpenAPI 3.0 file: a query parameter's `style`, its schema's `example`,
 * the operation's `callbacks` and the response's `links` were copied into a 2.0 document that has no place for
 * them. Right: each version writes them its own way (`content[type].example`, `style`/`explode` ↔
 * `collectionFormat`, validation keywords in the 3.0 `schema`, header `schema`), what the other version cannot
 * hold is left out (and `--check` names it), and the converted file lints clean of schema errors.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from './in-process-cli.js';

const SWAGGER = `swagger: "2.0"
info: { title: convert2, version: "1" }
host: api.example.com
produces: [application/xml]
paths:
  /items:
    get:
      operationId: listItems
      parameters:
        - { name: tags, in: query, type: array, items: { type: string }, collectionFormat: multi, maxItems: 3 }
        - { name: ids, in: query, type: array, items: { type: string } }
      responses:
        "200":
          description: ok
          headers: { x-next: { type: string, description: next page } }
          examples: { application/xml: "<items/>" }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: items } }
`;

const OPENAPI = `openapi: 3.0.3
info: { title: convert3, version: "1" }
servers: [{ url: "https://api.example.com" }]
paths:
  /items:
    post:
      operationId: subscribe
      parameters:
        - name: tags
          in: query
          style: form
          explode: false
          schema: { type: array, items: { type: string }, maxItems: 3, example: [a] }
      responses:
        "201":
          description: created
          links: { self: { operationId: subscribe } }
      callbacks:
        onData:
          "{$request.query.tags}":
            post: { responses: { "200": { description: ok } } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: items } }
`;

interface Operation {
  parameters: Record<string, unknown>[];
  responses: Record<string, Record<string, unknown> & { headers?: Record<string, unknown> }>;
  callbacks?: unknown;
}
type Converted = { paths: Record<string, Record<string, Operation>> };

async function convert(text: string, oas: '2' | '3'): Promise<{ doc: Converted; lint: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'apig-oas-convert-'));
  writeFileSync(join(dir, 'in.yaml'), text);
  const exported = await runInProcess(['export', '-w', 'in.yaml', '--oas', oas, '-o', 'out.yaml'], dir);
  expect(exported.code, exported.stderr).toBe(0);
  const lint = await runInProcess(['lint', 'out.yaml', '--rule', 'backend-required=off'], dir);
  const doc = parse(readFileSync(join(dir, 'out.yaml'), 'utf8')) as Converted;
  return { doc, lint: lint.stdout + lint.stderr };
}

describe('export --oas writes a document valid in the version it claims', () => {
  it('Swagger 2.0 → OpenAPI 3.0: examples, collectionFormat, validation keywords, header types', async () => {
    const { doc, lint } = await convert(SWAGGER, '3');
    expect(lint).not.toMatch(/swagger-schema|ref-resolution/);
    const op = doc.paths['/items']?.get as Operation;
    expect(op.parameters[0]).toMatchObject({
      name: 'tags',
      style: 'form',
      explode: true,
      schema: { type: 'array', maxItems: 3 },
    });
    expect(op.parameters[0]?.collectionFormat).toBeUndefined();
    expect(op.parameters[1]).toMatchObject({ name: 'ids', style: 'form', explode: false });
    const ok = op.responses['200'];
    expect(ok?.examples).toBeUndefined();
    expect(ok?.content).toEqual({ 'application/xml': { example: '<items/>' } });
    expect(ok?.headers?.['x-next']).toEqual({ description: 'next page', schema: { type: 'string' } });
  });

  it('OpenAPI 3.0 → Swagger 2.0: style, schema example, callbacks and links', async () => {
    const { doc, lint } = await convert(OPENAPI, '2');
    expect(lint).not.toMatch(/swagger-schema|ref-resolution/);
    const op = doc.paths['/items']?.post as Operation;
    expect(op.callbacks).toBeUndefined();
    expect(op.responses['201']?.links).toBeUndefined();
    const p = op.parameters[0];
    expect(p).toMatchObject({ name: 'tags', type: 'array', collectionFormat: 'csv', maxItems: 3 });
    expect(p?.schema).toBeUndefined();
    expect(p?.style).toBeUndefined();
    expect(p?.explode).toBeUndefined();
  });
});
