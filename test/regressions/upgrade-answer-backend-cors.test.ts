/**
 * Regression (issue 13, one answer path): a WebSocket upgrade request that a FUNCTION (or Mock) backend answers
 * as a plain request had its answer built apart from every other, and there the gateway's CORS headers replaced
 * the backend's own, against 002 §5.2.2 ("后端服务响应的跨域头将覆盖API网关增加的跨域头"). The answer is now built
 * as every other is: the backend's `Access-Control-Allow-Origin` goes out, once, and the gateway adds only the
 * CORS headers the backend did not set.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';

const URN = 'urn:fss:cn-north-4:0123456789abcdef:function:default:cors';

describe('the plain answer to an upgrade request', () => {
  let gw: InProcess;
  const dir = mkdtempSync(join(tmpdir(), 'apig-upgrade-cors-'));
  beforeAll(async () => {
    writeFileSync(
      join(dir, 'cors.mjs'),
      `export async function handler() {
  return { statusCode: 200, headers: { 'content-type': 'text/plain', 'access-control-allow-origin': 'https://app.example' }, body: 'plain' };
}
`,
    );
    writeFileSync(
      join(dir, 'api.yaml'),
      `swagger: "2.0"
info: { title: g, version: "1.0" }
paths:
  /ws:
    get:
      operationId: ws
      responses: { "200": { description: ok } }
      x-apigateway-cors: true
      x-apigateway-backend:
        type: FUNCTION
        functionEndpoints: { function-urn: "${URN}", version: latest, invocation-type: sync, timeout: 5000 }
`,
    );
    writeFileSync(
      join(dir, 'apig.yaml'),
      `groups:
  - name: g
    spec: api.yaml
functions:
  "${URN}": ./cors.mjs
`,
    );
    gw = await startGateway(dir);
  });
  afterAll(async () => {
    await gw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the backend's CORS headers", async () => {
    const text = await raw(
      gw.port,
      'GET /ws HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    expect(statusOf(text)).toBe(200);
    const origins = [...text.matchAll(/^access-control-allow-origin: (.*)\r$/gim)].map((m) => m[1]);
    expect(origins).toEqual(['https://app.example']);
    expect(text.endsWith('\r\n\r\nplain')).toBe(true);
  });
});
