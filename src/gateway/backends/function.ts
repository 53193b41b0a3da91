/**
 * FUNCTION backends: a local module runs in place of the FunctionGraph function (ruling 8's approach, applied
 * to backends). The event and result follow FunctionGraph's API Gateway trigger format (the APIG documents
 * only the authorizer's variant, practices.md §2.3–2.4; docs/serve.md describes both):
 *   event  { body, requestContext: { apiId, requestId, stage, sourceIp }, queryStringParameters,
 *            httpMethod, pathParameters, headers (lower-case), path, isBase64Encoded }
 *   result { statusCode, headers?, body?, isBase64Encoded? } — or that object as a JSON string.
 * Sync invocation waits up to the API's timeout (504 past it); async answers 202 {"request_id": ...} at once
 * and runs the function in the background. A throw or a malformed result answers 502.
 */
import type { BackendCall } from '../request/backend-call.js';
import { failure } from '../response/errors.js';
import { bodyFailure, readBody } from './body-limit.js';
import type { PlanOf } from './plan.js';
import type { Dispatched, DispatchInput, ResponseHeaders } from './result.js';

function buildEvent(plan: PlanOf<'FUNCTION'>, input: DispatchInput, body: Buffer): Record<string, unknown> {
  const { ctx } = input;
  const call = input.call as BackendCall;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(call.headers)) headers[k] = Array.isArray(v) ? v.join(',') : v;
  // The caller's Host, unless a backend parameter set one (request/backend-call.ts sentHost).
  if (headers.host === undefined && ctx.headers.host !== undefined) headers.host = ctx.headers.host;
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(call.query)) if (!(k in query)) query[k] = v;
  return {
    body: plan.base64Body ? body.toString('base64') : body.toString('utf8'),
    requestContext: {
      apiId: ctx.hit?.api.id ?? '',
      requestId: ctx.requestId,
      stage: ctx.env ?? '',
      sourceIp: ctx.sourceIp,
    },
    queryStringParameters: query,
    httpMethod: call.method,
    pathParameters: call.pathParams,
    headers,
    path: call.path,
    isBase64Encoded: plan.base64Body,
  };
}

function contextFor(plan: PlanOf<'FUNCTION'>, input: DispatchInput, deadline: number): Record<string, unknown> {
  const { ctx, runtime } = input;
  const log =
    (level: string) =>
    (...args: unknown[]) =>
      runtime.emit({
        type: 'function-log',
        urn: plan.urn,
        requestId: ctx.requestId,
        level,
        message: args.map(String).join(' '),
      });
  return {
    getRequestID: () => ctx.requestId,
    getRemainingTimeInMilliSeconds: () => Math.max(0, deadline - runtime.clock.now()),
    getFunctionName: () => plan.urn.split(':').pop() ?? plan.urn,
    getVersion: () => plan.version ?? 'latest',
    getUserData: () => undefined,
    getLogger: () => ({ info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') }),
  };
}

/** A function result as a response, or why it is not one. */
export function functionResponse(result: unknown): { status: number; headers: ResponseHeaders; body: Buffer } | string {
  let r = result;
  if (typeof r === 'string') {
    try {
      r = JSON.parse(r);
    } catch {
      return 'the function returned a string that is not JSON';
    }
  }
  if (typeof r !== 'object' || r === null)
    return `the function returned ${r === null ? 'null' : typeof r}, not {statusCode, headers, body}`;
  const o = r as Record<string, unknown>;
  if (typeof o.statusCode !== 'number' || !Number.isInteger(o.statusCode) || o.statusCode < 100 || o.statusCode > 599)
    return 'the function result has no valid statusCode';
  const headers: ResponseHeaders = {};
  if (typeof o.headers === 'object' && o.headers !== null) {
    for (const [k, v] of Object.entries(o.headers as Record<string, unknown>))
      headers[k.toLowerCase()] = Array.isArray(v) ? v.map(String) : String(v);
  }
  const text =
    o.body === undefined || o.body === null ? '' : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  return {
    status: o.statusCode,
    headers,
    body: o.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
  };
}

export async function dispatchFunction(plan: PlanOf<'FUNCTION'>, input: DispatchInput): Promise<Dispatched> {
  const { runtime, ctx } = input;
  const upstream = plan.urn;
  if (plan.module === undefined)
    return {
      ok: false,
      failure: failure('BACKEND_UNAVAILABLE', `function ${plan.urn} has no local module (apig.yaml functions)`),
      upstream,
    };
  let body: Buffer;
  try {
    body = await readBody(input.body, runtime.bodyLimit);
  } catch (err) {
    return { ok: false, failure: bodyFailure(err), upstream };
  }
  const started = runtime.clock.now();
  const elapsed = (): number => runtime.clock.now() - started;
  let handler: Awaited<ReturnType<typeof runtime.functions.load>>;
  try {
    handler = await runtime.functions.load(plan.module);
  } catch (err) {
    return {
      ok: false,
      failure: failure(
        'BACKEND_UNAVAILABLE',
        `function ${plan.urn}: ${err instanceof Error ? err.message : String(err)}`,
      ),
      upstream,
    };
  }
  const event = buildEvent(plan, input, body);
  const context = contextFor(plan, input, started + plan.timeout);
  const run = (async () => handler(event, context))();
  if (plan.invocation === 'async') {
    run.catch((err: unknown) =>
      runtime.emit({
        type: 'function-error',
        urn: plan.urn,
        requestId: ctx.requestId,
        message: err instanceof Error ? err.message : String(err),
      }),
    );
    return {
      ok: true,
      status: 202,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ request_id: ctx.requestId }),
      upstreamMs: elapsed(),
      upstream,
    };
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), plan.timeout);
  });
  try {
    const result = await Promise.race([run, timeout]);
    if (result === 'timeout')
      return {
        ok: false,
        failure: failure('BACKEND_TIMEOUT', `function ${plan.urn} did not return within ${plan.timeout} ms`),
        upstreamMs: elapsed(),
        upstream,
      };
    const res = functionResponse(result);
    if (typeof res === 'string')
      return {
        ok: false,
        failure: failure('BACKEND_UNAVAILABLE', `function ${plan.urn}: ${res}`),
        upstreamMs: elapsed(),
        upstream,
      };
    return { ok: true, status: res.status, headers: res.headers, body: res.body, upstreamMs: elapsed(), upstream };
  } catch (err) {
    return {
      ok: false,
      failure: failure(
        'BACKEND_UNAVAILABLE',
        `function ${plan.urn} threw: ${err instanceof Error ? err.message : String(err)}`,
      ),
      upstreamMs: elapsed(),
      upstream,
    };
  } finally {
    clearTimeout(timer);
  }
}
