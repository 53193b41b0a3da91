/**
 * Regression (apig issue 12, "Path traversal to the backend"): dot-segments reached the backend. `/files/../admin`
 * on the no-auth prefix API `/files` went out as `/files/../admin`, which backends resolve to `/admin`, the path
 * an APP-authenticated API guards; `%2e%2e` segments, `%2F..%2F` inside a `{p+}` or `{p}` value and `..` in a
 * query value mapped into the backend path did the same. Now a request path with a `.` or `..` segment, written
 * plainly or percent-encoded, with `/`, `\`, `%2F` or `%5C` between segments, is refused with 400 APIG.0201
 * "API request error." before routing, and a value placed in the backend path that would form one answers the
 * request-parameter error naming the parameter: the backend never gets a path that climbs out of the API's
 * backend path. An encoded slash that would lead to another API if read as a slash is refused too, and one in a
 * `{p+}` value stays encoded, so the backend gets the segments the gateway routed on.
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

const REFUSED = { error_code: 'APIG.0201', error_msg: 'API request error.' };

describe('a request path with dot-segments', () => {
  it.each([
    '/files/../admin/secret',
    '/files/%2e%2e/admin/secret',
    '/files/.%2E/admin',
    '/files/%2E./admin',
    '/files/./x',
    '/files/x/..',
    '/files/a%2F..%2F..%2Fadmin',
    '/files/a%2f%2e%2e%2fadmin',
    '/files/..%5Cadmin',
    '/files/..\\admin',
    '/greedy/a%2F..%2F..%2Fadmin',
    '/greedy/..%2fadmin',
    '/greedy/x/../../admin',
    '/one/%2e%2e',
    '/one/..%2Fadmin',
    '/../admin',
  ])('%s is refused with 400 APIG.0201 and never reaches the backend', async (target) => {
    const r = await t.send(target);
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject(REFUSED);
    expect(r.backendUrl).toBeUndefined();
    expect(r.detail).toMatch(/dot-segment/);
  });

  it('even when the target is absolute-form (its path is read as sent, not resolved)', async () => {
    const r = await t.send('http://localhost/files/../admin/secret');
    expect(r.status).toBe(400);
    expect(r.backendUrl).toBeUndefined();
  });
});

describe('values placed in the backend path', () => {
  it.each([
    ['/mapped?to=..&deep=x', 'to'],
    ['/mapped?to=.&deep=x', 'to'],
    ['/mapped?to=..%2F..%2Fadmin&deep=x', 'to'],
    ['/mapped?to=a&deep=x/../../../admin', 'deep'],
    ['/mapped?to=a&deep=..%5Cadmin', 'deep'],
  ])('%s answers the request-parameter error naming %s', async (target, name) => {
    const r = await t.send(target);
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject(REFUSED);
    expect(r.backendUrl).toBeUndefined();
    expect(r.detail).toContain(`PATH ${name}`);
  });
});

describe('what still passes', () => {
  it('ordinary paths, and dots inside segments', async () => {
    expect((await t.send('/files/a/b?x=1')).backendUrl).toBe('/files/a/b?x=1');
    expect((await t.send('/files/a..b/...c/.x/x.')).backendUrl).toBe('/files/a..b/...c/.x/x.');
    expect((await t.send('/files/%252e%252e/x')).backendUrl).toBe('/files/%252e%252e/x');
  });

  it('an encoded slash is data: it stays in its segment, for {p}, {p+}, the prefix remainder and mapped values', async () => {
    expect((await t.send('/one/a%2Fb')).backendUrl).toBe('/files/a%2Fb');
    expect((await t.send('/greedy/x/y%2Fz')).backendUrl).toBe('/files/x/y%2Fz');
    expect((await t.send('/files/public%2Fkey')).backendUrl).toBe('/files/public%2Fkey');
    expect((await t.send('/mapped?to=a%2Fb&deep=c/d')).backendUrl).toBe('/files/a%2Fb/c/d');
  });

  it('the protected APIs still guard their paths', async () => {
    expect((await t.send('/admin/secret')).status).toBe(401);
    expect((await t.send('/files/private/key')).status).toBe(401);
  });
});

describe('an encoded slash that would lead to another API', () => {
  it('is refused: a backend that decodes %2F would read a path the protected API guards', async () => {
    for (const target of [
      '/files/private%2Fkey',
      '/files/private%2fkey',
      '/files/private%5Ckey',
      '/files/private\\key',
    ]) {
      const r = await t.send(target);
      expect(r.status, target).toBe(400);
      expect(r.json()).toMatchObject(REFUSED);
      expect(r.backendUrl).toBeUndefined();
      expect(r.detail).toContain('privateFiles');
    }
  });
});
