/**
 * The environment: the X-Stage header, RELEASE when absent (002 §5.5.1, §6.1; errors-and-limits.md §8.1).
 * Names are used verbatim. An environment nothing is published to answers APIG.0101, as a wrong X-Stage does.
 */
import { RELEASE } from '../../../core/workspace-model.js';
import { headerValue, traceStep, type RequestContext } from '../context.js';
import { failure } from '../../response/errors.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';

export function environment(ctx: RequestContext): StageOutcome {
  const stage = headerValue(ctx.headers, 'x-stage')?.trim();
  const env = stage === undefined || stage === '' ? RELEASE : stage;
  ctx.env = env;
  if (!ctx.group?.routers.has(env)) {
    traceStep(ctx, 'environment', env, { published: false });
    const known = ctx.config.environments.has(env);
    return fail(
      failure(
        'API_NOT_FOUND',
        known
          ? `nothing in group ${ctx.group?.name ?? ''} is published to ${env}`
          : `unknown environment ${JSON.stringify(env)} (X-Stage)`,
      ),
    );
  }
  if (ctx.trace)
    traceStep(ctx, 'environment', env, {
      from: stage === undefined || stage === '' ? 'default (no X-Stage)' : 'X-Stage',
    });
  return NEXT;
}
