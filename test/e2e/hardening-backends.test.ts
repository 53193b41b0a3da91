/**
 * Backend faults (issue 8): a backend that refuses, resets mid-response, stalls past the timeout, answers
 * garbage or a huge body. The gateway answers with the documented codes and keeps serving; a hot reload
 * under load drops no request in flight.
 */
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { request as undiciRequest } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, closedPort, startBackend, startGateway, type Backend, type InProcess } from './serve-helpers.js';

const HUGE = 64 * 1024 * 1024;

/** A TCP server that does something wrong with every connection. */
async function tcp(onSocket: (s: Socket) => void): Promise<{ address: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcpServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    onSocket(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

let gw: InProcess;
let echo: Backend;
let huge: Backend;
const faults: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  echo = await startBackend('echo', (_req, res) => setTimeout(() => res.end('{"ok":true}'), 20));
  huge = await startBackend('huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(HUGE) });
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const pump = (): void => {
      while (sent < HUGE) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  const reset = await tcp((s) =>
    s.once('data', () => {
      s.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial');
      setTimeout(() => s.resetAndDestroy(), 10);
    }),
  );
  const resetEarly = await tcp((s) => s.once('data', () => s.resetAndDestroy()));
  const stall = await tcp(() => undefined);
  const garbage = await tcp((s) => s.once('data', () => s.end('this is not HTTP at all\r\n\r\n')));
  faults.push(reset, resetEarly, stall, garbage, echo, huge);
  const refusePort = await closedPort();
  gw = await startGateway('fixtures/hardening', (ws) => {
    Object.assign(ws.environments.find((e) => e.name === 'RELEASE')?.variables ?? {}, {
      refuse: `127.0.0.1:${refusePort}`,
      reset: reset.address,
      resetEarly: resetEarly.address,
      stall: stall.address,
      garbage: garbage.address,
      huge: huge.address,
      echo: echo.address,
    });
  });
});

afterAll(async () => {
  await gw.close();
  await Promise.all(faults.map((f) => f.close()));
});

async function stillServing(): Promise<void> {
  expect((await call(`${gw.url}/mock`)).status).toBe(200);
}

describe('backend faults', () => {
  it('refused connection: 502 Backend unavailable', async () => {
    const r = await call(`${gw.url}/fault/refuse`);
    expect(r.status).toBe(502);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0201', error_msg: 'Backend unavailable.' });
    await stillServing();
  });

  it('stall past the timeout: 504 Backend timeout', async () => {
    const r = await call(`${gw.url}/fault/stall`);
    expect(r.status).toBe(504);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0201', error_msg: 'Backend timeout.' });
    await stillServing();
  });

  it('garbage instead of HTTP: 502', async () => {
    const r = await call(`${gw.url}/fault/garbage`);
    expect(r.status).toBe(502);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0201' });
    await stillServing();
  });

  it('reset mid-response: the client sees the stream end early, never a hang; the gateway keeps serving', async () => {
    const outcome = await undiciRequest(`${gw.url}/fault/reset`).then(
      async (res) => {
        try {
          await res.body.text();
          return `complete ${res.statusCode}`;
        } catch {
          return `aborted ${res.statusCode}`;
        }
      },
      (err: Error) => `failed ${err.message}`,
    );
    expect(outcome).not.toBe('complete 200');
    await stillServing();
  });

  it('reset before any response: 502', async () => {
    const r = await call(`${gw.url}/fault/reset-early`);
    expect(r.status).toBe(502);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0201' });
    await stillServing();
  });

  it(`a ${HUGE / 1024 / 1024} MB body streams through`, async () => {
    const res = await undiciRequest(`${gw.url}/fault/huge`);
    expect(res.statusCode).toBe(200);
    let bytes = 0;
    for await (const chunk of res.body) bytes += (chunk as Buffer).length;
    expect(bytes).toBe(HUGE);
    await stillServing();
  });

  it('faults under concurrency do not disturb healthy requests', async () => {
    const paths = ['/fault/refuse', '/fault/garbage', '/fault/stall', '/mock', '/fault/echo'];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => call(`${gw.url}${paths[i % paths.length]}`)),
    );
    results.forEach((r, i) => {
      const p = paths[i % paths.length];
      if (p === '/mock' || p === '/fault/echo') expect(r.status).toBe(200);
      else expect([502, 504]).toContain(r.status);
    });
  });
});

describe('hot reload under load', () => {
  it('drops no request in flight', async () => {
    const inFlight = Array.from({ length: 200 }, () => call(`${gw.url}/fault/echo`));
    const reloads = [gw.launched.reload(), gw.launched.reload()];
    const more = Array.from({ length: 100 }, () => call(`${gw.url}/mock`));
    const results = await Promise.all([...inFlight, ...more]);
    await Promise.all(reloads);
    expect(results.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.text}`)).toEqual([]);
  });
});
