/**
 * App authorization (ruling 2: after authentication): an app may call an APP-auth API only in the environments
 * it is authorized for (002 §6.1.1, §5.2.4: authorization is per environment); apig.yaml `apps[].authorize`
 * maps an environment to API names or `*`. Otherwise APIG.0304, rendered through the "unauthorized credential"
 * response (401 by default, ruling 1; the error table says 403).
 */
import { traceStep, type RequestContext } from '../context.js';
import { failure } from '../../response/errors.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';

export function appAuthorization(ctx: RequestContext): StageOutcome {
  const id = ctx.identity;
  const api = ctx.hit?.api;
  if (!api || id?.kind !== 'app') {
    if (ctx.trace) traceStep(ctx, 'app-authorization', 'not needed (no app identity)');
    return NEXT;
  }
  const env = ctx.env ?? '';
  const names = id.app.authorize[env] ?? [];
  if (names.includes('*') || names.includes(api.api.name)) {
    if (ctx.trace) traceStep(ctx, 'app-authorization', `app ${id.app.name} is authorized in ${env}`);
    return NEXT;
  }
  traceStep(ctx, 'app-authorization', 'refused', { app: id.app.name, env, authorizedFor: names });
  return fail(
    failure(
      'APP_NOT_AUTHORIZED',
      `app ${id.app.name} is not authorized for ${api.api.name} in ${env} (apig.yaml apps[].authorize)`,
    ),
  );
}
