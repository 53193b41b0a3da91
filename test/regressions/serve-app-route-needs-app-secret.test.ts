/**
 * Regression: calls by IP into a non-DEFAULT group. Calling APIs ("API calling scenarios") says the instance
 * options `app_route` and `app_secret` must both be on, and the request must carry `X-HW-ID` and `X-HW-APPKEY`
 * (the credential's key and secret). apig routed on `X-HW-ID` alone whenever `app_route` was on: with
 * `app_secret` off, a request by IP carrying `X-HW-ID` and an APP signature reached the APP API of the
 * non-DEFAULT group and was answered 200, where the gateway routes it to DEFAULT (404 APIG.0101). Right: the
 * key routes only with `app_secret` on and `X-HW-AppKey` sent, as docs/serve.md says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/sign/index.js';
import { call, startGateway, type InProcess } from '../e2e/serve-helpers.js';

const KEY = 'buyer-key';
const SECRET = 'buyer-secret-value';

let gw: InProcess;
beforeAll(async () => {
  gw = await startGateway('fixtures/serve/app-route', (ws) => {
    ws.instance.app_secret = false;
  });
});
afterAll(async () => {
  await gw.close();
});

function signed(url: string, extra: Record<string, string>): Record<string, string> {
  const host = new URL(url).host;
  const s = signRequest({ method: 'GET', url, key: KEY, secret: SECRET, headers: { host, ...extra } });
  return Object.fromEntries(s.headers);
}

describe('app_route with app_secret off', () => {
  it('X-HW-ID does not lead a call by IP into the non-DEFAULT group (404 APIG.0101 from DEFAULT)', async () => {
    const url = `${gw.url}/orders`;
    const r = await call(url, { headers: signed(url, { 'X-HW-ID': KEY }) });
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0101' });
  });

  it('the same signed call with the group domain still reaches the API', async () => {
    const url = `${gw.url}/orders`;
    const r = await call(url, { headers: signed('http://shop.example.com/orders', {}) });
    expect(r.json()).toEqual({ group: 'shop' });
  });
});

describe('app_route with app_secret on', () => {
  it('X-HW-ID without X-HW-AppKey does not route (the call reaches DEFAULT)', async () => {
    const on = await startGateway('fixtures/serve/app-route');
    try {
      const r = await call(`${on.url}/orders`, { headers: { 'X-HW-ID': KEY } });
      expect(r.status).toBe(404);
      expect(r.json()).toMatchObject({ error_code: 'APIG.0101' });
    } finally {
      await on.close();
    }
  });
});
