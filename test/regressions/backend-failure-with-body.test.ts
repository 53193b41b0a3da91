/**
 * Regression (found with issue 12's body limits): a request with a body (Content-Length) to an HTTP backend
 * that refused or reset the connection got no answer at all, only a reset: the request stream itself went to
 * undici, which destroys the body stream of a failed call, and with it the client's connection, before the
 * 502 was written. undici now gets the body through a counting stream of its own, and the client gets
 * 502 APIG.0201 "Backend unavailable." with the body declared by length or chunked.
 * Second bug, seen only from a client in another process: when the client asked for `Connection: close`, the 502
 * went out before the rest of the body was read and the connection closed at once, so the kernel's reset beat
 * the answer (EPIPE, no status). Any answer that ends the connection while the body is still arriving now
 * lingers, reading the rest first, as refusals already did.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientProcess } from '../e2e/raw-client.js';
import { bodyOf, closedPort, raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';

const api = (name: string, address: string): string => `  /${name}:
    post:
      operationId: ${name}
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: HTTP, httpEndpoints: { address: "${address}", scheme: http, method: POST, path: /, timeout: 5000 } }
`;

describe('a backend that fails a request with a body', () => {
  let gw: InProcess;
  let resetting: Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Resets each connection as soon as the request starts arriving.
    resetting = createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
      s.once('data', () => s.resetAndDestroy());
    });
    await new Promise<void>((r) => resetting.listen(0, '127.0.0.1', r));
    const dir = mkdtempSync(join(tmpdir(), 'apig-regression-'));
    writeFileSync(join(dir, 'apig.yaml'), 'groups:\n  - name: g\n    spec: g.yaml\nenvironments:\n  RELEASE: {}\n');
    writeFileSync(
      join(dir, 'g.yaml'),
      `swagger: "2.0"\ninfo: { title: g, version: "1" }\npaths:\n${api('refused', `127.0.0.1:${await closedPort()}`)}${api('reset', `127.0.0.1:${(resetting.address() as AddressInfo).port}`)}`,
    );
    gw = await startGateway(dir);
  });
  afterAll(async () => {
    await gw.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => resetting.close(() => r()));
  });

  const body = Buffer.alloc(4 * 1024 * 1024, 'x');
  it.each([
    ['refuses the connection', '/refused', 'Content-Length'],
    ['refuses the connection', '/refused', 'chunked'],
    ['resets it mid-upload', '/reset', 'Content-Length'],
    ['resets it mid-upload', '/reset', 'chunked'],
  ])('%s (%s, body by %s): 502', async (_what, path, framing) => {
    const head =
      framing === 'chunked'
        ? `POST ${path} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body.length.toString(16)}\r\n`
        : `POST ${path} HTTP/1.1\r\nHost: a\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const tail = framing === 'chunked' ? '\r\n0\r\n\r\n' : '';
    const text = await raw(gw.port, Buffer.concat([Buffer.from(head), body, Buffer.from(tail)]));
    expect(statusOf(text)).toBe(502);
    expect(bodyOf(text)).toMatchObject({ error_code: 'APIG.0201', error_msg: 'Backend unavailable.' });
  });

  // From a process of its own, as a real client is: there the reset of the old code always beat the answer.
  it.each([
    ['/refused', 'length'],
    ['/refused', 'chunked'],
    ['/reset', 'length'],
    ['/reset', 'chunked'],
  ] as const)('a client in another process gets its 502 every time (%s, %s)', async (path, framing) => {
    const got = await clientProcess(gw.port, 5, path, framing, 'Connection: close\\r\\n', 4 * 1024 * 1024);
    expect(got).toEqual(Array(5).fill('HTTP/1.1 502'));
  });
});
