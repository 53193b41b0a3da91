/**
 * Regression (access control, "two IP policies bound to one API"): an apig.yaml binding such as
 * `acl: [permitLocal, denyLocal]` holds two IP policies, and `apig serve` enforced both, so a client the first
 * policy lets in was refused by the second (403 APIG.0402). The gateway binds one access control policy to an
 * API in an environment (API Gateway User Guide, 5.4.1; apig allows one IP and one account policy): the second
 * IP policy could never be bound. Now the first of a kind applies, and the start warns about the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/core/workspace-model.js';
import { prepare } from '../../src/gateway/index.js';
import { ROOT } from '../e2e/run-cli.js';
import { call, startGateway, type InProcess } from '../e2e/serve-helpers.js';

const twoIpPolicies = (ws: Workspace): void => {
  ws.groups[0]?.model.acls.push({ name: 'permitLocal', aclType: 'PERMIT', entityType: 'IP', values: ['127.0.0.1'] });
  ws.bindings = { RELEASE: { permitRange: { acl: ['permitLocal', 'denyLocal'] } } };
};

describe('two IP access control policies in one binding', () => {
  let gw: InProcess;
  beforeAll(async () => {
    gw = await startGateway('fixtures/serve/auth', twoIpPolicies);
  });
  afterAll(async () => {
    await gw.close();
  });

  it('the first applies: 127.0.0.1, permitted by permitLocal, is not refused by denyLocal', async () => {
    const r = await call(`${gw.url}/permit-range`);
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ acl: 'permit' });
  });

  it('the start warns that the second is not applied', async () => {
    const prepared = await prepare({
      path: 'fixtures/serve/auth',
      cwd: ROOT,
      env: {},
      protocolCheck: false,
      adjust: twoIpPolicies,
    });
    expect(prepared.diagnostics.filter((d) => d.code === 'serve-policy').map((d) => d.message)).toEqual([
      'API permitRange in RELEASE: access control policies permitLocal and denyLocal are both IP policies; an API ' +
        'takes one access control policy in an environment (API Gateway User Guide, 5.4.1 Creating an Access ' +
        'Control Policy; apig allows one IP and one account policy), permitLocal applies',
    ]);
  });

  it('one IP and one account policy both apply', async () => {
    const both = await startGateway('fixtures/serve/auth', (ws) => {
      ws.bindings = { RELEASE: { acctIam: { acl: ['denyLocal', 'acmeOnly'] } } };
    });
    try {
      const r = await call(`${both.url}/acct`, { headers: { 'X-Auth-Token': 'token-alice-value' } });
      expect(r.json()).toMatchObject({ error_code: 'APIG.0402' });
    } finally {
      await both.close();
    }
  });
});
