/**
 * Regression (issue 12 follow-up, "Path traversal to the backend"): a path that leads to another API when a
 * backend reads `%2F`, `%5C` or `\` as `/` was refused, but other readings of the same kind were not. With a
 * public prefix API `/files` and an APP-authenticated `/files/private` on the same backend,
 * `/files//private/key` (servers merge `//`), `/files/private;x/key` and `/files/private%3Bx/key` (path
 * parameters dropped), `/files/private%00/key`, and fullwidth or overlong slashes went through the public API to
 * the backend path the protected API guards.
 * Right: the check routes the path as the liberal reading sees it (request-path.ts); when that reaches another
 * API, 400 APIG.0201 naming it, and the backend is not called.
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

describe('a path that another reading leads to the protected API', () => {
  it.each([
    '/files//private/key',
    '/files///private//key',
    '/files/private;x/key',
    '/files/private;/key',
    '/files/private%3Bx/key',
    '/files/private%00/key',
    '/files/private%EF%BC%8Fkey',
    '/files/private%C0%AFkey',
    '/files/%EF%BD%90rivate/key',
    'http://localhost/files//private/key',
  ])('%s is refused with 400 APIG.0201 naming privateFiles', async (target) => {
    const r = await t.send(target);
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0201' });
    expect(r.backendUrl).toBeUndefined();
    expect(r.detail).toContain('privateFiles');
  });

  it('the protected API itself still answers 401 without credentials', async () => {
    expect((await t.send('/files/private/key')).status).toBe(401);
  });
});

describe('what still passes', () => {
  it('readings that stay on the same API', async () => {
    expect((await t.send('/files/public;v=1/key')).backendUrl).toBe('/files/public;v=1/key');
    expect((await t.send('/files//public/key')).backendUrl).toBe('/files//public/key');
    expect((await t.send('/files/privateer/key')).backendUrl).toBe('/files/privateer/key');
  });
});
