/**
 * Regression: a Swagger 2.0 operation may take its body parameter from the document's `parameters`
 * (`$ref: "#/parameters/Body"`). `apig export --oas 3` converted only a body parameter written in place: the
 * `$ref` stayed among the OpenAPI 3.0 parameters and `components.parameters.Body` kept `in: body`, so the file
 * failed apig's own lint (swagger-schema; extension-schema "parameter must be an object") and the operation had
 * no `requestBody`; `--check` said nothing of it. Right: the parameter named is the operation's `requestBody`,
 * and a reusable body parameter, which OpenAPI 3.0 has no place for, is not written in `components.parameters`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const SWAGGER = `swagger: "2.0"
info: { title: body_param_ref, version: "1" }
parameters:
  Body: { name: item, in: body, required: true, schema: { type: object } }
  Q: { name: q, in: query, type: string }
paths:
  /b:
    post:
      operationId: postB
      parameters:
        - $ref: "#/parameters/Body"
        - $ref: "#/parameters/Q"
      responses:
        "200": { description: ok }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: hi } }
`;

describe('export --oas 3 of a $ref to a reusable body parameter', () => {
  it('writes the requestBody it names, and the file passes lint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-body-param-ref-'));
    writeFileSync(join(dir, 'api.yaml'), SWAGGER);
    const before = await runInProcess(['lint', 'api.yaml'], dir);
    expect(before.stdout + before.stderr).not.toMatch(/ error /);
    const exported = await runInProcess(['export', 'api.yaml', '--oas', '3', '-f', 'yaml'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const doc = parse(exported.stdout);
    const op = doc.paths['/b'].post;
    expect(op.parameters).toEqual([{ $ref: '#/components/parameters/Q' }]);
    expect(op.requestBody).toEqual({ content: { 'application/json': { schema: { type: 'object' } } }, required: true });
    expect(Object.keys(doc.components.parameters)).toEqual(['Q']);
    writeFileSync(join(dir, 'out.yaml'), exported.stdout);
    const lint = await runInProcess(['lint', 'out.yaml'], dir);
    expect(lint.stdout + lint.stderr).not.toMatch(/ error /);
  });
});
