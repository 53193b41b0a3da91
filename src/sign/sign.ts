/** The client side of SDK-HMAC-SHA256, signing.md §3 steps 1–13. Pure: returns a trace, never prints. */
import { ApigError } from '../core/errors.js';
import { ALGORITHM, formatAuthorization } from './authorization.js';
import {
  canonicalHeaders,
  canonicalQuery,
  canonicalUri,
  joinCanonicalRequest,
  joinNames,
  sortSignedNames,
  stringToSign,
} from './canonical.js';
import { compareCodeUnits, sortSmall } from './percent.js';
import { hasLineBreak, isToken, looksLikeSdkDate, upperMethod } from './chars.js';
import { hmacSha256Hex, sha256Hex } from './digest.js';
import { HeaderBag, trimOws, type HeaderField, type HeaderInput } from './headers.js';
import { signsContentSha, UNSIGNED_PAYLOAD } from './payload.js';
import { parseRawUrl, type RawUrl } from './raw-url.js';
import { formatSdkDate } from './sdk-date.js';
import { requestTarget, wirePath } from './wire.js';

export { UNSIGNED_PAYLOAD };
export const CONTENT_SHA256_HEADER = 'X-Sdk-Content-Sha256';
export const DATE_HEADER = 'X-Sdk-Date';

export interface SignInput {
  method: string;
  /** Raw URL, used verbatim (not WHATWG-normalised). */
  url: string;
  /** Headers to send; all are signed unless `signedHeaders` is given. */
  headers?: HeaderInput;
  /** Headers to send but never sign. */
  unsignedHeaders?: HeaderInput;
  /** Exactly the names to sign (any case); each must be present after Host/X-Sdk-Date are added. */
  signedHeaders?: readonly string[];
  body?: string | Uint8Array;
  key: string;
  secret: string;
  /** X-Sdk-Date value, used when no X-Sdk-Date header was given. */
  date?: string;
  /** Clock used when neither an X-Sdk-Date header nor `date` is given. */
  now?: Date;
  /** Add and sign `Host` (default true; the Go core SDK signs no host, signing.md §3 step 2). */
  signHost?: boolean;
  /** Add and sign `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` (signing.md §3 step 8). */
  unsignedPayload?: boolean;
}

/** Every intermediate value of one signature. Contains no secret. */
export interface SignTrace {
  /** The AppKey / AK (not secret). */
  key: string;
  method: string;
  url: RawUrl;
  canonicalUri: string;
  canonicalQuery: string;
  canonicalHeaders: string;
  signedHeaders: string[];
  payloadHash: string;
  canonicalRequest: string;
  sdkDate: string;
  stringToSign: string;
  signature: string;
  authorization: string;
  /** Headers the signer added, in order: X-Sdk-Date, Host, X-Sdk-Content-Sha256, Authorization (when added). */
  added: Array<[string, string]>;
  /** Every header to send, in order (given headers first, then the added ones). */
  headers: Array<[string, string]>;
  /** Path and query to put on the wire (signing.md §3 step 13) and the request target they form. */
  wire: { path: string; query: string; target: string };
  /** Things that will likely make the gateway reject the request, in plain words. */
  warnings: string[];
}

function checkHeaders(fields: readonly HeaderField[]): void {
  for (const f of fields) {
    if (f.lower === 'authorization')
      throw new ApigError(
        'input',
        'the request already has an Authorization header; apig sign computes it, remove yours',
      );
    if (!isToken(f.name)) throw new ApigError('input', `invalid header name "${f.name}"`);
    if (hasLineBreak(f.value)) throw new ApigError('input', `header "${f.name}" has a line break or NUL in its value`);
  }
}

/** The default signed set: every given header plus the ones the signer added (§3 step 6), byte order. */
function chooseSignedNames(
  input: SignInput,
  given: string[],
  all: HeaderBag,
  addedSigned: readonly string[],
): string[] {
  if (input.signedHeaders === undefined) {
    for (const n of addedSigned) if (!given.includes(n)) given.push(n);
    return sortSmall(given, compareCodeUnits); // lower-case ASCII tokens: code-unit order is byte order
  }
  const names = sortSignedNames(input.signedHeaders);
  for (const n of names) {
    if (n === 'authorization')
      throw new ApigError('input', 'Authorization cannot be a signed header (docs/sign.md, The algorithm)');
    if (!all.has(n))
      throw new ApigError('input', `signed header "${n}" is not on the request; add it with -H "${n}: value"`);
  }
  if (names.length === 0)
    throw new ApigError('input', 'the signed header list is empty; x-sdk-date at least must be signed');
  return names;
}

function warningsFor(input: SignInput, names: readonly string[], sdkDate: string): string[] {
  const w: string[] = [];
  for (const n of names) {
    if (n.includes('_'))
      w.push(
        `signed header "${n}" has "_" in its name: nginx-style proxies drop such headers, ` +
          `and the latest core SDKs never sign them (docs/sign.md, The algorithm)`,
      );
  }
  if (!names.includes('x-sdk-date'))
    w.push('x-sdk-date is not signed: the gateway rejects such requests (API Signing Guide)');
  if (!looksLikeSdkDate(sdkDate))
    w.push(`X-Sdk-Date "${sdkDate}" is not YYYYMMDDTHHMMSSZ (UTC): the gateway will reject it`);
  if (trimOws(input.secret) !== input.secret)
    w.push(
      'the secret has leading or trailing whitespace, a common cause of signature mismatches (FAQ (2024) §4.7 step 3)',
    );
  return w;
}

/** A declared payload hash the gateway would refuse, or one it ignores (payload.ts). */
function payloadWarnings(input: SignInput, all: HeaderBag, declared: boolean, payloadHash: string): string[] {
  if (!declared) {
    return all.has('x-sdk-content-sha256')
      ? [
          'X-Sdk-Content-Sha256 is sent but not signed: the body is hashed instead, ' +
            'and apig serve ignores the header (add it to --signed-headers to declare the hash)',
        ]
      : [];
  }
  if (payloadHash === UNSIGNED_PAYLOAD || payloadHash === sha256Hex(input.body ?? '')) return [];
  return [
    `X-Sdk-Content-Sha256 "${payloadHash}" is not the SHA-256 of the body: apig serve refuses a body ` +
      `that does not match the hash it declares (send the bytes that were hashed, or UNSIGNED-PAYLOAD)`,
  ];
}

/**
 * Signs a request (signing.md §3). Throws ApigError('input') for an invalid URL, header or signed-header list.
 * Written as one straight pass with few allocations: it is the hot path of `bench/sign.bench.mjs`.
 */
export function signRequest(input: SignInput): SignTrace {
  const url = parseRawUrl(input.url);
  const all = new HeaderBag();
  if (input.headers) all.addAll(input.headers);
  const given = all.names();
  if (input.unsignedHeaders) all.addAll(input.unsignedHeaders);
  checkHeaders(all.fields());
  const added: Array<[string, string]> = [];
  const addedSigned: string[] = ['x-sdk-date'];
  // Steps 1 and 2: the date and the host, unless the caller gave them (any case).
  const date = input.date ?? formatSdkDate(input.now ?? new Date());
  if (all.addIfAbsent(DATE_HEADER, date)) added.push([DATE_HEADER, date]);
  if (input.signHost !== false) {
    addedSigned.push('host');
    if (all.addIfAbsent('Host', url.authority)) added.push(['Host', url.authority]);
  }
  if (input.unsignedPayload) {
    addedSigned.push('x-sdk-content-sha256');
    if (all.addIfAbsent(CONTENT_SHA256_HEADER, UNSIGNED_PAYLOAD)) added.push([CONTENT_SHA256_HEADER, UNSIGNED_PAYLOAD]);
  }
  const names = chooseSignedNames(input, given, all, addedSigned);
  const sdkDate = trimOws(all.get('x-sdk-date')?.value ?? '');
  // Step 8: a caller-supplied x-sdk-content-sha256 is used verbatim, whatever its case or content, when it is
  // signed; an unsigned one is ignored and the body hashed, as the strict verifier does (payload.ts).
  const contentSha = signsContentSha(names) ? all.get('x-sdk-content-sha256') : undefined;
  const payloadHash = contentSha ? trimOws(contentSha.value) : sha256Hex(input.body ?? '');
  const method = upperMethod(input.method);
  const uri = canonicalUri(url.rawPath);
  const query = canonicalQuery(url.rawQuery);
  const headerLines = canonicalHeaders(all, names);
  const signedHeaders = joinNames(names);
  const canonicalRequest = joinCanonicalRequest({
    method,
    uri,
    query,
    headers: headerLines,
    signedHeaders,
    payloadHash,
  });
  const sts = stringToSign(sdkDate, sha256Hex(canonicalRequest));
  const signature = hmacSha256Hex(input.secret, sts);
  const authorization = formatAuthorization(input.key, signedHeaders, signature);
  added.push(['Authorization', authorization]);
  const headers: Array<[string, string]> = [];
  for (const f of all.fields()) headers.push([f.name, trimOws(f.value)]);
  headers.push(['Authorization', authorization]);
  const path = wirePath(url.rawPath);
  return {
    key: input.key,
    method,
    url,
    canonicalUri: uri,
    canonicalQuery: query,
    canonicalHeaders: headerLines,
    signedHeaders: names,
    payloadHash,
    canonicalRequest,
    sdkDate,
    stringToSign: sts,
    signature,
    authorization,
    added,
    headers,
    wire: { path, query, target: requestTarget(path, query) },
    warnings: [
      ...warningsFor(input, names, sdkDate),
      ...payloadWarnings(input, all, contentSha !== undefined, payloadHash),
    ],
  };
}

export { ALGORITHM };
