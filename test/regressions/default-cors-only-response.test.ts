/**
 * Regression (issue 15, "Importing what people have"): an OpenAPI example whose only response key is `default-cors`,
 * as the console writes exports and the User Guide's "Importing APIs" examples show them, was refused by import and
 * got a swagger-schema error from lint ("responses holds no response") although the operation has one: the
 * console's key is left out of the schema's view, which then saw an empty `responses`. It imports, lints without
 * errors (the key is noted by response-key) and keeps the key on export.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

const SPEC = `openapi: 3.0.1
info: {title: cors_only, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses:
        default-cors:
          description: response example
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`;

describe('an operation whose only response key is default-cors', () => {
  it('lints without errors, imports, and keeps the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-default-cors-'));
    writeFileSync(join(dir, 'api.yaml'), SPEC);
    const lint = await runCli(['lint', 'api.yaml', '-f', 'json'], { cwd: dir });
    const codes = (JSON.parse(lint.stdout) as { results: Array<{ code: string }> }).results.map((r) => r.code);
    expect(codes).toEqual(['response-key']);
    expect(lint.code).toBe(0);
    const imported = await runCli(['import', 'api.yaml', '-w', 'ws'], { cwd: dir });
    expect(imported.code, imported.stderr).toBe(0);
    const exported = await runCli(['export', '-w', 'ws', '--oas', '3'], { cwd: dir });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('default-cors:');
    expect(readFileSync(join(dir, 'api.yaml'), 'utf8')).toBe(SPEC);
  });

  it('an empty responses is still an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-default-cors-'));
    writeFileSync(join(dir, 'empty.yaml'), SPEC.replace(/responses:\n.*\n.*\n/, 'responses: {}\n'));
    const lint = await runCli(['lint', 'empty.yaml', '-f', 'json'], { cwd: dir });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('holds no response');
  });
});
