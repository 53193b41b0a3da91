import { createHmac, createSecretKey, hash, timingSafeEqual, type KeyObject } from 'node:crypto';

/** SHA-256 of the empty body (signing.md §3 step 8; the documents print it with an `f` missing). */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Lower-case hex SHA-256; strings are hashed as UTF-8. */
export function sha256Hex(data: string | Uint8Array): string {
  if (data.length === 0) return EMPTY_BODY_SHA256;
  return hash('sha256', data, 'hex');
}

/** The key object of the last secret used: signing many requests with one credential skips the key import. */
let lastKey: { secret: string; key: KeyObject } | undefined;

/** signing.md §3 step 11: HMAC keyed with the secret's UTF-8 bytes as-is (no derivation, no base64 decoding). */
export function hmacSha256Hex(secret: string, message: string): string {
  if (lastKey?.secret !== secret) lastKey = { secret, key: createSecretKey(Buffer.from(secret, 'utf8')) };
  return createHmac('sha256', lastKey.key).update(message).digest('hex');
}

/** Constant-time equality of two hex signatures (signing.md §4 step 6); case-insensitive. */
export function signaturesEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'latin1');
  const b = Buffer.from(received.toLowerCase(), 'latin1');
  // Unequal lengths leak only the length, which is public (64 hex chars).
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
