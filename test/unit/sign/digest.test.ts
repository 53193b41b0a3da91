/**
 * The digest helpers on the verifier's hot path, held to their references: HMAC-SHA256 (computed from two
 * one-shot hashes, the key blocks of the last secret kept) equals node:crypto's Hmac for any secret and
 * message, whatever the order of secrets; the signature comparison is case-insensitive and exact; X-Sdk-Date
 * parsing (digit by digit) accepts and refuses what the pattern and a calendar round trip do.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex, signaturesEqual } from '../../../src/sign/digest.js';
import { formatSdkDate, parseSdkDate, SDK_DATE_PATTERN } from '../../../src/sign/sdk-date.js';

describe('hmacSha256Hex', () => {
  it('equals createHmac with the secret as UTF-8, whatever the order of secrets', () => {
    const secrets = ['s1', 'другой', '', 's1', 'e954368d3b495a86cc7e0042e1645c4bc', '\ud800lone', 's1'];
    for (const [i, secret] of secrets.entries()) {
      const message = `message ${i}`;
      expect(hmacSha256Hex(secret, message), JSON.stringify(secret)).toBe(
        createHmac('sha256', secret).update(message).digest('hex'),
      );
    }
  });

  it('equals createHmac for keys longer than a block and messages of any length and script', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 2000 }),
        (s, m) => {
          expect(hmacSha256Hex(s, m)).toBe(createHmac('sha256', s).update(m).digest('hex'));
        },
      ),
      { numRuns: 300 },
    );
    const long = 'k'.repeat(65);
    expect(hmacSha256Hex(long, 'x')).toBe(createHmac('sha256', long).update('x').digest('hex'));
  });
});

describe('signaturesEqual', () => {
  const sig = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
  it('is case-insensitive and exact', () => {
    expect(signaturesEqual(sig, sig.toUpperCase())).toBe(true);
    expect(signaturesEqual(sig, `${sig.slice(0, -1)}0`)).toBe(false);
    expect(signaturesEqual(sig, sig.slice(1))).toBe(false);
    expect(signaturesEqual(sig, `b${sig.slice(1)}`)).toBe(false);
    expect(signaturesEqual('', '')).toBe(true);
  });
});

/** What parseSdkDate did before it read digits itself: the pattern, then a round trip through formatSdkDate. */
function reference(value: string): number | undefined {
  const m = SDK_DATE_PATTERN.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return formatSdkDate(date) === value ? date.getTime() : undefined;
}

describe('parseSdkDate', () => {
  it('agrees with the pattern and a calendar round trip', () => {
    const digit = fc.constantFrom(...'0123456789');
    const dateLike = fc
      .tuple(fc.array(digit, { minLength: 8, maxLength: 8 }), fc.array(digit, { minLength: 6, maxLength: 6 }))
      .map(([a, b]) => `${a.join('')}T${b.join('')}Z`);
    const near = fc
      .date({ min: new Date(Date.UTC(100, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
      .map(formatSdkDate);
    fc.assert(
      fc.property(fc.oneof(dateLike, near, fc.string({ maxLength: 20 })), (v) => {
        expect(parseSdkDate(v)?.getTime()).toBe(reference(v));
      }),
      { numRuns: 3000 },
    );
    for (const v of [
      '20240229T000000Z',
      '20230229T000000Z',
      '00991231T235959Z',
      '01000101T000000Z',
      '20240101T240000Z',
    ])
      expect(parseSdkDate(v)?.getTime(), v).toBe(reference(v));
  });
});
