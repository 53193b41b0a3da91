/**
 * Policies of `apig serve` and their combinations (fixtures/serve/auth): IP and account access control,
 * throttling (ruling 4, on a virtual clock), policy backends, CORS, backend signing, and --clock through the
 * binary. No assertion depends on timing.
 */
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP1, VIP, T0, authGateway, signedHeaders, type AuthGateway } from './serve-auth-kit.js';
import { call, spawnServe, until } from './serve-helpers.js';

let gw: AuthGateway;
beforeAll(async () => {
  gw = await authGateway();
});
afterAll(async () => {
  await gw.close();
});

const code = (r: { json<T>(): T }) => r.json<{ error_code: string }>().error_code;
const debug = { 'X-Apig-Mode': 'debug' };

describe('access control', () => {
  it('a DENY list refuses the client IP with 403 APIG.0402; unbound in TEST by apig.yaml bindings', async () => {
    const r = await call(`${gw.url}/ip-acl`);
    expect(r.status).toBe(403);
    expect(r.json()).toMatchObject({
      error_code: 'APIG.0402',
      error_msg: 'The IP address is not authorized to access the API.',
    });
    expect((await call(`${gw.url}/ip-acl`, { headers: { 'X-Stage': 'TEST' } })).status).toBe(200);
  });

  it('a deny list beats a valid signature (ACL runs before authentication, ruling 2)', async () => {
    const url = `${gw.url}/deny-signed`;
    const r = await call(url, { headers: signedHeaders(url, APP1, T0) });
    expect(r.status).toBe(403);
    expect(code(r)).toBe('APIG.0402');
  });

  it('X-Forwarded-For is ignored unless trusted', async () => {
    expect((await call(`${gw.url}/ip-acl`, { headers: { 'X-Forwarded-For': '8.8.8.8' } })).status).toBe(403);
  });

  it('trusted X-Forwarded-For: addresses, ranges and CIDR, allow and deny; a bad entry is APIG.0401', async () => {
    const trusted = await authGateway({
      adjust: (ws) => {
        ws.instance.real_ip_from_xff = true;
      },
    });
    try {
      const from = (ip: string, path: string) =>
        call(`${trusted.url}${path}`, { headers: { 'X-Forwarded-For': `${ip}, 127.0.0.1` } });
      // real_ip_index -1: the last entry is the client; here that is the local proxy.
      expect((await from('8.8.8.8', '/ip-acl')).status).toBe(403);
      const last = (ip: string, path: string) =>
        call(`${trusted.url}${path}`, { headers: { 'X-Forwarded-For': `1.1.1.1, ${ip}` } });
      expect((await last('8.8.8.8', '/ip-acl')).status).toBe(200);
      expect((await last('10.20.30.40', '/ip-acl')).status).toBe(403);
      expect((await last('192.168.1.15', '/ip-acl')).status).toBe(403);
      expect((await last('192.168.1.21', '/ip-acl')).status).toBe(200);
      expect((await last('203.0.113.9', '/permit-range')).status).toBe(200);
      expect((await last('198.51.100.7', '/permit-range')).status).toBe(200);
      expect((await last('2001:db8::1', '/permit-range')).status).toBe(200);
      expect((await last('198.51.100.8', '/permit-range')).status).toBe(403);
      const bad = await last('not-an-ip', '/none');
      expect(bad.status).toBe(403);
      expect(code(bad)).toBe('APIG.0401');
    } finally {
      await trusted.close();
    }
  });

  it('an account PERMIT list: its account passes, another is APIG.0302, a caller without one APIG.0306', async () => {
    expect((await call(`${gw.url}/acct`, { headers: { 'X-Auth-Token': 'token-alice-value' } })).status).toBe(200);
    const eve = await call(`${gw.url}/acct`, { headers: { 'X-Auth-Token': 'token-eve-value' } });
    expect(eve.status).toBe(403);
    expect(eve.json()).toMatchObject({
      error_code: 'APIG.0302',
      error_msg: 'The IAM user is not authorized to access the API.',
    });
    const url = `${gw.url}/acct-app`;
    const app = await call(url, { headers: signedHeaders(url, APP1, T0) });
    expect(app.status).toBe(403);
    expect(app.json()).toMatchObject({ error_code: 'APIG.0306', error_msg: 'API access denied.' });
  });
});

describe('throttling (ruling 4)', () => {
  it('an app over its app limit while the API limit has room; a special app has its own limit', async () => {
    gw.clock.set(T0);
    const url = `${gw.url}/throttled`;
    const asApp1 = () => call(url, { headers: { ...signedHeaders(url, APP1, gw.clock.now()), ...debug } });
    const asVip = () => call(url, { headers: { ...signedHeaders(url, VIP, gw.clock.now()), ...debug } });
    const first = await asApp1();
    expect(first.headers['x-apig-ratelimit-api']).toBe('remain:4,limit:5,time:1 minute');
    expect(first.headers['x-apig-ratelimit-app']).toBe('remain:1,limit:2,time:1 minute');
    expect((await asApp1()).status).toBe(200);
    const over = await asApp1();
    expect(over.status).toBe(429);
    expect(over.json()).toMatchObject({
      error_code: 'APIG.0308',
      error_msg: 'The throttling threshold has been reached.',
    });
    expect(over.headers['x-apig-ratelimit-app']).toBe('remain:0,limit:2,time:1 minute');
    // The refused request consumed nothing: the API counter still has 3 left.
    const vip = await asVip();
    expect(vip.status).toBe(200);
    expect(vip.headers['x-apig-ratelimit-api']).toBe('remain:2,limit:5,time:1 minute');
    expect(vip.headers['x-apig-ratelimit-app']).toBe('remain:3,limit:4,time:1 minute');
    expect((await asVip()).status).toBe(200);
    expect((await asVip()).status).toBe(200);
    // Now the API limit (5) is spent: even the special app is refused.
    expect((await asVip()).status).toBe(429);
    gw.clock.advance(10_000); // 00:01:00, a new window
    expect((await asApp1()).status).toBe(200);
  });

  it('user limits count the IAM account; a special tenant replaces the user limit', async () => {
    gw.clock.set(T0 + 60_000 * 10);
    const as = (token: string) => call(`${gw.url}/throttled-iam`, { headers: { 'X-Auth-Token': token, ...debug } });
    expect((await as('token-alice-value')).headers['x-apig-ratelimit-user']).toBe('remain:1,limit:2,time:1 minute');
    expect((await as('token-alice-value')).status).toBe(200);
    expect((await as('token-alice-value')).status).toBe(429);
    for (let i = 0; i < 3; i++) expect((await as('token-eve-value')).status).toBe(200);
    expect((await as('token-eve-value')).status).toBe(429);
  });

  it('source-IP limits, windows aligned to the epoch: 00:00:59.999 and 00:01:00.000 are different windows', async () => {
    gw.clock.set(Date.parse('2026-01-01T00:00:59.999Z'));
    expect((await call(`${gw.url}/throttled-ip`)).status).toBe(200);
    const second = await call(`${gw.url}/throttled-ip`, { headers: debug });
    expect(second.headers['x-apig-ratelimit-ip']).toBe('remain:0,limit:2,time:10 second');
    expect((await call(`${gw.url}/throttled-ip`)).status).toBe(429);
    gw.clock.advance(1);
    expect((await call(`${gw.url}/throttled-ip`)).status).toBe(200);
  });

  it('exactly N requests of a window pass under concurrent load', async () => {
    gw.clock.set(T0 + 60_000 * 20);
    const answers = await Promise.all(Array.from({ length: 30 }, () => call(`${gw.url}/burst`)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(7);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(23);
  });

  it('a shared policy counts every bound API together', async () => {
    gw.clock.set(T0 + 60_000 * 30);
    expect((await call(`${gw.url}/shared-a`)).status).toBe(200);
    expect((await call(`${gw.url}/shared-b`)).status).toBe(200);
    expect((await call(`${gw.url}/shared-a`)).status).toBe(200);
    expect((await call(`${gw.url}/shared-b`)).status).toBe(429);
  });

  it('an API with no policy: ratelimit_api_limits per second, shown as X-Apig-RateLimit-Api-Allenv', async () => {
    const low = await authGateway({
      adjust: (ws) => {
        ws.instance.ratelimit_api_limits = 2;
      },
    });
    try {
      const first = await call(`${low.url}/none`, { headers: debug });
      expect(first.headers['x-apig-ratelimit-api-allenv']).toBe('remain:1,limit:2,time:1 second');
      expect((await call(`${low.url}/none`)).status).toBe(200);
      expect((await call(`${low.url}/none`)).status).toBe(429);
      low.clock.advance(1000);
      expect((await call(`${low.url}/none`)).status).toBe(200);
    } finally {
      await low.close();
    }
  });

  it('no X-Apig-RateLimit-* without debug mode', async () => {
    const r = await call(`${gw.url}/none`);
    expect(Object.keys(r.headers).filter((k) => k.startsWith('x-apig-ratelimit'))).toEqual([]);
  });

  it('throttle 2.0 (004 §6.2): the rule (reqPath = /t2/fc) OR (reqPath = /t2/list AND method = get) has its own bucket; it replaces the traditional policy', async () => {
    gw.clock.set(T0 + 60_000 * 40);
    const t2 = (path: string, headers: Record<string, string> = {}) => call(`${gw.url}${path}`, { headers });
    expect((await t2('/t2/fc')).status).toBe(200);
    expect((await t2('/t2/list')).status).toBe(200);
    expect((await t2('/t2/fc')).status).toBe(429);
    expect((await t2('/t2/list')).status).toBe(429);
    // Not matching the rule: only the basic API limit (10 per 60 s) applies; sharedPolicy (3) is replaced.
    for (let i = 0; i < 4; i++) expect((await t2('/t2/other')).status).toBe(200);
    expect((await t2('/t2/x', { Host: 'www.abc.com' })).status).toBe(200);
  });
});

describe('policy backends', () => {
  it('chosen by the authorizer context, in order; the trace names the condition', async () => {
    const r = await call(`${gw.url}/policy?test=p&kind=a`, {
      headers: { token: 'gold', 'X-Apig-Emulator-Trace': '1' },
    });
    expect(r.text).toBe('gold');
    const trace = JSON.parse(String(r.headers['x-apig-emulator-trace'])) as Array<{
      stage: string;
      decision: string;
      detail?: { matched?: string[] };
    }>;
    const step = trace.find((t) => t.stage === 'backend-policy');
    expect(step?.decision).toBe('policy backend byTier');
    expect(step?.detail?.matched).toEqual(['frontend_authorizer tier exact gold']);
  });

  it('cookie, request parameter (enum), ALL of system and pattern conditions, else the default backend', async () => {
    const as = (query: string, headers: Record<string, string> = {}) =>
      call(`${gw.url}/policy?test=p${query}`, { headers: { token: 'silver', ...headers } });
    expect((await as('', { Cookie: 'a=1; session=abc' })).text).toBe('cookie');
    expect((await as('&kind=b')).text).toBe('param');
    expect((await as('&kind=4')).text).toBe('system');
    expect((await as('&kind=9')).text).toBe('default');
    expect((await as('')).text).toBe('default');
  });
});

describe('CORS', () => {
  it('a simple request gets Access-Control-Allow-Origin: *', async () => {
    const r = await call(`${gw.url}/cors`, { headers: { Origin: 'http://app.example' } });
    expect(r.headers['access-control-allow-origin']).toBe('*');
  });

  it("the backend's own CORS header wins", async () => {
    const r = await call(`${gw.url}/cors-own`, { headers: { Origin: 'http://app.example' } });
    expect(r.headers['access-control-allow-origin']).toBe('http://www.cors.com');
  });

  it('the preflight through the OPTIONS API, with no authentication, carries the documented headers', async () => {
    const r = await call(`${gw.url}/cors`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://app.example',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'X-Sdk-Date',
      },
    });
    expect(r.status).toBe(200);
    expect(r.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-headers':
        'X-Stage,X-Sdk-Date,X-Sdk-Nonce,X-Proxy-Signed-Headers,X-Sdk-Content-Sha256,X-Forwarded-For,Authorization,Content-Type,Accept,Accept-Ranges,Cache-Control,Range',
      'access-control-expose-headers':
        'X-Request-Id,X-Apig-Latency,X-Apig-Upstream-Latency,X-Apig-RateLimit-Api,X-Apig-RateLimit-User,X-Apig-RateLimit-App,X-Apig-RateLimit-Ip,X-Apig-RateLimit-Api-Allenv',
      'access-control-allow-methods': 'GET,POST,PUT,DELETE,HEAD,OPTIONS,PATCH',
      'access-control-max-age': '172800',
      server: 'api-gateway',
    });
  });

  it('an API without CORS gets no CORS header', async () => {
    expect(
      (await call(`${gw.url}/none`, { headers: { Origin: 'http://app.example' } })).headers[
        'access-control-allow-origin'
      ],
    ).toBeUndefined();
  });
});

describe('backend signing (signature keys)', () => {
  it('hmac: the backend can verify SDK-HMAC-SHA256 with the key pair, over the body', async () => {
    const payload = '{"order":42}';
    expect(
      (
        await call(`${gw.url}/signed-hmac?x=1`, {
          method: 'POST',
          body: payload,
          headers: { 'Content-Type': 'application/json', Authorization: 'caller' },
        })
      ).status,
    ).toBe(200);
    const seen = gw.echo.seen.at(-1);
    const auth = String(seen?.headers.authorization);
    const m = /^SDK-HMAC-SHA256 Access=gw-key, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
    expect(m?.[1]).toBe('host;x-sdk-date');
    // The backend's own verification, written out: the canonical request of what it received.
    const date = String(seen?.headers['x-sdk-date']);
    const cr = [
      'POST',
      '/echo/',
      'x=1',
      `host:${String(seen?.headers.host)}`,
      `x-sdk-date:${date}`,
      '',
      'host;x-sdk-date',
      createHash('sha256').update(payload).digest('hex'),
    ].join('\n');
    const sts = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(cr).digest('hex')}`;
    expect(m?.[2]).toBe(createHmac('sha256', 'gw-secret-value').update(sts).digest('hex'));
    expect(seen?.body).toBe(payload);
  });

  it('basic: Authorization: Basic base64(key:secret)', async () => {
    await call(`${gw.url}/signed-basic`);
    expect(gw.echo.seen.at(-1)?.headers.authorization).toBe(
      `Basic ${Buffer.from('gw-user:gw-password-value').toString('base64')}`,
    );
  });
});

describe('--clock through the binary', () => {
  it('POST /_apig/clock moves the virtual clock; without --clock the path is an ordinary (unknown) route', async () => {
    const s = await spawnServe(['fixtures/serve/auth', '--port', '0', '--clock', '2026-01-01T00:00:00Z']);
    try {
      await until(s.stdout, (t) => t.includes('virtual clock at 2026-01-01T00:00:00.000Z'), 'the clock line');
      const moved = await call(`${s.url}/_apig/clock`, { method: 'POST', body: '{"advance": "90s"}' });
      expect(moved.json()).toEqual({ now: '2026-01-01T00:01:30.000Z', epochMs: Date.parse('2026-01-01T00:01:30Z') });
      const set = await call(`${s.url}/_apig/clock`, { method: 'POST', body: '{"set": "2026-06-01T12:00:00Z"}' });
      expect(set.json()).toMatchObject({ now: '2026-06-01T12:00:00.000Z' });
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
    const plain = await spawnServe(['fixtures/serve/auth', '--port', '0']);
    try {
      const r = await call(`${plain.url}/_apig/clock`, { method: 'POST', body: '{"advance": "90s"}' });
      expect(r.status).toBe(404);
      expect(code(r)).toBe('APIG.0101');
    } finally {
      plain.child.kill('SIGTERM');
      await plain.exited;
    }
  });
});
