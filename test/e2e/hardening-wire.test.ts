/**
 * The HTTP front of apig serve under malformed traffic on raw sockets (issue 8): each request gets the
 * documented status with an APIG body, or a clean close, and the gateway keeps serving other clients.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, raw, startGateway, statusOf, type InProcess } from './serve-helpers.js';

let gw: InProcess;
beforeAll(async () => {
  gw = await startGateway('fixtures/hardening');
});
afterAll(async () => {
  await gw.close();
});

async function stillServing(): Promise<void> {
  const r = await call(`${gw.url}/mock`);
  expect(r.status).toBe(200);
}

/** A response is either an APIG error body with a 4xx status or nothing at all (a clean close). */
function expectRefusedOrClosed(text: string, statuses: readonly number[]): void {
  if (text === '') return;
  expect(statuses).toContain(statusOf(text));
  const body = text.slice(text.indexOf('\r\n\r\n') + 4);
  expect(body).toMatch(/"error_code": ?"APIG\.\d{4}"/);
  expect(text).toMatch(/server: api-gateway/i);
}

const MALFORMED: Array<[string, string | Buffer, number[]]> = [
  [
    'duplicate Content-Length',
    'POST /mock HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab',
    [400],
  ],
  [
    'Content-Length and Transfer-Encoding (smuggling)',
    'POST /mock HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /mock HTTP/1.1\r\nHost: a\r\n\r\n',
    [400],
  ],
  [
    'Transfer-Encoding with an obs-fold',
    'POST /mock HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n',
    [400],
  ],
  ['an obs-fold header', 'GET /mock HTTP/1.1\r\nHost: a\r\nX-Long: a\r\n b\r\n\r\n', [400]],
  ['bare LF line endings', 'GET /mock HTTP/1.1\nHost: a\n\n', [400]],
  ['a bare CR', 'GET /mock HTTP/1.1\rHost: a\r\n\r\n', [400]],
  ['an invalid method', 'G@T /mock HTTP/1.1\r\nHost: a\r\n\r\n', [400, 405]],
  ['an unknown method token', 'BREW /mock HTTP/1.1\r\nHost: a\r\n\r\n', [400, 404, 405]],
  ['an invalid HTTP version', 'GET /mock HTTP/9.9\r\nHost: a\r\n\r\n', [400, 505]],
  [
    'garbage instead of a request line',
    Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a]),
    [400],
  ],
  ['a negative Content-Length', 'POST /mock HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n', [400]],
  ['a NUL in a header value', 'GET /mock HTTP/1.1\r\nHost: a\r\nX-A: a\u0000b\r\n\r\n', [400]],
];

describe('malformed requests on raw sockets', () => {
  it.each(MALFORMED)('%s', async (_name, bytes, statuses) => {
    const text = await raw(gw.port, bytes);
    expectRefusedOrClosed(text, statuses);
    expect(text).not.toMatch(/HTTP\/1\.1 200/);
    await stillServing();
  });

  it('an invalid chunk size: a Mock answers without needing the body, then 400 and close (nothing smuggled)', async () => {
    const text = await raw(
      gw.port,
      'POST /mock HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nGET /mock HTTP/1.1\r\nHost: a\r\n\r\n',
    );
    const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    // The bytes after the bad chunk are never read as a second request: whatever follows the Mock's answer
    // is the parse error (APIG.0201) and the close.
    expect(statuses.slice(1).every((s) => s === 400)).toBe(true);
    expect(statuses.length).toBeLessThanOrEqual(2);
    if (statuses.length === 2) expect(text).toContain('"error_code": "APIG.0201"');
    await stillServing();
  });

  it.each([
    ['invalid percent-encoding in the path', 'GET /mo%ZZck HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'],
    ['invalid percent-encoding in the query', 'GET /mock?q=%E0%A4%A HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'],
    [
      'invalid UTF-8 in the path',
      Buffer.concat([
        Buffer.from('GET /mo'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('ck HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'),
      ]),
    ],
    [
      'invalid UTF-8 in the query',
      Buffer.concat([
        Buffer.from('GET /mock?q='),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(' HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'),
      ]),
    ],
    [
      'invalid UTF-8 in a header value',
      Buffer.concat([
        Buffer.from('GET /mock HTTP/1.1\r\nHost: a\r\nX-Name: '),
        Buffer.from([0xff]),
        Buffer.from('\r\nConnection: close\r\n\r\n'),
      ]),
    ],
  ])('%s: an APIG answer, never a 5xx', async (_name, bytes) => {
    const text = await raw(gw.port, bytes);
    const status = statusOf(text);
    if (text !== '') expect(status).toBeLessThan(500);
    if (status >= 400) expectRefusedOrClosed(text, [400, 404]);
    await stillServing();
  });

  it('a slowloris client sending headers a byte at a time does not block other clients', async () => {
    const slow = connect(gw.port, '127.0.0.1');
    await new Promise<void>((r) => slow.once('connect', () => r()));
    slow.write('GET /mock HTTP/1.1\r\nHost: a\r\n');
    let sent = 0;
    const drip = setInterval(() => {
      if (!slow.destroyed) slow.write(`X-${sent++}: a\r\n`);
    }, 5);
    try {
      for (let i = 0; i < 10; i++) await stillServing();
    } finally {
      clearInterval(drip);
      slow.destroy();
    }
  });

  it('a client that sends half a body and stalls does not block other clients', async () => {
    const stalled = connect(gw.port, '127.0.0.1');
    await new Promise<void>((r) => stalled.once('connect', () => r()));
    stalled.write(`POST /mock HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n${'x'.repeat(1000)}`);
    try {
      for (let i = 0; i < 10; i++) await stillServing();
    } finally {
      stalled.destroy();
    }
  });

  it('many connections opened and dropped at once leave the gateway serving', async () => {
    await Promise.all(
      Array.from(
        { length: 200 },
        () =>
          new Promise<void>((resolve) => {
            const s = connect(gw.port, '127.0.0.1', () => {
              s.write('GET /mock HTTP/1.1\r\nHost: a\r\n');
              s.destroy();
              resolve();
            });
            s.on('error', () => resolve());
          }),
      ),
    );
    await stillServing();
  });
});
