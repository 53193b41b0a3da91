/**
 * One scenario per error the pipeline can produce that the routing, parameter and backend scenarios do not
 * already cover: the HTTP restrictions of 003 (raw sockets, since HTTP clients refuse to send most of them),
 * the size limits of ruling 9, the protocol check of ruling 11, gateway responses (ruling 1) and headers
 * (ruling 5).
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  call,
  raw,
  startBackend,
  startGateway,
  statusOf,
  type Backend,
  type InProcess,
} from './serve-helpers.js';

describe('HTTP restrictions and sizes (003 调用限制; ruling 9)', () => {
  let echo: Backend;
  let gw: InProcess;
  beforeAll(async () => {
    echo = await startBackend();
    gw = await startGateway('fixtures/serve/backends', (ws) => {
      ws.instance.request_body_size = 1; // MB
      Object.assign(ws.environments.find((e) => e.name === 'RELEASE')?.variables ?? {}, { echo: echo.address });
    });
  });
  afterAll(async () => {
    await gw.close();
    await echo.close();
  });

  const refusedWith = async (bytes: string | Buffer, status: number, message: string): Promise<void> => {
    const text = await raw(gw.port, bytes);
    expect(statusOf(text)).toBe(status);
    const body = bodyOf(text);
    expect(body).toMatchObject({ error_code: 'APIG.0201', error_msg: message });
    expect(text).toMatch(new RegExp(`x-request-id: ${String(body.request_id)}`, 'i'));
    expect(text).toMatch(/server: api-gateway/i);
  };

  it.each([
    ['CONNECT', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'],
    [
      'Content-Length with Transfer-Encoding',
      'POST /mock HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ],
    ['two Host headers', 'GET /mock HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'],
    ['a space in a header name', 'GET /mock HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n'],
    ['a control character in Host', 'GET /mock HTTP/1.1\r\nHost: a\u0001b\r\n\r\n'],
    ['a space in the request line', 'GET /mo ck HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['Transfer-Encoding in HTTP/1.0', 'POST /mock HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ])('%s: 400 APIG.0201', async (_rule, bytes) => {
    await refusedWith(bytes, 400, 'API request error.');
  });

  it('a URI over 32 KB: 414', async () => {
    await refusedWith(`GET /mock?${'a'.repeat(33 * 1024)} HTTP/1.1\r\nHost: a\r\n\r\n`, 414, 'Request URI too large.');
  });

  it('one header over 32 KB: 494', async () => {
    await refusedWith(
      `GET /mock HTTP/1.1\r\nHost: a\r\nX-Big: ${'b'.repeat(33 * 1024)}\r\n\r\n`,
      494,
      'Request headers too large.',
    );
  });

  it('headers over 128 KB in all: 494', async () => {
    const many = Array.from({ length: 5 }, (_, i) => `X-H${i}: ${'c'.repeat(30 * 1024)}\r\n`).join('');
    await refusedWith(`GET /mock HTTP/1.1\r\nHost: a\r\n${many}\r\n`, 494, 'Request headers too large.');
  });

  it('headers beyond what the server reads at all: 494 too', async () => {
    await refusedWith(
      `GET /mock HTTP/1.1\r\nHost: a\r\nX-Huge: ${'d'.repeat(300 * 1024)}\r\n\r\n`,
      494,
      'Request headers too large.',
    );
  });

  it('a Content-Length over request_body_size: 413', async () => {
    const body = Buffer.alloc(1024 * 1024 + 1, 'x');
    await refusedWith(
      Buffer.concat([
        Buffer.from(`POST /proxy/up HTTP/1.1\r\nHost: a\r\nContent-Length: ${body.length}\r\n\r\n`),
        body,
      ]),
      413,
      'Request entity too large.',
    );
  });

  it('a chunked body passing request_body_size on its way to the backend: 413', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'y');
    const chunks = Array.from({ length: 5 }, () =>
      Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]),
    );
    await refusedWith(
      Buffer.concat([
        Buffer.from('POST /proxy/up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n'),
        ...chunks,
        Buffer.from('0\r\n\r\n'),
      ]),
      413,
      'Request entity too large.',
    );
  });

  it('debug mode adds X-Apig-Latency to errors too', async () => {
    const r = await call(`${gw.url}/nowhere`, { headers: { 'X-Apig-Mode': 'debug' } });
    expect(r.status).toBe(404);
    expect(r.headers['x-apig-latency']).toMatch(/^\d+$/);
    expect(r.headers['x-apig-upstream-latency']).toBeUndefined();
  });
});

describe('gateway responses (ruling 1; fixtures/serve/groups)', () => {
  let gw: InProcess;
  beforeAll(async () => {
    gw = await startGateway('fixtures/serve/groups');
  });
  afterAll(async () => {
    await gw.close();
  });

  it("the group's default response overrides status, body and headers with $context.* filled in", async () => {
    const r = await call(`${gw.url}/shop/nothing`, { headers: { Host: 'shop.example.com' } });
    expect(r.status).toBe(410);
    expect(r.headers['x-shop-error']).toBe('APIG.0101');
    expect(r.json()).toEqual({
      code: 'APIG.0101',
      message: 'The API does not exist or has not been published in the environment.',
      id: r.headers['x-request-id'],
      type: 'NOT_FOUND',
    });
  });

  it("an API's own response set answers its errors", async () => {
    const r = await call(`${gw.url}/shop/draft`, { headers: { Host: 'shop.example.com', 'X-Stage': 'DEV' } });
    expect(r.status).toBe(422);
    expect(r.json()).toEqual({ bad: 'API request error.', api: expect.stringMatching(/^[0-9a-f]{32}$/), stage: 'DEV' });
  });
});

describe('request protocol (ruling 11)', () => {
  it('with the check on, an HTTPS-only API called over HTTP: 400 APIG.0607', async () => {
    const gw = await startGateway('fixtures/serve/groups', undefined, { protocolCheck: true });
    try {
      const r = await call(`${gw.url}/ping`);
      expect(r.status).toBe(400);
      expect(r.json()).toMatchObject({
        error_code: 'APIG.0607',
        error_msg: 'The following protocol is supported: HTTPS',
      });
    } finally {
      await gw.close();
    }
  });

  it('with a certificate the gateway serves HTTPS too, and the HTTPS-only API answers there', async () => {
    const tls = {
      cert: readFileSync('fixtures/serve/tls/cert.pem'),
      key: readFileSync('fixtures/serve/tls/key.pem'),
      port: 0,
    };
    const gw = await startGateway('fixtures/serve/groups', undefined, { protocolCheck: true, tls });
    const https = gw.launched.server.urls.find((u) => u.startsWith('https:')) ?? '';
    const agent = new Agent({ connect: { rejectUnauthorized: false } });
    try {
      const { request } = await import('undici');
      const r = await request(`${https}/ping`, { dispatcher: agent });
      expect(r.statusCode).toBe(200);
      expect(await r.body.json()).toEqual({ group: 'DEFAULT', api: 'ping' });
      expect((await call(`${gw.url}/ping`)).status).toBe(400);
    } finally {
      await agent.close();
      await gw.close();
    }
  });
});
