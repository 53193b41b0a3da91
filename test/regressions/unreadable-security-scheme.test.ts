/**
 * Regression: an operation whose `security` names a scheme with neither x-apigateway-auth-type (documented as
 * required on a security scheme) nor x-apigateway-authorizer, such as a plain `{type: apiKey, name: Authorization,
 * in: header}` or an OpenAPI 3.0 `http` bearer scheme, linted clean, and `apig serve` started without a word and
 * answered every caller without authentication. The gateway cannot tell such a scheme's authentication. Right:
 * lint's `security` rule reports it as an error naming the scheme and the missing extension, and `apig serve`
 * refuses to start on it, as it does for a scheme the file does not define (serve-undefined-security-scheme).
 * A scheme with an x-apigateway-auth-type the documentation does not list was already refused (extension-schema).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/gateway/index.js';
import { ROOT } from '../e2e/run-cli.js';
import { runInProcess } from './in-process-cli.js';

const swagger = (scheme: string): string => `swagger: "2.0"
info: { title: sec_scheme, version: "1" }
paths:
  /orders:
    get:
      operationId: listOrders
      security: [{ api_key: [] }]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"orders":[]}' } }
securityDefinitions:
  api_key: ${scheme}
`;

const BEARER = `openapi: 3.0.1
info: { title: sec_scheme, version: "1" }
paths:
  /orders:
    get:
      operationId: listOrders
      security: [{ bearer: [] }]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"orders":[]}' } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
`;

const PLAIN = '{ type: apiKey, name: Authorization, in: header }';

function write(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-unreadable-scheme-'));
  writeFileSync(join(dir, 'api.yaml'), text);
  return dir;
}

const prepared = (text: string) =>
  prepare({ path: join(write(text), 'api.yaml'), cwd: ROOT, env: {}, protocolCheck: false });

describe('an operation naming a security scheme the gateway cannot read', () => {
  it.each([
    ['a plain apiKey scheme (Swagger 2.0)', swagger(PLAIN), 'api_key'],
    ['an http bearer scheme (OpenAPI 3.0)', BEARER, 'bearer'],
  ])('%s: lint reports an error naming the scheme and the extension', async (_name, text, scheme) => {
    const r = await runInProcess(['lint', 'api.yaml', '-f', 'json'], write(text));
    expect(r.code).toBe(1);
    const results = (JSON.parse(r.stdout) as { results: Array<{ code: string; severity: string; message: string }> })
      .results;
    expect(results.filter((f) => f.severity === 'error').map((f) => [f.code, f.message])).toEqual([
      [
        'security',
        expect.stringContaining(`"${scheme}" has neither x-apigateway-auth-type nor x-apigateway-authorizer`),
      ],
    ]);
  });

  it.each([
    ['a plain apiKey scheme (Swagger 2.0)', swagger(PLAIN), 'api_key'],
    ['an http bearer scheme (OpenAPI 3.0)', BEARER, 'bearer'],
  ])('%s: serve stops the start, naming the API and the scheme', async (_name, text, scheme) => {
    const p = await prepared(text);
    expect(p.config).toBeUndefined();
    const errors = p.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.message])).toEqual([
      ['serve-security', expect.stringMatching(new RegExp(`listOrders.*"${scheme}".*neither x-apigateway-auth-type`))],
    ]);
    expect(errors[0]?.path).toBe('/paths/~1orders/get/security');
  });

  it('with x-apigateway-auth-type, the API is served with its authentication', async () => {
    const p = await prepared(
      swagger('{ type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1 }'),
    );
    expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(p.config?.apis[0]?.auth.type).toBe('APP');
  });

  it('an x-apigateway-auth-type the documentation does not list was already refused', async () => {
    const p = await prepared(swagger('{ type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: APP }'));
    expect(p.config).toBeUndefined();
    expect(p.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['extension-schema']);
  });
});
