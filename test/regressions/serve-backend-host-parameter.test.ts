/**
 * Regression: a backend parameter `Host` (HEADER) did not reach the backend: the gateway always sent the backend
 * address as Host, so the documented way to call a backend by IP under its domain name did nothing. API Gateway
 * FAQ (2024), 3.7 "Backend domain name resolution failed", method 2: "不使用VPC通道，使用用户后端服务IP配置
 * “后端服务地址”，添加常量参数，在HEADER中添加Host: 域名字段" (configure the backend's IP as the address and add a
 * constant parameter `Host: <domain>` in HEADER). Right: a Host backend parameter is the Host the backend receives
 * (and the `host` of a FUNCTION backend's event), and a bound hmac signature key signs that Host.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSdkDate, signRequest } from '../../src/sign/index.js';
import { call, startBackend, startGateway, type Backend, type InProcess } from '../e2e/serve-helpers.js';

const api = (path: string, params: string): string => `  ${path}:
    get:
      operationId: ${path.slice(1)}
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        parameters: [${params}]
        httpEndpoints: {address: "#echo#", scheme: http, method: GET, path: ${path}}
`;

const URN = 'urn:fss:cn-north-4:0123456789abcdef:function:default:host';
let echo: Backend;
let gw: InProcess;
beforeAll(async () => {
  echo = await startBackend();
  const dir = mkdtempSync(join(tmpdir(), 'apig-backend-host-'));
  writeFileSync(
    join(dir, 'api.yaml'),
    `swagger: "2.0"
info: {title: host_group, version: "1"}
paths:
${api('/constant', '{name: Host, value: shop.example.com, in: HEADER, origin: CONSTANT}')}
${api('/signed', '{name: host, value: shop.example.com, in: HEADER, origin: CONSTANT}')}
${api('/plain', '')}
  /function:
    get:
      operationId: function
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: FUNCTION
        parameters: [{name: Host, value: shop.example.com, in: HEADER, origin: CONSTANT}]
        functionEndpoints: {function-urn: "${URN}", version: latest, invocation-type: sync}
`,
  );
  writeFileSync(
    join(dir, 'host.mjs'),
    'export const handler = (event) => ({ statusCode: 200, body: JSON.stringify({ headers: event.headers }) });\n',
  );
  writeFileSync(
    join(dir, 'apig.yaml'),
    `groups: [{name: host_group, spec: api.yaml}]
environments:
  RELEASE: {variables: {echo: "${echo.address}"}}
signatureKeys:
  - {name: hmac_key, type: hmac, key: gw-key, secret: gw-secret-value, bind: {RELEASE: [signed]}}
functions:
  "${URN}": ./host.mjs
`,
  );
  gw = await startGateway(dir);
});
afterAll(async () => {
  await gw.close();
  await echo.close();
});

const seen = async (path: string): Promise<Record<string, string>> => {
  const r = await call(`${gw.url}${path}`, { headers: { host: 'caller.example.com' } });
  expect(r.status).toBe(200);
  return r.json<{ headers: Record<string, string> }>().headers;
};

describe('a backend parameter named Host', () => {
  it('is the Host the backend receives (FAQ (2024) §3.7, method 2)', async () => {
    expect((await seen('/constant')).host).toBe('shop.example.com');
  });

  it('is the Host a bound hmac signature key signs', async () => {
    const headers = await seen('/signed');
    expect(headers.host).toBe('shop.example.com');
    const expected = signRequest({
      method: 'GET',
      url: 'http://shop.example.com/signed',
      body: Buffer.alloc(0),
      key: 'gw-key',
      secret: 'gw-secret-value',
      now: parseSdkDate(headers['x-sdk-date'] as string) as Date,
    });
    expect(headers.authorization).toBe(expected.authorization);
  });

  it('is the host header of a FUNCTION backend’s event', async () => {
    expect((await seen('/function')).host).toBe('shop.example.com');
  });

  it('without one, the backend receives its address as Host', async () => {
    expect((await seen('/plain')).host).toBe(echo.address);
  });
});
