/**
 * Answers written straight onto a socket, where Node has no response object: requests its HTTP parser
 * refused, CONNECT, and answers to WebSocket upgrades that are not passed through. Same gateway error
 * bodies and headers as everywhere else (rulings 1, 5).
 */
import { STATUS_CODES, type OutgoingHttpHeaders } from 'node:http';
import type { RequestContext, WireRequest } from './context.js';
import { ERRORS, failure, type ErrorId, type GatewayFailure } from './errors.js';
import type { RequestEvent } from './events.js';
import type { Gateway } from './gateway.js';
import { gatewayHeaders, reasonPhrase } from './respond.js';
import { renderError } from './responses.js';

export function serializeResponse(status: number, reason: string | undefined, headers: OutgoingHttpHeaders, body: Buffer | string): Buffer {
  const lines = [`HTTP/1.1 ${status} ${reason ?? STATUS_CODES[status] ?? 'Unknown'}`];
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) lines.push(`${k}: ${String(one)}`);
  }
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return Buffer.concat([head, typeof body === 'string' ? Buffer.from(body) : body]);
}

/**
 * Node's parser errors as the gateway's answers (003 调用限制; ruling 9): headers beyond what the server
 * reads at all are 494, every other malformed request 400 APIG.0201.
 */
export function parserErrorId(code: string | undefined): ErrorId {
  return code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'REQUEST_INVALID';
}

/** Renders a gateway error for a request that never became a context (no group: the built-in template). */
/** `ctx`: the request's context when the pipeline already ran (one request id for the answer and the log). */
export function rawError(gw: Gateway, wire: WireRequest, f: GatewayFailure, ctx: RequestContext = gw.begin(wire, false)): { bytes: Buffer; event: RequestEvent } {
  const r = renderError(f, ctx);
  const headers = gatewayHeaders(ctx, gw.clock, undefined);
  for (const [k, v] of r.headers) headers[k] = v;
  headers['content-length'] = String(Buffer.byteLength(r.body));
  headers.connection = 'close';
  const event: RequestEvent = {
    type: 'request', requestId: ctx.requestId, method: wire.method, path: ctx.path, status: r.status, latencyMs: 0,
    errorCode: ERRORS[f.id].code, ...(f.detail !== undefined ? { detail: f.detail } : {}),
  };
  return { bytes: serializeResponse(r.status, reasonPhrase(r.status), headers, r.body), event };
}

export function parserFailure(code: string | undefined, message: string): GatewayFailure {
  return failure(parserErrorId(code), `the request could not be parsed: ${code ?? 'error'} ${message}`.trim());
}
