import { describe, expect, it } from 'vitest';
import { backendPolicyFields } from '../../../src/cli/authoring/flows/backend-policy.js';
import { aclFields, throttleFields } from '../../../src/cli/authoring/flows/policies.js';
import { ADD_FLOWS } from '../../../src/cli/authoring/kinds.js';
import { runFields } from '../../../src/cli/authoring/runner.js';
import { loadGroupText } from '../../../src/oas/load-group.js';
import { demoContext, readText, scripted } from './scripted.js';

describe('apig add throttle', () => {
  it('refuses a user limit above the API limit and a taken name, then writes the policy bound to the chosen APIs', async () => {
    const ctx = await demoContext();
    const play = scripted([
      'perApp',
      'gold_tier', // name: taken, then free
      '50', // api limit
      '80',
      '40', // user limit: above the API limit, then within
      '', // app limit: none
      '', // ip limit: none
      '1',
      'MINUTE',
      false,
      ['hello', 'getUser'],
    ]);
    const a = await runFields(throttleFields(ctx), { flags: {}, yes: false, prompter: play.prompter });
    expect(play.refused).toEqual([
      'group demo already has a throttling policy named perApp',
      'gold_tier: user-limit 80 is above api-limit 50 (throttle-policy)',
    ]);
    const plan = ADD_FLOWS.throttle.plan(ctx, a, readText);
    const group = (await loadGroupText('demo.yaml', plan.edits[0]?.text ?? '')).group;
    expect(group?.throttles.find((t) => t.name === 'gold_tier')).toMatchObject({
      apiLimit: 50,
      userLimit: 40,
      interval: 1,
      unit: 'MINUTE',
    });
    expect(group?.apis.filter((x) => x.throttle === 'gold_tier').map((x) => x.name)).toEqual(['hello', 'getUser']);
    expect(plan.summary).toBe('throttling policy gold_tier in group demo, used by hello, getUser');
  });

  it('refuses an app limit above the user limit given as flags (exit 2 in the CLI)', async () => {
    const ctx = await demoContext();
    await expect(
      runFields(throttleFields(ctx), {
        flags: { name: 'tier2', apiLimit: '100', userLimit: '50', appLimit: '60' },
        yes: true,
      }),
    ).rejects.toThrow('--app-limit: tier2: app-limit 60 is above user-limit 50 (throttle-policy)');
    await expect(runFields(throttleFields(ctx), { flags: { name: 't', apiLimit: '100' }, yes: true })).rejects.toThrow(
      '--name: throttle policy name "t" must be 3–64 characters: letters, digits and underscores, starting with a letter (policy-name)',
    );
    await expect(
      runFields(throttleFields(ctx), { flags: { name: 'tier3', apiLimit: 'ten' }, yes: true }),
    ).rejects.toThrow('--api-limit: "ten" is not a whole number');
    await expect(
      runFields(throttleFields(ctx), { flags: { name: 'tier3', apis: 'hello,nope' }, yes: true }),
    ).rejects.toThrow('--apis: "nope" is not one of hello, getUser, files');
    const a = await runFields(throttleFields(ctx), { flags: { name: 'tier3' }, yes: true });
    expect(a).toMatchObject({ apiLimit: 200, interval: 1, unit: 'SECOND', shared: false, apis: [] });
  });
});

describe('apig add acl', () => {
  it('refuses an entry that is not an IP, CIDR or range', async () => {
    const ctx = await demoContext();
    const play = scripted(['office_net', 'DENY', 'IP', '10.0.0.1,10.0.0.999', '10.0.0.1,192.168.0.0/16', ['files']]);
    const a = await runFields(aclFields(ctx), { flags: {}, yes: false, prompter: play.prompter });
    expect(play.refused).toEqual([
      'office_net: "10.0.0.999" is not an IP address, a CIDR block (a/n) or a range (a-b) (acl-policy)',
    ]);
    const group = (await loadGroupText('demo.yaml', ADD_FLOWS.acl.plan(ctx, a, readText).edits[0]?.text ?? '')).group;
    expect(group?.acls).toEqual([
      expect.objectContaining({
        name: 'office_net',
        aclType: 'DENY',
        entityType: 'IP',
        values: ['10.0.0.1', '192.168.0.0/16'],
      }),
    ]);
    expect(group?.apis.find((x) => x.name === 'files')?.acl).toBe('office_net');
  });
});

describe('apig add backend-policy', () => {
  it('asks conditions until one more is declined, refuses a condition the rules refuse, and offers only compatible backends', async () => {
    const ctx = await demoContext();
    const play = scripted([
      'getUser',
      'gold_users',
      'ANY',
      'param',
      'verbose',
      'pattern',
      '([',
      'true|yes', // the first pattern does not compile
      true,
      'system',
      'req_method',
      'pattern',
      'exact',
      'GET', // reqMethod with pattern is refused
      false,
      'HTTP',
      'gold.example.com:8443',
      'https',
      'GET',
      '/users/{userId}',
      '3000',
    ]);
    const a = await runFields(backendPolicyFields(ctx), { flags: {}, yes: false, prompter: play.prompter });
    expect(play.refused).toEqual([
      'pattern "([" is not a valid regular expression (policy-conditions)',
      'reqMethod conditions allow only exact or enum (User Guide §5.2.1) (policy-conditions)',
    ]);
    expect(play.asked).toContain('Backend type');
    const plan = ADD_FLOWS['backend-policy'].plan(ctx, a, readText);
    const api = (await loadGroupText('demo.yaml', plan.edits[0]?.text ?? '')).group?.apis.find(
      (x) => x.name === 'getUser',
    );
    expect(api?.policies).toEqual([
      expect.objectContaining({
        name: 'gold_users',
        type: 'HTTP',
        effectMode: 'ANY',
        conditions: [
          expect.objectContaining({ origin: 'param', parameter: 'verbose', type: 'pattern', value: 'true|yes' }),
          expect.objectContaining({ origin: 'system', parameter: 'req_method', type: 'exact', value: 'GET' }),
        ],
        http: expect.objectContaining({ address: ['gold.example.com:8443'], scheme: 'https', timeout: 3000 }),
      }),
    ]);
  });

  it('takes conditions as flags; a MOCK API gets a MOCK policy backend without being asked', async () => {
    const ctx = await demoContext();
    const a = await runFields(backendPolicyFields(ctx), {
      flags: { api: 'hello', name: 'internal', condition: ['source:10.0.0.0/8', 'param:verbose:exact:1'] },
      yes: true,
    }).catch((e: Error) => e.message);
    expect(a).toBe('--condition: "param:verbose:exact:1": API hello has no request parameters to test');
    // The only backend type a MOCK API allows is no question: without a terminal it needs no flag.
    const b = await runFields(backendPolicyFields(ctx), {
      flags: {
        api: 'hello',
        name: 'internal',
        effectMode: 'ANY',
        condition: ['source:10.0.0.0/8'],
        mockBody: '{"internal": true}',
      },
      yes: false,
    });
    expect(b).toMatchObject({ backendType: 'MOCK', conditions: [{ condOrigin: 'source', condValue: '10.0.0.0/8' }] });
    await expect(
      runFields(backendPolicyFields(ctx), { flags: { api: 'hello', name: 'internal' }, yes: true }),
    ).rejects.toThrow(/missing flag .*\n {2}--condition/);
  });
});
