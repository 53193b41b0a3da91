/**
 * Regression: the CORS preflight API (the OPTIONS API of a group, API Gateway User Guide, 5.2.2) skipped IP
 * access control and throttling as well as authentication, so an OPTIONS API bound to a DENY list answered 200
 * to the denied address, and one bound to a 2-per-minute policy answered every preflight 200. The guide exempts
 * only authentication: "无论选择哪种认证方式，API网关都按照无认证处理" (whatever authentication is chosen, the gateway
 * handles it as no authentication). Right: a preflight is served as a call of a no-authentication API, so the
 * policies bound to the OPTIONS API apply (403 APIG.0402, 429 APIG.0308) as they do to any other API.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyOf, raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';

function spec(policy: string): string {
  return `swagger: "2.0"
info: { title: preflight, version: "1" }
paths:
  /:
    options:
      operationId: preflight
      security: [{ app: [] }]
      x-apigateway-match-mode: SWA
      x-apigateway-cors: true
      ${policy}
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: "" } }
  /things:
    put:
      operationId: putThings
      x-apigateway-cors: true
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"put":true}' } }
securityDefinitions:
  app: { type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1 }
x-apigateway-ratelimits:
  twoPerMinute: { api-limit: 2, interval: 1, unit: MINUTE }
x-apigateway-access-controls:
  denyLocal: { acl-type: DENY, entity-type: IP, value: "127.0.0.1" }
  permitLocal: { acl-type: PERMIT, entity-type: IP, value: "127.0.0.1" }
`;
}

const opened: InProcess[] = [];
async function gatewayWith(policy: string): Promise<InProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'apig-preflight-'));
  writeFileSync(join(dir, 'api.yaml'), spec(policy));
  const gw = await startGateway(join(dir, 'api.yaml'));
  opened.push(gw);
  return gw;
}
afterAll(async () => {
  await Promise.all(opened.map((g) => g.close()));
});

function preflight(gw: InProcess): Promise<string> {
  return raw(
    gw.port,
    'OPTIONS /things HTTP/1.1\r\nHost: x\r\nOrigin: http://www.cors.com\r\n' +
      'Access-Control-Request-Method: PUT\r\nConnection: close\r\n\r\n',
  );
}

describe('a CORS preflight', () => {
  it('is refused by the IP access control bound to the OPTIONS API (403 APIG.0402)', async () => {
    const r = await preflight(await gatewayWith('x-apigateway-access-control: denyLocal'));
    expect(statusOf(r)).toBe(403);
    expect(bodyOf(r)).toMatchObject({ error_code: 'APIG.0402' });
    // Still a CORS response: the browser can read the refusal.
    expect(r).toMatch(/access-control-allow-origin: \*/i);
  });

  it('is counted by the throttling policy bound to the OPTIONS API (429 APIG.0308 past the limit)', async () => {
    const gw = await gatewayWith('x-apigateway-ratelimit: twoPerMinute');
    expect(statusOf(await preflight(gw))).toBe(200);
    expect(statusOf(await preflight(gw))).toBe(200);
    const third = await preflight(gw);
    expect(statusOf(third)).toBe(429);
    expect(bodyOf(third)).toMatchObject({ error_code: 'APIG.0308' });
  });

  it('still needs no authentication, whatever the OPTIONS API names, and passes a PERMIT list it is on', async () => {
    const r = await preflight(await gatewayWith('x-apigateway-access-control: permitLocal'));
    expect(statusOf(r)).toBe(200);
    expect(r).toMatch(/access-control-allow-methods: GET,POST,PUT,DELETE,HEAD,OPTIONS,PATCH/i);
  });
});
