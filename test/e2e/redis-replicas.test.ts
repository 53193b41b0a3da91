/**
 * Replicas sharing one Redis (issue 16): 4 gateways in this process, each with its own Redis connection and a
 * virtual clock standing at the same time, take 400 concurrent requests to an API limited to 50 a minute, and
 * exactly 50 pass while the other 350 get 429 APIG.0308, for the API, app, user and source-IP limits alike;
 * 5 AK/SK failures spread over the 4 lock the AK on every one. A real redis-server; no timing assertions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from './serve-auth-kit.js';
import { AK, APP, LIMIT, burst, sharedGateways, type Replicas } from './redis-gateways.js';
import { startRedis, type RedisServer } from './redis-kit.js';

let redis: RedisServer;
let four: Replicas;
beforeAll(async () => {
  redis = await startRedis();
  four = await sharedGateways(redis, 4, { prefix: 'apig:replicas:' });
});
afterAll(async () => {
  await four?.close();
  await redis?.close();
});

const THROTTLED = { error_code: 'APIG.0308', error_msg: 'The throttling threshold has been reached.' };

describe('4 replicas, one Redis, 400 concurrent requests, a limit of 50 a minute', () => {
  it.each([
    ['the API limit', '/api', {}],
    ['the app limit', '/app', { 'X-HW-ID': APP.key, 'X-HW-AppKey': APP.secret }],
    ['the user limit', '/user', { 'X-Auth-Token': 'token-alice-value' }],
    ['the source IP limit', '/ip', {}],
  ])('%s: exactly 50 pass, 350 get 429 APIG.0308', async (_what, path, headers: Record<string, string>) => {
    const replies = await burst(four.replicas, 400, path, headers);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(LIMIT);
    const refused = replies.filter((r) => r.status === 429);
    expect(refused).toHaveLength(400 - LIMIT);
    for (const r of refused) expect(r.json()).toMatchObject(THROTTLED);
  });

  it('the window is the gateways’ clock, not Redis’s: the next minute lets 50 more through', async () => {
    expect((await burst(four.replicas, 8, '/api')).every((r) => r.status === 429)).toBe(true);
    four.advance(60_000);
    try {
      const replies = await burst(four.replicas, 400, '/api');
      expect(replies.filter((r) => r.status === 200)).toHaveLength(LIMIT);
    } finally {
      four.advance(-60_000);
    }
  });

  it('debug responses show the shared remains: remain 49 … 0 once each across the replicas', async () => {
    four.advance(120_000);
    try {
      const replies = await burst(four.replicas, 60, '/api', { 'X-Apig-Mode': 'debug' });
      const remains = replies
        .filter((r) => r.status === 200)
        .map((r) => Number(/remain:(\d+)/.exec(String(r.headers['x-apig-ratelimit-api']))?.[1]))
        .sort((a, b) => a - b);
      expect(remains).toEqual(Array.from({ length: LIMIT }, (_, i) => i));
    } finally {
      four.advance(-120_000);
    }
  });
});

describe('AK/SK lock-out across replicas', () => {
  it('5 failures spread over 4 replicas lock the AK on all of them, for 5 minutes', async () => {
    const [first] = four.replicas;
    if (!first) throw new Error('no replica');
    const signed = (url: string, secret: string) => signedHeaders(url, { key: AK.key, secret }, first.clock.now());
    for (const r of four.replicas) expect((await r.get('/iam', signed(`${r.url}/iam`, AK.secret))).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const r = four.replicas[i % 4];
      if (!r) throw new Error('no replica');
      expect((await r.get('/iam', signed(`${r.url}/iam`, 'wrong-secret'))).status).toBe(401);
    }
    for (const r of four.replicas) {
      const locked = await r.get('/iam', signed(`${r.url}/iam`, AK.secret));
      expect(locked.status).toBe(401);
      expect(locked.json()).toMatchObject({
        error_code: 'APIG.0301',
        error_msg: 'Incorrect IAM authentication information: AK access failed to reach the limit, forbidden.',
      });
    }
    four.advance(5 * 60_000);
    try {
      for (const r of four.replicas) expect((await r.get('/iam', signed(`${r.url}/iam`, AK.secret))).status).toBe(200);
    } finally {
      four.advance(-5 * 60_000);
    }
  });
});
