/**
 * Regression (issue 12): a backend response that broke off mid-body (the backend reset the connection after
 * its status line and part of the body) was logged as a plain 200, the status the response object held. The
 * client's stream is cut, as before; the request event, and the log line printed from it, now say the
 * failure: status 502 APIG.0201 with why, and `sentStatus` 200, the status line the client had received.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Chalk } from 'chalk';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEvent } from '../../src/cli/serve-render.js';
import type { RequestEvent } from '../../src/gateway/index.js';
import { call, startGateway, until, type InProcess } from '../e2e/serve-helpers.js';

describe('a backend response cut short after its status line', () => {
  let gw: InProcess;
  let backend: Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Answers 200 with 1,000 bytes promised and 7 sent, then resets the connection once they are written.
    backend = createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
      s.once('data', () =>
        s.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial', () => s.resetAndDestroy()),
      );
    });
    await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
    const address = `127.0.0.1:${(backend.address() as AddressInfo).port}`;
    gw = await startGateway('fixtures/hardening', (ws) => {
      Object.assign(ws.environments.find((e) => e.name === 'RELEASE')?.variables ?? {}, { reset: address });
    });
  });
  afterAll(async () => {
    await gw.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => backend.close(() => r()));
  });

  it('is logged as the failure it is, with the status the client had received', async () => {
    const outcome = await request(`${gw.url}/fault/reset`).then(async (res) => {
      try {
        await res.body.text();
        return `complete ${res.statusCode}`;
      } catch {
        return `cut ${res.statusCode}`;
      }
    });
    expect(outcome).toBe('cut 200');
    const logged = () => gw.events.filter((e): e is RequestEvent => e.type === 'request' && e.path === '/fault/reset');
    await until(
      () => String(logged().length),
      (n) => n === '1',
      'the request event',
    );
    const event = logged()[0] as RequestEvent;
    expect(event).toMatchObject({ status: 502, sentStatus: 200, errorCode: 'APIG.0201', api: 'fault_reset' });
    expect(event.detail).toMatch(
      /^the response broke off after its 200 status line was sent: http:\/\/127\.0\.0\.1:\d+\/: /,
    );
    expect(renderEvent(event, { color: new Chalk({ level: 0 }) }, (d) => d)).toMatch(
      /^502 GET \/fault\/reset → hardening\/fault_reset RELEASE \d+ms \(cut short after 200\) {2}APIG\.0201 the response broke off/,
    );
  });

  it('a complete response is still logged with its own status, and no sentStatus', async () => {
    expect((await call(`${gw.url}/mock`)).status).toBe(200);
    const event = gw.events.filter((e): e is RequestEvent => e.type === 'request').at(-1);
    expect(event).toMatchObject({ path: '/mock', status: 200 });
    expect(event).not.toHaveProperty('sentStatus');
    expect(event).not.toHaveProperty('errorCode');
  });
});
