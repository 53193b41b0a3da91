/**
 * An API with AppCode simple authentication whose request protocol also allows HTTP was a lint error (exit 1).
 * The gateway accepts such an API (its own OpenAPI 3.0 exports carry `apig-auth-app-header`, and OpenAPI 3.0
 * has no `schemes`, so such a file could never lint clean); only HTTP calls with an AppCode fail. Right: the
 * documented auth-opt example with no `schemes` lints with one `appcode-https` warning and exits 0; with
 * `schemes: [https]` it is clean.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

const documented = readFileSync(join(ROOT, 'fixtures/huawei-docs/auth-opt.yaml'), 'utf8');

describe('AppCode simple authentication on an API that also accepts HTTP', () => {
  it('the documented Swagger 2.0 example without schemes: a warning, exit 0', async () => {
    const r = await runCli(['lint', join(ROOT, 'fixtures/huawei-docs/auth-opt.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    const { results } = JSON.parse(r.stdout) as { results: { code: string; severity: string }[] };
    const found = results.map((f) => [f.code, f.severity]);
    expect(found).toEqual([['appcode-https', 'warn']]);
  });

  it('the same scheme in OpenAPI 3.0 (no schemes exist there): a warning, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-appcode-'));
    const file = join(dir, 'oas3.yaml');
    writeFileSync(
      file,
      [
        'openapi: 3.0.1',
        'info: {title: APIGroup_docs, version: "1.0"}',
        'components:',
        '  securitySchemes:',
        '    apig-auth-app-header:',
        '      type: apiKey',
        '      name: Authorization',
        '      in: header',
        '      x-apigateway-auth-opt:',
        '        appcode-auth-type: header',
        '      x-apigateway-auth-type: AppSigv1',
        'paths:',
        '  /appcode:',
        '    get:',
        '      operationId: appcode_api',
        '      security: [{apig-auth-app-header: []}]',
        '      responses: {default: {description: default response}}',
        '      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: appcode}}',
        '',
      ].join('\n'),
    );
    const r = await runCli(['lint', file]);
    expect(r.stdout).toContain('appcode-https');
    expect(r.stdout).toContain('(0 errors, 1 warning,');
    expect(r.code).toBe(0);
  });

  it('with schemes: [https]: clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-appcode-'));
    const file = join(dir, 'https.yaml');
    writeFileSync(file, documented.replace('paths:', 'schemes: [https]\npaths:'));
    const r = await runCli(['lint', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('appcode-https');
  });
});
