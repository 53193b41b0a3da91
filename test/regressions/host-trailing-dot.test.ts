/**
 * Regression (issue 12 follow-up, group selection): `Host: other.example.com.` (the fully qualified name, with its
 * trailing dot) matched no bound domain, so the request went to the DEFAULT group, whose APIs the client could
 * not reach through that domain on the gateway; the same for an absolute-form target's authority. DNS and nginx
 * (which drops the trailing dot before it matches server names) read it as `other.example.com`.
 * Right: a trailing dot is dropped before the domain is looked up, in the Host header and in the target's
 * authority, and in the domains apig.yaml binds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathsGateway, type PathsGateway } from '../e2e/serve-paths-kit.js';

let t: PathsGateway;
beforeAll(async () => {
  t = await pathsGateway();
});
afterAll(async () => {
  await t.close();
});

describe('a domain written with its trailing dot', () => {
  it.each([
    ['/who', 'other.example.com.'],
    ['/who', 'OTHER.example.com.:80'],
    ['http://other.example.com./who', 'localhost'],
  ])('%s with Host %s reaches the group that binds the domain', async (target, host) => {
    const r = await t.send(target, { host });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ group: 'other' });
  });

  it('an unbound name still reaches DEFAULT', async () => {
    expect((await t.send('/who', { host: 'else.example.com.' })).json()).toEqual({ group: 'DEFAULT' });
  });
});
