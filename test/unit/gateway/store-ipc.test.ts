/**
 * The `--workers` state store without the processes: several IpcStores (one per worker) and the primary's
 * StoreServer, joined by FIFO queues that a seeded scheduler delivers in any interleaving (IPC keeps order
 * within a channel, never across). Whatever the order: exactly N pass of a limit of N, a rejected request
 * consumes nothing, and counters far from their limits are taken from grants, with no message at all.
 */
import { describe, expect, it } from 'vitest';
import type { StoreCall, StoreDown } from '../../../src/gateway/store/ipc-protocol.js';
import { StoreServer } from '../../../src/gateway/store/ipc-server.js';
import { IpcStore } from '../../../src/gateway/store/ipc-store.js';
import { MemoryStore } from '../../../src/gateway/store/memory-store.js';
import type { Taken } from '../../../src/gateway/store/store.js';
import type { CounterCheck } from '../../../src/gateway/throttle/windows.js';

/** A small seeded generator (mulberry32), so that a failure names its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Cluster {
  readonly up: StoreCall[][];
  readonly down: StoreDown[][];
  readonly stores: IpcStore[];
  readonly server: StoreServer;
  sent = 0;

  constructor(workers: number) {
    this.up = Array.from({ length: workers }, () => []);
    this.down = Array.from({ length: workers }, () => []);
    this.server = new StoreServer(
      new MemoryStore(),
      (w, m) => this.down[w]?.push(m),
      () => workers,
    );
    this.stores = this.up.map(
      (queue) =>
        new IpcStore(
          (call) => {
            this.sent++;
            queue.push(call);
          },
          { timeoutMs: 60_000 },
        ),
    );
  }

  /** Delivers one message of a channel picked at random; false when none waits. */
  deliver(next: () => number): boolean {
    const ready = [
      ...this.up.flatMap((q, w) => (q.length > 0 ? [() => this.server.call(w, q.shift() as StoreCall)] : [])),
      ...this.down.flatMap((q, w) => (q.length > 0 ? [() => this.stores[w]?.receive(q.shift() as StoreDown)] : [])),
    ];
    const pick = ready[Math.floor(next() * ready.length)];
    pick?.();
    return pick !== undefined;
  }

  async close(): Promise<void> {
    for (const s of this.stores) await s.close();
  }
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/** `requests` takes spread at random over the workers, interleaved at random with the deliveries. */
async function run(
  seed: number,
  workers: number,
  requests: number,
  checks: (i: number) => CounterCheck[],
  /** The worker of request i; default: any. */
  worker?: (i: number) => number,
) {
  const next = random(seed);
  const cluster = new Cluster(workers);
  const results: Array<{ checks: CounterCheck[]; taken: Taken }> = [];
  const waiting: Promise<void>[] = [];
  let started = 0;
  while (started < requests || waiting.length > results.length) {
    if (started < requests && next() < 0.5) {
      const i = started++;
      const cs = checks(i);
      const store = cluster.stores[worker?.(i) ?? Math.floor(next() * workers)] as IpcStore;
      const taken = store.take(cs, [], 0);
      waiting.push(Promise.resolve(taken).then((t) => void results.push({ checks: cs, taken: t })));
    } else if (!cluster.deliver(next)) await tick();
    if (next() < 0.2) await tick();
  }
  await Promise.all(waiting);
  await cluster.close();
  return { results, sent: cluster.sent };
}

const api = (limit: number): CounterCheck => ({ key: 'api', limit, windowMs: 60_000 });
const ip = (n: number, limit: number): CounterCheck => ({ key: `ip|${n}`, limit, windowMs: 60_000 });

describe('the workers share one count through the primary', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('exactly N pass whatever the interleaving (seed %i)', async (seed) => {
    const limit = 300;
    const { results } = await run(seed, 3, 700, () => [api(limit)]);
    expect(results.filter((r) => r.taken.ok)).toHaveLength(limit);
  });

  it.each([1, 2, 3, 4])('exactly N pass when the workers holding tokens go quiet (seed %i)', async (seed) => {
    // The first requests reach every worker (each gets tokens); the rest reach worker 0 alone, which can pass
    // them all only if the primary calls back the tokens the others hold unused.
    const { results } = await run(
      seed,
      3,
      700,
      () => [api(300)],
      (i) => (i < 30 ? i % 3 : 0),
    );
    expect(results.filter((r) => r.taken.ok)).toHaveLength(300);
  });

  it.each([11, 12, 13, 14])('a rejected request consumes nothing, over two counters (seed %i)', async (seed) => {
    // The API counter (limit 400) and one of four source-IP counters (limit 120 each): the IP counters run out
    // first for some clients; their refusals must leave the API counter untouched.
    const { results } = await run(seed, 3, 900, (i) => [api(400), ip(i % 4, 120)]);
    const passed = results.filter((r) => r.taken.ok);
    const byIp = [0, 1, 2, 3].map((n) => passed.filter((r) => r.checks[1]?.key === `ip|${n}`).length);
    // 900 requests, 225 per IP: each IP counter passes 120 unless the API counter ran out first (400 in all).
    expect(passed.length).toBe(
      Math.min(
        400,
        byIp.reduce((a, b) => a + b, 0),
      ),
    );
    expect(byIp.every((n) => n <= 120)).toBe(true);
    expect(passed.length === 400 || byIp.every((n) => n === 120)).toBe(true);
  });

  it('a counter far from its limit is taken from grants: most requests send nothing', async () => {
    const { results, sent } = await run(21, 2, 5000, () => [api(1_000_000)]);
    expect(results.every((r) => r.taken.ok)).toBe(true);
    expect(sent).toBeLessThan(500);
  });

  it('a counter near its limit is not granted: the remain each request sees is exact', async () => {
    const { results, sent } = await run(31, 2, 40, () => [api(50)]);
    expect(results.map((r) => r.taken.remain[0]).sort((a, b) => (b ?? 0) - (a ?? 0))).toEqual(
      Array.from({ length: 40 }, (_, i) => 49 - i),
    );
    expect(sent).toBe(40);
  });
});
