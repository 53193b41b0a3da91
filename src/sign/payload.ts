/**
 * The last line of the canonical request, the payload hash, and the signed-body rule (docs/serve.md "Signed
 * bodies"). signing.md §3 step 8 lets a client put a value of its own in `X-Sdk-Content-Sha256` instead of the
 * body's hash; whether the gateway checks such a value is open (signing.md §4 step 5, §9). We take the strict
 * side, as S3 does with `x-amz-content-sha256`:
 * - the header counts only when SignedHeaders lists it; otherwise the body is hashed;
 * - a signed value other than `UNSIGNED-PAYLOAD` must be the lower-case hex SHA-256 of the body received,
 *   else the request fails like any other signature mismatch;
 * - a signed `UNSIGNED-PAYLOAD` leaves the body uncovered: the client opted out and signed that fact.
 * The `unsigned-content-sha256` client variant (lenient mode only) takes an unsigned header too; the declared
 * value is then still in the signed canonical request, and the same comparison with the body applies.
 */
import { sha256Hex } from './digest.js';
import { HeaderBag, trimOws, type HeaderInput } from './headers.js';
import { parseAuthorization } from './authorization.js';
import { variantHashesBody, type ClientVariant } from './variants.js';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const CONTENT_SHA = 'x-sdk-content-sha256';

/** Whether SignedHeaders lists `x-sdk-content-sha256` (any case: the verifier reads names case-insensitively). */
export function signsContentSha(signedNames: readonly string[]): boolean {
  for (const n of signedNames) if (n.length === CONTENT_SHA.length && n.toLowerCase() === CONTENT_SHA) return true;
  return false;
}

export interface Payload {
  /** The canonical request's last line. */
  line: string;
  /** True when the line is the client's `X-Sdk-Content-Sha256` value rather than a hash the verifier computed. */
  declared: boolean;
}

/** The payload line a verifier rebuilds for `variant` (strict: the header only when it is signed). */
export function receivedPayload(
  method: string,
  body: Uint8Array,
  bag: HeaderBag,
  signedNames: readonly string[],
  variant: Pick<ClientVariant, 'hashBodyForAllMethods' | 'payloadFromUnsignedHeader'>,
): Payload {
  const field = bag.get(CONTENT_SHA);
  if (field && (variant.payloadFromUnsignedHeader || signsContentSha(signedNames)))
    return { line: trimOws(field.value), declared: true };
  return { line: sha256Hex(variantHashesBody(variant, method) ? body : ''), declared: false };
}

/**
 * The body's own hash when `payload` declares a hash the body does not have, else undefined. Exact
 * comparison: the payload hash is lower-case hex (signing.md §3 step 8), and `UNSIGNED-PAYLOAD` is the only
 * opt-out (another spelling is a hash that cannot match).
 */
export function contradictedBy(payload: Payload, body: Uint8Array): string | undefined {
  if (!payload.declared || payload.line === UNSIGNED_PAYLOAD) return undefined;
  const actual = sha256Hex(body);
  return actual === payload.line ? undefined : actual;
}

/** The canonical request with its payload line replaced (what the verifier saw when it hashed the body). */
export function withPayloadLine(canonicalRequest: string, line: string): string {
  return canonicalRequest.slice(0, canonicalRequest.lastIndexOf('\n') + 1) + line;
}

/**
 * Whether verifying the request may need its body: always, except when the client signed
 * `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` (then no verifier variant hashes or compares the body, and a large
 * upload can stream to the backend unread).
 */
export function verifyNeedsBody(headers: HeaderInput): boolean {
  const bag = HeaderBag.from(headers);
  const declared = bag.get(CONTENT_SHA);
  if (!declared || trimOws(declared.value) !== UNSIGNED_PAYLOAD) return true;
  const auth = bag.get('authorization');
  const parsed = auth ? parseAuthorization(auth.value) : undefined;
  return !parsed || !signsContentSha(parsed.signedHeaders);
}
