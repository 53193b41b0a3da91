/**
 * Node's request/response objects in and out of the pipeline: reads the wire request, runs the stages, and
 * writes either the rendered gateway error or the backend's response (streamed). Emits one `request` event
 * per request when its response is done (only when someone listens: this is the hot path).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { CLOCK_PATH, handleClock } from './admin.js';
import { readBody } from './backends/body-limit.js';
import type { Dispatched } from './backends/result.js';
import { traceStep, type RequestContext, type WireRequest } from './context.js';
import { ERRORS, type ErrorId, type GatewayFailure } from './errors.js';
import type { RequestEvent } from './events.js';
import type { Gateway } from './gateway.js';
import { runPipeline } from './pipeline.js';
import { gatewayHeaders, reasonPhrase, responseHeaders } from './respond.js';
import { renderError } from './responses.js';
import type { StageOutcome } from './stage.js';
import { TRACE_HEADER, wantsTrace } from './trace.js';

export function wireRequest(req: IncomingMessage, scheme: 'http' | 'https'): WireRequest {
  return {
    method: req.method ?? 'GET', url: req.url ?? '/', httpVersion: req.httpVersion, rawHeaders: req.rawHeaders, headers: req.headers,
    scheme, sourceIp: req.socket.remoteAddress ?? '', localAddress: req.socket.localAddress ?? '',
  };
}

function hasBody(req: IncomingMessage): boolean {
  const cl = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (cl !== undefined && cl !== '0');
}

/** What one request carries through the adapter. */
interface Exchange {
  gw: Gateway;
  ctx: RequestContext;
  req: IncomingMessage;
  res: ServerResponse;
  body: boolean;
  event: RequestEvent | undefined;
}

export function requestEvent(gw: Gateway, ctx: RequestContext, status: number): RequestEvent {
  return {
    type: 'request', requestId: ctx.requestId, method: ctx.method, path: ctx.path, status, latencyMs: gw.clock.now() - ctx.receivedAt,
    ...(ctx.group ? { group: ctx.group.name } : {}), ...(ctx.env !== undefined ? { env: ctx.env } : {}),
    ...(ctx.hit ? { api: ctx.hit.api.api.name } : {}), ...(ctx.trace ? { trace: ctx.trace } : {}),
  };
}

export function handleHttp(gw: Gateway, req: IncomingMessage, res: ServerResponse, scheme: 'http' | 'https'): void {
  if (gw.virtualClock && req.url?.split('?')[0] === CLOCK_PATH) return handleClock(gw.virtualClock, req, res);
  const ctx = gw.begin(wireRequest(req, scheme), wantsTrace(req.headers[TRACE_HEADER]));
  const x: Exchange = { gw, ctx, req, res, body: hasBody(req), event: undefined };
  if (x.body) {
    // Read on demand (a signature over the body, an authorizer with need_body, backend signing); once read,
    // the backend gets the buffered bytes.
    let reading: Promise<Buffer> | undefined;
    const source: NonNullable<RequestContext['bodySource']> = {
      read: () => (reading ??= readBody(req, ctx.config.limits.bodyBytes).then((b) => (source.buffered = b))),
    };
    ctx.bodySource = source;
  }
  if (gw.reporting) {
    const event: RequestEvent = (x.event = { type: 'request', requestId: ctx.requestId, method: ctx.method, path: ctx.path, status: 0, latencyMs: 0 });
    res.once('close', () => gw.emit(Object.assign(requestEvent(gw, ctx, res.statusCode), event.errorCode !== undefined ? { errorCode: event.errorCode } : {}, event.detail !== undefined ? { detail: event.detail } : {}, event.upstream !== undefined ? { upstream: event.upstream } : {})));
  }
  try {
    const out = runPipeline(ctx);
    if (out instanceof Promise) out.then((o) => next(x, o), (err: unknown) => writeFailure(x, { id: 'INTERNAL', detail: String(err) }));
    else next(x, out);
  } catch (err) {
    writeFailure(x, { id: 'INTERNAL', detail: err instanceof Error ? err.message : String(err) });
  }
}

function next(x: Exchange, out: StageOutcome): void {
  if (out.kind === 'fail') return writeFailure(x, out.failure);
  const buffered = x.ctx.bodySource?.buffered;
  const sent = x.gw.dispatch(x.ctx, buffered ? Readable.from([buffered]) : x.body ? x.req : null);
  if (sent instanceof Promise) sent.then((d) => writeDispatched(x, d), (err: unknown) => writeFailure(x, { id: 'INTERNAL', detail: String(err) }));
  else writeDispatched(x, sent);
}

/** Refusals of the request itself end the connection. */
const CLOSING = new Set<ErrorId>(['REQUEST_INVALID', 'METHOD_UNSUPPORTED', 'ENTITY_TOO_LARGE', 'URI_TOO_LARGE', 'HEADERS_TOO_LARGE']);

function writeFailure(x: Exchange, f: GatewayFailure, upstreamMs?: number): void {
  const { gw, ctx, req, res } = x;
  if (x.event) {
    x.event.errorCode = ERRORS[f.id].code;
    if (f.detail !== undefined) x.event.detail = f.detail;
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const r = renderError(f, ctx);
  const headers = gatewayHeaders(ctx, gw.clock, upstreamMs);
  for (const [k, v] of r.headers) headers[k] = v;
  headers['content-length'] = String(Buffer.byteLength(r.body));
  // Like nginx's lingering close: read what the caller still sends, then close (no reuse after a refusal).
  if (CLOSING.has(f.id) || gw.closing) res.shouldKeepAlive = false;
  const reason = reasonPhrase(r.status);
  if (reason) res.writeHead(r.status, reason, headers);
  else res.writeHead(r.status, headers);
  res.end(ctx.method === 'HEAD' ? undefined : r.body);
  if (x.body && !ctx.bodySource?.buffered) req.resume();
}

function writeDispatched(x: Exchange, d: Dispatched): void {
  const { gw, ctx, req, res } = x;
  if (x.event && d.upstream !== undefined) x.event.upstream = d.upstream;
  if (!d.ok) {
    traceStep(ctx, 'backend', `failed: ${ERRORS[d.failure.id].code} ${ERRORS[d.failure.id].message}`, { why: d.failure.detail });
    return writeFailure(x, d.failure, d.upstreamMs);
  }
  if (ctx.trace) traceStep(ctx, 'backend', `answered ${d.status}`, { ...(d.upstream !== undefined ? { upstream: d.upstream } : { backend: 'MOCK' }) });
  const gateway = gatewayHeaders(ctx, gw.clock, d.upstreamMs, d.headers);
  // Shutting down: this response is the connection's last (the request was in flight when it began).
  if (gw.closing) res.shouldKeepAlive = false;
  if (typeof d.body === 'string' || Buffer.isBuffer(d.body)) {
    res.writeHead(d.status, responseHeaders(d.headers, gateway, ['content-length', String(Buffer.byteLength(d.body))]));
    res.end(ctx.method === 'HEAD' ? undefined : d.body);
    if (x.body) req.resume();
    return;
  }
  res.writeHead(d.status, responseHeaders(d.headers, gateway));
  const upstream = d.body;
  upstream.on('error', () => res.destroy());
  res.on('close', () => { if (!upstream.readableEnded) upstream.destroy(); });
  upstream.pipe(res);
}
