/**
 * Regression (gateway property test review): a request signed over a header whose value is UTF-8 text
 * (`X-Name: 张三`) never verified, because Node hands header bytes over as Latin-1 while the client hashed
 * the UTF-8 text (signing.md §3 step 7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSent } from '../../src/gateway/auth/signed.js';
import { APP1, authGateway, signedHeaders, T0, type AuthGateway } from '../e2e/serve-auth-kit.js';
import { raw, statusOf } from '../e2e/serve-helpers.js';

describe('signed headers with UTF-8 values', () => {
  it('are read back as the text the client sent; other bytes stay as Node gave them', () => {
    const latin1 = Buffer.from('张三', 'utf8').toString('latin1');
    expect(asSent({ 'x-name': latin1, host: 'h' })).toEqual({ 'x-name': '张三', host: 'h' });
    const plain = { host: 'h' };
    expect(asSent(plain)).toBe(plain);
    expect(asSent({ 'x-bad': '\u00ff\u00fe' })).toEqual({ 'x-bad': '\u00ff\u00fe' });
  });

  describe('through apig serve', () => {
    let gw: AuthGateway;
    beforeAll(async () => {
      gw = await authGateway();
    });
    afterAll(async () => {
      await gw.close();
    });

    it('verify', async () => {
      const url = `${gw.url}/app`;
      const headers = signedHeaders(url, APP1, T0, { headers: { 'X-Name': '张三' } });
      const head = Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      const text = await raw(
        Number(new URL(gw.url).port),
        Buffer.from(`GET /app HTTP/1.1\r\n${head}Connection: close\r\n\r\n`, 'utf8'),
      );
      expect(statusOf(text), text).toBe(200);
    });
  });
});
