/**
 * Regression: `apig export --oas 3` wrote a Swagger 2.0 operation's formData parameters as an
 * `application/x-www-form-urlencoded` request body whose fields kept only their type: `type: file` (which
 * OpenAPI 3.0 has not: apig's own lint refused the file, swagger-schema), an array without its items, a
 * multipart/form-data operation as urlencoded, and the required fields not required. Right: the media type the
 * operation consumes (multipart/form-data when it says so), a file as `type: string, format: binary`, each
 * field's schema keywords, and `required` naming the required fields.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const SWAGGER = `swagger: "2.0"
info: { title: form_data, version: "1" }
paths:
  /up:
    post:
      operationId: upload
      consumes: [multipart/form-data]
      parameters:
        - { name: f, in: formData, type: file, required: true }
        - { name: tags, in: formData, type: array, items: { type: string } }
        - { name: n, in: formData, type: integer, maximum: 9 }
      responses:
        "200": { description: ok }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: hi } }
`;

describe('export --oas 3 of formData parameters', () => {
  it('writes a valid form schema in the media type consumed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-form-data-'));
    writeFileSync(join(dir, 'api.yaml'), SWAGGER);
    const before = await runInProcess(['lint', 'api.yaml'], dir);
    expect(before.stdout + before.stderr).not.toMatch(/ error /);
    const exported = await runInProcess(['export', 'api.yaml', '--oas', '3', '-f', 'yaml'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    expect(parse(exported.stdout).paths['/up'].post.requestBody).toEqual({
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              f: { type: 'string', format: 'binary' },
              tags: { type: 'array', items: { type: 'string' } },
              n: { type: 'integer', maximum: 9 },
            },
            required: ['f'],
          },
        },
      },
    });
    writeFileSync(join(dir, 'out.yaml'), exported.stdout);
    const lint = await runInProcess(['lint', 'out.yaml'], dir);
    expect(lint.stdout + lint.stderr).not.toMatch(/ error /);
  });
});
