/**
 * Throttling (ruling 4; 002 §5.3.1, §8.5.1.4; practices.md §1.1), after account access control (ruling 2).
 * Counters: API (per API, or for every bound API when the policy is shared), user (the IAM account: sub-users
 * count as their account; IAM-auth APIs only), app (APP-auth APIs only), source IP, and a throttle 2.0 rule's
 * own counter (the first rule whose condition holds, one bucket per rule). Special apps and tenants replace the
 * app or user limit (002 §5.3.3: even when higher). An API with no policy bound gets the instance's
 * `ratelimit_api_limits` per second (200 by default); every API has that counter, and debug responses show it.
 * Windows are fixed and aligned to the epoch; a rejected request consumes nothing (throttle/windows.ts). Over a
 * limit: 429 APIG.0308. In debug mode the response carries `X-Apig-RateLimit-*: remain:9,limit:10,time:10
 * second` (ruling 5).
 */
import { boundOf } from '../../compile/bindings.js';
import { clientIpOf } from '../client-ip.js';
import { headerValue, traceStep, type RequestContext } from '../context.js';
import { failure } from '../../response/errors.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';
import { evalExpr } from '../../throttle/expr.js';
import type { CompiledThrottle } from '../../throttle/policy.js';
import {
  appCheck,
  instanceDefault,
  ipCheck,
  ruleCheck,
  scopeOf,
  userCheck,
  type Check,
} from '../../throttle/checks.js';
import type { Taken } from '../../store/store.js';

function ruleLookup(ctx: RequestContext, t: CompiledThrottle) {
  return (name: string): { value: string; caseless: boolean } | undefined => {
    const loc = t.parameters.get(name);
    if (loc === 'header') {
      const v = headerValue(ctx.headers, name.toLowerCase());
      // Host is compared without case, as domain names are.
      return v === undefined ? undefined : { value: v, caseless: name.toLowerCase() === 'host' };
    }
    if (loc === 'query') {
      const v = new URLSearchParams(ctx.query).get(name);
      return v === null ? undefined : { value: v, caseless: false };
    }
    if (loc === 'path') {
      const v = ctx.hit?.pathParams[name];
      return v === undefined ? undefined : { value: v, caseless: false };
    }
    if (name === 'reqPath') return { value: ctx.path, caseless: false };
    if (name === 'method' || name === 'reqMethod') return { value: ctx.method, caseless: true };
    if (name === 'sourceIp') return { value: clientIpOf(ctx), caseless: false };
    return undefined;
  };
}

function checksFor(ctx: RequestContext, t: CompiledThrottle | undefined): Check[] {
  const api = ctx.hit?.api;
  if (!api) return [];
  if (!t) return [instanceDefault(api, ctx.config.workspace.instance.ratelimit_api_limits)];
  const scope = scopeOf(t, ctx.env ?? '', api);
  const out: Check[] = [];
  if (scope.api) out.push(scope.api);
  const id = ctx.identity;
  if (id?.kind === 'iam' && api.auth.type === 'IAM') {
    const user = userCheck(t, scope, id.domain, id.domainId);
    if (user) out.push(user);
  }
  if (id?.kind === 'app' && api.auth.type === 'APP') {
    const app = appCheck(t, scope, id.app.id, id.app.name);
    if (app) out.push(app);
  }
  if (t.ip !== undefined) out.push(ipCheck(t, scope, t.ip, clientIpOf(ctx)));
  if (t.rules.length > 0) {
    const lookup = ruleLookup(ctx, t);
    const at = t.rules.findIndex((r) => evalExpr(r.when, lookup));
    const rule = t.rules[at];
    if (rule) out.push(ruleCheck(t, scope, rule, at));
  }
  return out;
}

const NONE: readonly Check[] = [];

export function throttling(ctx: RequestContext): StageOutcome | Promise<StageOutcome> {
  // A CORS preflight is counted like any call of its OPTIONS API: only authentication is waived (cors.ts).
  if (!ctx.hit) return NEXT;
  const t = boundOf(ctx).throttle;
  const checks = checksFor(ctx, t);
  // With a policy bound, the instance default is counted and shown but does not refuse (002 §3.2 表3-3): a
  // request the policy passes takes one (none left shows 0); a refused one takes nothing.
  const soft = t ? [instanceDefault(ctx.hit.api, ctx.config.workspace.instance.ratelimit_api_limits)] : NONE;
  const taken = ctx.services.state.store.take(checks, soft, ctx.receivedAt);
  return taken instanceof Promise
    ? taken.then((r) => decide(ctx, t, checks, soft, r))
    : decide(ctx, t, checks, soft, taken);
}

function decide(
  ctx: RequestContext,
  t: CompiledThrottle | undefined,
  checks: readonly Check[],
  soft: readonly Check[],
  taken: Taken,
): StageOutcome {
  // Rendered as headers only for a debug response (response/respond.ts).
  ctx.rateLimits = { checks, remain: taken.remain, soft, softRemain: taken.softRemain };
  if (!taken.ok) {
    const over = checks[taken.index] as Check;
    traceStep(ctx, 'throttling', 'refused', { over: over.what, limit: over.limit, per: over.label });
    return fail(failure('THROTTLED', `over ${over.what}: ${over.limit} per ${over.label}`));
  }
  if (ctx.trace)
    traceStep(ctx, 'throttling', 'within limits', {
      policy: t ? `${t.name} (${t.kind})` : 'none bound: instance default',
      remain: checks.map((c, i) => `${c.what}: ${taken.remain[i] ?? 0} of ${c.limit} per ${c.label}`),
    });
  return NEXT;
}
