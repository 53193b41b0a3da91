/** One scenario per routing rule (ruling 3), group selection and environments, against a real server on port 0. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startGateway, type InProcess } from './serve-helpers.js';

describe('apig serve: routing (fixtures/serve/routing.yaml)', () => {
  let gw: InProcess;
  beforeAll(async () => {
    gw = await startGateway('fixtures/serve/routing.yaml');
  });
  afterAll(async () => {
    await gw.close();
  });

  const api = async (method: string, path: string): Promise<string> => {
    const r = await call(gw.url + path, { method });
    return r.status === 200 ? String(r.json().api) : `${r.status} ${String(r.json().error_code)}`;
  };

  it.each([
    ['exact beats every prefix (the documented example)', 'GET', '/a/b/c', 'abcExact'],
    ['the longer prefix wins', 'GET', '/a/b/x', 'abPrefix'],
    ['the shorter prefix has the lowest priority', 'GET', '/a/x', 'aPrefix'],
    ['a prefix matches its own path', 'GET', '/a', 'aPrefix'],
    ['a static segment beats {param}', 'GET', '/users/me', 'usersMe'],
    ['{param} takes any other segment', 'GET', '/users/42', 'userById'],
    ['{param} beats a trailing {param+}', 'GET', '/files/readme', 'fileByName'],
    ['{param+} takes several segments', 'GET', '/files/docs/2024/readme.md', 'filesGreedy'],
    ['the trailing slash is significant (without)', 'GET', '/test', 'testNoSlash'],
    ['the trailing slash is significant (with)', 'GET', '/test/', 'testSlash'],
    ['a specific method beats ANY', 'GET', '/methods', 'methodsGet'],
    ['ANY answers the other methods', 'DELETE', '/methods', 'methodsAny'],
    ['a method only another path has: that path answers', 'POST', '/users/me', 'userUpdate'],
    ['prefixes match whole segments', 'GET', '/seg/AA/CC', 'segmentPrefix'],
  ])('%s: %s %s → %s', async (_rule, method, path, expected) => {
    expect(await api(method, path)).toBe(expected);
  });

  it.each([
    ['paths are case-sensitive', 'GET', '/case'],
    ['a prefix never matches part of a segment', 'GET', '/seg/AACC'],
    ['{param+} needs at least one non-empty segment', 'GET', '/files/'],
    ['nothing matches', 'GET', '/nowhere'],
  ])('%s: %s %s → 404 APIG.0101', async (_rule, method, path) => {
    const r = await call(gw.url + path, { method });
    expect(r.status).toBe(404);
    expect(r.json()).toEqual({
      error_code: 'APIG.0101',
      error_msg: 'The API does not exist or has not been published in the environment.',
      request_id: r.headers['x-request-id'],
    });
  });

  it('a path that exists for another method only: 404 "The API does not exist."', async () => {
    const r = await call(`${gw.url}/post-only`);
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0101', error_msg: 'The API does not exist.' });
  });

  it('the trace explains the winner and names the routes it outranked', async () => {
    const r = await call(`${gw.url}/a/b/c`, { headers: { 'X-Apig-Emulator-Trace': '1' } });
    const trace = JSON.parse(String(r.headers['x-apig-emulator-trace'])) as Array<{
      stage: string;
      decision: string;
      detail?: Record<string, unknown>;
    }>;
    expect(trace.map((t) => t.stage)).toEqual([
      'restrictions',
      'group',
      'environment',
      'route',
      'protocol',
      'cors',
      'ip-acl',
      'authentication',
      'app-authorization',
      'account-acl',
      'throttling',
      'params',
      'backend-policy',
      'backend-authorizer',
      'backend-request',
      'backend',
    ]);
    const route = trace.find((t) => t.stage === 'route');
    expect(route?.decision).toBe('abcExact: GET /a/b/c');
    expect(route?.detail?.outranked).toEqual(['GET /a/b (prefix)', 'GET /a (prefix)']);
  });
});

describe('apig serve: groups and environments (fixtures/serve/groups)', () => {
  let gw: InProcess;
  beforeAll(async () => {
    gw = await startGateway('fixtures/serve/groups');
  });
  afterAll(async () => {
    await gw.close();
  });

  it('the Host header picks the group that binds the domain', async () => {
    const r = await call(`${gw.url}/shop/items`, { headers: { Host: 'shop.example.com' } });
    expect(r.json()).toEqual({ group: 'shop', api: 'shopItems' });
  });

  it('another Host reaches the DEFAULT group', async () => {
    expect((await call(`${gw.url}/ping`)).json()).toEqual({ group: 'DEFAULT', api: 'ping' });
    const r = await call(`${gw.url}/shop/items`);
    expect(r.status).toBe(404);
  });

  it('an API published to DEV only is reachable with X-Stage: DEV, not in RELEASE', async () => {
    const headers = { Host: 'shop.example.com' };
    const release = await call(`${gw.url}/shop/draft?q=1`, { headers });
    expect(release.status).toBe(410); // the group's NOT_FOUND gateway response
    const dev = await call(`${gw.url}/shop/draft?q=1`, { headers: { ...headers, 'X-Stage': 'DEV' } });
    expect(dev.json()).toEqual({ group: 'shop', api: 'shopDraft' });
  });

  it('an unknown X-Stage answers APIG.0101', async () => {
    const r = await call(`${gw.url}/ping`, { headers: { 'X-Stage': 'NOPE' } });
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0101' });
  });
});
