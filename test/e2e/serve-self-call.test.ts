/** APIG.0612: an API whose backend is the gateway itself, up to 10 levels (001 §7.10; backends/self-call.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayEvent } from '../../src/gateway/response/events.js';
import { call, closedPort, startBackend, startGateway, type Backend, type InProcess } from './serve-helpers.js';

type RequestEvent = Extract<GatewayEvent, { type: 'request' }>;

describe('an API calling itself', () => {
  let gw: InProcess;
  let echo: Backend;
  beforeAll(async () => {
    echo = await startBackend('echo');
    const port = await closedPort();
    gw = await startGateway(
      'fixtures/serve/self-call',
      (ws) => {
        for (const e of ws.environments)
          Object.assign(e.variables, { self: `127.0.0.1:${port}`, selfname: `localhost:${port}`, echo: echo.address });
      },
      { port },
    );
  });
  afterAll(async () => {
    await gw.close();
    await echo.close();
  });

  const requests = (path: string): RequestEvent[] =>
    gw.events.filter((e): e is RequestEvent => e.type === 'request' && e.path === path);

  it('one level through the gateway is served', async () => {
    const r = await call(`${gw.url}/outer`);
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ inner: true });
  });

  it('a loop ends at the 11th level with 500 APIG.0612, which every level passes back', async () => {
    const r = await call(`${gw.url}/loop`);
    expect(r.status).toBe(500);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0612', error_msg: 'An API cannot call itself.' });
    // The client's request and 10 nested ones reached the gateway; the last was refused before its backend call.
    expect(requests('/loop')).toHaveLength(11);
  });

  it('a backend named by host name (localhost) is recognised too', async () => {
    const r = await call(`${gw.url}/named-loop`);
    expect(r.status).toBe(500);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0612' });
    expect(requests('/named-loop')).toHaveLength(11);
  });

  it("the depth header is the gateway's own: never forwarded to another backend", async () => {
    const r = await call(`${gw.url}/out`, { headers: { 'X-Apig-Call-Depth': '3' } });
    expect(r.status).toBe(200);
    expect(echo.seen.at(-1)?.headers['x-apig-call-depth']).toBeUndefined();
  });
});
