/**
 * Regression (throttling, "a policy the gateway refuses is served"): `apig serve` served a traditional throttle
 * policy whose interval or limits are not positive. With `interval: 0` every request passed (the window had no
 * length, so no counter ever filled): no limit at all where the gateway refuses to create or import the policy
 * (limits and interval are integers from 1 to 2147483647). With `api-limit: 0` every request was refused. Now such
 * a policy is an error that stops the start, naming the field, as a workspace lint reports it.
 */
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/core/workspace-model.js';
import { prepare } from '../../src/gateway/index.js';
import { ROOT } from '../e2e/run-cli.js';

async function served(change: (ws: Workspace) => void): Promise<{ served: boolean; errors: string[] }> {
  const prepared = await prepare({
    path: 'fixtures/serve/auth',
    cwd: ROOT,
    env: {},
    protocolCheck: false,
    adjust: change,
  });
  return {
    served: prepared.config !== undefined,
    errors: prepared.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message}`),
  };
}

const policy = (ws: Workspace, name: string) => {
  const p = ws.groups[0]?.model.throttles.find((t) => t.name === name);
  if (!p) throw new Error(`no policy ${name}`);
  return p;
};

describe('throttle policies the gateway refuses are not served', () => {
  it('interval 0 (no window: every request passed) stops the start', async () => {
    const r = await served((ws) => {
      policy(ws, 'perIp').interval = 0;
    });
    expect(r.served).toBe(false);
    expect(r.errors).toEqual([
      '/x-apigateway-ratelimits/perIp/interval: throttle policy perIp: interval 0 must be between 1 and 2147483647; ' +
        'the gateway refuses such a policy (API Reference, Creating a Request Throttling Policy)',
    ]);
  });

  it('limits below 1, a negative interval and a special limit of 0 too', async () => {
    const r = await served((ws) => {
      policy(ws, 'burstPolicy').apiLimit = 0;
      policy(ws, 'perIp').ipLimit = -1;
      policy(ws, 'sharedPolicy').interval = -5;
      const special = policy(ws, 'perApp').special?.[0];
      if (special) special.limit = 0;
    });
    expect(r.served).toBe(false);
    expect(r.errors.map((e) => e.slice(0, e.indexOf(':')))).toEqual([
      '/x-apigateway-ratelimits/perApp/special/0/limit',
      '/x-apigateway-ratelimits/perIp/ip-limit',
      '/x-apigateway-ratelimits/burstPolicy/api-limit',
      '/x-apigateway-ratelimits/sharedPolicy/interval',
    ]);
  });

  it('the fixture as written is served', async () => {
    expect(await served(() => undefined)).toEqual({ served: true, errors: [] });
  });
});
