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
import type { CounterCheck } from '../../throttle/windows.js';
import type { Taken } from '../../store/store.js';
import { isPreflight } from './cors.js';

interface Check extends CounterCheck {
  /** The X-Apig-RateLimit-* header suffix, or undefined for a 2.0 rule (no documented header). */
  header: string | undefined;
  label: string;
  what: string;
}

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

/**
 * The instance default (`ratelimit_api_limits` per second, per API across environments): the limit of an API
 * with no policy bound (002 §3.2 表3-3), and the `X-Apig-RateLimit-Api-Allenv` counter on every debug response,
 * beside the bound policy's (002 §6.3.2: no condition; 004 §10.3 shows it with an `-Api` header).
 */
function instanceDefault(ctx: RequestContext, apiId: string): Check {
  const limit = ctx.config.workspace.instance.ratelimit_api_limits;
  return {
    key: `default|${apiId}`,
    limit,
    windowMs: 1000,
    header: 'Api-Allenv',
    label: '1 second',
    what: `the instance default (ratelimit_api_limits ${limit}/s)`,
  };
}

function checksFor(ctx: RequestContext, t: CompiledThrottle | undefined): Check[] {
  const api = ctx.hit?.api;
  if (!api) return [];
  if (!t) return [instanceDefault(ctx, api.id)];
  const scope = `${t.kind}|${t.name}|${ctx.env ?? ''}|${t.shared ? '*' : api.id}`;
  const w = t.window;
  const out: Check[] = [];
  if (t.api !== undefined)
    out.push({
      key: `${scope}|api`,
      limit: t.api,
      windowMs: w.windowMs,
      header: 'Api',
      label: w.label,
      what: `the API limit of ${t.name}`,
    });
  const id = ctx.identity;
  if (id?.kind === 'iam' && api.auth.type === 'IAM') {
    const tenant =
      (id.domainId !== undefined ? t.specialUsers.get(id.domainId) : undefined) ?? t.specialUsers.get(id.domain);
    const limit = tenant ?? t.user;
    if (limit !== undefined)
      out.push({
        key: `${scope}|user|${id.domain}`,
        limit,
        windowMs: w.windowMs,
        header: 'User',
        label: w.label,
        what: `${tenant !== undefined ? 'the special tenant' : 'the user'} limit of ${t.name} for ${id.domain}`,
      });
  }
  if (id?.kind === 'app' && api.auth.type === 'APP') {
    const special = t.specialApps.get(id.app.id);
    const limit = special ?? t.app;
    if (limit !== undefined)
      out.push({
        key: `${scope}|app|${id.app.id}`,
        limit,
        windowMs: w.windowMs,
        header: 'App',
        label: w.label,
        what: `${special !== undefined ? 'the special app' : 'the app'} limit of ${t.name} for ${id.app.name}`,
      });
  }
  if (t.ip !== undefined) {
    const ip = clientIpOf(ctx);
    out.push({
      key: `${scope}|ip|${ip}`,
      limit: t.ip,
      windowMs: w.windowMs,
      header: 'Ip',
      label: w.label,
      what: `the source IP limit of ${t.name} for ${ip}`,
    });
  }
  const lookup = ruleLookup(ctx, t);
  const rule = t.rules.find((r) => evalExpr(r.when, lookup));
  if (rule)
    out.push({
      key: `${scope}|rule|${rule.index}`,
      limit: rule.limit,
      windowMs: rule.window.windowMs,
      header: undefined,
      label: rule.window.label,
      what: `rule ${rule.index + 1} of ${t.name} (${rule.text})`,
    });
  return out;
}

export function throttling(ctx: RequestContext): StageOutcome | Promise<StageOutcome> {
  if (!ctx.hit || isPreflight(ctx)) {
    if (ctx.trace) traceStep(ctx, 'throttling', 'skipped (CORS preflight)');
    return NEXT;
  }
  const t = boundOf(ctx).throttle;
  const checks = checksFor(ctx, t);
  // With a policy bound, the instance default is counted and shown but does not refuse (002 §3.2 表3-3): a
  // request the policy passes takes one (none left shows 0); a refused one takes nothing.
  const soft = t ? [instanceDefault(ctx, ctx.hit.api.id)] : [];
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
  const limits: Array<[string, string]> = [];
  const show = (c: Check, remain: number): void => {
    if (c.header !== undefined)
      limits.push([`X-Apig-RateLimit-${c.header}`, `remain:${remain},limit:${c.limit},time:${c.label}`]);
  };
  for (const [i, c] of checks.entries()) show(c, taken.remain[i] ?? 0);
  for (const [i, c] of soft.entries()) show(c, taken.softRemain[i] ?? 0);
  ctx.rateLimits = limits;
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
