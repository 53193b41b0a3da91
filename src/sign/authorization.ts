/** The `Authorization` header of SDK-HMAC-SHA256 (signing.md §1). */

export const ALGORITHM = 'SDK-HMAC-SHA256';

/** signing.md §3 step 12: one space after the algorithm, `, ` between the parts. */
export function formatAuthorization(key: string, signedHeaders: string, signature: string): string {
  return `${ALGORITHM} Access=${key}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

export interface ParsedAuthorization {
  key: string;
  /**
   * Names as the client listed them, empty ones included (the verifier uses this list and order, signing.md §4
   * step 3: an empty name is a listed header that is absent, so the request fails instead of being verified
   * against a SignedHeaders line the client never wrote).
   */
  signedHeaders: string[];
  signature: string;
}

/** The regex Huawei's own verifiers use, anchored at the start like Python's `match()` (signing.md §1). */
const AUTH_PATTERN = /^SDK-HMAC-SHA256\s+Access=([^,]+),\s?SignedHeaders=([^,]+),\s?Signature=(\w+)/;

export function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const m = AUTH_PATTERN.exec(value.trim());
  if (!m) return undefined;
  return {
    key: m[1] ?? '',
    signedHeaders: (m[2] ?? '').split(';'),
    signature: m[3] ?? '',
  };
}
