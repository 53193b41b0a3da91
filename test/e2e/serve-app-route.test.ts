/** Calls by IP into a non-DEFAULT group with app_route (003; practices.md §5.5; fixtures/serve/app-route). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startGateway, type InProcess } from './serve-helpers.js';

let gw: InProcess;
beforeAll(async () => {
  gw = await startGateway('fixtures/serve/app-route');
});
afterAll(async () => {
  await gw.close();
});

describe('app_route', () => {
  it('X-HW-ID and X-HW-APPKEY reach the APP API of the non-DEFAULT group without its domain', async () => {
    const r = await call(`${gw.url}/orders`, {
      headers: { 'X-HW-ID': 'buyer-key', 'X-HW-APPKEY': 'buyer-secret-value' },
    });
    expect(r.json()).toEqual({ group: 'shop' });
  });

  it('so does X-Apig-AppCode', async () => {
    expect((await call(`${gw.url}/orders`, { headers: { 'X-Apig-AppCode': 'buyer-appcode-value' } })).json()).toEqual({
      group: 'shop',
    });
  });

  it('without a credential the call reaches DEFAULT, which has no such API', async () => {
    expect((await call(`${gw.url}/orders`)).status).toBe(404);
    expect((await call(`${gw.url}/ping`)).json()).toEqual({ group: 'DEFAULT' });
  });

  it('app_route off: the credential does not route', async () => {
    const off = await startGateway('fixtures/serve/app-route', (ws) => {
      ws.instance.app_route = false;
    });
    try {
      expect(
        (await call(`${off.url}/orders`, { headers: { 'X-HW-ID': 'buyer-key', 'X-HW-APPKEY': 'buyer-secret-value' } }))
          .status,
      ).toBe(404);
    } finally {
      await off.close();
    }
  });
});
