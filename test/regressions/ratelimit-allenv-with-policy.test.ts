/**
 * Regression (issue 12): `X-Apig-RateLimit-Api-Allenv` came only on debug responses of APIs with no throttling
 * policy. The API Gateway User Guide (6.3.2) puts no condition on it beyond `X-Apig-Mode: debug`, and the
 * Best Practices debug example (10.3) shows it beside `X-Apig-RateLimit-Api`. It now comes on every debug
 * response of an API: the instance default (`ratelimit_api_limits` per second) counts every API's requests,
 * and refuses them only when no policy is bound (User Guide 3.2: a bound policy applies instead).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T0, authGateway, type AuthGateway } from '../e2e/serve-auth-kit.js';
import { call } from '../e2e/serve-helpers.js';

const debug = { 'X-Apig-Mode': 'debug' };

describe('X-Apig-RateLimit-Api-Allenv', () => {
  let gw: AuthGateway;
  beforeAll(async () => {
    gw = await authGateway({
      adjust: (ws) => {
        ws.instance.ratelimit_api_limits = 3;
      },
    });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('comes beside X-Apig-RateLimit-Api for an API with a policy (burstPolicy: 7 per minute)', async () => {
    gw.clock.set(T0 + 3_600_000);
    const first = await call(`${gw.url}/burst`, { headers: debug });
    expect(first.status).toBe(200);
    expect(first.headers['x-apig-ratelimit-api']).toBe('remain:6,limit:7,time:1 minute');
    expect(first.headers['x-apig-ratelimit-api-allenv']).toBe('remain:2,limit:3,time:1 second');
    expect(Object.keys(first.headers).filter((h) => h.startsWith('x-apig-ratelimit-'))).toEqual([
      'x-apig-ratelimit-api',
      'x-apig-ratelimit-api-allenv',
    ]);
  });

  it('counts, but does not refuse, past the instance default when a policy is bound', async () => {
    gw.clock.set(T0 + 7_200_000);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await call(`${gw.url}/burst`, { headers: debug }));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((r) => r.headers['x-apig-ratelimit-api-allenv'])).toEqual(
      [2, 1, 0, 0, 0].map((n) => `remain:${n},limit:3,time:1 second`),
    );
    expect(answers.at(-1)?.headers['x-apig-ratelimit-api']).toBe('remain:2,limit:7,time:1 minute');
  });

  it('on a 429 from the policy: shown without taking', async () => {
    gw.clock.set(T0 + 10_800_000);
    for (let i = 0; i < 7; i++) {
      gw.clock.set(T0 + 10_800_000 + i * 1000);
      expect((await call(`${gw.url}/burst`)).status).toBe(200);
    }
    const refused = await call(`${gw.url}/burst`, { headers: debug });
    expect(refused.status).toBe(429);
    expect(refused.headers['x-apig-ratelimit-api']).toBe('remain:0,limit:7,time:1 minute');
    expect(refused.headers['x-apig-ratelimit-api-allenv']).toBe('remain:2,limit:3,time:1 second');
  });

  it('still refuses an API with no policy past the instance default', async () => {
    gw.clock.set(T0 + 14_400_000);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(`${gw.url}/none`, { headers: debug })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
