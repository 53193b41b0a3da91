/**
 * Regression (issue 12 follow-up, "Prototype-free lookups everywhere"): apig.yaml maps keyed by environment
 * (`apps[].authorize`, `signatureKeys[].bind`, throttle `bind`, `bindings`) and environment variables were plain
 * objects that the gateway indexed with names it was given. An environment named `constructor` or `toString`
 * (both valid names) found Object.prototype's members: `apig serve` stopped at start-up with "internal error:
 * (names ?? []).some is not a function", and an app calling into such an environment would have answered 500;
 * a backend path with `#toString#` took "function toString() { [native code] }" as the variable's value.
 * Right: those maps have no prototype; only what apig.yaml writes is found.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  raw,
  startBackend,
  startGateway,
  statusOf,
  type Backend,
  type InProcess,
} from '../e2e/serve-helpers.js';

let echo: Backend;
let gw: InProcess;
beforeAll(async () => {
  echo = await startBackend('echo');
  const dir = mkdtempSync(join(tmpdir(), 'apig-proto-env-'));
  writeFileSync(
    join(dir, 'api.yaml'),
    `swagger: "2.0"
info: { title: proto, version: "1" }
paths:
  /orders:
    get:
      operationId: orders
      security: [{ app: [] }]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"ok":true}' } }
  /var:
    get:
      operationId: var_path
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: HTTP, httpEndpoints: { address: "#echo#", scheme: http, method: GET, path: "/v/#toString#" } }
securityDefinitions:
  app: { type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1 }
`,
  );
  writeFileSync(
    join(dir, 'apig.yaml'),
    `groups:
  - { name: proto, spec: api.yaml }
environments:
  RELEASE: { variables: { echo: "${echo.address}" } }
  constructor: { variables: { echo: "${echo.address}" } }
  toString: { variables: { echo: "${echo.address}" } }
publish:
  RELEASE: ["*"]
  constructor: ["*"]
  toString: ["*"]
apps:
  - { name: buyer, key: buyer-key, secret: buyer-secret-value, authorize: { RELEASE: ["*"] } }
instance:
  app_secret: true
signatureKeys:
  - { name: basic-key, type: basic, key: gw-user, secret: gw-password-value, bind: { RELEASE: [var_path] } }
throttles:
  t:
    interval: 1
    apiLimit: 100
    bind: { RELEASE: [orders] }
`,
  );
  gw = await startGateway(dir);
});
afterAll(async () => {
  await gw?.close();
  await echo.close();
});

const send = async (path: string, stage: string): Promise<string> =>
  raw(
    gw.port,
    `GET ${path} HTTP/1.1\r\nHost: localhost\r\nX-Stage: ${stage}\r\nX-HW-ID: buyer-key\r\nX-HW-AppKey: buyer-secret-value\r\nConnection: close\r\n\r\n`,
  );

describe('environments named like Object.prototype members', () => {
  it('apig serve starts, and the app is authorized where apig.yaml says', async () => {
    expect(statusOf(await send('/orders', 'RELEASE'))).toBe(200);
  });

  it.each(['constructor', 'toString'])(
    'an app not authorized in %s gets the authorization error, not 500',
    async (stage) => {
      const text = await send('/orders', stage);
      expect(statusOf(text)).not.toBe(500);
      expect(bodyOf(text)).toMatchObject({ error_code: 'APIG.0304' });
    },
  );

  it('#toString# is a variable no environment defines, not a function', async () => {
    const id = /x-request-id: (\w+)/i.exec(await send('/var', 'RELEASE'))?.[1];
    const event = gw.events.find((e) => e.type === 'request' && e.requestId === id);
    const detail = event?.type === 'request' ? (event.detail ?? '') : '';
    expect(detail).toContain('variable #toString# is not defined in environment RELEASE');
    expect(detail).not.toContain('native code');
  });
});
