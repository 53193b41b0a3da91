/**
 * Regression: a required parameter with a default (the OpenAPI Initiative's uspto example writes its required
 * path parameters so) was a `parameter-definition` error, so `apig lint` failed a file the gateway takes: the User
 * Guide (§5.2.1, table 5-6) says a default is effective only when the parameter is not required, that is, ignored,
 * not refused. Right: an `ignored-default` warning at the default; lint exits 0. Swagger 2.0 and OpenAPI 3.0.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const BACKEND = 'x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: ok } }';
const SWAGGER = `swagger: "2.0"
info: { title: required_default, version: "1" }
paths:
  /{dataset}/fields:
    get:
      operationId: listFields
      parameters:
        - { name: dataset, in: path, required: true, type: string, default: oa_citations }
      responses: { "200": { description: ok } }
      ${BACKEND}
`;
const OPENAPI = `openapi: 3.0.1
info: { title: required_default, version: "1" }
paths:
  /{dataset}/fields:
    get:
      operationId: listFields
      parameters:
        - { name: dataset, in: path, required: true, schema: { type: string, default: oa_citations } }
      responses: { "200": { description: ok } }
      ${BACKEND}
`;

interface Finding {
  code: string;
  severity: string;
  message: string;
}

describe('a required parameter with a default', () => {
  for (const [name, text] of [
    ['Swagger 2.0', SWAGGER],
    ['OpenAPI 3.0', OPENAPI],
  ] as const)
    it(`${name}: an ignored-default warning, and lint passes`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'apig-required-default-'));
      writeFileSync(join(dir, 'api.yaml'), text);
      const r = await runInProcess(['lint', 'api.yaml', '-f', 'json'], dir);
      const results = (JSON.parse(r.stdout) as { results: Finding[] }).results;
      expect(results.map((f) => [f.code, f.severity, f.message])).toEqual([
        [
          'ignored-default',
          'warn',
          'parameter "dataset" is required, so its default is never used (User Guide §5.2.1)',
        ],
      ]);
      expect(r.code).toBe(0);
    });
});
