import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, refusal, uiAccess } from '../../../src/gateway/ui/access.js';

function req(from: string, headers: Record<string, string>, method = 'GET'): IncomingMessage {
  return { socket: { remoteAddress: from }, headers, method } as unknown as IncomingMessage;
}

describe('who may use the dashboard', () => {
  const local = uiAccess([]);
  if ('invalid' in local) throw new Error('unexpected');

  it('knows loopback addresses, IPv4-mapped ones included', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '192.0.2.2', ''].some(isLoopbackAddress)).toBe(false);
  });

  it('refuses other machines unless --ui-host lists them', () => {
    expect(refusal(req('203.0.113.9', { host: '203.0.113.1:8080' }), local)).toContain('is not loopback');
    const allowed = uiAccess(['203.0.113.0/24']);
    if ('invalid' in allowed) throw new Error('unexpected');
    expect(refusal(req('::ffff:203.0.113.9', { host: '203.0.113.1:8080' }), allowed)).toBeUndefined();
    expect(uiAccess(['example.com', '10.0.0.0/8'])).toEqual({ invalid: ['example.com'] });
  });

  it('answers Host localhost, *.localhost and IP addresses only', () => {
    for (const host of ['localhost:1', 'shop.localhost:1', '127.0.0.1:1', '[::1]:1'])
      expect(refusal(req('127.0.0.1', { host }), local)).toBeUndefined();
    expect(refusal(req('127.0.0.1', { host: 'rebound.example:1' }), local)).toContain('not for rebound.example');
  });

  it('takes actions as JSON from its own origin only', () => {
    const json = { host: '127.0.0.1:1', 'content-type': 'application/json' };
    expect(refusal(req('127.0.0.1', json, 'POST'), local)).toBeUndefined();
    expect(refusal(req('127.0.0.1', { ...json, origin: 'http://127.0.0.1:1' }, 'POST'), local)).toBeUndefined();
    expect(refusal(req('127.0.0.1', { ...json, origin: 'http://evil.example' }, 'POST'), local)).toContain('evil');
    expect(refusal(req('127.0.0.1', { host: '127.0.0.1:1', 'content-type': 'text/plain' }, 'POST'), local)).toContain(
      'JSON',
    );
  });
});
