/**
 * Regression: `apig export --oas 3 --check` of a Swagger 2.0 file with a document-level `schemes` (and a host)
 * said `#/schemes  lost` and exited 1, although nothing was lost: `--oas 3` writes the document's protocol on
 * each operation as its `servers` (the console's OpenAPI 3.0 exports write an operation's protocol so), and the
 * exported file, imported, gives every API the same protocol. --check compares in the group file's own version
 * and says what is lost, not how it is written. Right: the document's `schemes` written on its operations count
 * as no loss; without a host (no server URL can carry a protocol) the loss is still reported.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const swagger = (root: string): string => `swagger: "2.0"
info: { title: schemed, version: "1" }
${root}
paths:
  /a:
    get:
      operationId: getA
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: a } }
    post:
      operationId: postA
      schemes: [http]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: posted } }
`;

const check = async (root: string): Promise<{ code: number; stdout: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'apig-check-schemes-'));
  writeFileSync(join(dir, 'swagger.yaml'), swagger(root));
  return runInProcess(['export', 'swagger.yaml', '--oas', '3', '--check'], dir);
};

describe('export --oas 3 --check and the document schemes', () => {
  it('counts the document schemes written on each operation as no loss', async () => {
    const r = await check('host: api.example.com\nbasePath: /v1\nschemes: [https]');
    expect(r.stdout.trim()).toBe('swagger.yaml: nothing is lost by this export (scope extended)');
    expect(r.code).toBe(0);
  });

  it('counts document schemes that allow both protocols as no loss', async () => {
    const r = await check('host: api.example.com\nschemes: [http, https]');
    expect(r.stdout.trim()).toBe('swagger.yaml: nothing is lost by this export (scope extended)');
    expect(r.code).toBe(0);
  });

  it('still reports them lost without a host', async () => {
    const r = await check('schemes: [https]');
    expect(r.stdout).toContain('swagger.yaml#/schemes  lost');
    expect(r.code).toBe(1);
  });
});
