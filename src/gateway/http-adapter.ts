/**
 * Node's request/response objects in and out of the pipeline: reads the wire request, runs the stages, and
 * writes either the rendered gateway error or the backend's response (streamed). Emits one `request` event
 * per request when its response is done.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import type { Dispatched } from './backends/result.js';
import { traceStep, type RequestContext, type WireRequest } from './context.js';
import { ERRORS, type ErrorId, type GatewayFailure } from './errors.js';
import type { RequestEvent } from './events.js';
import type { Gateway } from './gateway.js';
import { runPipeline } from './pipeline.js';
import { backendHeaders, gatewayHeaders, reasonPhrase } from './respond.js';
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

export function handleHttp(gw: Gateway, req: IncomingMessage, res: ServerResponse, scheme: 'http' | 'https'): void {
  const ctx = gw.begin(wireRequest(req, scheme), wantsTrace(req.headers[TRACE_HEADER]));
  const event: RequestEvent = { type: 'request', requestId: ctx.requestId, method: ctx.method, path: ctx.path, status: 0, latencyMs: 0 };
  res.once('close', () => {
    Object.assign(event, {
      status: res.statusCode, latencyMs: gw.clock.now() - ctx.receivedAt,
      ...(ctx.group ? { group: ctx.group.name } : {}), ...(ctx.env !== undefined ? { env: ctx.env } : {}),
      ...(ctx.hit ? { api: ctx.hit.api.api.name } : {}), ...(ctx.trace ? { trace: ctx.trace } : {}),
    });
    gw.emit(event);
  });
  const next = (out: StageOutcome): void => {
    if (out.kind === 'fail') return writeFailure(gw, ctx, req, res, out.failure, event);
    const sent = gw.dispatch(ctx, hasBody(req) ? req : null);
    if (sent instanceof Promise) sent.then((d) => writeDispatched(gw, ctx, req, res, d, event), (err: unknown) => writeFailure(gw, ctx, req, res, { id: 'INTERNAL', detail: String(err) }, event));
    else writeDispatched(gw, ctx, req, res, sent, event);
  };
  try {
    const out = runPipeline(ctx);
    if (out instanceof Promise) out.then(next, (err: unknown) => writeFailure(gw, ctx, req, res, { id: 'INTERNAL', detail: String(err) }, event));
    else next(out);
  } catch (err) {
    writeFailure(gw, ctx, req, res, { id: 'INTERNAL', detail: err instanceof Error ? err.message : String(err) }, event);
  }
}

/** Refusals of the request itself end the connection. */
const CLOSING = new Set<ErrorId>(['REQUEST_INVALID', 'METHOD_UNSUPPORTED', 'ENTITY_TOO_LARGE', 'URI_TOO_LARGE', 'HEADERS_TOO_LARGE']);

function writeFailure(gw: Gateway, ctx: RequestContext, req: IncomingMessage, res: ServerResponse, f: GatewayFailure, event: RequestEvent, upstreamMs?: number): void {
  event.errorCode = ERRORS[f.id].code;
  if (f.detail !== undefined) event.detail = f.detail;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const r = renderError(f, ctx);
  const headers = gatewayHeaders(ctx, gw.clock.now(), upstreamMs);
  for (const [k, v] of r.headers) headers[k] = v;
  headers['content-length'] = String(Buffer.byteLength(r.body));
  // Like nginx's lingering close: read what the caller still sends, then close (no reuse after a refusal).
  if (CLOSING.has(f.id) || gw.closing) res.shouldKeepAlive = false;
  const reason = reasonPhrase(r.status);
  if (reason) res.writeHead(r.status, reason, headers);
  else res.writeHead(r.status, headers);
  res.end(ctx.method === 'HEAD' ? undefined : r.body);
  req.resume();
}

function writeDispatched(gw: Gateway, ctx: RequestContext, req: IncomingMessage, res: ServerResponse, d: Dispatched, event: RequestEvent): void {
  if (d.upstream !== undefined) event.upstream = d.upstream;
  if (!d.ok) {
    traceStep(ctx, 'backend', `failed: ${ERRORS[d.failure.id].code} ${ERRORS[d.failure.id].message}`, { why: d.failure.detail });
    return writeFailure(gw, ctx, req, res, d.failure, event, d.upstreamMs);
  }
  if (ctx.trace) traceStep(ctx, 'backend', `answered ${d.status}`, { ...(d.upstream !== undefined ? { upstream: d.upstream } : { backend: 'MOCK' }) });
  const headers = backendHeaders(d.headers, gatewayHeaders(ctx, gw.clock.now(), d.upstreamMs));
  // Shutting down: this response is the connection's last (the request was in flight when it began).
  if (gw.closing) res.shouldKeepAlive = false;
  if (typeof d.body === 'string' || Buffer.isBuffer(d.body)) {
    headers['content-length'] = String(Buffer.byteLength(d.body));
    res.writeHead(d.status, headers);
    res.end(ctx.method === 'HEAD' ? undefined : d.body);
    req.resume();
    return;
  }
  res.writeHead(d.status, headers);
  pipeline(d.body, res, () => undefined);
}
