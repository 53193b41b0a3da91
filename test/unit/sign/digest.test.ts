/** The HMAC helper keeps the last secret's key object: switching secrets must never reuse the wrong key. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex } from '../../../src/sign/digest.js';

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
});
