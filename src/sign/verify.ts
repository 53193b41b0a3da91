/** The gateway side of SDK-HMAC-SHA256 (signing.md §4), for the emulator. Pure: the clock and secrets are injected. */
import { parseAuthorization } from './authorization.js';
import { canonicalHeaders, canonicalQuery, canonicalUri, joinCanonicalRequest, stringToSign } from './canonical.js';
import { hmacSha256Hex, sha256Hex, signaturesEqual } from './digest.js';
import { acceptedBefore, rememberAccepted, type Accepted, type Repeat } from './verified-memo.js';
import {
  AUTH_ERROR_CODE,
  failureDetail,
  failureMessage,
  type AuthErrorCode,
  type AuthKind,
  type FailureFacts,
  type VerifyFailure,
} from './gateway-messages.js';
import { HeaderBag, trimOws, type HeaderInput } from './headers.js';
import { contradictedBy, receivedPayload, withPayloadLine, type Payload } from './payload.js';
import { formatSdkDate, parseSdkDate } from './sdk-date.js';
import {
  CLIENT_VARIANTS,
  STRICT_VARIANT,
  variantMethod,
  type ClientVariant,
  type ClientVariantId,
  type StrictVariant,
} from './variants.js';

/** A request as the server received it. `rawPath`/`rawQuery` come from the request target, not a normalised URL. */
export interface ReceivedRequest {
  method: string;
  rawPath: string;
  /** After the first `?`, without it; '' when absent. */
  rawQuery: string;
  /** Node's `IncomingMessage.headers` fits (names any case; arrays are comma-joined). */
  headers: HeaderInput;
  body: Uint8Array;
}

export interface VerifyOptions {
  /** `app` answers APIG.0303 texts, `iam` APIG.0301 texts (default `app`). */
  auth?: AuthKind;
  /** After a strict mismatch, accept the client variants of signing.md §4.8 and report which matched. */
  lenient?: boolean;
  /** Allowed clock skew either way; default 15 minutes, exactly 15:00 is accepted (signing.md §4 step 4). */
  maxSkewMs?: number;
}

export type VerifyResult =
  | {
      ok: true;
      key: string;
      /** Set only when a lenient client variant matched instead of the strict algorithm. */
      variant?: ClientVariantId;
      signedHeaders: string[];
      /** The canonical request that matched. */
      canonicalRequest: string;
    }
  | {
      ok: false;
      status: 401;
      code: AuthErrorCode;
      reason: VerifyFailure;
      /** The gateway's detail text, e.g. `verify signature fail, canonicalRequest:GET|/v1/|...`. */
      detail: string;
      /** The full `error_msg`: `Incorrect app authentication information: <detail>`. */
      message: string;
      key?: string;
      /** The strict canonical request the gateway rebuilt (signature mismatches only). */
      canonicalRequest?: string;
      /** In strict mode, a client variant whose canonicalisation would have matched: a hint for warnings. */
      wouldMatch?: ClientVariantId;
      /** The signature covered an `X-Sdk-Content-Sha256` hash that the body received does not have (payload.ts). */
      bodyHash?: { declared: string; received: string };
    };

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Splits a request target (`req.url` in Node) into raw path and raw query without normalising either. */
export function splitRequestTarget(target: string): { rawPath: string; rawQuery: string } {
  const hash = target.indexOf('#');
  const t = hash < 0 ? target : target.slice(0, hash);
  const q = t.indexOf('?');
  return q < 0 ? { rawPath: t, rawQuery: '' } : { rawPath: t.slice(0, q), rawQuery: t.slice(q + 1) };
}

/** signing.md §4 step 5: rebuild the canonical request from the received request, the way `variant` would. */
export function receivedCanonicalRequest(
  req: ReceivedRequest,
  bag: HeaderBag,
  signedNames: readonly string[],
  variant: ClientVariant | StrictVariant = STRICT_VARIANT,
): string {
  return rebuild(req, bag, signedNames, variant).canonicalRequest;
}

interface Rebuilt {
  canonicalRequest: string;
  payload: Payload;
}

function rebuild(
  req: ReceivedRequest,
  bag: HeaderBag,
  signedNames: readonly string[],
  variant: ClientVariant | StrictVariant,
): Rebuilt {
  const payload = receivedPayload(req.method, req.body, bag, signedNames, variant);
  const canonicalRequest = joinCanonicalRequest({
    method: variantMethod(variant, req.method),
    uri: canonicalUri(req.rawPath, variant.canonical.pathDecode),
    query: canonicalQuery(req.rawQuery, variant.canonical),
    headers: canonicalHeaders(bag, signedNames, variant.canonical),
    signedHeaders: signedNames.join(';'),
    payloadHash: payload.line,
  });
  return { canonicalRequest, payload };
}

function signatureOf(cr: string, sdkDate: string, secret: string): string {
  return hmacSha256Hex(secret, stringToSign(sdkDate, sha256Hex(cr)));
}

/**
 * Verifies an SDK-HMAC-SHA256 request as the gateway does (signing.md §4): parse Authorization, look up the
 * key, require a signed `x-sdk-date` within ±15 minutes of `now`, require every signed header, rebuild the
 * canonical request and compare signatures in constant time, then hold a declared body hash to the body
 * (payload.ts). Failures carry the gateway's exact texts.
 *
 * @param lookupSecret the secret for an AppKey / AK, or undefined when unknown (→ `app not found, appkey …`).
 * @param now the server clock (injected, so tests and `--clock` are deterministic).
 */
export function verifySignature(
  req: ReceivedRequest,
  lookupSecret: (key: string) => string | undefined,
  now: Date,
  options: VerifyOptions = {},
): VerifyResult {
  const kind = options.auth ?? 'app';
  const fail = (
    reason: VerifyFailure,
    facts: FailureFacts = {},
    extra: { wouldMatch?: ClientVariantId; bodyHash?: { declared: string; received: string } } = {},
  ): VerifyResult => {
    const detail = failureDetail(reason, kind, facts);
    return {
      ok: false,
      status: 401,
      code: AUTH_ERROR_CODE[kind],
      reason,
      detail,
      message: failureMessage(kind, detail),
      ...(facts.key !== undefined ? { key: facts.key } : {}),
      ...(facts.canonicalRequest !== undefined ? { canonicalRequest: facts.canonicalRequest } : {}),
      ...extra,
    };
  };
  const bag = HeaderBag.from(req.headers);
  const authValue = bag.get('authorization')?.value;
  if (authValue === undefined) return fail('missing-authorization');
  const maxSkewMs = options.maxSkewMs ?? FIFTEEN_MINUTES;
  const repeat: Repeat = {
    authorization: authValue,
    method: req.method,
    rawPath: req.rawPath,
    rawQuery: req.rawQuery,
    bodyLength: req.body.length,
    bag,
  };
  const before = acceptedBefore(repeat, lookupSecret, (at) => Math.abs(now.getTime() - at) <= maxSkewMs);
  if (before) return before;
  const auth = parseAuthorization(authValue);
  if (!auth) return fail('malformed-authorization');
  const secret = lookupSecret(auth.key);
  if (secret === undefined) return fail('unknown-key', { key: auth.key });
  const names = auth.signedHeaders;
  if (!names.some((n) => n.toLowerCase() === 'x-sdk-date')) return fail('date-not-signed', { key: auth.key });
  const dateField = bag.get('x-sdk-date');
  if (!dateField) return fail('missing-date', { key: auth.key });
  const sdkDate = trimOws(dateField.value);
  const signedAt = parseSdkDate(sdkDate);
  if (!signedAt) return fail('invalid-date', { key: auth.key, dateValue: sdkDate });
  if (Math.abs(now.getTime() - signedAt.getTime()) > maxSkewMs) {
    return fail('expired', { key: auth.key, signatureTime: sdkDate, serverTime: formatSdkDate(now) });
  }
  const absent = names.find((n) => !bag.has(n.toLowerCase()));
  if (absent !== undefined) return fail('signed-header-missing', { key: auth.key, header: absent });

  const strict = rebuild(req, bag, names, STRICT_VARIANT);
  const signs = (cr: string): boolean => signaturesEqual(signatureOf(cr, sdkDate, secret), auth.signature);
  // The signed-body rule (payload.ts): a signature over a declared hash the body does not have fails like any
  // other mismatch, with the canonical request the gateway gets when it hashes the body it received.
  const bodyDiffers = (payload: Payload): VerifyResult | undefined => {
    const received = contradictedBy(payload, req.body);
    if (received === undefined) return undefined;
    const canonicalRequest = withPayloadLine(strict.canonicalRequest, received);
    return fail(
      'signature-mismatch',
      { key: auth.key, canonicalRequest },
      { bodyHash: { declared: payload.line, received } },
    );
  };
  if (signs(strict.canonicalRequest)) {
    const refused = bodyDiffers(strict.payload);
    if (refused) return refused;
    const accepted: Accepted = Object.freeze({
      ok: true as const,
      key: auth.key,
      signedHeaders: Object.freeze(names) as string[],
      canonicalRequest: strict.canonicalRequest,
    });
    rememberAccepted(repeat, secret, signedAt.getTime(), accepted);
    return accepted;
  }
  for (const variant of CLIENT_VARIANTS) {
    const v = rebuild(req, bag, names, variant);
    if (v.canonicalRequest === strict.canonicalRequest || !signs(v.canonicalRequest)) continue;
    const refused = bodyDiffers(v.payload);
    if (refused) return refused;
    if (options.lenient)
      return {
        ok: true,
        key: auth.key,
        variant: variant.id,
        signedHeaders: names,
        canonicalRequest: v.canonicalRequest,
      };
    return fail(
      'signature-mismatch',
      { key: auth.key, canonicalRequest: strict.canonicalRequest },
      { wouldMatch: variant.id },
    );
  }
  return fail('signature-mismatch', { key: auth.key, canonicalRequest: strict.canonicalRequest });
}
