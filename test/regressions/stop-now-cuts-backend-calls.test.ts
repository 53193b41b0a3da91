/**
 * Regression (apig issue 16, "Ctrl-C/SIGTERM draining"): a second Ctrl-C or SIGTERM says "stop now", and the
 * server closed every client connection at once, but the gateway then closed its upstream pool gracefully, which
 * waits for the backend calls in flight: with a slow backend, `apig serve` went on running until the backend's
 * timeout. Stopping now (close with no grace, or a grace period that runs out) now cuts those calls; a graceful
 * close still lets them finish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import type { Workspace } from '../../src/core/workspace-model.js';
import type { GatewayEvent } from '../../src/gateway/index.js';
import { startBackend, startGateway, until, type Backend, type InProcess } from '../e2e/serve-helpers.js';

let backend: Backend;
let gw: InProcess;
let arrived: () => void = () => undefined;

beforeAll(async () => {
  // Never answers: only a cut ends the call before the API's backend timeout.
  backend = await startBackend('silent', () => arrived());
  gw = await startGateway('fixtures/serve/backends', (ws: Workspace) => {
    const vars = ws.environments.find((e) => e.name === 'RELEASE')?.variables ?? {};
    Object.assign(vars, { echo: backend.address });
  });
});
afterAll(async () => {
  await backend.close();
});

describe('stopping now while a backend call is in flight', () => {
  it('cuts the call instead of waiting for the backend', async () => {
    const reached = new Promise<void>((r) => {
      arrived = r;
    });
    const client = connect(gw.port, '127.0.0.1');
    client.on('error', () => undefined);
    client.write('GET /echo/42 HTTP/1.1\r\nHost: x.example.com\r\n\r\n');
    await reached;
    const graceful = gw.launched.close();
    await gw.launched.close(0);
    await graceful;
    const requests = (): GatewayEvent[] => gw.events.filter((e: GatewayEvent) => e.type === 'request');
    await until(
      () => String(requests().length),
      (n) => n === '1',
      'the request event',
    );
    // 502 from the cut pool, not the 504 of a backend timeout that was waited for.
    expect(requests()[0]).toMatchObject({ status: 502 });
    client.destroy();
  });
});
