/**
 * What the gateway remembers per client stays bounded (issue 12): the AK lockout table, the custom-authorizer
 * result cache (by entries and by bytes) and the throttle counters. Sizes are asserted, never timing.
 */
import { describe, expect, it } from 'vitest';
import { AuthorizerCache, CACHE_MAX_BYTES, CACHE_MAX_ENTRIES } from '../../../src/gateway/auth/authorizer-cache.js';
import { AkLockout, LOCK_AFTER, LOCK_MS } from '../../../src/gateway/auth/lockout.js';
import { MAX_COUNTERS, WindowCounters } from '../../../src/gateway/throttle/windows.js';

describe('AK lockout table', () => {
  it('a count of failures below the lock expires LOCK_MS after the last failure', () => {
    const l = new AkLockout();
    for (let i = 0; i < LOCK_AFTER - 1; i++) l.failed('AK', 0);
    expect(l.size).toBe(1);
    // The next failure comes after the count expired: it is the first of a new run, so no lock.
    l.failed('AK', LOCK_MS);
    expect(l.locked('AK', LOCK_MS)).toBe(false);
    for (let i = 0; i < LOCK_AFTER - 2; i++) l.failed('AK', LOCK_MS);
    expect(l.locked('AK', LOCK_MS)).toBe(false);
    l.failed('AK', LOCK_MS);
    expect(l.locked('AK', LOCK_MS)).toBe(true);
    // An ended lock is forgotten when looked at.
    expect(l.locked('AK', 2 * LOCK_MS)).toBe(false);
    expect(l.size).toBe(0);
  });

  it('an expired count is dropped when its AK is looked at', () => {
    const l = new AkLockout();
    l.failed('AK', 0);
    expect(l.locked('AK', LOCK_MS)).toBe(false);
    expect(l.size).toBe(0);
  });

  it('100,000 distinct AKs hold at most maxEntries entries, the stalest dropped first', () => {
    const l = new AkLockout({ maxEntries: 1000 });
    for (let i = 0; i < 100_000; i++) l.failed(`AK${i}`, i);
    expect(l.size).toBe(1000);
    for (let i = 0; i < LOCK_AFTER - 1; i++) l.failed('AK99999', 100_000);
    expect(l.locked('AK99999', 100_000)).toBe(true);
    expect(new AkLockout().size).toBe(0);
  });
});

describe('authorizer result cache', () => {
  const allow = { allow: true, context: {} };

  it('is bounded by entries, least recently used first', () => {
    const c = new AuthorizerCache({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c']) c.set(k, allow, 60_000, 0);
    expect(c.get('a', 1)).toEqual(allow);
    c.set('d', allow, 60_000, 1);
    expect(c.size).toBe(3);
    expect(c.get('b', 1)).toBeUndefined();
    expect(c.get('a', 1)).toEqual(allow);
    expect(c.get('d', 1)).toEqual(allow);
  });

  it('is bounded by the bytes of keys and results', () => {
    const c = new AuthorizerCache({ maxBytes: 64 * 1024 });
    const big = 'x'.repeat(8 * 1024);
    for (let i = 0; i < 100; i++) c.set(`${i}${big}`, { allow: true, context: { v: big } }, 60_000, 0);
    expect(c.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(c.size).toBeGreaterThan(0);
    expect(c.size).toBeLessThan(5);
    // A result larger than the whole budget is not cached at all.
    c.set('huge', { allow: true, context: { v: 'y'.repeat(64 * 1024) } }, 60_000, 0);
    expect(c.get('huge', 0)).toBeUndefined();
    expect(c.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it('expired entries give back their bytes', () => {
    const c = new AuthorizerCache();
    c.set('k', allow, 1000, 0);
    const held = c.bytes;
    expect(held).toBeGreaterThan(0);
    c.set('k', allow, 1000, 0);
    expect(c.bytes).toBe(held);
    expect(c.get('k', 1000)).toBeUndefined();
    expect(c.size).toBe(0);
    expect(c.bytes).toBe(0);
  });

  it('by default: 10,000 entries and 16 MB', () => {
    expect([CACHE_MAX_ENTRIES, CACHE_MAX_BYTES]).toEqual([10_000, 16 * 1024 * 1024]);
    const c = new AuthorizerCache();
    const value = 'v'.repeat(4096);
    for (let i = 0; i < 5_000; i++) c.set(`key-${i}-${value}`, allow, 60_000, 0);
    expect(c.bytes).toBeLessThanOrEqual(CACHE_MAX_BYTES);
    expect(c.size).toBeLessThan(CACHE_MAX_ENTRIES);
  });
});

describe('throttle counters', () => {
  it('100,000 source IPs in a day-long window hold at most maxCounters counters; the busy API counter stays', () => {
    const c = new WindowCounters({ maxCounters: 1000 });
    const day = 86_400_000;
    for (let i = 0; i < 100_000; i++) {
      const taken = c.take(
        [
          { key: 'api', limit: 1_000_000, windowMs: day },
          { key: `ip|10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, limit: 5, windowMs: day },
        ],
        i,
      );
      expect(taken.ok).toBe(true);
    }
    expect(c.size).toBeLessThanOrEqual(1000);
    expect(c.used('api', day, 100_000)).toBe(100_000);
    expect(MAX_COUNTERS).toBe(100_000);
  });

  it('ended windows are dropped', () => {
    const c = new WindowCounters();
    for (let i = 0; i < 10_000; i++) c.take([{ key: `ip|${i}`, limit: 1, windowMs: 1000 }], i * 10);
    expect(c.size).toBeLessThan(4096 + 200);
  });
});
