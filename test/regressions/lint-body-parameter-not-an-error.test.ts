/**
 * Regression: a Swagger 2.0 `in: body` or `in: formData` parameter was a `parameter-definition` error, so `apig
 * lint` failed a file the console imports: the import leaves such parameters out ("APIG does not support the
 * configuration of request parameters in the formData and body locations", User Guide (online), "Restrictions
 * and Compatibility", in the same list as consumes and produces, which it ignores). Right: a `body-parameter`
 * warning saying the gateway does not import them as request parameters, so the body reaches the backend
 * unvalidated; lint exits 0. A cookie parameter stays a `parameter-definition` error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const SPEC = `swagger: "2.0"
info: { title: body_params, version: "1" }
paths:
  /pets:
    post:
      operationId: addPet
      parameters:
        - { name: pet, in: body, required: true, schema: { type: object } }
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: ok } }
  /upload:
    post:
      operationId: upload
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - { name: note, in: formData, type: string }
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: ok } }
`;

interface Finding {
  code: string;
  severity: string;
  message: string;
}

describe('body and formData parameters', () => {
  it('are a body-parameter warning, and lint passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-body-param-'));
    writeFileSync(join(dir, 'api.yaml'), SPEC);
    const r = await runInProcess(['lint', 'api.yaml', '-f', 'json'], dir);
    const results = (JSON.parse(r.stdout) as { results: Finding[] }).results;
    expect(results.map((f) => [f.code, f.severity])).toEqual([
      ['body-parameter', 'warn'],
      ['body-parameter', 'warn'],
    ]);
    expect(results[0]?.message).toContain('the gateway does not import body or formData parameters');
    expect(r.code).toBe(0);
  });
});
