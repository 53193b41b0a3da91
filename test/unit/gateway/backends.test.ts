/** Backend building blocks without sockets: balancing, health thresholds, function results, encoding. */
import { describe, expect, it } from 'vitest';
import { pickMember, type MemberState } from '../../../src/gateway/backends/balancer.js';
import { HealthChecker } from '../../../src/gateway/backends/health.js';
import { functionResponse } from '../../../src/gateway/backends/function.js';
import { parseAddress, substituteVariables } from '../../../src/gateway/backends/plan.js';
import { parseCodes } from '../../../src/gateway/backends/probe.js';
import { classifyUpstreamError } from '../../../src/gateway/backends/http.js';
import { encodeFor } from '../../../src/gateway/request/encode.js';

const members = (...weights: number[]): MemberState[] =>
  weights.map((weight, i) => ({
    id: `m${i}:80`,
    host: `m${i}`,
    port: 80,
    weight,
    healthy: true,
    active: 0,
    current: 0,
  }));
const key = { sourceIp: '10.0.0.1', uri: '/a' };

describe('balancing (002 §5.7.1)', () => {
  it('WRR spreads by weight, smoothly', () => {
    const ms = members(5, 1, 1);
    const picks = Array.from({ length: 7 }, () => pickMember('WRR', ms, key)?.id);
    expect(picks).toEqual(['m0:80', 'm0:80', 'm1:80', 'm0:80', 'm2:80', 'm0:80', 'm0:80']);
  });

  it('WLC picks the lowest active/weight', () => {
    const ms = members(1, 2);
    const [m0, m1] = ms as [MemberState, MemberState];
    m0.active = 1;
    m1.active = 1;
    expect(pickMember('WLC', ms, key)?.id).toBe('m1:80'); // 1/2 < 1/1
    m1.active = 4;
    expect(pickMember('WLC', ms, key)?.id).toBe('m0:80');
  });

  it("SH and URI hash are stable per key, spread over keys, and move only the lost member's keys", () => {
    const ms = members(1, 1, 1);
    const ips = Array.from({ length: 60 }, (_, i) => `10.0.0.${i}`);
    const before = ips.map((ip) => pickMember('SH', ms, { sourceIp: ip, uri: '/' })?.id);
    expect(ips.map((ip) => pickMember('SH', ms, { sourceIp: ip, uri: '/' })?.id)).toEqual(before);
    expect(new Set(before).size).toBe(3);
    (ms[2] as MemberState).healthy = false;
    const after = ips.map((ip) => pickMember('SH', ms, { sourceIp: ip, uri: '/' })?.id);
    ips.forEach((_, i) => {
      if (before[i] !== 'm2:80') expect(after[i]).toBe(before[i]);
    });
    expect(pickMember('URI', ms, { sourceIp: '', uri: '/x?y' })?.id).toBe(
      pickMember('URI', ms, { sourceIp: 'other', uri: '/x?y' })?.id,
    );
  });

  it('no healthy member with a weight: none (APIG.0610)', () => {
    const ms = members(0, 1);
    (ms[1] as MemberState).healthy = false;
    for (const alg of ['WRR', 'WLC', 'SH', 'URI'] as const) expect(pickMember(alg, ms, key)).toBeUndefined();
  });
});

describe('health checks (002 §5.7.3)', () => {
  const check = {
    protocol: 'HTTP' as const,
    path: '/h',
    healthyThreshold: 2,
    unhealthyThreshold: 3,
    timeout: 2,
    interval: 5,
  };
  it('needs unhealthyThreshold failures in a row to take a member out, healthyThreshold successes to bring it back', () => {
    const ms = members(1);
    const m = ms[0] as MemberState;
    const changes: string[] = [];
    const hc = new HealthChecker(
      ms,
      check,
      async () => ({ ok: true, reason: '' }),
      (_m, healthy) => changes.push(healthy ? 'up' : 'down'),
    );
    const fail = { ok: false, reason: 'x' };
    const ok = { ok: true, reason: 'y' };
    hc.record(m, fail);
    hc.record(m, fail);
    hc.record(m, ok); // the run is broken
    hc.record(m, fail);
    hc.record(m, fail);
    expect(m.healthy).toBe(true);
    hc.record(m, fail);
    expect(m.healthy).toBe(false);
    hc.record(m, ok);
    expect(m.healthy).toBe(false);
    hc.record(m, ok);
    expect(m.healthy).toBe(true);
    expect(changes).toEqual(['down', 'up']);
  });

  it('checkNow probes every member and counts a throwing probe as a failure', async () => {
    const ms = members(1, 1);
    const hc = new HealthChecker(
      ms,
      { ...check, unhealthyThreshold: 1 },
      async (m) => {
        if (m.id === 'm1:80') throw new Error('boom');
        return { ok: true, reason: '' };
      },
      () => undefined,
    );
    await hc.checkNow();
    expect(ms.map((m) => m.healthy)).toEqual([true, false]);
  });

  it('reads HTTP codes as lists and ranges', () => {
    const ok = parseCodes('200,202, 300-399');
    expect([200, 201, 202, 301, 399, 400].map(ok)).toEqual([true, false, true, true, true, false]);
    expect(parseCodes(undefined)(200)).toBe(true);
  });
});

describe('function results (FunctionGraph trigger format)', () => {
  it.each([
    [
      'an object',
      { statusCode: 201, headers: { 'X-A': 1 }, body: 'hi' },
      { status: 201, headers: { 'x-a': '1' }, body: 'hi' },
    ],
    [
      'a JSON string (json.dumps style)',
      JSON.stringify({ statusCode: 200, body: { a: 1 } }),
      { status: 200, headers: {}, body: '{"a":1}' },
    ],
    [
      'a base64 body',
      { statusCode: 200, body: Buffer.from('bin').toString('base64'), isBase64Encoded: true },
      { status: 200, headers: {}, body: 'bin' },
    ],
  ])('accepts %s', (_what, result, expected) => {
    const r = functionResponse(result);
    if (typeof r === 'string') throw new Error(r);
    expect({ ...r, body: r.body.toString() }).toEqual(expected);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a non-JSON string', 'ok'],
    ['no statusCode', { body: 'x' }],
    ['statusCode 42', { statusCode: 42 }],
  ])('refuses %s', (_what, result) => {
    expect(typeof functionResponse(result)).toBe('string');
  });
});

describe('addresses, variables, encoding, upstream errors', () => {
  it('parses host[:port] with scheme default ports (002 §5.2.1)', () => {
    expect(parseAddress('example.com', 'http')).toEqual({ hostname: 'example.com', port: 80 });
    expect(parseAddress('example.com', 'https')).toEqual({ hostname: 'example.com', port: 443 });
    expect(parseAddress('[::1]:8080', 'http')).toEqual({ hostname: '::1', port: 8080 });
    expect(parseAddress('a:99999', 'http')).toBeUndefined();
    expect(parseAddress('http://a', 'http')).toBeUndefined();
  });

  it('substitutes #var#, case-sensitively, and reports the missing ones', () => {
    const missing = new Set<string>();
    expect(substituteVariables('#ip##port#/#Path#', { ip: '1.2.3.4', port: ':80', path: '/x' }, missing)).toBe(
      '1.2.3.4:80/#Path#',
    );
    expect([...missing]).toEqual(['Path']);
  });

  it('percent-encodes with the 002 §5.2.1 lists', () => {
    expect(encodeFor('QUERY', '[apig]')).toBe('%5Bapig%5D');
    expect(encodeFor('PATH', 'a/b?c d')).toBe('a%2Fb%3Fc%20d');
    expect(encodeFor('QUERY', 'a/b?c=d&e+f')).toBe('a/b?c%3Dd%26e%2Bf');
    expect(encodeFor('PATH', 'é~')).toBe('%C3%A9~');
    expect(encodeFor('PATH', 'plain-._~')).toBe('plain-._~');
  });

  it('classifies upstream errors', () => {
    const err = (code: string): Error => Object.assign(new Error(code), { code });
    expect(classifyUpstreamError(err('UND_ERR_HEADERS_TIMEOUT'), 'u').id).toBe('BACKEND_TIMEOUT');
    expect(classifyUpstreamError(Object.assign(new Error('x'), { cause: err('ENOTFOUND') }), 'u').id).toBe(
      'DNS_FAILED',
    );
    expect(classifyUpstreamError(err('ECONNREFUSED'), 'u').id).toBe('BACKEND_UNAVAILABLE');
    expect(classifyUpstreamError(err('ECONNRESET'), 'u').id).toBe('BACKEND_UNAVAILABLE');
  });
});
