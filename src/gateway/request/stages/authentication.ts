/**
 * Authentication (ruling 2: after IP access control). By the API's security (defaults.ts apiAuth):
 * NONE passes through (002 §8.4.2); APP (auth/app.ts); IAM (auth/iam.ts); AUTHORIZER runs the front-end custom
 * authorizer (auth/authorizer.ts); dual authentication runs APP or IAM first, then the authorizer (the order is
 * not documented: practices.md §2.7 emulator note). A deny answers APIG.0305 `Incorrect authentication
 * information: frontend authorizer` (004 §3) through the "custom auth failure" response, whose template may
 * use the deny's context as `$context.authorizer.frontend.*`. The CORS preflight API is always no auth (002 §5.2.2).
 */
import type { SecurityScheme } from '../../../core/model.js';
import { runAuthorizer } from '../../auth/authorizer.js';
import { authenticateApp } from '../../auth/app.js';
import { authenticateIam } from '../../auth/iam.js';
import { describeIdentity, type Identity } from '../../auth/identity.js';
import { traceStep, type RequestContext } from '../context.js';
import { failure, type GatewayFailure } from '../../response/errors.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';
import { isPreflight } from './cors.js';

const isIdentity = (v: Identity | GatewayFailure): v is Identity => 'kind' in v;

async function frontend(ctx: RequestContext, scheme: SecurityScheme): Promise<StageOutcome> {
  const out = await runAuthorizer(ctx, scheme, 'frontend');
  if (!out.ok) return fail(out.failure);
  ctx.authorizer = { ...ctx.authorizer, frontend: out.result.context };
  const keys = Object.keys(out.result.context);
  if (!out.result.allow) {
    traceStep(ctx, 'authentication', `authorizer ${scheme.name} denied${out.cached ? ' (cached result)' : ''}`, {
      contextKeys: keys,
    });
    return fail(
      failure('AUTHORIZER_DENIED', `authorizer ${scheme.name} answered deny`, { suffix: 'frontend authorizer' }),
    );
  }
  if (ctx.trace)
    traceStep(ctx, 'authentication', `authorizer ${scheme.name} allowed${out.cached ? ' (cached result)' : ''}`, {
      contextKeys: keys,
    });
  return NEXT;
}

/** After APP or IAM: refuse, or record the identity and go on to the authorizer of dual authentication. */
function identified(ctx: RequestContext, who: Identity | GatewayFailure): StageOutcome | Promise<StageOutcome> {
  const api = ctx.hit?.api;
  if (!isIdentity(who)) {
    traceStep(ctx, 'authentication', `${api?.auth.type ?? ''} refused`, { why: who.detail });
    return fail(who);
  }
  ctx.identity = who;
  if (ctx.trace) traceStep(ctx, 'authentication', `${api?.auth.type ?? ''}: ${describeIdentity(who)}`);
  return api?.frontendAuthorizer ? frontend(ctx, api.frontendAuthorizer) : NEXT;
}

/** Synchronous unless a body must be read or an authorizer called. */
function authenticate(ctx: RequestContext): StageOutcome | Promise<StageOutcome> {
  const api = ctx.hit?.api;
  if (!api) return NEXT;
  const { type } = api.auth;
  if (type === 'APP' || type === 'IAM') {
    const who = type === 'APP' ? authenticateApp(ctx) : authenticateIam(ctx);
    return who instanceof Promise ? who.then((w) => identified(ctx, w)) : identified(ctx, who);
  }
  return api.frontendAuthorizer ? frontend(ctx, api.frontendAuthorizer) : NEXT;
}

export function authentication(ctx: RequestContext): StageOutcome | Promise<StageOutcome> {
  const api = ctx.hit?.api;
  if (!api || isPreflight(ctx) || (api.auth.type === 'NONE' && !api.frontendAuthorizer)) {
    if (ctx.trace)
      traceStep(ctx, 'authentication', isPreflight(ctx) ? 'none (CORS preflight API)' : 'none (no authentication)');
    return NEXT;
  }
  return authenticate(ctx);
}
