/**
 * CORS (002 §5.2.2), the stage after the protocol check (ruling 2). On an API with x-apigateway-cors:
 * - the OPTIONS API is the preflight answer: "whatever auth is selected, the gateway treats it as no auth", so
 *   the access-control, authentication, authorization and throttling stages let it through, and the response
 *   carries the documented preflight headers;
 * - any other request is a simple (or actual) request: the response gets `Access-Control-Allow-Origin: *`.
 * Headers the backend sets itself win over the gateway's ("后端服务响应的跨域头将覆盖API网关增加的跨域头").
 */
import type { ResponseHeaders } from '../backends/result.js';
import { traceStep, type RequestContext } from '../context.js';
import { NEXT, type StageOutcome } from '../stage.js';

/** The documented preflight answer (002 §5.2.2 example; errors-and-limits.md §3), verbatim values. */
export const PREFLIGHT_HEADERS: ReadonlyArray<[string, string]> = [
  ['access-control-allow-origin', '*'],
  ['access-control-allow-headers', 'X-Stage,X-Sdk-Date,X-Sdk-Nonce,X-Proxy-Signed-Headers,X-Sdk-Content-Sha256,X-Forwarded-For,Authorization,Content-Type,Accept,Accept-Ranges,Cache-Control,Range'],
  ['access-control-expose-headers', 'X-Request-Id,X-Apig-Latency,X-Apig-Upstream-Latency,X-Apig-RateLimit-Api,X-Apig-RateLimit-User,X-Apig-RateLimit-App,X-Apig-RateLimit-Ip,X-Apig-RateLimit-Api-Allenv'],
  ['access-control-allow-methods', 'GET,POST,PUT,DELETE,HEAD,OPTIONS,PATCH'],
  ['access-control-max-age', '172800'],
];
const SIMPLE_HEADERS: ReadonlyArray<[string, string]> = [['access-control-allow-origin', '*']];

export function isPreflight(ctx: RequestContext): boolean {
  return ctx.cors === 'preflight';
}

export function cors(ctx: RequestContext): StageOutcome {
  const api = ctx.hit?.api;
  if (!api?.cors) {
    if (ctx.trace) traceStep(ctx, 'cors', 'not enabled for the API');
    return NEXT;
  }
  ctx.cors = api.api.method === 'OPTIONS' && ctx.method === 'OPTIONS' ? 'preflight' : 'simple';
  if (ctx.trace) {
    traceStep(ctx, 'cors', ctx.cors === 'preflight' ? 'preflight: the OPTIONS API answers, as with no authentication' : 'simple request: Access-Control-Allow-Origin: * unless the backend sets it', {
      ...(ctx.cors === 'preflight' ? { origin: ctx.headers.origin, requestMethod: ctx.headers['access-control-request-method'] } : {}),
    });
  }
  return NEXT;
}

/** The CORS headers the response gets: those the backend did not set (any case; Node lower-cases names). */
export function corsHeaders(ctx: RequestContext, from: ResponseHeaders | undefined): Array<[string, string]> {
  if (ctx.cors === undefined) return [];
  const wanted = ctx.cors === 'preflight' ? PREFLIGHT_HEADERS : SIMPLE_HEADERS;
  return from ? wanted.filter(([k]) => from[k] === undefined) : [...wanted];
}
