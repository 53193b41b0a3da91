/**
 * HTTP/HTTPS backends through the injected undici dispatcher (a pooled keep-alive Agent by default).
 * The API's timeout bounds the wait for response headers and each gap in the body (api-model.md §3.2):
 * past it 504 "Backend timeout."; a refused or broken connection 502 "Backend unavailable."; a name that
 * does not resolve 500 APIG.0605 (errors-and-limits.md §1.1). The response streams back unbuffered.
 */
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { callTarget, sentHost, type BackendCall } from '../request/backend-call.js';
import { failure, type GatewayFailure } from '../response/errors.js';
import type { PlanOf } from './plan.js';
import { isBodyTooLarge, limitBody } from './body-limit.js';
import type { Dispatched, DispatchInput } from './result.js';
import { CALL_DEPTH_HEADER, isSelf, MAX_CALL_DEPTH, nextCallDepth } from './self-call.js';

export interface Target {
  scheme: 'http' | 'https';
  hostname: string;
  port: number;
  /** The Host header to send. */
  host: string;
}

export function originOf(t: Pick<Target, 'scheme' | 'hostname' | 'port'>): string {
  return `${t.scheme}://${t.hostname.includes(':') ? `[${t.hostname}]` : t.hostname}:${t.port}`;
}

const TIMEOUTS = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);

function codeOf(err: unknown): string {
  for (
    let e: unknown = err, depth = 0;
    typeof e === 'object' && e !== null && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET' && code !== 'UND_ERR_ABORTED') return code;
  }
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : 'ERROR';
}

/** An upstream error as the gateway answers it. */
export function classifyUpstreamError(err: unknown, upstream: string): GatewayFailure {
  if (isBodyTooLarge(err)) return failure('ENTITY_TOO_LARGE', 'the chunked request body passed request_body_size');
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if (TIMEOUTS.has(code))
    return failure('BACKEND_TIMEOUT', `${upstream}: no response within the API's backend timeout (${code})`);
  if (DNS.has(code)) return failure('DNS_FAILED', `${upstream}: the backend host name does not resolve (${code})`);
  return failure('BACKEND_UNAVAILABLE', `${upstream}: ${code} ${message}`.trim());
}

/**
 * The caller's body for undici, always through a counting stream: a chunked body is limited as it streams
 * (a declared Content-Length was checked up front), and when a call fails undici destroys the stream it was
 * given, which must not be the request itself: that would close the client's connection before its 502.
 */
export function requestBody(input: Pick<DispatchInput, 'body' | 'runtime'>): Readable | null {
  return input.body ? limitBody(input.body, input.runtime.bodyLimit) : null;
}

export async function forward(
  target: Target,
  call: BackendCall,
  timeout: number,
  input: DispatchInput,
): Promise<Dispatched> {
  const { dispatcher, clock } = input.runtime;
  const path = callTarget(call);
  // Without the query string, which may carry credentials: this goes to logs and traces.
  const upstream = `${originOf(target)}${call.path}`;
  const headers: Record<string, string | string[]> = { ...call.headers, host: sentHost(call, target.host) };
  if (
    input.runtime.selfPorts.has(target.port) &&
    (await isSelf(input.ctx, target.hostname, target.port, input.runtime.selfPorts))
  ) {
    const depth = nextCallDepth(input.ctx);
    if (depth === undefined)
      return {
        ok: false,
        failure: failure(
          'API_CALLS_ITSELF',
          `${upstream}: the call to this gateway would be level ${MAX_CALL_DEPTH + 1}`,
        ),
        upstreamMs: 0,
        upstream,
      };
    headers[CALL_DEPTH_HEADER] = String(depth);
  }
  const started = clock.now();
  try {
    const res = await dispatcher.request({
      origin: originOf(target),
      path,
      method: call.method as Dispatcher.HttpMethod,
      headers,
      body: requestBody(input),
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    return {
      ok: true,
      status: res.statusCode,
      headers: res.headers,
      body: res.body,
      upstreamMs: clock.now() - started,
      upstream,
    };
  } catch (err) {
    return { ok: false, failure: classifyUpstreamError(err, upstream), upstreamMs: clock.now() - started, upstream };
  }
}

export function dispatchHttp(plan: PlanOf<'HTTP'>, input: DispatchInput): Promise<Dispatched> {
  const call = input.call as BackendCall;
  return forward(
    { scheme: plan.scheme, hostname: plan.hostname, port: plan.port, host: plan.address },
    call,
    plan.timeout,
    input,
  );
}
