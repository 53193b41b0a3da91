/**
 * Regression (test/property/gateway.property.test.ts, seed 20261122): a request with an `Expect` other than
 * `100-continue` got Node's bare `417 Expectation Failed`, with no X-Request-Id, no `Server: api-gateway` and
 * no APIG body (ruling 5 wants them on every answer), and no request event. The gateway, like nginx, ignores
 * such an Expect and serves the request; `Expect` is not forwarded (request/stages/backend-request.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';

describe('Expect other than 100-continue', () => {
  let gw: InProcess;
  beforeAll(async () => {
    gw = await startGateway('fixtures/serve/routing.yaml');
  });
  afterAll(async () => {
    await gw.close();
  });

  it('is served like any request', async () => {
    const text = await raw(gw.port, 'GET /users/me HTTP/1.1\r\nHost: a\r\nExpect: foo\r\nConnection: close\r\n\r\n');
    expect(statusOf(text)).toBe(200);
    expect(bodyOf(text)).toEqual({ api: 'usersMe' });
    expect(text).toMatch(/x-request-id: [0-9a-f]{32}/i);
    expect(text).toMatch(/server: api-gateway/i);
  });

  it("and its errors are the gateway's", async () => {
    const text = await raw(gw.port, 'GET /nowhere HTTP/1.1\r\nHost: a\r\nExpect: \r\nConnection: close\r\n\r\n');
    expect(statusOf(text)).toBe(404);
    expect(bodyOf(text)).toMatchObject({ error_code: 'APIG.0101' });
  });
});
