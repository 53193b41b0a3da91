/**
 * Throttling and access control as the gateway decides them, over real sockets and a virtual clock
 * (fixtures/serve/auth): which counters apply to which caller, window edges, what a refusal consumes, and how
 * the client address and the account are read. Each case is a verdict checked against the documents cited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP1, authGateway, signedHeaders, type AuthGateway } from '../../e2e/serve-auth-kit.js';
import { call } from '../../e2e/serve-helpers.js';

const debug = { 'X-Apig-Mode': 'debug' };
const MINUTE = 60_000;

describe('which throttle counters apply (User Guide §5.3.1, §8.5.1.4)', () => {
  let gw: AuthGateway;
  beforeAll(async () => {
    gw = await authGateway({
      adjust: (ws) => {
        // A policy with every limit, bound to an IAM, an APP and a no-auth API.
        ws.groups[0]?.model.throttles.push({
          name: 'every',
          apiLimit: 50,
          userLimit: 5,
          appLimit: 4,
          ipLimit: 40,
          interval: 1,
          unit: 'MINUTE',
        });
        ws.bindings = {
          RELEASE: { iamApi: { throttle: 'every' }, appApi: { throttle: 'every' }, none: { throttle: 'every' } },
        };
      },
    });
  });
  afterAll(async () => {
    await gw.close();
  });

  const rateLimits = (headers: Record<string, unknown>): string[] =>
    Object.keys(headers)
      .filter((k) => k.startsWith('x-apig-ratelimit-') && k !== 'x-apig-ratelimit-api-allenv')
      .sort();

  it('IAM API: API, user and IP; never the app limit', async () => {
    const r = await call(`${gw.url}/iam`, { headers: { 'X-Auth-Token': 'token-alice-value', ...debug } });
    expect(r.status).toBe(200);
    expect(rateLimits(r.headers)).toEqual(['x-apig-ratelimit-api', 'x-apig-ratelimit-ip', 'x-apig-ratelimit-user']);
  });

  it('APP API: API, app and IP; never the user limit', async () => {
    const url = `${gw.url}/app`;
    const r = await call(url, { headers: { ...signedHeaders(url, APP1, gw.clock.now()), ...debug } });
    expect(r.status).toBe(200);
    expect(rateLimits(r.headers)).toEqual(['x-apig-ratelimit-api', 'x-apig-ratelimit-app', 'x-apig-ratelimit-ip']);
  });

  it('no-auth API: API and IP only', async () => {
    const r = await call(`${gw.url}/none`, { headers: debug });
    expect(r.status).toBe(200);
    expect(rateLimits(r.headers)).toEqual(['x-apig-ratelimit-api', 'x-apig-ratelimit-ip']);
  });
});

describe('user limits count the account, by token and AK/SK alike (User Guide §5.3.1)', () => {
  let gw: AuthGateway;
  beforeAll(async () => {
    gw = await authGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('a token and an AK/SK of one account share its user counter; the refused call takes nothing', async () => {
    // perUser: api-limit 10, user-limit 2 per minute. Start at the last millisecond of a minute.
    gw.clock.set(Date.parse('2026-01-01T00:01:00Z') - 1);
    const url = `${gw.url}/throttled-iam`;
    const token = () => call(url, { headers: { 'X-Auth-Token': 'token-alice-value', ...debug } });
    const aksk = () =>
      call(url, {
        headers: { ...signedHeaders(url, { key: 'AKALICE', secret: 'sk-alice-value' }, gw.clock.now()), ...debug },
      });
    expect((await token()).headers['x-apig-ratelimit-user']).toBe('remain:1,limit:2,time:1 minute');
    expect((await aksk()).headers['x-apig-ratelimit-user']).toBe('remain:0,limit:2,time:1 minute');
    const refused = await token();
    expect(refused.status).toBe(429);
    expect(refused.json()).toMatchObject({ error_code: 'APIG.0308' });
    // The refused call took nothing from the API counter either.
    expect(refused.headers['x-apig-ratelimit-api']).toBe('remain:8,limit:10,time:1 minute');
    // The first millisecond of the next minute is a new window.
    gw.clock.advance(1);
    const next = await aksk();
    expect(next.status).toBe(200);
    expect(next.headers['x-apig-ratelimit-user']).toBe('remain:1,limit:2,time:1 minute');
    expect(next.headers['x-apig-ratelimit-api']).toBe('remain:9,limit:10,time:1 minute');
    gw.clock.advance(MINUTE);
  });

  it('a special tenant replaces the user limit for its account only, even when higher', async () => {
    gw.clock.set(Date.parse('2026-01-01T00:10:00Z'));
    const as = (token: string) => call(`${gw.url}/throttled-iam`, { headers: { 'X-Auth-Token': token, ...debug } });
    // evil-id is a special tenant with 3 (the user limit is 2).
    const eve = [await as('token-eve-value'), await as('token-eve-value'), await as('token-eve-value')];
    expect(eve.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(eve[2]?.headers['x-apig-ratelimit-user']).toBe('remain:0,limit:3,time:1 minute');
    expect((await as('token-eve-value')).status).toBe(429);
    expect((await as('token-alice-value')).headers['x-apig-ratelimit-user']).toBe('remain:1,limit:2,time:1 minute');
  });

  it('an account PERMIT list reads the account of an AK/SK call as of a token', async () => {
    const url = `${gw.url}/acct`;
    const r = await call(url, {
      headers: signedHeaders(url, { key: 'AKALICE', secret: 'sk-alice-value' }, gw.clock.now()),
    });
    expect(r.status).toBe(200);
  });
});

describe('the client address (User Guide §5.4.1; Best Practices ch. 5)', () => {
  let gw: AuthGateway;
  beforeAll(async () => {
    gw = await authGateway({
      adjust: (ws) => {
        ws.instance.real_ip_from_xff = true;
      },
    });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('a trusted X-Forwarded-For entry written as IPv4-mapped IPv6 is its IPv4 address, for the ACL and the IP counter', async () => {
    // denyLocal lists 127.0.0.1 and 10.0.0.0/8.
    const from = (xff: string) => call(`${gw.url}/ip-acl`, { headers: { 'X-Forwarded-For': xff } });
    expect((await from('::ffff:127.0.0.1')).json()).toMatchObject({ error_code: 'APIG.0402' });
    expect((await from('::FFFF:7f00:1')).json()).toMatchObject({ error_code: 'APIG.0402' });
    expect((await from('::ffff:10.1.2.3')).status).toBe(403);
    expect((await from('::ffff:8.8.8.8')).status).toBe(200);
    // perIp: 2 per 10 s; three spellings of one address share one counter.
    const ip = (xff: string) => call(`${gw.url}/throttled-ip`, { headers: { 'X-Forwarded-For': xff } });
    expect([(await ip('203.0.113.9')).status, (await ip('::ffff:203.0.113.9')).status]).toEqual([200, 200]);
    expect((await ip('::ffff:cb00:7109')).status).toBe(429);
    expect((await ip('203.0.113.10')).status).toBe(200);
  });
});
