/**
 * Response headers the gateway adds (ruling 5; errors-and-limits.md §3): `X-Request-Id` and
 * `Server: api-gateway` on every response, errors included; with the request header `X-Apig-Mode: debug`,
 * `X-Apig-Latency`, (not for Mock) `X-Apig-Upstream-Latency`, in whole milliseconds, and the throttling
 * stage's `X-Apig-RateLimit-*`; the CORS headers the backend did not set (stages/cors.ts); the trace when asked.
 * Hop-by-hop headers of the backend's response are not passed on.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { ResponseHeaders } from './backends/result.js';
import type { Clock } from './clock.js';
import { headerValue, type RequestContext } from './context.js';
import { corsHeaders } from './stages/cors.js';
import { TRACE_HEADER, traceHeaderValue, wantsTrace } from './trace.js';

const NOT_RETURNED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'server', 'x-request-id']);

export function isDebug(ctx: RequestContext): boolean {
  const mode = headerValue(ctx.headers, 'x-apig-mode');
  return mode !== undefined && mode.trim().toLowerCase() === 'debug';
}

/** `from`: the backend's response headers (CORS headers it sets win), absent for gateway errors. */
export function gatewayHeaders(ctx: RequestContext, clock: Clock, upstreamMs: number | undefined, from?: ResponseHeaders): OutgoingHttpHeaders {
  const h: OutgoingHttpHeaders = { 'x-request-id': ctx.requestId, server: 'api-gateway' };
  if (isDebug(ctx)) {
    h['x-apig-latency'] = String(Math.round(clock.now() - ctx.receivedAt));
    if (upstreamMs !== undefined) h['x-apig-upstream-latency'] = String(Math.round(upstreamMs));
    if (ctx.rateLimits) for (const [k, v] of ctx.rateLimits) h[k] = v;
  }
  if (ctx.cors !== undefined) for (const [k, v] of corsHeaders(ctx, from)) h[k] = v;
  if (ctx.trace && wantsTrace(ctx.headers[TRACE_HEADER])) h[TRACE_HEADER] = traceHeaderValue(ctx.trace);
  return h;
}

/** The backend's headers (end-to-end ones) then the gateway's, as flat name/value pairs for writeHead. */
export function responseHeaders(from: ResponseHeaders, gateway: OutgoingHttpHeaders, extra?: [string, string]): string[] {
  const out: string[] = [];
  for (const k in from) {
    const v = from[k];
    if (v === undefined || NOT_RETURNED.has(k) || gateway[k] !== undefined || k === extra?.[0]) continue;
    if (Array.isArray(v)) for (const one of v) out.push(k, one);
    else out.push(k, v);
  }
  for (const k in gateway) {
    const v = gateway[k];
    if (v !== undefined) out.push(k, String(v));
  }
  if (extra) out.push(extra[0], extra[1]);
  return out;
}

/** The same, as an object (raw answers written on a socket). */
export function backendHeaders(from: ResponseHeaders, gateway: OutgoingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(from)) if (v !== undefined && !NOT_RETURNED.has(k)) out[k] = v;
  return Object.assign(out, gateway);
}

/** 494 has no standard reason phrase; nginx's. */
export function reasonPhrase(status: number): string | undefined {
  return status === 494 ? 'Request Header Or Cookie Too Large' : undefined;
}
