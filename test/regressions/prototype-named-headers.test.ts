/**
 * Regression (test/property/gateway.property.test.ts, random seed): request headers named like members of
 * Object.prototype reached the backend wrong. forwardedHeaders collected them in a plain object, so
 * `Constructor: x` went out as `constructor: function Object() { [native code] }, x`, and `__proto__: y` was
 * dropped while it replaced the object's prototype with an array (a later `Length: 7` then went out as
 * `length: 2, 7`). Every header the caller sends passes through as sent (002 §8.4.2 "透传").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardedHeaders } from '../../src/gateway/request/stages/backend-request.js';
import { authGateway, type AuthGateway } from '../e2e/serve-auth-kit.js';
import { raw, statusOf } from '../e2e/serve-helpers.js';

describe('headers named like Object.prototype members', () => {
  it('are collected as sent', () => {
    const h = forwardedHeaders([
      'Host',
      'h',
      'Constructor',
      'x',
      '__proto__',
      'y',
      'Length',
      '7',
      'toString',
      't',
      'constructor',
      'x2',
    ]);
    expect(Object.entries(h)).toEqual([
      ['constructor', ['x', 'x2']],
      ['__proto__', 'y'],
      ['length', '7'],
      ['tostring', 't'],
    ]);
  });

  describe('through apig serve to an HTTP backend', () => {
    let gw: AuthGateway;
    beforeAll(async () => {
      gw = await authGateway();
    });
    afterAll(async () => {
      await gw.close();
    });

    it('reach the backend with the values sent', async () => {
      const port = Number(new URL(gw.url).port);
      const text = await raw(
        port,
        'GET /none HTTP/1.1\r\nHost: localhost\r\nConstructor: x\r\n__proto__: y\r\nLength: 7\r\nConnection: close\r\n\r\n',
      );
      expect(statusOf(text)).toBe(200);
      const seen = gw.echo.seen.at(-1)?.headers ?? {};
      // (Node's own parser, in the echo backend, drops a `__proto__` header; `length` shows whether it did harm.)
      expect(seen.constructor).toBe('x');
      expect(seen.length).toBe('7');
    });
  });
});
