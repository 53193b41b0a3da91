/**
 * CORS (002 §5.2.2), the stage after the protocol check (ruling 2). On an API with x-apigateway-cors:
 * - the OPTIONS API is the preflight answer: "whatever auth is selected, the gateway treats it as no auth"
 *   ("无论选择哪种认证方式，API网关都按照无认证处理"), so the authentication stage lets it through; that is the only
 *   exemption: access control and throttling bound to the OPTIONS API apply as to any no-auth API. The response
 *   carries the documented preflight headers;
 * - any other request is a simple (or actual) request: the response gets `Access-Control-Allow-Origin: *`.
 * Headers the backend sets itself win over the gateway's ("后端服务响应的跨域头将覆盖API网关增加的跨域头"). This stage
 * decides (`ctx.cors`); response/respond.ts adds the headers.
 */
import { traceStep, type RequestContext } from '../context.js';
import { NEXT, type StageOutcome } from '../stage.js';

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
    traceStep(
      ctx,
      'cors',
      ctx.cors === 'preflight'
        ? 'preflight: the OPTIONS API answers, as with no authentication'
        : 'simple request: Access-Control-Allow-Origin: * unless the backend sets it',
      {
        ...(ctx.cors === 'preflight'
          ? { origin: ctx.headers.origin, requestMethod: ctx.headers['access-control-request-method'] }
          : {}),
      },
    );
  }
  return NEXT;
}
