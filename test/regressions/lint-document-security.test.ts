/**
 * Regression: a document-level `security` (Swagger 2.0 or OpenAPI 3.0 root) linted clean, while the gateway's
 * documented import reads `security` on the operation only (Extension Definitions: x-apigateway-auth-type; the
 * v1.0 import API: no `security` on the operation means no authentication), and apig serve does the same: the
 * operations without their own were served, and would be imported, without authentication, silently. Right: a
 * `document-security` warning at the root `security` naming those operations; serve keeps reading the
 * operation's own only (no change there).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/gateway/index.js';
import { ROOT } from '../e2e/run-cli.js';
import { runInProcess } from './in-process-cli.js';

const SPEC = `swagger: "2.0"
info: { title: root_security, version: "1" }
security: [{ apig-auth-app: [] }]
paths:
  /orders:
    get:
      operationId: listOrders
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"orders":[]}' } }
    post:
      operationId: addOrder
      security: [{ apig-auth-app: [] }]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: ok } }
securityDefinitions:
  apig-auth-app: { type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1 }
`;

interface Finding {
  code: string;
  severity: string;
  message: string;
  range?: { start: { line: number } };
}

describe('a document-level security', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apig-root-security-'));
  writeFileSync(join(dir, 'api.yaml'), SPEC);

  it('is a warning naming the operations imported without authentication', async () => {
    const r = await runInProcess(['lint', 'api.yaml', '-f', 'json'], dir);
    const results = (JSON.parse(r.stdout) as { results: Finding[] }).results;
    expect(results.map((f) => [f.code, f.severity])).toEqual([['document-security', 'warn']]);
    expect(results[0]?.message).toContain(
      '1 operation(s) without their own (listOrders) are imported without authentication',
    );
    expect(r.code).toBe(0);
  });

  it('is still not read by apig serve', async () => {
    const p = await prepare({ path: join(dir, 'api.yaml'), cwd: ROOT, env: {}, protocolCheck: false });
    const auth = Object.fromEntries((p.config?.apis ?? []).map((a) => [a.api.name, a.auth.type]));
    expect(auth).toEqual({ listOrders: 'NONE', addOrder: 'APP' });
  });
});
