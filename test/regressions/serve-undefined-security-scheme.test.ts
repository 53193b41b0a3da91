/**
 * Regression: an operation whose `security` names a scheme the file does not define (a typo, or a scheme
 * deleted from `securityDefinitions`) was served as an API without authentication: `apig serve` started without
 * a word and answered every caller 200. The gateway cannot import such a file (lint's `security` rule says so),
 * so it never serves that API, let alone without authentication. Right: `apig serve` refuses to start, as it
 * does for other definitions the import refuses, naming the API and the scheme; the other APIs are unaffected
 * once the name is fixed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/gateway/index.js';
import { ROOT } from '../e2e/run-cli.js';

function spec(scheme: string): string {
  return `swagger: "2.0"
info: { title: sec, version: "1" }
paths:
  /orders:
    get:
      operationId: listOrders
      security: [{ ${scheme}: [] }]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"orders":[]}' } }
securityDefinitions:
  apig-auth-app: { type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1 }
`;
}

async function prepared(scheme: string) {
  const dir = mkdtempSync(join(tmpdir(), 'apig-undefined-scheme-'));
  writeFileSync(join(dir, 'api.yaml'), spec(scheme));
  return prepare({ path: join(dir, 'api.yaml'), cwd: ROOT, env: {}, protocolCheck: false });
}

describe('an operation naming an undefined security scheme', () => {
  it('stops the start with an error naming the API and the scheme', async () => {
    const p = await prepared('apig-auth-ap');
    expect(p.config).toBeUndefined();
    const errors = p.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual([expect.stringMatching(/listOrders.*"apig-auth-ap"/)]);
    expect(errors[0]?.path).toBe('/paths/~1orders/get/security');
  });

  it('with the name fixed, the API is served with APP authentication', async () => {
    const p = await prepared('apig-auth-app');
    expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(p.config?.apis[0]?.auth.type).toBe('APP');
  });
});
