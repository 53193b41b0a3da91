/**
 * Regression (issue 12 follow-up, "Path traversal to the backend"): a `#` in the request target was taken as part
 * of the path. `/files/..#x` is no dot-segment to the gateway's check, but a backend that parses the target as a
 * URL drops `#x` as a fragment and resolves `/files/..`; `/files/%2e%2e#/admin` likewise. The target went to
 * the backend as sent.
 * Right: a fragment is no part of a request target (RFC 9112 §3.2) and servers read it differently, so a target
 * holding `#` is refused, 400 APIG.0201, before routing; the backend is not called.
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

describe('a "#" in the request target', () => {
  it.each(['/files/..#x', '/files/%2e%2e#/admin', '/files/x?q=#', '/who#', 'http://localhost/files/..#x'])(
    '%s is refused with 400 APIG.0201',
    async (target) => {
      const r = await t.send(target);
      expect(r.status).toBe(400);
      expect(r.json()).toMatchObject({ error_code: 'APIG.0201', error_msg: 'API request error.' });
      expect(r.backendUrl).toBeUndefined();
      expect(r.detail).toMatch(/fragment/);
    },
  );

  it('an encoded %23 is data, as before', async () => {
    expect((await t.send('/files/a%23b?q=%23')).backendUrl).toBe('/files/a%23b?q=%23');
  });
});
