/**
 * The back-end custom authorizer (002 §5.8.1 "后端": APIG calls a function to obtain authorization for the
 * backend; 002 §5.2.1: its result parameters map to backend parameters as `$context.authorizer.backend.*`).
 * Where it runs is not documented: here, after policy-backend selection and before the backend request, whose
 * parameter mapping reads its context. An API uses one when its security requirement names a scheme whose
 * x-apigateway-authorizer has `type: BACKEND` (our reading; the Swagger binding is not documented). A deny answers
 * APIG.0305 `…: backend authorizer` through the "custom auth failure" response.
 */
import { runAuthorizer } from '../../auth/authorizer.js';
import { traceStep, type RequestContext } from '../context.js';
import { failure } from '../../response/errors.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';

async function run(ctx: RequestContext): Promise<StageOutcome> {
  const scheme = ctx.hit?.api.backendAuthorizer;
  if (!scheme) return NEXT;
  const out = await runAuthorizer(ctx, scheme, 'backend');
  if (!out.ok) return fail(out.failure);
  ctx.authorizer = { ...ctx.authorizer, backend: out.result.context };
  if (!out.result.allow) {
    traceStep(ctx, 'backend-authorizer', `authorizer ${scheme.name} denied`);
    return fail(
      failure('AUTHORIZER_DENIED', `backend authorizer ${scheme.name} answered deny`, { suffix: 'backend authorizer' }),
    );
  }
  if (ctx.trace)
    traceStep(ctx, 'backend-authorizer', `authorizer ${scheme.name} allowed${out.cached ? ' (cached result)' : ''}`, {
      contextKeys: Object.keys(out.result.context),
    });
  return NEXT;
}

export function backendAuthorizer(ctx: RequestContext): StageOutcome | Promise<StageOutcome> {
  if (ctx.hit?.api.backendAuthorizer) return run(ctx);
  if (ctx.trace) traceStep(ctx, 'backend-authorizer', 'none');
  return NEXT;
}
