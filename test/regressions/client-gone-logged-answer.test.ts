/**
 * Regression (issue 13, one answer path): a request whose client left before the gateway had answered was logged
 * at once as a 200 without an error code, the status Node's response object starts with, although nothing had
 * been answered; the answer the gateway then decided (here 504: the backend stalled past the API's timeout) never
 * reached the log. The request event now goes out once the response has closed and the answer is known, and says
 * that answer.
 */
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '../../src/gateway/index.js';
import { startGateway, until, type InProcess } from '../e2e/serve-helpers.js';

describe('a client that leaves before the answer', () => {
  let gw: InProcess;
  let backend: Server;
  const sockets = new Set<Socket>();
  let received = 0;
  beforeAll(async () => {
    // Reads the request and never answers: the API's 300 ms timeout decides.
    backend = createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
      s.once('data', () => received++);
    });
    await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
    const address = `127.0.0.1:${(backend.address() as AddressInfo).port}`;
    gw = await startGateway('fixtures/hardening', (ws) => {
      Object.assign(ws.environments.find((e) => e.name === 'RELEASE')?.variables ?? {}, { stall: address });
    });
  });
  afterAll(async () => {
    await gw.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => backend.close(() => r()));
  });

  it('is logged with the answer the gateway decided, not a 200', async () => {
    const client = connect(gw.port, '127.0.0.1');
    client.on('error', () => undefined);
    client.write('GET /fault/stall HTTP/1.1\r\nHost: a\r\n\r\n');
    await until(
      () => String(received),
      (n) => n === '1',
      'the request at the backend',
    );
    client.destroy();
    const logged = () => gw.events.filter((e): e is RequestEvent => e.type === 'request' && e.path === '/fault/stall');
    await until(
      () => String(logged().length),
      (n) => n === '1',
      'the request event',
    );
    expect(logged()[0]).toMatchObject({ status: 504, errorCode: 'APIG.0201', api: 'fault_stall' });
  });
});
