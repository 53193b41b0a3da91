/**
 * Regression (issue 15, "Importing what people have"; found by the User Guide's "Importing APIs" examples in
 * OpenAPI 3.0, whose operations carry `servers` where the Swagger 2.0 versions carry `schemes`): `apig export
 * --oas 2` of such a document wrote `servers` into Swagger 2.0 operations and path items, where Swagger 2.0 has
 * no such field, so the export failed apig's own lint (swagger-schema) and would not import. An operation's (or
 * its path item's) servers become the operation's `schemes` (the URLs' protocols), as in the documented pairs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from './in-process-cli.js';

const OAS3 = `openapi: 3.0.0
info: {title: op_servers, version: "1"}
servers:
  - url: http://abc.com
  - url: https://abc.com
paths:
  /a:
    get:
      operationId: getA
      responses: {default: {description: ok}}
      servers:
        - url: https://abc.com
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: a}}
  /b:
    servers:
      - url: http://abc.com/v1
      - url: https://abc.com/v1
    get:
      operationId: getB
      responses: {default: {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: b}}
    post:
      operationId: postB
      responses: {default: {description: ok}}
      servers:
        - url: http://abc.com
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: b}}
`;

describe('export --oas 2 of OpenAPI 3.0 operations with servers', () => {
  it("gives valid Swagger 2.0, the servers as the operations' schemes", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-op-servers-'));
    writeFileSync(join(dir, 'openapi.yaml'), OAS3);
    const exported = await runInProcess(['export', 'openapi.yaml', '--oas', '2', '-o', 'swagger.yaml'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const lint = await runInProcess(['lint', 'swagger.yaml', '-f', 'json'], dir);
    expect(JSON.parse(lint.stdout).results).toEqual([]);
    expect(lint.code).toBe(0);
    const r = await runInProcess(['export', 'swagger.yaml'], dir);
    const doc = parse(r.stdout) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(doc.paths['/a']?.get?.schemes).toEqual(['https']);
    expect(doc.paths['/b']?.servers).toBeUndefined();
    expect(doc.paths['/b']?.get?.schemes).toEqual(['http', 'https']);
    expect(doc.paths['/b']?.post?.schemes).toEqual(['http']);
    expect(JSON.stringify(doc)).not.toContain('"servers":');
    expect(Object.keys(doc.paths['/a']?.get ?? {})).toEqual([
      'operationId',
      'responses',
      'schemes',
      'x-apigateway-backend',
    ]);
  });
});
