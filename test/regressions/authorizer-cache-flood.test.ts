/**
 * Regression (apig issue 12, "Unbounded lockout state": "bound every per-client table (the custom-authorizer
 * cache keyed by full identity values too: bound it by bytes, not only entries)"). The cache of a custom
 * authorizer's results is keyed by the identity values clients send, and was bounded only by its 10,000
 * entries: 10,000 tokens of 30 KB (a header may carry 32 KB) held about 600 MB. It is now bounded by the bytes
 * of its keys and results too (16 MB): a flood of large, distinct identities leaves it within that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_MAX_BYTES } from '../../src/gateway/auth/authorizer-cache.js';
import { call, startGateway, type InProcess } from '../e2e/serve-helpers.js';

let gw: InProcess;
beforeAll(async () => {
  gw = await startGateway('fixtures/serve/auth');
});
afterAll(async () => {
  await gw.close();
});

describe('a flood of large, distinct identities to a custom authorizer', () => {
  it('is cached within the byte bound', async () => {
    const cache = gw.launched.gateway.state.authorizerCache;
    const token = (i: number): string => `${String(i).padStart(6, '0')}${'t'.repeat(30 * 1024)}`;
    // 700 × 30 KB of identity (keys at two bytes a character): about 42 MB if nothing bounded the bytes.
    for (let i = 0; i < 700; i++) {
      const r = await call(`${gw.url}/custom?test=1`, { headers: { token: token(i) } });
      expect(r.status).toBeLessThan(600);
    }
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThan(700);
    expect(cache.bytes).toBeLessThanOrEqual(CACHE_MAX_BYTES);
  });
});
