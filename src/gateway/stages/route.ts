/**
 * Route match (ruling 3, implemented by router.ts): only APIs published to the environment are in its router.
 * No match answers 404 APIG.0101; a path that exists with another method answers the "The API does not
 * exist." variant (errors-and-limits.md §1.1).
 */
import { traceStep, type RequestContext } from '../context.js';
import { failure } from '../errors.js';
import { describePattern } from '../route-pattern.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';

export function route(ctx: RequestContext): StageOutcome {
  const router = ctx.group?.routers.get(ctx.env ?? '');
  const m = router ? router.match(ctx.method, ctx.path) : ({ kind: 'none' } as const);
  if (m.kind !== 'match') {
    traceStep(ctx, 'route', m.kind === 'method' ? 'method not allowed' : 'no match', { method: ctx.method, path: ctx.path });
    return m.kind === 'method'
      ? fail(failure('API_METHOD_NOT_FOUND', `${ctx.path} exists in ${ctx.env ?? ''}, but not for ${ctx.method}`))
      : fail(failure('API_NOT_FOUND', `no API published to ${ctx.env ?? ''} matches ${ctx.method} ${ctx.path}`));
  }
  const api = m.route.value;
  ctx.hit = { api, pathParams: m.params, remainder: m.remainder };
  if (ctx.trace && router) {
    const others = router.candidates(ctx.method, ctx.path).filter((r) => r !== m.route).map((r) => `${r.pattern.method} ${r.pattern.path} (${r.pattern.mode === 'NORMAL' ? 'exact' : 'prefix'})`);
    traceStep(ctx, 'route', `${api.api.name}: ${m.route.pattern.method} ${m.route.pattern.path}`, {
      why: describePattern(m.route.pattern),
      pathParams: m.params,
      ...(m.route.pattern.mode === 'SWA' ? { remainder: m.remainder } : {}),
      ...(others.length > 0 ? { outranked: others } : {}),
    });
  }
  return NEXT;
}
