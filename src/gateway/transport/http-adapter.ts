/**
 * Node's request/response objects in and out of the pipeline: reads the wire request, runs the stages and the
 * dispatch, and writes the answer response/answer.ts builds from the outcome (the backend's body streamed).
 * Emits the answer's `request` event once the response is done (only when someone listens: this is the hot
 * path).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { isBodyTooLarge, readBody } from '../backends/body-limit.js';
import { classifyUpstreamError } from '../backends/http.js';
import type { Gateway } from '../gateway.js';
import type { RequestContext } from '../request/context.js';
import { runPipeline } from '../request/pipeline.js';
import type { StageOutcome } from '../request/stage.js';
import { TRACE_HEADER, wantsTrace } from '../request/trace.js';
import { answerFor, brokeOff, ended, type Answer, type Outcome } from '../response/answer.js';
import { failure } from '../response/errors.js';
import { CLOCK_PATH, handleClock } from './admin.js';
import { measuredHead } from './head-sizes.js';
import { endAfterRequest } from './linger.js';
import { wireRequest } from './wire.js';

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
  /** The answer written (or decided too late to write). */
  answer: Answer | undefined;
  /** When the answer was written, if the connection lingers after it (linger.ts). */
  answeredAt: number | undefined;
  /** The response is closed: its event goes out once there is an answer too. */
  closed: boolean;
  reported: boolean;
}

export function handleHttp(gw: Gateway, req: IncomingMessage, res: ServerResponse, scheme: 'http' | 'https'): void {
  if (gw.ui?.handles(req.url ?? '')) {
    measuredHead(req.socket, req.method ?? '', req.url ?? '');
    gw.ui.serve(req, res);
    return;
  }
  if (gw.virtualClock && req.url?.split('?')[0] === CLOCK_PATH) {
    measuredHead(req.socket, req.method ?? '', req.url); // taken, so that the next request's head is its own
    handleClock(gw.virtualClock, req, res);
    return;
  }
  const ctx = gw.begin(wireRequest(req, scheme), wantsTrace(req.headers[TRACE_HEADER]));
  const x: Exchange = {
    gw,
    ctx,
    req,
    res,
    body: hasBody(req),
    answer: undefined,
    answeredAt: undefined,
    closed: false,
    reported: false,
  };
  if (x.body) {
    // Read on demand (a signature over the body, an authorizer with need_body, backend signing); once read,
    // the backend gets the buffered bytes.
    let reading: Promise<Buffer> | undefined;
    const source: NonNullable<RequestContext['bodySource']> = {
      read: () =>
        (reading ??= readBody(req, ctx.config.limits.bodyBytes).then(
          (b) => (source.buffered = b),
          (err: unknown) => {
            if (isBodyTooLarge(err)) source.tooLarge = true;
            throw err;
          },
        )),
    };
    ctx.bodySource = source;
  }
  if (gw.reporting) {
    res.once('close', () => {
      x.closed = true;
      report(x);
    });
  }
  try {
    const out = runPipeline(ctx);
    if (out instanceof Promise)
      out.then(
        (o) => next(x, o),
        (err: unknown) => answer(x, internal(String(err))),
      );
    else next(x, out);
  } catch (err) {
    answer(x, internal(err instanceof Error ? err.message : String(err)));
  }
}

const internal = (detail: string): Outcome => ({ ok: false, failure: failure('INTERNAL', detail) });

function next(x: Exchange, out: StageOutcome): void {
  if (out.kind === 'fail') answer(x, { ok: false, failure: out.failure });
  // A stage that read the body and went on past its refusal: what is left of the stream is not the body.
  else if (x.ctx.bodySource?.tooLarge)
    answer(x, { ok: false, failure: failure('ENTITY_TOO_LARGE', 'the request body passed request_body_size') });
  else dispatch(x);
}

function dispatch(x: Exchange): void {
  const buffered = x.ctx.bodySource?.buffered;
  const sent = x.gw.dispatch(x.ctx, buffered ? Readable.from([buffered]) : x.body ? x.req : null);
  if (sent instanceof Promise)
    sent.then(
      (d) => answer(x, d),
      (err: unknown) => answer(x, internal(String(err))),
    );
  else answer(x, sent);
}

function answer(x: Exchange, outcome: Outcome): void {
  write(x, answerFor(x.ctx, outcome, x.gw), outcome.upstream);
}

function write(x: Exchange, a: Answer, upstream: string | undefined): void {
  const { req, res } = x;
  x.answer = a;
  // Too late to answer: the response has begun, or the client is gone (or its request broke the framing and
  // the server answered on the socket). The log says the answer decided, not the status the response object holds.
  const socket = req.socket as IncomingMessage['socket'] | null;
  if (res.headersSent || !socket || socket.destroyed || socket.writableEnded) {
    if (a.body instanceof Readable) a.body.destroy();
    res.destroy();
    report(x);
    return;
  }
  if (a.close) res.shouldKeepAlive = false;
  if (a.reason) res.writeHead(a.status, a.reason, a.headers);
  else res.writeHead(a.status, a.headers);
  if (a.body instanceof Readable) stream(x, a, a.body, upstream);
  else if (x.body && !res.shouldKeepAlive) {
    // The connection ends after this answer (a refusal, or the client's own Connection: close): like nginx's
    // lingering close, what the caller still sends is read first (linger.ts), or the reset may beat the answer.
    x.answeredAt = x.gw.clock.now();
    endAfterRequest(req, res, a.body);
  } else {
    res.end(a.body);
    if (x.body) req.resume();
  }
}

function stream(x: Exchange, a: Answer, upstream: Readable, label: string | undefined): void {
  const { res } = x;
  let clientGone = false;
  if (x.gw.ui !== undefined) x.gw.ui.body(x.ctx, upstream);
  upstream.on('error', (err) => {
    if (!clientGone) brokeOff(x.ctx, a, classifyUpstreamError(err, label ?? 'the backend'));
    res.destroy();
  });
  res.on('close', () => {
    clientGone = true;
    if (!upstream.readableEnded) upstream.destroy();
  });
  upstream.pipe(res);
}

/** The request's event, once its response has closed and its answer is known (whichever comes last). */
function report(x: Exchange): void {
  if (!x.closed || !x.answer || x.reported) return;
  x.reported = true;
  const event = ended(x.ctx, x.answer, x.answeredAt ?? x.gw.clock.now());
  if (event && x.gw.ui !== undefined) x.gw.ui.exchange(x.ctx, x.answer, event);
  if (event) x.gw.emit(event);
}
