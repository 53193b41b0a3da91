/**
 * One request as the dashboard keeps it: the log line's fields (time, method, path, status, error code,
 * latency, API, app), the pipeline trace stage by stage (what `--trace` prints), the request as received, the
 * backend request as sent and the response, credentials masked (mask-headers.ts). Bodies are kept up to
 * BODY_BYTES.
 */
import { callTarget, type BackendCall } from '../request/backend-call.js';
import type { RequestContext } from '../request/context.js';
import type { TraceEvent } from '../request/trace.js';
import type { Answer } from '../response/answer.js';
import type { RequestEvent } from '../response/events.js';
import { maskQuery } from '../../core/mask.js';
import { maskedPairs, maskedRaw } from './mask-headers.js';

/** How much of a body the dashboard keeps. */
export const BODY_BYTES = 16 * 1024;

export interface Summary {
  seq: number;
  requestId: string;
  /** ISO 8601, on the gateway's clock (the virtual one with --clock). */
  time: string;
  method: string;
  path: string;
  status: number;
  latencyMs: number;
  errorCode?: string;
  detail?: string;
  group?: string;
  env?: string;
  api?: string;
  /** The app that called (APP authentication), by name. */
  app?: string;
}

export interface Shown {
  headers: Array<[string, string]>;
  body?: string;
  /** Why there is no body, or that it was cut. */
  bodyNote?: string;
}

export interface Entry extends Summary {
  trace: TraceEvent[];
  received: Shown & { target: string; httpVersion: string; scheme: string; sourceIp: string };
  /** Absent when the request never reached a backend (a refusal, a Mock). */
  backend?: Shown & { method: string; target: string; upstream?: string };
  response: Shown & { status: number };
}

/**
 * The text of the first bytes of a body: a character the cut went through is left out (it is not the body's
 * fault that it shows as U+FFFD), so that only bytes that are no UTF-8 make the body "not text".
 */
export function textPrefix(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes, { stream: true });
}

function text(bytes: Buffer | undefined, total: number | undefined): Pick<Shown, 'body' | 'bodyNote'> {
  if (bytes === undefined || bytes.length === 0) return {};
  const whole = (total ?? bytes.length) <= BODY_BYTES && bytes.length <= BODY_BYTES;
  const head = bytes.subarray(0, BODY_BYTES);
  const s = whole ? head.toString('utf8') : textPrefix(head);
  const size = total ?? bytes.length;
  if (s.includes('\u0000') || s.includes('\ufffd')) return { bodyNote: `${size} bytes, not text` };
  return size > BODY_BYTES ? { body: s, bodyNote: `the first ${BODY_BYTES} of ${size} bytes` } : { body: s };
}

/** A backend body streamed to the client: its first bytes (collected as it passed) and its size. */
export interface Streamed {
  chunks: Buffer[];
  kept: number;
  total: number;
}

/** What is kept of every request: its log line (the trace too when the host asked for one). */
export interface Line {
  seq: number;
  event: RequestEvent;
  receivedAt: number;
  app: string | undefined;
  /** Why no more was kept. */
  note?: string;
}

/**
 * What is kept of a request when it ends: references to what the request path built anyway, and copies of at most
 * BODY_BYTES of each body, so that keeping 1,000 of them holds no large body. Entries are built from it only when
 * a page asks (entryOf), so that a dashboard nobody looks at costs little per request.
 */
export interface Captured extends Line {
  query: string;
  httpVersion: string;
  scheme: string;
  sourceIp: string;
  rawHeaders: readonly string[];
  call: BackendCall | undefined;
  requestBody: Buffer | undefined;
  requestBytes: number;
  /** The request had a body that the gateway passed on (or drained) without reading it: it was not seen. */
  requestNote: string | undefined;
  answer: { status: number; headers: readonly string[] } | undefined;
  responseBody: Buffer | string | undefined;
  responseBytes: number;
  responseNote: string | undefined;
}

/** The app that called (APP authentication), by name. */
export const appOf = (ctx: RequestContext): string | undefined =>
  ctx.identity?.kind === 'app' ? ctx.identity.app.name : undefined;

const UNREAD = 'not kept: the gateway passed the body on as it came, without reading it';

const cut = (b: Buffer): Buffer => (b.length > BODY_BYTES ? Buffer.from(b.subarray(0, BODY_BYTES)) : b);

export function capture(
  seq: number,
  ctx: RequestContext,
  answer: Answer | undefined,
  event: RequestEvent,
  streamed: Streamed | undefined,
): Captured {
  const buffered = ctx.bodySource?.buffered;
  const b = answer?.body;
  let responseBody: Buffer | string | undefined;
  let responseBytes = 0;
  let responseNote: string | undefined;
  if (answer === undefined) responseNote = 'not kept';
  else if (b === undefined) responseNote = 'no body';
  else if (typeof b === 'string') {
    responseBody = b.length > BODY_BYTES ? b.slice(0, BODY_BYTES) : b;
    responseBytes = Buffer.byteLength(b);
  } else if (Buffer.isBuffer(b)) {
    responseBody = cut(b);
    responseBytes = b.length;
  } else if (streamed) {
    responseBody = streamed.chunks.length === 1 ? streamed.chunks[0] : Buffer.concat(streamed.chunks);
    responseBytes = streamed.total;
  } else responseNote = 'streamed; not kept';
  return {
    seq,
    event,
    receivedAt: ctx.receivedAt,
    query: ctx.query,
    httpVersion: ctx.httpVersion,
    scheme: ctx.scheme,
    sourceIp: ctx.sourceIp,
    rawHeaders: ctx.rawHeaders,
    app: appOf(ctx),
    call: ctx.call,
    requestBody: buffered ? cut(buffered) : undefined,
    requestBytes: buffered?.length ?? 0,
    requestNote:
      ctx.bodySource && !buffered
        ? ctx.bodySource.tooLarge
          ? 'not kept: over the body size limit (request_body_size)'
          : UNREAD
        : undefined,
    answer: answer ? { status: answer.status, headers: answer.headers } : undefined,
    responseBody,
    responseBytes,
    responseNote,
  };
}

/**
 * Only the log line (and the trace when the host asked for one): a request the request path did not hand over
 * (refused on the socket, a WebSocket), or one that ended while no dashboard page was open.
 */
export function lineOf(seq: number, event: RequestEvent, receivedAt: number, note: string, app?: string): Line {
  return { seq, event, receivedAt, app, note };
}

export function summaryOf(c: Line): Summary {
  const e = c.event;
  return {
    seq: c.seq,
    requestId: e.requestId,
    time: new Date(c.receivedAt).toISOString(),
    method: e.method,
    path: e.path,
    status: e.status,
    latencyMs: e.latencyMs,
    ...(e.errorCode !== undefined ? { errorCode: e.errorCode } : {}),
    ...(e.detail !== undefined ? { detail: e.detail } : {}),
    ...(e.group !== undefined ? { group: e.group } : {}),
    ...(e.env !== undefined ? { env: e.env } : {}),
    ...(e.api !== undefined ? { api: e.api } : {}),
    ...(c.app !== undefined ? { app: c.app } : {}),
  };
}

function requestText(c: Captured): Pick<Shown, 'body' | 'bodyNote'> {
  return c.requestNote !== undefined ? { bodyNote: c.requestNote } : text(c.requestBody, c.requestBytes);
}

export function entryOf(line: Line | Captured): Entry {
  if (!('rawHeaders' in line)) {
    const note = line.note ?? 'not kept';
    return {
      ...summaryOf(line),
      trace: line.event.trace ?? [],
      received: { target: line.event.path, httpVersion: '', scheme: '', sourceIp: '', headers: [], bodyNote: note },
      response: { status: line.event.status, headers: [], bodyNote: note },
    };
  }
  const c = line;
  const query = maskQuery(c.query);
  const path = c.event.path;
  const response: Entry['response'] = {
    status: c.answer?.status ?? c.event.status,
    headers: c.answer ? maskedRaw(c.answer.headers) : [],
    ...(c.responseBody !== undefined
      ? text(typeof c.responseBody === 'string' ? Buffer.from(c.responseBody) : c.responseBody, c.responseBytes)
      : { bodyNote: c.responseNote ?? 'no body' }),
  };
  const entry: Entry = {
    ...summaryOf(c),
    // The log event's trace: its credentials are masked already (response/answer.ts).
    trace: c.event.trace ?? [],
    received: {
      target: query === '' ? path : `${path}?${query}`,
      httpVersion: c.httpVersion,
      scheme: c.scheme,
      sourceIp: c.sourceIp,
      headers: maskedRaw(c.rawHeaders),
      ...requestText(c),
    },
    response,
  };
  // The backend request as the stages built it (backend signing included); only when one was sent.
  const call = c.call;
  const upstream = c.event.upstream;
  if (call && upstream !== undefined)
    entry.backend = {
      method: call.method,
      target: callTarget({ path: call.path, query: maskQuery(call.query) }),
      upstream,
      headers: maskedPairs(call.headers),
      ...requestText(c),
    };
  return entry;
}
