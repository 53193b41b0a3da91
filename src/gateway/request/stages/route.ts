/**
 * Route match (ruling 3, implemented by compile/router.ts): only APIs published to the environment are in its router.
 * No match answers 404 APIG.0101; a path that exists with another method answers the "The API does not
 * exist." variant (errors-and-limits.md §1.1).
 * First, a path with a `.` or `..` segment in any backend's reading (request/request-path.ts) is refused with 400
 * APIG.0201 "API request error." (the "request format invalid" row; the documents are silent on dot-segments):
 * resolving it would route one path while a backend may read another. Likewise a path that would lead to another
 * API in that reading (`%2F`, `%5C`, `\` and `//` as one `/`, `;` ending a segment, ...).
 */
import { traceStep, type RequestContext, type RouteHit } from '../context.js';
import { failure } from '../../response/errors.js';
import { dotSegment, liberalReading } from '../request-path.js';
import { describePattern } from '../../compile/route-pattern.js';
import type { MatchResult, Router } from '../../compile/router.js';
import type { CompiledApi } from '../../compile/compiled.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';

export function route(ctx: RequestContext): StageOutcome {
  const dots = dotSegment(ctx.path);
  if (dots !== undefined) {
    traceStep(ctx, 'route', 'refused', { path: ctx.path, why: `a "${dots}" segment` });
    return fail(
      failure(
        'REQUEST_INVALID',
        `the path has a dot-segment "${dots}" (also counted when encoded, ` +
          `between %2F, %5C or \\, or followed by ";" or %00): refused, not resolved`,
      ),
    );
  }
  const router = ctx.group?.routers.get(ctx.env ?? '');
  const m = router ? router.match(ctx.method, ctx.path) : ({ kind: 'none' } as const);
  if (m.kind !== 'match') {
    traceStep(ctx, 'route', m.kind === 'method' ? 'method not allowed' : 'no match', {
      method: ctx.method,
      path: ctx.path,
    });
    return m.kind === 'method'
      ? fail(failure('API_METHOD_NOT_FOUND', `${ctx.path} exists in ${ctx.env ?? ''}, but not for ${ctx.method}`))
      : fail(failure('API_NOT_FOUND', `no API published to ${ctx.env ?? ''} matches ${ctx.method} ${ctx.path}`));
  }
  const api = m.route.value;
  const other = router ? elsewhere(router, ctx, api) : undefined;
  if (other) {
    traceStep(ctx, 'route', 'refused', {
      path: ctx.path,
      why: `as many backends read it (%2F, %5C, \\ or // as "/", ";" ending a segment) it leads to ${other.api.name}`,
    });
    return fail(
      failure(
        'REQUEST_INVALID',
        `the path leads to ${api.api.name}, but as many backends read it (%2F, ` +
          `%5C, \\ or // as "/", ";" ending a segment) to ${other.api.name}: refused`,
      ),
    );
  }
  ctx.hit = hitOf(m, ctx.path);
  if (ctx.trace && router) {
    const others = router
      .candidates(ctx.method, ctx.path)
      .filter((r) => r !== m.route)
      .map((r) => `${r.pattern.method} ${r.pattern.path} (${r.pattern.mode === 'NORMAL' ? 'exact' : 'prefix'})`);
    traceStep(ctx, 'route', `${api.api.name}: ${m.route.pattern.method} ${m.route.pattern.path}`, {
      why: describePattern(m.route.pattern),
      pathParams: m.params,
      ...(m.route.pattern.mode === 'SWA' ? { remainder: m.remainder } : {}),
      ...(others.length > 0 ? { outranked: others } : {}),
    });
  }
  return NEXT;
}

/** The API the path's liberal reading (request-path.ts) reaches, when it is another one. */
function elsewhere(router: Router<CompiledApi>, ctx: RequestContext, api: CompiledApi): CompiledApi | undefined {
  const read = liberalReading(ctx.path);
  if (read === undefined) return undefined;
  const m = router.match(ctx.method, read);
  return m.kind === 'match' && m.route.value !== api ? m.route.value : undefined;
}

function hitOf(m: Extract<MatchResult<CompiledApi>, { kind: 'match' }>, path: string): RouteHit {
  const segments = m.route.pattern.segments;
  const last = segments[segments.length - 1];
  if (last?.kind !== 'greedy') return { api: m.route.value, pathParams: m.params, remainder: m.remainder };
  // `/a/{p+}` has 2 segments; `/a/x/y`.split('/') is ['', 'a', 'x', 'y']: the greedy part starts at index 2.
  const asSent = path.split('/').slice(segments.length).join('/');
  return { api: m.route.value, pathParams: m.params, remainder: m.remainder, greedy: { name: last.text, asSent } };
}
