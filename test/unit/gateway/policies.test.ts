/** The policy building blocks without sockets: IP lists, throttle windows, 2.0 expressions, authorizer results, lockout. */
import { rateLimitHeaders } from '../../../src/gateway/throttle/rate-limit-headers.js';
import { describe, expect, it } from 'vitest';
import { AkLockout, LOCK_MS } from '../../../src/gateway/auth/lockout.js';
import { parseAuthorizerResult } from '../../../src/gateway/auth/authorizer-result.js';
import { compileIpList, ipListed } from '../../../src/gateway/compile/ip-list.js';
import { normalizeIp } from '../../../src/core/ip-entry.js';
import { evalExpr, parseExpr } from '../../../src/gateway/throttle/expr.js';
import { windowOf } from '../../../src/gateway/throttle/policy.js';
import { WindowCounters, windowStart } from '../../../src/gateway/throttle/windows.js';
import { parseDuration, parseInstant } from '../../../src/gateway/transport/admin.js';
import { newContext } from '../../../src/gateway/request/context.js';
import { standaloneServices } from '../../../src/gateway/state.js';
import { ERRORS } from '../../../src/gateway/response/errors.js';
import { runPipeline } from '../../../src/gateway/request/pipeline.js';
import type { StageOutcome } from '../../../src/gateway/request/stage.js';
import { configFrom, mock, wire } from './build.js';

describe('IP lists (x-apigateway.md §13)', () => {
  const list = compileIpList([
    '192.168.1.5, 192.168.10.0/24,192.168.12.12-192.168.12.19',
    '2001:db8::/32',
    'nonsense',
    '10.0.0.1-fe80::1',
  ]);
  it.each([
    ['192.168.1.5', true],
    ['192.168.1.6', false],
    ['192.168.10.255', true],
    ['192.168.11.0', false],
    ['192.168.12.12', true],
    ['192.168.12.19', true],
    ['192.168.12.20', false],
    ['2001:db8:1::9', true],
    ['2001:db9::1', false],
    ['not-an-ip', false],
  ])('%s → %s', (ip, listed) => expect(ipListed(list, ip)).toBe(listed));
  it('reports what is no address, range or CIDR', () => expect(list.invalid).toEqual(['nonsense', '10.0.0.1-fe80::1']));
  it('an IPv4 peer on a dual-stack socket is its IPv4 address', () =>
    expect(normalizeIp('::ffff:10.1.2.3')).toBe('10.1.2.3'));
});

describe('fixed windows (ruling 4)', () => {
  it('align to multiples of the window length since the epoch', () => {
    expect(windowStart(Date.parse('2026-01-01T00:00:59.999Z'), 60_000)).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(windowStart(Date.parse('2026-01-01T00:01:00Z'), 60_000)).toBe(Date.parse('2026-01-01T00:01:00Z'));
    expect(windowOf(10, 'SECOND')).toEqual({ windowMs: 10_000, label: '10 second' });
    expect(windowOf(1, 'DAY').windowMs).toBe(86_400_000);
  });

  it('take all or nothing: a refused request consumes no counter', () => {
    const c = new WindowCounters();
    const checks = [
      { key: 'api', limit: 3, windowMs: 1000 },
      { key: 'app', limit: 1, windowMs: 1000 },
    ];
    expect(c.take(checks, 0)).toEqual({ ok: true, remain: [2, 0] });
    expect(c.take(checks, 10)).toEqual({ ok: false, index: 1, remain: [2, 0] });
    expect(c.used('api', 1000, 10)).toBe(1);
    expect(c.take(checks, 1000)).toEqual({ ok: true, remain: [2, 0] });
  });

  it('counts a counter named twice in one take twice, in a new window too', () => {
    const c = new WindowCounters();
    const twice = [
      { key: 'api', limit: 5, windowMs: 1000 },
      { key: 'api', limit: 5, windowMs: 1000 },
    ];
    c.take(twice, 0);
    expect(c.used('api', 1000, 0)).toBe(2);
    c.take(twice, 1000);
    expect(c.used('api', 1000, 1000)).toBe(2);
  });

  it('takes from a soft counter while any is left and leaves it at 0 after', () => {
    const c = new WindowCounters();
    const soft = { key: 'default', limit: 2, windowMs: 1000 };
    expect([c.takeSoft(soft, 0), c.takeSoft(soft, 1), c.takeSoft(soft, 2)]).toEqual([1, 0, 0]);
    expect(c.used('default', 1000, 2)).toBe(2);
    expect(c.takeSoft(soft, 1000)).toBe(1);
  });
});

describe('throttle 2.0 conditions (practices.md §1.1.4)', () => {
  const values: Record<string, { value: string; caseless: boolean }> = {
    reqPath: { value: '/list', caseless: false },
    method: { value: 'GET', caseless: true },
    Host: { value: 'www.abc.com', caseless: true },
  };
  const lookup = (n: string) => values[n];
  it('the documented example reads as written', () => {
    const e = parseExpr('(reqPath = /fc) OR ((reqPath = /list) AND (method = get))');
    expect(evalExpr(e, lookup)).toBe(true);
    expect(evalExpr(e, (n) => (n === 'method' ? { value: 'POST', caseless: true } : lookup(n)))).toBe(false);
    expect(evalExpr(e, (n) => (n === 'reqPath' ? { value: '/fc', caseless: false } : undefined))).toBe(true);
  });
  it('AND binds tighter than OR; irregular spacing; absent names match nothing', () => {
    expect(evalExpr(parseExpr('reqPath= /x OR reqPath =/list AND Host = WWW.abc.com'), lookup)).toBe(true);
    expect(evalExpr(parseExpr('nothing = x'), lookup)).toBe(false);
  });
  it.each(['(reqPath = /a', 'reqPath', 'reqPath = /a OR', 'a = b c = d)'])('refuses %j', (text) =>
    expect(() => parseExpr(text)).toThrow(),
  );
});

describe('authorizer results (practices.md §2.4)', () => {
  it('object, JSON string, body object; the decision comes from body.status', () => {
    expect(parseAuthorizerResult({ statusCode: 200, body: '{"status":"deny"}' }, false)).toEqual({
      allow: false,
      context: {},
    });
    expect(
      parseAuthorizerResult(
        JSON.stringify({ statusCode: 401, body: JSON.stringify({ status: 'allow', context: { a: '1' } }) }),
        false,
      ),
    ).toEqual({ allow: true, context: { a: '1' } });
    expect(parseAuthorizerResult({ status: 'allow' }, false)).toEqual({ allow: true, context: {} });
  });
  it('strings only, unless authorizer_context_support_num_bool; never objects or null', () => {
    expect(parseAuthorizerResult({ body: { status: 'allow', context: { n: 1 } } }, false)).toMatch(
      /authorizer_context_support_num_bool/,
    );
    expect(parseAuthorizerResult({ body: { status: 'allow', context: { n: 1, b: false } } }, true)).toEqual({
      allow: true,
      context: { n: 1, b: false },
    });
    expect(parseAuthorizerResult({ body: { status: 'allow', context: { o: {} } } }, true)).toMatch(
      /values are strings/,
    );
    expect(parseAuthorizerResult({ body: { status: 'allow', context: { o: null } } }, true)).toMatch(/null/);
  });
  it('malformed results say why', () => {
    expect(parseAuthorizerResult('not json', false)).toMatch(/not JSON/);
    expect(parseAuthorizerResult({ body: '{"status":"ok"}' }, false)).toMatch(/"ok"/);
    expect(parseAuthorizerResult(null, false)).toMatch(/null/);
  });
});

describe('AK/SK lockout (000 §4.7)', () => {
  it('the 5th consecutive failure locks for 5 minutes; a success resets the count', () => {
    const l = new AkLockout();
    for (let i = 0; i < 4; i++) l.failed('AK', 0);
    expect(l.locked('AK', 0)).toBe(false);
    l.succeeded('AK');
    for (let i = 0; i < 4; i++) l.failed('AK', 0);
    expect(l.locked('AK', 0)).toBe(false);
    l.failed('AK', 0);
    expect(l.locked('AK', LOCK_MS - 1)).toBe(true);
    expect(l.locked('AK', LOCK_MS)).toBe(false);
    expect(l.locked('OTHER', 0)).toBe(false);
  });
});

describe('the clock endpoint inputs', () => {
  it.each([
    [1500, 1500],
    ['90s', 90_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['-5s', -5000],
    ['soon', undefined],
  ])('duration %j → %j', (v, ms) => expect(parseDuration(v)).toBe(ms));
  it('instants: ISO 8601 or epoch ms', () => {
    expect(parseInstant('2026-01-01T00:00:00Z')).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(parseInstant('1767225600000')).toBe(1767225600000);
    expect(parseInstant('yesterday')).toBeUndefined();
  });
});

describe('policy stages without sockets', () => {
  const spec = `swagger: "2.0"
info: { title: g, version: "1" }
paths:
  /a:
    get:
      operationId: a
      x-apigateway-ratelimit: two
      x-apigateway-access-control: local
      x-apigateway-cors: true
${mock()}
x-apigateway-ratelimits:
  two: { api-limit: 2, interval: 1, unit: SECOND }
x-apigateway-access-controls:
  local: { acl-type: DENY, entity-type: IP, value: "10.9.0.0/16" }
`;
  const outcome = (o: StageOutcome | Promise<StageOutcome>): string => {
    if (o instanceof Promise) throw new Error('expected a synchronous pipeline');
    return o.kind === 'next' ? 'next' : ERRORS[o.failure.id].code;
  };

  it('ACL, throttling and CORS run synchronously for a no-auth Mock API; counters live in the shared services', async () => {
    const config = await configFrom(spec);
    const services = standaloneServices();
    const at = (ms: number, ip = '10.0.0.1') =>
      newContext(config, wire({ url: '/a', sourceIp: ip }), '0'.repeat(32), ms, true, services);
    expect(outcome(runPipeline(at(0, '10.9.1.1')))).toBe('APIG.0402');
    const first = at(0);
    expect(outcome(runPipeline(first))).toBe('next');
    expect(first.cors).toBe('simple');
    expect(first.rateLimits && rateLimitHeaders(first.rateLimits)).toEqual([
      ['X-Apig-RateLimit-Api', 'remain:1,limit:2,time:1 second'],
      ['X-Apig-RateLimit-Api-Allenv', 'remain:199,limit:200,time:1 second'],
    ]);
    expect(outcome(runPipeline(at(500)))).toBe('next');
    expect(outcome(runPipeline(at(999)))).toBe('APIG.0308');
    expect(outcome(runPipeline(at(1000)))).toBe('next');
  });
});
