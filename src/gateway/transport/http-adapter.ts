/**
 * Node's request/response objects in and out of the pipeline: reads the wire request, runs the stages, and
 * writes either the rendered gateway error or the backend's response (streamed). Emits one `request` event
 * per request when its response is done (only when someone listens: this is the hot path).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { CLOCK_PATH, handleClock } from './admin.js';
import { isBodyTooLarge, readBody } from './backends/body-limit.js';
import { classifyUpstreamError } from './backends/http.js';
import type { Dispatched } from './backends/result.js';
import { traceStep, type RequestContext, type WireRequest } from './context.js';
import { ERRORS, failure, type ErrorId, type GatewayFailure } from './errors.js';
import type { RequestEvent } from './events.js';
import type { Gateway } from './gateway.js';
import { endAfterRequest } from './linger.js';
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
  /** Whether reading the body (for a signature, an authorizer, a backend) found it over `request_body_size`. */
  bodyTooLarge: boolean;
  /** When the answer was written (the connection may linger after it: linger.ts). */
  answeredAt: number | undefined;
  /** What the log line says beyond the response object: the error, the upstream, a response cut short. */
  event: RequestEvent | undefined;
}

export function requestEvent(gw: Gateway, ctx: RequestContext, status: number, at = gw.clock.now()): RequestEvent {
  return {
    type: 'request', requestId: ctx.requestId, method: ctx.method, path: ctx.path, status, latencyMs: at - ctx.receivedAt,
    ...(ctx.group ? { group: ctx.group.name } : {}), ...(ctx.env !== undefined ? { env: ctx.env } : {}),
    ...(ctx.hit ? { api: ctx.hit.api.api.name } : {}), ...(ctx.trace ? { trace: ctx.trace } : {}),
  };
}

export function handleHttp(gw: Gateway, req: IncomingMessage, res: ServerResponse, scheme: 'http' | 'https'): void {
  if (gw.virtualClock && req.url?.split('?')[0] === CLOCK_PATH) return handleClock(gw.virtualClock, req, res);
  const ctx = gw.begin(wireRequest(req, scheme), wantsTrace(req.headers[TRACE_HEADER]));
  const x: Exchange = { gw, ctx, req, res, body: hasBody(req), bodyTooLarge: false, answeredAt: undefined, event: undefined };
  if (x.body) {
    // Read on demand (a signature over the body, an authorizer with need_body, backend signing); once read,
    // the backend gets the buffered bytes.
    let reading: Promise<Buffer> | undefined;
    const source: NonNullable<RequestContext['bodySource']> = {
      read: () => (reading ??= readBody(req, ctx.config.limits.bodyBytes).then((b) => (source.buffered = b), (err: unknown) => {
        if (isBodyTooLarge(err)) x.bodyTooLarge = true;
        throw err;
      })),
    };
    ctx.bodySource = source;
  }
  if (gw.reporting) {
    const event: RequestEvent = (x.event = { type: 'request', requestId: ctx.requestId, method: ctx.method, path: ctx.path, status: 0, latencyMs: 0 });
    res.once('close', () => gw.emit(Object.assign(
      requestEvent(gw, ctx, event.status || res.statusCode, x.answeredAt),
      event.errorCode !== undefined ? { errorCode: event.errorCode } : {}, event.detail !== undefined ? { detail: event.detail } : {},
      event.upstream !== undefined ? { upstream: event.upstream } : {}, event.sentStatus !== undefined ? { sentStatus: event.sentStatus } : {},
    )));
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
  // A stage that read the body and went on past its refusal: what is left of the stream is not the body.
  if (x.bodyTooLarge) return writeFailure(x, failure('ENTITY_TOO_LARGE', 'the request body passed request_body_size'));
  const buffered = x.ctx.bodySource?.buffered;
  const sent = x.gw.dispatch(x.ctx, buffered ? Readable.from([buffered]) : x.body ? x.req : null);
  if (sent instanceof Promise) sent.then((d) => writeDispatched(x, d), (err: unknown) => writeFailure(x, { id: 'INTERNAL', detail: String(err) }));
  else writeDispatched(x, sent);
}

/** Refusals of the request itself end the connection. */
const CLOSING = new Set<ErrorId>(['REQUEST_INVALID', 'METHOD_UNSUPPORTED', 'ENTITY_TOO_LARGE', 'URI_TOO_LARGE', 'HEADERS_TOO_LARGE']);

function writeFailure(x: Exchange, given: GatewayFailure, upstreamMs?: number): void {
  const { gw, ctx, req, res } = x;
  // A body over the limit is a 413 whatever the stage that read it made of that (an authorizer's error, say).
  const f = x.bodyTooLarge && given.id !== 'ENTITY_TOO_LARGE' ? failure('ENTITY_TOO_LARGE', given.detail) : given;
  if (x.event) {
    x.event.errorCode = ERRORS[f.id].code;
    if (f.detail !== undefined) x.event.detail = f.detail;
  }
  const r = renderError(f, ctx);
  // Too late to answer: the response has begun, or the client is gone (or its request broke the framing and
  // the server answered on the socket). The log says the failure, not the status the response object holds.
  const socket = req.socket as IncomingMessage['socket'] | null;
  if (res.headersSent || !socket || socket.destroyed || socket.writableEnded) {
    if (x.event) x.event.status = r.status;
    res.destroy();
    return;
  }
  const headers = gatewayHeaders(ctx, gw.clock, upstreamMs);
  for (const [k, v] of r.headers) headers[k] = v;
  headers['content-length'] = String(Buffer.byteLength(r.body));
  const closing = CLOSING.has(f.id) || gw.closing;
  if (closing) res.shouldKeepAlive = false;
  const reason = reasonPhrase(r.status);
  if (reason) res.writeHead(r.status, reason, headers);
  else res.writeHead(r.status, headers);
  const body = ctx.method === 'HEAD' ? undefined : r.body;
  // No reuse after a refusal; like nginx's lingering close, what the caller still sends is read first (linger.ts).
  if (closing && x.body) {
    x.answeredAt = gw.clock.now();
    return endAfterRequest(req, res, body);
  }
  res.end(body);
  if (x.body && !ctx.bodySource?.buffered) req.resume();
}

/**
 * The backend's response broke off after its status line had gone out (a reset, a stall past the timeout):
 * the client can only see its stream cut; the log says the failure, with the status already sent.
 */
function cutShort(x: Exchange, err: unknown, upstream: string | undefined): void {
  const f = classifyUpstreamError(err, upstream ?? 'the backend');
  const detail = `the response broke off after its ${x.res.statusCode} status line was sent: ${f.detail ?? ERRORS[f.id].message}`;
  traceStep(x.ctx, 'backend', `cut short: ${ERRORS[f.id].code} ${ERRORS[f.id].message}`, { why: detail });
  if (!x.event) return;
  Object.assign(x.event, { status: ERRORS[f.id].status, sentStatus: x.res.statusCode, errorCode: ERRORS[f.id].code, detail });
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
  let clientGone = false;
  upstream.on('error', (err) => {
    if (!clientGone) cutShort(x, err, d.upstream);
    res.destroy();
  });
  res.on('close', () => {
    clientGone = true;
    if (!upstream.readableEnded) upstream.destroy();
  });
  upstream.pipe(res);
}
