/**
 * The Redis state store against a real redis-server (test/e2e/redis-kit.ts): the check-and-count is exact
 * across connections, its answers are the memory store's (the same sequence of takes and lock-out steps gives
 * the same results), keys carry their window and expire after it, prefixes keep workspaces apart, and keys
 * clients choose cannot shape a key. Times are the caller's (a virtual clock), never Redis's; nothing asserts
 * on timing.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_AFTER, LOCK_MS } from '../../../src/gateway/auth/lockout.js';
import type { GatewayEvent } from '../../../src/gateway/response/events.js';
import { MemoryStore } from '../../../src/gateway/store/memory-store.js';
import { openStore } from '../../../src/gateway/store/open-store.js';
import { counterKey } from '../../../src/gateway/store/redis-keys.js';
import { parseRedisUrl, type FailMode } from '../../../src/gateway/store/state-spec.js';
import type { CounterCheck, StateStore } from '../../../src/gateway/store/store.js';
import { startRedis, type RedisServer } from '../../e2e/redis-kit.js';

let redis: RedisServer;
let raw: Redis;
const stores: StateStore[] = [];
let prefixes = 0;

beforeAll(async () => {
  redis = await startRedis();
  raw = new Redis(redis.port, '127.0.0.1');
});
afterAll(async () => {
  for (const s of stores) await s.close();
  raw?.disconnect();
  await redis?.close();
});

/** A store on its own connection (as another process would have), under a prefix of its own unless given. */
async function store(
  options: { prefix?: string; fail?: FailMode; virtualClock?: boolean; events?: GatewayEvent[] } = {},
): Promise<StateStore> {
  const spec = parseRedisUrl(redis.url, { prefix: options.prefix ?? `t${++prefixes}:`, fail: options.fail ?? 'open' });
  const s = await openStore(spec, {
    virtualClock: options.virtualClock ?? true,
    onEvent: (e) => options.events?.push(e),
  });
  stores.push(s);
  return s;
}

/** 2026-01-01T00:00:50Z: windows aligned to the epoch. */
const T0 = Date.parse('2026-01-01T00:00:50Z');
const api = (limit: number, windowMs = 60_000, key = 'throttle|p|RELEASE|api1|api'): CounterCheck => ({
  key,
  limit,
  windowMs,
});

describe('take', () => {
  it('400 concurrent takes at a limit of 50, from 4 connections: exactly 50 pass', async () => {
    const prefix = `exact${++prefixes}:`;
    const four = await Promise.all([1, 2, 3, 4].map(() => store({ prefix })));
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, i) => (four[i % 4] as StateStore).take([api(50)], [], T0)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(350);
    expect(refused.every((r) => !r.ok && r.index === 0 && r.remain[0] === 0)).toBe(true);
    // Each remain from 49 down to 0 is seen once: every pass counted exactly one.
    const remains = results.flatMap((r) => (r.ok ? [r.remain[0]] : [])).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(remains).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('answers as the memory store does: hard and soft counters, refusals that take nothing, windows', async () => {
    const redisStore = await store();
    const memory = new MemoryStore();
    const pool: CounterCheck[] = [
      api(3, 1000, 'a'),
      api(5, 60_000, 'b'),
      api(2, 10_000, 'c|ip|10.0.0.1'),
      api(4, 1000, 'default|x'),
      api(1, 60_000, 'd'),
    ];
    // A fixed pseudo-random walk (the same every run): subsets of hard and soft counters, time moving on.
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let now = T0;
    for (let step = 0; step < 300; step++) {
      const hard = pool.filter(() => next(3) === 0);
      const soft = pool.filter((c) => !hard.includes(c) && next(4) === 0);
      now += next(5) === 0 ? next(4000) : 0;
      const want = memory.take(hard, soft, now);
      expect(await redisStore.take(hard, soft, now), `step ${step}`).toEqual(want);
    }
  });

  it('takes made together go to Redis as one script call, each answered as if alone, in the order made', async () => {
    const redisStore = await store();
    const memory = new MemoryStore();
    const pool: CounterCheck[] = [api(7, 60_000, 'p'), api(3, 60_000, 'q'), api(12, 1000, 'default|y')];
    const calls = Array.from({ length: 200 }, (_, i) => ({
      hard: pool.filter((_c, j) => (i + j) % 3 !== 0),
      soft: pool.filter((_c, j) => (i + j) % 3 === 0),
    }));
    const got = await Promise.all(calls.map((c) => redisStore.take(c.hard, c.soft, T0)));
    expect(got).toEqual(calls.map((c) => memory.take(c.hard, c.soft, T0)));
  });

  it('keys carry their window: a new window counts from zero, and each key expires after its own', async () => {
    const prefix = `win${++prefixes}:`;
    const s = await store({ prefix, virtualClock: false });
    const c = api(2, 10_000, 'w');
    expect((await s.take([c], [], T0)).ok).toBe(true);
    expect((await s.take([c], [], T0)).ok).toBe(true);
    expect(await s.take([c], [], T0)).toMatchObject({ ok: false, index: 0 });
    // T0 is 50 s into a minute: its 10 s window ends at T0 + 10 s.
    expect((await s.take([c], [], T0 + 10_000)).ok).toBe(true);
    const key = counterKey(prefix, 'w', T0);
    expect(await raw.get(key)).toBe('2');
    expect(await raw.get(counterKey(prefix, 'w', T0 + 10_000))).toBe('1');
    // The window's 10 s left plus 1 s for clock differences between replicas; Redis's own clock plays no part.
    const ttl = await raw.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(11_000);
  });

  it('with a virtual clock, keys outlive their window by an hour of real time (the clock may stand still)', async () => {
    const prefix = `virt${++prefixes}:`;
    const s = await store({ prefix, virtualClock: true });
    await s.take([api(2, 1000, 'v')], [], T0);
    const ttl = await raw.pttl(counterKey(prefix, 'v', T0));
    expect(ttl).toBeGreaterThan(3_600_000);
    expect(ttl).toBeLessThanOrEqual(3_601_000);
  });
});

describe('AK lock-out', () => {
  it('the 5th failure locks the AK for 5 minutes, from every connection; a success resets the count', async () => {
    const prefix = `lock${++prefixes}:`;
    const [a, b] = [await store({ prefix }), await store({ prefix })];
    for (let i = 0; i < LOCK_AFTER - 1; i++) await (i % 2 ? a : b).failed('AKALICE', T0);
    expect(await a.locked('AKALICE', T0)).toBe(false);
    await b.succeeded('AKALICE');
    for (let i = 0; i < LOCK_AFTER - 1; i++) await (i % 2 ? a : b).failed('AKALICE', T0);
    expect(await b.locked('AKALICE', T0)).toBe(false);
    await a.failed('AKALICE', T0 + 1);
    expect(await a.locked('AKALICE', T0 + 1)).toBe(true);
    expect(await b.locked('AKALICE', T0 + LOCK_MS)).toBe(true);
    expect(await b.locked('AKALICE', T0 + 1 + LOCK_MS)).toBe(false);
    expect(await a.locked('AKBOB', T0)).toBe(false);
  });

  it('answers as the memory store does over a walk of failures, successes and time', async () => {
    const s = await store();
    const memory = new MemoryStore();
    let seed = 11;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let now = T0;
    for (let step = 0; step < 400; step++) {
      const ak = ['AK1', 'AK2', 'AK:3'][next(3)] as string;
      const what = next(10);
      now += [0, 0, 1, 1000, LOCK_MS / 2, LOCK_MS][next(6)] as number;
      if (what < 6) {
        memory.failed(ak, now);
        await s.failed(ak, now);
      } else if (what < 7) {
        memory.succeeded(ak);
        await s.succeeded(ak);
      }
      expect(await s.locked(ak, now), `step ${step}`).toBe(memory.locked(ak, now));
    }
  });
});

describe('keys', () => {
  it('two prefixes on one Redis count apart', async () => {
    const [x, y] = [await store({ prefix: 'ws-x:' }), await store({ prefix: 'ws-y:' })];
    expect((await x.take([api(1)], [], T0)).ok).toBe(true);
    expect((await x.take([api(1)], [], T0)).ok).toBe(false);
    expect((await y.take([api(1)], [], T0)).ok).toBe(true);
  });

  it('a key a client chooses cannot shape another key: escaped, one per value', async () => {
    const prefix = `esc${++prefixes}:`;
    const s = await store({ prefix });
    const nasty = ['1.2.3.4', '1:2::3', '1%3A2%3A%3A3', 'a b*?[x]', 'x\r\nDEL y', '雪', 'k'.repeat(500)];
    for (const ip of nasty) expect((await s.take([api(1, 60_000, `p|ip|${ip}`)], [], T0)).ok, ip).toBe(true);
    for (const ip of nasty) expect((await s.take([api(1, 60_000, `p|ip|${ip}`)], [], T0)).ok, ip).toBe(false);
    await s.failed('AK*:x', T0);
    const keys = await raw.keys(`${prefix}*`);
    expect(keys).toHaveLength(nasty.length + 1);
    for (const k of keys) expect(k).toMatch(/^esc\d+:(c:[A-Za-z0-9._~|@=,+/%-]+:\d+|lock:[A-Za-z0-9._~|@=,+/%-]+)$/);
  });
});
