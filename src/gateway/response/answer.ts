/**
 * The one place an answer is built (STYLE habit 10): what the gateway decided for a request, its outcome (the
 * backend's response, a 101 when a WebSocket upgrade went through, or a gateway error), becomes the status,
 * headers, body or stream, whether the connection ends, and the request's log event. The transports only write
 * answers: transport/http-adapter.ts on Node's response object, transport/raw-response.ts onto a socket.
 */
import type { Readable } from 'node:stream';
import type { Dispatched } from '../backends/result.js';
import type { Clock } from '../clock.js';
import { traceStep, type RequestContext } from '../request/context.js';
import { maskedTrace } from '../request/trace.js';
import { ERRORS, failure, type ErrorId, type GatewayFailure } from './errors.js';
import type { RequestEvent } from './events.js';
import { flatten, gatewayHeaders, reasonPhrase, responseHeaders } from './respond.js';
import { renderError } from './responses.js';

/**
 * What the gateway decided for a request: the backend's response (status 101: the backend took the WebSocket
 * upgrade) or a gateway error. A stage's refusal is `{ ok: false, failure }`.
 */
export type Outcome = Dispatched;

export interface Answer {
  status: number;
  /** A reason phrase Node does not know (494), else undefined: the standard one. */
  reason: string | undefined;
  /** Name, value, name, value…, as writeHead takes them; `connection: close` when `close`. */
  headers: string[];
  /** Undefined: none (a HEAD request, a 101). A stream is the backend's body, passed on as it arrives. */
  body: string | Buffer | Readable | undefined;
  /** The connection ends after this answer: a refusal of the request itself, or the gateway shutting down. */
  close: boolean;
  /** The request's log line, only when someone listens; `ended` gives it its final latency. */
  event: RequestEvent | undefined;
}

/** What of the gateway an answer depends on (the Gateway has these). */
export interface AnswerSettings {
  readonly clock: Clock;
  /** Shutting down: every answer is its connection's last. */
  readonly closing: boolean;
  /** Someone listens for request events; otherwise none is built (this is the hot path). */
  readonly reporting: boolean;
}

export interface AnswerOptions {
  /** The request asked for a WebSocket upgrade (the log line says so). */
  websocket?: boolean;
  /** Written straight onto the socket, which ends after it: requests the parser refused, CONNECT, upgrades. */
  onSocket?: boolean;
}

/** Refusals of the request itself end the connection. */
const CLOSING = new Set<ErrorId>([
  'REQUEST_INVALID',
  'METHOD_UNSUPPORTED',
  'ENTITY_TOO_LARGE',
  'URI_TOO_LARGE',
  'HEADERS_TOO_LARGE',
]);

export function answerFor(
  ctx: RequestContext,
  outcome: Outcome,
  gw: AnswerSettings,
  options: AnswerOptions = {},
): Answer {
  if (!outcome.ok) return failed(ctx, outcome, gw, options);
  const gateway = gatewayHeaders(ctx, gw.clock, outcome.upstreamMs, outcome.headers);
  const switching = outcome.status === 101;
  const close = !switching && (options.onSocket === true || gw.closing);
  if (close) gateway.connection = 'close';
  const body = outcome.body;
  const whole = typeof body === 'string' || Buffer.isBuffer(body);
  return {
    status: outcome.status,
    reason: reasonPhrase(outcome.status),
    headers:
      whole && !switching
        ? responseHeaders(outcome.headers, gateway, ['content-length', String(Buffer.byteLength(body))])
        : responseHeaders(outcome.headers, gateway, undefined, switching),
    body: switching || (whole && ctx.method === 'HEAD') ? undefined : body,
    close,
    event: gw.reporting
      ? eventOf(
          ctx,
          { status: outcome.status, upstream: outcome.upstream, websocket: options.websocket },
          gw.clock.now(),
        )
      : undefined,
  };
}

function failed(
  ctx: RequestContext,
  outcome: Extract<Outcome, { ok: false }>,
  gw: AnswerSettings,
  options: AnswerOptions,
): Answer {
  const given = outcome.failure;
  // A body over the limit is a 413 whatever the stage that read it made of that (an authorizer's error, say).
  const f =
    ctx.bodySource?.tooLarge && given.id !== 'ENTITY_TOO_LARGE' ? failure('ENTITY_TOO_LARGE', given.detail) : given;
  const r = renderError(f, ctx);
  const h = gatewayHeaders(ctx, gw.clock, outcome.upstreamMs);
  for (const [k, v] of r.headers) h[k] = v;
  h['content-length'] = String(Buffer.byteLength(r.body));
  const close = options.onSocket === true || CLOSING.has(f.id) || gw.closing;
  if (close) h.connection = 'close';
  return {
    status: r.status,
    reason: reasonPhrase(r.status),
    headers: flatten(h),
    body: ctx.method === 'HEAD' ? undefined : r.body,
    close,
    event: gw.reporting
      ? eventOf(
          ctx,
          {
            status: r.status,
            errorCode: ERRORS[f.id].code,
            detail: f.detail,
            upstream: outcome.upstream,
            websocket: options.websocket,
          },
          gw.clock.now(),
        )
      : undefined,
  };
}

/**
 * The backend's response broke off after its status line had gone out (a reset, a stall past the timeout): the
 * client can only see its stream cut; the trace and the log say the failure, with the status already sent.
 */
export function brokeOff(ctx: RequestContext, answer: Answer, f: GatewayFailure): void {
  const entry = ERRORS[f.id];
  const detail = `the response broke off after its ${answer.status} status line was sent: ${f.detail ?? entry.message}`;
  traceStep(ctx, 'backend', `cut short: ${entry.code} ${entry.message}`, { why: detail });
  if (answer.event)
    Object.assign(answer.event, { status: entry.status, sentStatus: answer.status, errorCode: entry.code, detail });
}

/** The answer's log event as of `at`, when the exchange is over (the response closed, the tunnel ended). */
export function ended(ctx: RequestContext, answer: Answer, at: number): RequestEvent | undefined {
  return answer.event && eventOf(ctx, answer.event, at);
}

type EventNotes = Pick<RequestEvent, 'status'> &
  Partial<Pick<RequestEvent, 'errorCode' | 'detail' | 'upstream' | 'sentStatus' | 'websocket'>>;

function eventOf(ctx: RequestContext, n: EventNotes, at: number): RequestEvent {
  return {
    type: 'request',
    requestId: ctx.requestId,
    method: ctx.method,
    path: ctx.path,
    status: n.status,
    latencyMs: at - ctx.receivedAt,
    ...(ctx.group ? { group: ctx.group.name } : {}),
    ...(ctx.env !== undefined ? { env: ctx.env } : {}),
    ...(ctx.hit ? { api: ctx.hit.api.api.name } : {}),
    // As the log and --trace print it: a credential in a query string masked.
    ...(ctx.trace ? { trace: maskedTrace(ctx.trace) } : {}),
    ...(n.errorCode !== undefined ? { errorCode: n.errorCode } : {}),
    ...(n.detail !== undefined ? { detail: n.detail } : {}),
    ...(n.upstream !== undefined ? { upstream: n.upstream } : {}),
    ...(n.sentStatus !== undefined ? { sentStatus: n.sentStatus } : {}),
    ...(n.websocket ? { websocket: true } : {}),
  };
}
