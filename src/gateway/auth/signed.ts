/**
 * SDK-HMAC-SHA256 verification for APP signatures and IAM AK/SK (signing.md §4; ruling 6), shared by both:
 * reads the body whenever the verifier may hash it or compare it with a declared `x-sdk-content-sha256`
 * (every time, except a signed `UNSIGNED-PAYLOAD`: the signed-body rule of src/sign/payload.ts), verifies with
 * the request's arrival time as the server clock, and maps the outcome onto the error catalogue.
 */
import { timingSafeEqual } from 'node:crypto';
import { verifyNeedsBody, verifySignature, type AuthKind, type VerifyResult } from '../../sign/index.js';
import { isBodyTooLarge } from '../backends/body-limit.js';
import { sentAuthority, traceStep, type RequestContext } from '../request/context.js';
import { failure, type GatewayFailure } from '../response/errors.js';

function hasBody(ctx: RequestContext): boolean {
  const cl = ctx.headers['content-length'];
  return ctx.headers['transfer-encoding'] !== undefined || (cl !== undefined && cl !== '0');
}

const EMPTY = Buffer.alloc(0);

/**
 * The request body (buffered once; the backend then receives the same bytes), or the failure reading it.
 * Synchronous when there is none, so that a bodiless signed request never waits (the hot path of bench (d)).
 */
export function wholeBody(ctx: RequestContext): Buffer | Promise<Buffer | GatewayFailure> {
  if (!hasBody(ctx) || !ctx.bodySource) return EMPTY;
  return ctx.bodySource
    .read()
    .catch((err: unknown) =>
      isBodyTooLarge(err)
        ? failure('ENTITY_TOO_LARGE', 'the request body passed request_body_size')
        : failure('REQUEST_INVALID', `reading the body: ${String(err)}`),
    );
}

/**
 * The body for the verifier: the whole body, unless the client signed `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`
 * (no verifier variant reads it then). A bodiless request stays synchronous.
 */
export function bodyForSignature(ctx: RequestContext): Buffer | Promise<Buffer | GatewayFailure> {
  return hasBody(ctx) && verifyNeedsBody(ctx.headers) ? wholeBody(ctx) : EMPTY;
}

export type Verified = VerifyResult | GatewayFailure;

type HeaderRecord = RequestContext['headers'];

/**
 * Node gives header bytes as Latin-1 text; a client signs the text it sent, UTF-8 encoded (signing.md §3
 * step 7). Values holding bytes above 0x7F that form valid UTF-8 are read back as that text, so that a
 * correctly signed `X-Name: 张三` verifies; anything else is left as Node gave it.
 */
export function asSent(headers: HeaderRecord): HeaderRecord {
  let out: HeaderRecord | undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string' || !/[\u0080-\u00ff]/.test(value)) continue;
    const bytes = Buffer.from(value, 'latin1');
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) continue;
    out ??= { ...headers };
    out[name] = text;
  }
  return out ?? headers;
}

/**
 * The headers as the verifier reads them: as sent (asSent), except that an absolute-form target's authority is
 * the `host` (RFC 9112 §3.2.2: it replaces the Host header, and it is what picked the group). Otherwise a request
 * signed for one domain could be sent to another group as `GET http://other.example.com/x` with the signed
 * Host left as it was.
 */
function effectiveHeaders(ctx: RequestContext): HeaderRecord {
  const headers = asSent(ctx.headers);
  const authority = ctx.authority !== undefined ? sentAuthority(ctx.url) : undefined;
  return authority === undefined ? headers : { ...headers, host: authority };
}

export function verify(
  ctx: RequestContext,
  kind: AuthKind,
  lookup: (key: string) => string | undefined,
): Verified | Promise<Verified> {
  const body = bodyForSignature(ctx);
  return body instanceof Promise ? body.then((b) => check(ctx, kind, lookup, b)) : check(ctx, kind, lookup, body);
}

function check(
  ctx: RequestContext,
  kind: AuthKind,
  lookup: (key: string) => string | undefined,
  body: Buffer | GatewayFailure,
): Verified {
  if (!Buffer.isBuffer(body)) return body;
  const result = verifySignature(
    { method: ctx.method, rawPath: ctx.path, rawQuery: ctx.query, headers: effectiveHeaders(ctx), body },
    lookup,
    new Date(ctx.receivedAt),
    { auth: kind, lenient: ctx.config.lenientSignatures },
  );
  if (!result.ok) {
    // The reason and the variant hint go to the trace; the canonical request is already in the message.
    traceStep(
      ctx,
      'authentication',
      `${kind === 'app' ? 'APP signature' : 'AK/SK signature'} refused: ${result.reason}`,
      {
        ...(result.key !== undefined ? { key: result.key } : {}),
        ...(result.wouldMatch !== undefined
          ? {
              hint:
                `the ${result.wouldMatch} client variant matches: ` +
                `--lenient-signatures accepts it (docs/sign.md, Lenient verification)`,
            }
          : {}),
        ...(result.bodyHash
          ? {
              body:
                `X-Sdk-Content-Sha256 declares ${result.bodyHash.declared}; ` +
                `the body received hashes to ${result.bodyHash.received}`,
            }
          : {}),
      },
    );
  }
  return result;
}

/** Applies `f` now, or when the promise settles (not named `then`: a module exporting `then` is a thenable). */
export function andThen<T, U>(v: T | Promise<T>, f: (x: T) => U): U | Promise<U> {
  return v instanceof Promise ? v.then(f) : f(v);
}

/** Constant-time comparison of two secrets (the lengths may leak; the values do not). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function isFailure(v: unknown): v is GatewayFailure {
  return typeof v === 'object' && v !== null && 'id' in v && !('ok' in v);
}
