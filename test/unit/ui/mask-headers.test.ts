import { describe, expect, it } from 'vitest';
import { maskQuery } from '../../../src/core/mask.js';
import { maskedPairs, maskedRaw, maskHeaderValue } from '../../../src/gateway/ui/mask-headers.js';

describe('credentials as the dashboard shows them', () => {
  it('masks credential headers, keeping what identifies the caller', () => {
    expect(maskHeaderValue('Authorization', 'Basic Z3ctdXNlcjpzZWNyZXQ=')).toBe('Basic Z3c***');
    expect(
      maskHeaderValue(
        'authorization',
        'SDK-HMAC-SHA256 Access=key1, SignedHeaders=host;x-sdk-date, Signature=abcdef0123',
      ),
    ).toBe('SDK-HMAC-SHA256 Access=key1, SignedHeaders=host;x-sdk-date, Signature=abc***');
    expect(maskHeaderValue('X-Apig-AppCode', 'appcode-value-123')).toBe('app***');
    expect(maskHeaderValue('x-auth-token', 'short')).toBe('***');
    expect(maskHeaderValue('content-type', 'application/json')).toBe('application/json');
  });

  it('masks in header maps and raw header lists', () => {
    expect(maskedPairs({ 'x-hw-appkey': 'secret-value', accept: ['a', 'b'], gone: undefined })).toEqual([
      ['x-hw-appkey', 'sec***'],
      ['accept', 'a'],
      ['accept', 'b'],
    ]);
    expect(maskedRaw(['Cookie', 'session=abcdefgh', 'Host', 'x'])).toEqual([
      ['Cookie', 'ses***'],
      ['Host', 'x'],
    ]);
  });

  it('masks query parameters named like a credential', () => {
    expect(maskQuery('id=7&appcode=abcdefghij&access_token=zzzzzzzzzz&q')).toBe(
      'id=7&appcode=abc***&access_token=zzz***&q',
    );
    expect(maskQuery('')).toBe('');
  });
});
