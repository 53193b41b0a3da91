/**
 * Response headers the gateway adds (ruling 5; errors-and-limits.md §3): `X-Request-Id` and
 * `Server: api-gateway` on every response, errors included; with the request header `X-Apig-Mode: debug`,
 * `X-Apig-Latency`, (not for Mock) `X-Apig-Upstream-Latency`, in whole milliseconds, and the throttling
 * stage's `X-Apig-RateLimit-*`; the CORS headers the backend did not set (the cors stage decides which kind);
 * the trace when asked. Hop-by-hop headers of the backend's response are not passed on.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { ResponseHeaders } from '../backends/result.js';
import type { Clock } from '../clock.js';
import { headerValue, type RequestContext } from '../request/context.js';
import { TRACE_HEADER, traceHeaderValue, wantsTrace } from '../request/trace.js';
import { rateLimitHeaders } from '../throttle/rate-limit-headers.js';

const NOT_RETURNED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
  'server',
  'x-request-id',
]);
/** A 101 passes `Connection` and `Upgrade` on: they are the switch itself. */
const NOT_RETURNED_ON_SWITCH = new Set([...NOT_RETURNED].filter((k) => k !== 'connection' && k !== 'upgrade'));

/** The documented preflight answer (002 §5.2.2 example; errors-and-limits.md §3), verbatim values. */
export const PREFLIGHT_HEADERS: ReadonlyArray<[string, string]> = [
  ['access-control-allow-origin', '*'],
  [
    'access-control-allow-headers',
    'X-Stage,X-Sdk-Date,X-Sdk-Nonce,X-Proxy-Signed-Headers,X-Sdk-Content-Sha256,X-Forwarded-For,' +
      'Authorization,Content-Type,Accept,Accept-Ranges,Cache-Control,Range',
  ],
  [
    'access-control-expose-headers',
    'X-Request-Id,X-Apig-Latency,X-Apig-Upstream-Latency,' +
      'X-Apig-RateLimit-Api,X-Apig-RateLimit-User,X-Apig-RateLimit-App,X-Apig-RateLimit-Ip,X-Apig-RateLimit-Api-Allenv',
  ],
  ['access-control-allow-methods', 'GET,POST,PUT,DELETE,HEAD,OPTIONS,PATCH'],
  ['access-control-max-age', '172800'],
];
const SIMPLE_HEADERS: ReadonlyArray<[string, string]> = [['access-control-allow-origin', '*']];

/** The CORS headers the response gets: those the backend did not set (any case; Node lower-cases names). */
export function corsHeaders(ctx: RequestContext, from: ResponseHeaders | undefined): Array<[string, string]> {
  if (ctx.cors === undefined) return [];
  const wanted = ctx.cors === 'preflight' ? PREFLIGHT_HEADERS : SIMPLE_HEADERS;
  return from ? wanted.filter(([k]) => from[k] === undefined) : [...wanted];
}

export function isDebug(ctx: RequestContext): boolean {
  const mode = headerValue(ctx.headers, 'x-apig-mode');
  return mode !== undefined && mode.trim().toLowerCase() === 'debug';
}

/** `from`: the backend's response headers (CORS headers it sets win), absent for gateway errors. */
export function gatewayHeaders(
  ctx: RequestContext,
  clock: Clock,
  upstreamMs: number | undefined,
  from?: ResponseHeaders,
): OutgoingHttpHeaders {
  const h: OutgoingHttpHeaders = { 'x-request-id': ctx.requestId, server: 'api-gateway' };
  if (isDebug(ctx)) {
    h['x-apig-latency'] = String(Math.round(clock.now() - ctx.receivedAt));
    if (upstreamMs !== undefined) h['x-apig-upstream-latency'] = String(Math.round(upstreamMs));
    if (ctx.rateLimits) for (const [k, v] of rateLimitHeaders(ctx.rateLimits)) h[k] = v;
  }
  if (ctx.cors !== undefined) for (const [k, v] of corsHeaders(ctx, from)) h[k] = v;
  if (ctx.trace && wantsTrace(ctx.headers[TRACE_HEADER])) h[TRACE_HEADER] = traceHeaderValue(ctx.trace);
  return h;
}

/**
 * The backend's headers (end-to-end ones; on a 101 also the switch's) then the gateway's, as flat name/value
 * pairs for writeHead. `extra` (the content length) replaces the backend's header of that name.
 */
export function responseHeaders(
  from: ResponseHeaders,
  gateway: OutgoingHttpHeaders,
  extra?: [string, string],
  switching = false,
): string[] {
  const dropped = switching ? NOT_RETURNED_ON_SWITCH : NOT_RETURNED;
  const out: string[] = [];
  for (const k in from) {
    const v = from[k];
    if (v === undefined || dropped.has(k) || gateway[k] !== undefined || k === extra?.[0]) continue;
    if (Array.isArray(v)) for (const one of v) out.push(k, one);
    else out.push(k, v);
  }
  flatten(gateway, out);
  if (extra) out.push(extra[0], extra[1]);
  return out;
}

/** Appends an object's headers to a flat name/value list. */
export function flatten(headers: OutgoingHttpHeaders, out: string[] = []): string[] {
  for (const k in headers) {
    const v = headers[k];
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const one of v) out.push(k, one);
    else out.push(k, String(v));
  }
  return out;
}

/** 494 has no standard reason phrase; nginx's. */
export function reasonPhrase(status: number): string | undefined {
  return status === 494 ? 'Request Header Or Cookie Too Large' : undefined;
}
