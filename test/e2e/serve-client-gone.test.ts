/**
 * A client that hangs up while its backend call is in flight: when the backend answers, the gateway drops the
 * backend's body (undici turns a destroy before the end into an error of the body stream) without an uncaught
 * error, logs the answer it decided, and goes on serving. Checked while looking into a report of a crash on a
 * second SIGTERM during a backend call (the crash did not reproduce; what that stop did wrong is
 * test/regressions/stop-now-cuts-backend-calls.test.ts).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/core/workspace-model.js';
import { raw, startBackend, startGateway, statusOf, type Backend, type InProcess } from './serve-helpers.js';

let backend: Backend;
let gw: InProcess;
/** Each request the backend holds, answered when the test says so. */
const held: Array<() => void> = [];
let arrived: () => void = () => undefined;

beforeAll(async () => {
  backend = await startBackend('held', (req, res) => {
    if (req.url?.split('?')[0]?.endsWith('/7')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('whole');
      return;
    }
    held.push(() => {
      // Headers and part of the body: the gateway's answer streams, and the body is not at its end.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part of a body that the client will never read');
    });
    arrived();
  });
  gw = await startGateway('fixtures/serve/backends', (ws: Workspace) => {
    const vars = ws.environments.find((e) => e.name === 'RELEASE')?.variables ?? {};
    Object.assign(vars, { echo: backend.address });
  });
});
afterAll(async () => {
  await gw.close();
  await backend.close();
});

describe('a client that is gone when the backend answers', () => {
  it('costs the gateway nothing: the backend body is dropped without an uncaught error', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown): void => {
      uncaught.push(err);
    };
    process.on('uncaughtException', onUncaught);
    try {
      const reached = new Promise<void>((r) => {
        arrived = r;
      });
      const client = connect(gw.port, '127.0.0.1');
      client.on('error', () => undefined);
      client.write('GET /echo/42 HTTP/1.1\r\nHost: x.example.com\r\n\r\n');
      await reached;
      // The client hangs up while the backend holds its answer, then the backend answers.
      const closed = new Promise<void>((r) => client.on('close', () => r()));
      client.destroy();
      await closed;
      await new Promise((r) => setImmediate(r));
      for (const release of held.splice(0)) release();
      // The gateway still answers the next request (its answer comes after the dropped one's events).
      const next = await raw(gw.port, 'GET /echo/7 HTTP/1.1\r\nHost: x.example.com\r\nConnection: close\r\n\r\n');
      expect(statusOf(next)).toBe(200);
      await new Promise((r) => setImmediate(r));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
