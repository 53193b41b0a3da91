/**
 * `apig serve --ui --state redis://…`: the Throttling view reads the counters back from Redis (SCAN of the
 * workspace's key prefix), so that replicas sharing one Redis show the same counts, and another workspace's
 * prefix on the same Redis is not read. Against a real redis-server (redis-kit.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRedisUrl } from '../../src/gateway/store/state-spec.js';
import { openStore } from '../../src/gateway/store/open-store.js';
import { call } from './serve-helpers.js';
import { startRedis, type RedisServer } from './redis-kit.js';
import { startUi, uiGet, type UiGateway } from './ui-kit.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
let redis: RedisServer;
const gateways: UiGateway[] = [];

async function gateway(prefix: string): Promise<UiGateway> {
  const store = await openStore(parseRedisUrl(redis.url, { prefix, fail: 'open' }), { virtualClock: true });
  const g = await startUi({ clock: T0, extra: { store } });
  gateways.push(g);
  return g;
}

interface View {
  shared: boolean;
  policies: Array<{ name: string; counters: Array<{ who: string; used: number }> }>;
}

const defaults = async (g: UiGateway): Promise<Array<{ who: string; used: number }>> => {
  const view = JSON.parse((await uiGet(g.url, '/_apig/ui/api/throttling')).text) as View;
  expect(view.shared).toBe(false);
  return view.policies.find((p) => p.name === 'ratelimit_api_limits')?.counters ?? [];
};

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const g of gateways) await g.close();
  await redis.close();
});

describe('the Throttling view with the counters in Redis', () => {
  it('shows what every replica counted, and nothing of another prefix', async () => {
    const a = await gateway('ui-a:');
    const b = await gateway('ui-a:');
    const other = await gateway('ui-b:');
    for (const g of [a, a, b]) expect((await call(`${g.url}/hello`)).status).toBe(200);
    await call(`${other.url}/hello`);
    for (const g of [a, b])
      expect(await defaults(g)).toEqual([{ scope: 'default', who: 'shop/hello', used: 3, limit: 200 }]);
    expect(await defaults(other)).toEqual([{ scope: 'default', who: 'shop/hello', used: 1, limit: 200 }]);
  });
});
