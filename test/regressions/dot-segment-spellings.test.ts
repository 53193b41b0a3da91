/**
 * Regression (issue 12 follow-up, "Path traversal to the backend"): the dot-segment check read `%2E`, `%2F`,
 * `%5C` and `\` only, so other spellings of `..` that common backends resolve reached them: `..;` and
 * `..;jsessionid=1` (Tomcat and Jetty drop path parameters, the classic reverse-proxy bypass), `..%3B`, `..%00`
 * (C strings end there), overlong UTF-8 (`%C0%AE%C0%AE`, `..%C0%AF`, `..%C1%9C`), IIS's `%u002e`, and the
 * fullwidth and leader dots a backend folding compatibility characters (NFKC) reads as `.` (`%EF%BC%8E`,
 * `%E2%80%A5`). `/files/..;/admin/secret` on the no-auth prefix API went to the backend, which reads
 * `/admin/secret`, the path an APP-authenticated API guards; the same through `{p}`, `{p+}`, a query value mapped
 * into the backend path, an absolute-form target, HEAD, OPTIONS and a WebSocket upgrade request.
 * Right: each is a dot-segment in the reading the check makes, so 400 APIG.0201 and the backend is not called.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathsGateway, type PathsGateway } from '../e2e/serve-paths-kit.js';
import { raw, statusOf } from '../e2e/serve-helpers.js';

let t: PathsGateway;
beforeAll(async () => {
  t = await pathsGateway();
});
afterAll(async () => {
  await t.close();
});

const REFUSED = { error_code: 'APIG.0201', error_msg: 'API request error.' };

const SPELLINGS = [
  '..;',
  '..;jsessionid=1',
  '.;',
  '..%3B',
  '..%3bx',
  '..%00',
  '..%00.png',
  '%C0%AE%C0%AE',
  '%e0%80%ae%e0%80%ae',
  '%u002e%u002e',
  '%EF%BC%8E%EF%BC%8E',
  '%E2%80%A4%E2%80%A4',
  '%E2%80%A5',
];

describe('dot-segments spelt as backends read them', () => {
  it.each(SPELLINGS)('/files/%s/admin/secret is refused with 400 APIG.0201', async (dots) => {
    const r = await t.send(`/files/${dots}/admin/secret`);
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject(REFUSED);
    expect(r.backendUrl).toBeUndefined();
    expect(r.detail).toMatch(/dot-segment/);
  });

  it.each([
    '/files/..%C0%AFadmin',
    '/files/..%c1%9cadmin',
    '/files/..%c1%1cadmin',
    '/files/..%EF%BC%8Fadmin',
    '/files/..%EF%BC%BCadmin',
    '/greedy/..;/admin',
    '/greedy/x/..;/..;/admin',
    '/one/..;',
    '/one/%2e%2e;x',
    '/one/..%00',
    'http://localhost/files/..;/admin/secret',
  ])('%s is refused too (slash look-alikes, {p+}, {p}, absolute form)', async (target) => {
    const r = await t.send(target);
    expect(r.status).toBe(400);
    expect(r.backendUrl).toBeUndefined();
  });

  it.each(['HEAD', 'OPTIONS', 'POST', 'DELETE'])('and with %s', async (method) => {
    const r = await t.send('/files/..;/admin/secret', { method });
    expect(r.status).toBe(400);
    expect(r.backendUrl).toBeUndefined();
  });

  it('and in a WebSocket upgrade request', async () => {
    const before = t.echo.seen.length;
    const text = await raw(
      t.gw.port,
      'GET /files/..;/admin HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(statusOf(text)).toBe(400);
    expect(t.echo.seen.length).toBe(before);
  });
});

describe('values placed in the backend path', () => {
  it.each([
    ['/mapped?to=..;&deep=x', 'to'],
    ['/mapped?to=..%3B&deep=x', 'to'],
    ['/mapped?to=a&deep=..;/..;/admin', 'deep'],
    ['/mapped?to=a&deep=..%00/admin', 'deep'],
    ['/mapped?to=a&deep=%EF%BC%8E%EF%BC%8E/admin', 'deep'],
    ['/mapped?to=%C0%AE%C0%AE&deep=x', undefined],
  ])('%s answers the request-parameter error (or never forms a dot-segment)', async (target, name) => {
    const r = await t.send(target);
    if (name === undefined) {
      // Invalid UTF-8 in a query value is decoded to U+FFFD before it is encoded: no dot reaches the backend.
      expect(r.backendUrl).not.toMatch(/\/\.\.?(\/|$)|%2e|%c0%ae/i);
      return;
    }
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject(REFUSED);
    expect(r.backendUrl).toBeUndefined();
    expect(r.detail).toContain(`PATH ${name}`);
  });
});

describe('what still passes', () => {
  it('semicolons, NUL and non-ASCII that form no dot-segment, and a doubly encoded dot', async () => {
    expect((await t.send('/files/a;v=1/b')).backendUrl).toBe('/files/a;v=1/b');
    expect((await t.send('/files/x..;/b')).backendUrl).toBe('/files/x..;/b');
    expect((await t.send('/files/%00../b')).backendUrl).toBe('/files/%00../b');
    expect((await t.send('/files/caf%C3%A9')).backendUrl).toBe('/files/caf%C3%A9');
    expect((await t.send('/files/%252e%252e/x')).backendUrl).toBe('/files/%252e%252e/x');
  });
});
