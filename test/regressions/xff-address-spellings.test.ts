/**
 * Regression (issue 12 follow-up, "Unbounded lockout state": every per-client table is bounded): with
 * X-Forwarded-For trusted, the client IP was the entry's text as written. `isIP` accepts an IPv6 zone of any
 * length (`fe80::1%` and 30 KB), so every per-IP throttle counter could be keyed by 30 KB of the client's
 * choosing: 100,000 of them, 3 GB. One address also had as many counters as spellings (`fe80::1%a`,
 * `fe80::1%b`, `FE80:0::1`...), each starting from a full allowance.
 * Right: the address is read in one spelling (IPv6 compressed and lower-case, without its zone; IPv4-mapped IPv6
 * as IPv4), so the key is at most an address long and one address has one counter.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { virtualClock } from '../../src/gateway/index.js';
import { raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';

let gw: InProcess;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'apig-xff-'));
  writeFileSync(
    join(dir, 'api.yaml'),
    `swagger: "2.0"
info: { title: xff, version: "1" }
paths:
  /hit:
    get:
      operationId: hit
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: ok } }
`,
  );
  writeFileSync(
    join(dir, 'apig.yaml'),
    `groups:
  - { name: xff, spec: api.yaml }
instance:
  real_ip_from_xff: true
throttles:
  per_ip:
    interval: 1
    unit: DAY
    ipLimit: 2
    bind: { RELEASE: [hit] }
`,
  );
  gw = await startGateway(dir, undefined, { virtualClock: virtualClock(Date.parse('2026-01-01T00:00:00Z')) });
});
afterAll(async () => {
  await gw.close();
});

const hit = async (xff: string): Promise<number> =>
  statusOf(
    await raw(gw.port, `GET /hit HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: ${xff}\r\nConnection: close\r\n\r\n`),
  );

describe('one address, however it is spelt, has one per-IP counter', () => {
  it('zones and other spellings of fe80::1 share its allowance of 2', async () => {
    expect(await hit('fe80::1%a')).toBe(200);
    expect(await hit(`fe80::1%${'z'.repeat(30_000)}`)).toBe(200);
    expect(await hit('FE80:0::1')).toBe(429);
    expect(await hit('fe80:0:0:0:0:0:0:1%eth0')).toBe(429);
  });

  it('an IPv4 address and its IPv4-mapped IPv6 forms share one too', async () => {
    expect(await hit('10.0.0.7')).toBe(200);
    expect(await hit('::ffff:10.0.0.7')).toBe(200);
    expect(await hit('::FFFF:a00:7')).toBe(429);
  });

  it('the log names the address in that one spelling, never the zone', async () => {
    const zoned = `fe80::2%${'y'.repeat(1000)}`;
    for (let i = 0; i < 3; i++) await hit(zoned);
    const last = gw.events.filter((e) => e.type === 'request').at(-1);
    const detail = last?.type === 'request' ? (last.detail ?? '') : '';
    expect(detail).toContain('for fe80::2:');
    expect(detail).not.toContain('yyy');
  });
});
