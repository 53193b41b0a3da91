/**
 * Regression (issue 12 follow-up, "Header limits"): Node's parser skips the whitespace between a header's colon
 * and its value without counting it anywhere, so the size checks never saw it. `X-A:` followed by 40 KB of
 * spaces and `v` (one header over 32 KB) and five such 30 KB lines (150 KB of headers) got 200; so did 10 MB
 * of spaces in one header. The documented limits (API Gateway User Guide, 6.3.3) are about the bytes sent.
 * Right: the transport measures every header line as sent (transport/head-sizes.ts), so these answer 494 like
 * any other oversized header, over HTTP and HTTPS, also after a keep-alive request with a chunked body; requests
 * within the limits are served as before.
 */
import { readFileSync } from 'node:fs';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';

let gw: InProcess;
let httpsPort: number;
beforeAll(async () => {
  const tls = {
    cert: readFileSync('fixtures/serve/tls/cert.pem'),
    key: readFileSync('fixtures/serve/tls/key.pem'),
    port: 0,
  };
  gw = await startGateway('fixtures/serve/paths', undefined, { tls });
  httpsPort = Number(new URL(gw.launched.server.urls.find((u) => u.startsWith('https:')) ?? '').port);
});
afterAll(async () => {
  await gw.close();
});

const padded = (name: string, spaces: number): string => `${name}:${' '.repeat(spaces)}v\r\n`;
const request = (headers: string): string =>
  `GET /who HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`;

/** Sends over TLS and reads until the server closes. */
function overTls(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ port: httpsPort, host: '127.0.0.1', rejectUnauthorized: false });
    let text = '';
    socket.on('data', (c: Buffer) => {
      text += c.toString('latin1');
    });
    socket.on('close', () => resolve(text));
    socket.on('error', (e) => (text === '' ? reject(e) : resolve(text)));
    socket.write(bytes);
  });
}

describe('whitespace before a header value counts', () => {
  it('one header padded past 32 KB answers 494', async () => {
    expect(statusOf(await raw(gw.port, request(padded('X-A', 40_000))))).toBe(494);
  });

  it('headers padded past 128 KB in all answer 494', async () => {
    const five = Array.from({ length: 5 }, (_, i) => padded(`X-${i}`, 30_000)).join('');
    expect(statusOf(await raw(gw.port, request(five)))).toBe(494);
  });

  it('10 MB of spaces in one header answer 494', async () => {
    expect(statusOf(await raw(gw.port, request(padded('X-A', 10_000_000))))).toBe(494);
  });

  it('over HTTPS too', async () => {
    expect(statusOf(await overTls(request(padded('X-A', 40_000))))).toBe(494);
  });

  it('on a kept-alive connection, after a request with a chunked body', async () => {
    const first = 'POST /who HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nX-A: \r\n0\r\n\r\n';
    const text = await raw(gw.port, first + request(padded('X-A', 40_000)));
    const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    // The first is answered (no POST API: 404) and the connection kept; the second is measured as sent.
    expect(statuses).toEqual([404, 494]);
  });

  it('headers within the limits, padded or not, are served', async () => {
    expect(statusOf(await raw(gw.port, request(padded('X-A', 20_000))))).toBe(200);
    const three = Array.from({ length: 3 }, (_, i) => padded(`X-${i}`, 30_000)).join('');
    expect(statusOf(await raw(gw.port, request(three)))).toBe(200);
    expect(statusOf(await overTls(request('X-A: v\r\n')))).toBe(200);
  });
});
