/**
 * One scenario per backend type and backend error (fixtures/serve/backends): real backends on port 0,
 * the gateway on port 0. Health checks are driven with checkNow() instead of waiting for the interval.
 */
import { request as rawHttp } from 'node:http';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/core/workspace-model.js';
import { call, closedPort, startBackend, startGateway, type Backend, type InProcess } from './serve-helpers.js';

let a: Backend;
let b: Backend;
let slow: Backend;
let gw: InProcess;
let refusedPort: number;

function adjust(ws: Workspace): void {
  const vars = ws.environments.find((e) => e.name === 'RELEASE')?.variables ?? {};
  Object.assign(vars, { echo: a.address, slow: slow.address, refused: `127.0.0.1:${refusedPort}` });
  for (const c of ws.vpcChannels) {
    c.port = a.port;
    const second = c.members[1];
    if (second) second.port = b.port;
  }
}

beforeAll(async () => {
  a = await startBackend('a');
  b = await startBackend('b', (req, res) => {
    res.writeHead(req.url === '/health' && process.env.APIG_TEST_B_DOWN === '1' ? 503 : 200, {
      'content-type': 'application/json',
    });
    res.end(JSON.stringify({ backend: 'b', url: req.url, host: req.headers.host }));
  });
  slow = await startBackend('slow', () => undefined);
  refusedPort = await closedPort();
  gw = await startGateway('fixtures/serve/backends', adjust);
});
afterAll(async () => {
  await gw.close();
  await Promise.all([a.close(), b.close(), slow.close()]);
});

describe('Mock', () => {
  it('answers the result content with 200 and application/json; no upstream latency in debug mode', async () => {
    const r = await call(`${gw.url}/mock`, { headers: { 'X-Apig-Mode': 'debug' } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.json()).toEqual({ mocked: true });
    expect(r.headers['x-apig-latency']).toMatch(/^\d+$/);
    expect(r.headers['x-apig-upstream-latency']).toBeUndefined();
  });
});

describe('HTTP', () => {
  it('substitutes #var# in address and path, maps system parameters, sets Host, strips hop-by-hop headers', async () => {
    const r = await call(`${gw.url}/echo/7?x=1`, {
      headers: { 'X-Apig-Mode': 'debug', 'Proxy-Authorization': 'Basic c2VjcmV0', TE: 'trailers', 'X-Keep': 'yes' },
    });
    expect(r.status).toBe(200);
    const echo = r.json<{ url: string; headers: Record<string, string> }>();
    expect(echo.url).toBe('/echo/7?x=1&stage=RELEASE');
    expect(echo.headers.host).toBe(a.address);
    expect(echo.headers['x-gw-request']).toBe(r.headers['x-request-id']);
    expect(echo.headers['x-api-name']).toBe('echoSystem');
    expect(echo.headers['x-source-ip']).toMatch(/127\.0\.0\.1/);
    expect(echo.headers['x-keep']).toBe('yes');
    expect(echo.headers['proxy-authorization']).toBeUndefined();
    expect(echo.headers.te).toBeUndefined();
    // The gateway's own X-Request-Id and Server replace the backend's.
    expect(r.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(r.headers.server).toBe('api-gateway');
    expect(r.headers['x-apig-upstream-latency']).toMatch(/^\d+$/);
  });

  it('maps parameters across locations as in the 002 §5.2.1 worked example', async () => {
    const r = await call(`${gw.url}/v1.0/abc?test03=xyz`, { headers: { test02: 'def' } });
    const echo = r.json<{ url: string; headers: Record<string, string> }>();
    expect(echo.url).toBe('/v1.0/def');
    expect(echo.headers.test01).toBe('abc');
    expect(echo.headers.test03).toBe('xyz');
    expect(echo.headers.test02).toBeUndefined();
  });

  it('prefix match appends the rest of the path to the backend path; ANY keeps the method; the body streams through', async () => {
    const r = await call(`${gw.url}/proxy/AA/CC?k=v`, { method: 'PUT', body: 'hello body' });
    expect(r.json()).toMatchObject({ method: 'PUT', url: '/backend/AA/CC?k=v', body: 'hello body' });
  });

  it('constant parameters are percent-encoded per 002 §5.2.1 and the backend method applies', async () => {
    const echo = (await call(`${gw.url}/constants`)).json<{
      method: string;
      url: string;
      headers: Record<string, string>;
    }>();
    expect(echo.method).toBe('POST');
    expect(echo.url).toBe('/constants/a%2Fb%20c?q=%5Bapig%5D');
    expect(echo.headers['x-invoke-user']).toBe('apigateway');
  });

  it('past the API timeout: 504 Backend timeout.', async () => {
    const r = await call(`${gw.url}/slow`);
    expect(r.status).toBe(504);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0201', error_msg: 'Backend timeout.' });
  });

  it('connection refused: 502 Backend unavailable.', async () => {
    const r = await call(`${gw.url}/refused`);
    expect(r.status).toBe(502);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0201', error_msg: 'Backend unavailable.' });
  });

  it('a host name that does not resolve: 500 APIG.0605', async () => {
    const r = await call(`${gw.url}/dns`);
    expect(r.status).toBe(500);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0605', error_msg: 'Domain name resolution failed.' });
  });

  it('an undefined environment variable: 502, and the log says which', async () => {
    const r = await call(`${gw.url}/undefined-variable`);
    expect(r.status).toBe(502);
    const logged = gw.events.find((e) => e.type === 'request' && e.requestId === r.headers['x-request-id']);
    expect(logged).toMatchObject({ errorCode: 'APIG.0201', detail: expect.stringContaining('#nowhere#') });
  });

  it('an API without a backend: 500 APIG.0103', async () => {
    const r = await call(`${gw.url}/no-backend`);
    expect(r.status).toBe(500);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0103' });
  });

  it('WebSocket upgrades pass through to the backend', async () => {
    const { socket, head } = await new Promise<{ socket: Duplex; head: Record<string, string | string[] | undefined> }>(
      (resolve, reject) => {
        const req = rawHttp(`${gw.url}/ws`, {
          headers: {
            Connection: 'Upgrade',
            Upgrade: 'websocket',
            'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
            'Sec-WebSocket-Version': '13',
          },
        });
        req.on('upgrade', (res, s) => resolve({ socket: s, head: res.headers }));
        req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
        req.on('error', reject);
        req.end();
      },
    );
    expect(head['sec-websocket-accept']).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    expect(head['x-backend']).toBe('a');
    expect(head.server).toBe('api-gateway');
    const echoed = await new Promise<string>((resolve) => {
      socket.once('data', (d: Buffer) => resolve(d.toString()));
      socket.write('ping');
    });
    expect(echoed).toBe('echo:ping');
    socket.destroy();
  });
});

describe('HTTP-VPC', () => {
  const who = async (path: string, headers: Record<string, string> = {}): Promise<string> =>
    String((await call(gw.url + path, { headers })).json().backend);

  it('weighted round robin follows the weights (3:1)', async () => {
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) seen.push(await who('/vpc/wrr'));
    expect(seen.filter((s) => s === 'a')).toHaveLength(6);
    expect(seen.filter((s) => s === 'b')).toHaveLength(2);
  });

  it('weighted least connections alternates between idle members of equal weight', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) seen.add(await who('/vpc/wlc'));
    expect([...seen].sort()).toEqual(['a', 'b']);
  });

  it('source-IP hash keeps one member per caller', async () => {
    const first = await who('/vpc/sh');
    for (let i = 0; i < 5; i++) expect(await who('/vpc/sh')).toBe(first);
  });

  it('URI hash keeps one member per URI and uses the channel host header', async () => {
    const r = await call(`${gw.url}/vpc/uri/x`);
    const first = String(r.json().backend);
    if (first === 'b') expect(r.json().host).toBe('vpc.internal');
    for (let i = 0; i < 4; i++) expect(await who('/vpc/uri/x')).toBe(first);
  });

  it('an undeclared channel: 500 APIG.0609', async () => {
    const r = await call(`${gw.url}/vpc/missing`);
    expect(r.status).toBe(500);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0609' });
  });

  it('active health checks take members out after the threshold; none healthy: 502 APIG.0610', async () => {
    const channel = gw.launched.gateway.channel('checked');
    const health = channel?.health;
    if (!channel || !health) throw new Error('no health checker');
    // b answers /health with 503 while the flag is set; a's echo answers 200.
    process.env.APIG_TEST_B_DOWN = '1';
    await health.checkNow();
    expect(channel.members.map((m) => m.healthy)).toEqual([true, true]); // one failure < unhealthyThreshold 2
    await health.checkNow();
    expect(channel.members.map((m) => m.healthy)).toEqual([true, false]);
    for (let i = 0; i < 3; i++) expect(await who('/vpc/checked')).toBe('a');
    expect(gw.events).toContainEqual(expect.objectContaining({ type: 'health', channel: 'checked', healthy: false }));
    delete process.env.APIG_TEST_B_DOWN;
    const member = channel.members[0];
    if (!member) throw new Error('no member');
    member.healthy = false; // a down too (as if it had failed its checks)
    const r = await call(`${gw.url}/vpc/checked`);
    expect(r.status).toBe(502);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0610', error_msg: 'No backend available.' });
    await health.checkNow();
    await health.checkNow();
    expect(channel.members.map((m) => m.healthy)).toEqual([true, true]);
  });
});

describe('FUNCTION', () => {
  it('sync: the module gets the documented event; its result is the response', async () => {
    const r = await call(`${gw.url}/fn/echo/9?a=1`, { method: 'POST', headers: { 'X-Custom': 'c' }, body: 'payload' });
    expect(r.status).toBe(200);
    expect(r.headers['x-function']).toBe('echo');
    const { event, requestId } = r.json<{ event: Record<string, unknown>; requestId: string }>();
    expect(requestId).toBe(r.headers['x-request-id']);
    expect(event).toMatchObject({
      httpMethod: 'POST',
      path: '/fn/echo/9',
      pathParameters: { id: '9' },
      queryStringParameters: { a: '1' },
      isBase64Encoded: true,
      body: Buffer.from('payload').toString('base64'),
      requestContext: { requestId, stage: 'RELEASE' },
    });
    expect((event.headers as Record<string, string>)['x-custom']).toBe('c');
  });

  it('x-apigateway-is-send-fg-body-base64: false sends the body as text', async () => {
    const { event } = (await call(`${gw.url}/fn/text`, { method: 'POST', body: 'plain' })).json<{
      event: Record<string, unknown>;
    }>();
    expect(event).toMatchObject({ body: 'plain', isBase64Encoded: false });
  });

  it('a result returned as a JSON string is accepted', async () => {
    const r = await call(`${gw.url}/fn/json-string`);
    expect([r.status, r.text, r.headers['content-type']]).toEqual([201, 'created', 'text/plain']);
  });

  it('async: 202 with the request id at once; the function runs in the background', async () => {
    const r = await call(`${gw.url}/fn/async`, { method: 'POST' });
    expect(r.status).toBe(202);
    expect(r.json()).toEqual({ request_id: r.headers['x-request-id'] });
    for (let i = 0; i < 100 && !gw.events.some((e) => e.type === 'function-log'); i++)
      await new Promise((res) => setTimeout(res, 10));
    expect(gw.events).toContainEqual(
      expect.objectContaining({
        type: 'function-log',
        message: 'recorded POST /fn/async',
        requestId: r.headers['x-request-id'],
      }),
    );
  });

  it('a throw: 502; past the timeout: 504; no local module: 502', async () => {
    expect((await call(`${gw.url}/fn/throws`)).status).toBe(502);
    expect((await call(`${gw.url}/fn/never`)).status).toBe(504);
    expect((await call(`${gw.url}/fn/unmapped`)).status).toBe(502);
  });
});
