import { hash } from 'node:crypto';

/** SHA-256 of the empty body (signing.md §3 step 8; the documents print it with an `f` missing). */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Lower-case hex SHA-256; strings are hashed as UTF-8. */
export function sha256Hex(data: string | Uint8Array): string {
  if (data.length === 0) return EMPTY_BODY_SHA256;
  return hash('sha256', data, 'hex');
}

const BLOCK = 64;

/**
 * The HMAC key blocks of the last secret used (RFC 2104): the key padded to a block and XORed with ipad, then
 * with opad, each followed by room for what is hashed after it. Signing or verifying many requests with one
 * credential prepares them once.
 */
let lastKey: { secret: string; inner: Buffer; outer: Buffer } | undefined;

function keyBlocks(secret: string): { inner: Buffer; outer: Buffer } {
  if (lastKey?.secret === secret) return lastKey;
  const utf8 = Buffer.from(secret, 'utf8');
  // A key longer than a block is hashed first (RFC 2104 §2).
  const key: Uint8Array = utf8.length > BLOCK ? hash('sha256', utf8, 'buffer') : utf8;
  const inner = Buffer.alloc(BLOCK + 256);
  const outer = Buffer.alloc(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    inner[i] = (key[i] ?? 0) ^ 0x36;
    outer[i] = (key[i] ?? 0) ^ 0x5c;
  }
  lastKey = { secret, inner, outer };
  return lastKey;
}

/**
 * signing.md §3 step 11: HMAC-SHA256 keyed with the secret's UTF-8 bytes as-is (no derivation, no base64
 * decoding), the message as UTF-8. Computed as its definition, H(K ⊕ opad ‖ H(K ⊕ ipad ‖ m)), with two one-shot
 * hashes: a crypto Hmac object costs several times as much to set up per message (bench/serve (d)).
 */
export function hmacSha256Hex(secret: string, message: string): string {
  const blocks = keyBlocks(secret);
  const length = BLOCK + Buffer.byteLength(message, 'utf8');
  if (length > blocks.inner.length) {
    const grown = Buffer.alloc(Math.max(length, blocks.inner.length * 2));
    blocks.inner.copy(grown, 0, 0, BLOCK);
    blocks.inner = grown;
  }
  blocks.inner.write(message, BLOCK, 'utf8');
  hash('sha256', blocks.inner.subarray(0, length), 'buffer').copy(blocks.outer, BLOCK);
  return hash('sha256', blocks.outer, 'hex');
}

/**
 * Constant-time equality of two hex signatures (signing.md §4 step 6); case-insensitive: every character is
 * compared (an ASCII upper-case letter folded to lower case), whatever differs first.
 */
export function signaturesEqual(expected: string, received: string): boolean {
  // Unequal lengths leak only the length, which is public (64 hex chars).
  if (expected.length !== received.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= fold(expected.charCodeAt(i)) ^ fold(received.charCodeAt(i));
  return diff === 0;
}

/** A-Z to a-z; every other code unit as it is. */
function fold(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}
