/**
 * Regression (throttling, "a throttle 2.0 policy that cannot apply also dropped the traditional one"): when a
 * 2.0 policy bound to an API had a rule condition that does not parse, `apig serve` warned that the policy is not
 * applied, and then applied no policy at all: the API's traditional policy was dropped too, and the instance
 * default (200 per second) let through calls the traditional limit refuses. A 2.0 policy replaces the
 * traditional one only once it is bound (Best Practices §6.1), and the gateway cannot bind one it cannot create.
 * Now the traditional policy stays in force, and the start still warns about the 2.0 policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/core/workspace-model.js';
import { prepare } from '../../src/gateway/index.js';
import { ROOT } from '../e2e/run-cli.js';
import { authGateway, type AuthGateway } from '../e2e/serve-auth-kit.js';
import { call } from '../e2e/serve-helpers.js';

const adjust = (ws: Workspace): void => {
  const rule = ws.throttles?.find((t) => t.name === 't2')?.rules[0];
  if (!rule) throw new Error('the fixture has no 2.0 rule');
  rule.when = '(reqPath = /t2/fc';
};

describe('a 2.0 policy whose rule does not parse', () => {
  let gw: AuthGateway;
  beforeAll(async () => {
    gw = await authGateway({ adjust });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('leaves the traditional policy (sharedPolicy: 3 per minute) in force on the API', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(`${gw.url}/t2/x`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const r = await call(`${gw.url}/t2/x`, { headers: { 'X-Apig-Mode': 'debug' } });
    expect(r.json()).toMatchObject({ error_code: 'APIG.0308' });
    expect(r.headers['x-apig-ratelimit-api']).toBe('remain:0,limit:3,time:1 minute');
  });

  it('warns that the 2.0 policy is not applied', async () => {
    const prepared = await prepare({ path: 'fixtures/serve/auth', cwd: ROOT, env: {}, protocolCheck: false, adjust });
    expect(prepared.diagnostics.filter((d) => d.code === 'serve-policy').map((d) => d.message)).toEqual([
      'API t2 in RELEASE: throttle policy t2, rule 1 ("(reqPath = /t2/fc"): a "(" is not closed; ' +
        'the policy is not applied',
    ]);
  });
});
