/**
 * The counters a request is checked against (the throttling stage's `checksFor`), built once per policy,
 * environment, API and caller and then reused: a counter's key, limit, window and wording do not change between
 * requests, and a key string kept from one request to the next is hashed once (a new one would be hashed on
 * every counter lookup). Per-IP counters are the exception: their keys are built per request, since the set of
 * source addresses is unbounded. Compiled configurations are new objects on every reload, so the caches, held
 * weakly by them, go with them.
 */
import type { CompiledApi } from '../compile/compiled.js';
import type { CompiledRule, CompiledThrottle } from './policy.js';
import type { CounterCheck } from './windows.js';

export interface Check extends CounterCheck {
  /** The X-Apig-RateLimit-* header suffix, or undefined for a 2.0 rule (no documented header). */
  header: string | undefined;
  label: string;
  /** What the counter limits, for the refusal message and the trace. */
  what: string;
}

/** The checks of one policy for one API (or every API, when shared) in one environment. */
interface Scope {
  key: string;
  api: Check | undefined;
  apps: Map<string, Check | undefined>;
  users: Map<string, Check | undefined>;
  rules: Array<Check | undefined>;
}

const scopes = new WeakMap<CompiledThrottle, Map<string, Map<string, Scope>>>();
const defaults = new WeakMap<CompiledApi, Check>();

/**
 * How the counter keys begin: a policy's in one environment (then `|API ID|api`, `|API ID|app|APP ID`...; `*`
 * for the API ID of a shared policy), and the instance default's of one API. The dashboard reads them back
 * (ui/throttle-view.ts).
 */
export const policyKey = (t: Pick<CompiledThrottle, 'kind' | 'name'>, env: string): string =>
  `${t.kind}|${t.name}|${env}`;
export const defaultKey = (apiId: string): string => `default|${apiId}`;

/**
 * The instance default (`ratelimit_api_limits` per second, per API across environments): the limit of an API
 * with no policy bound (002 §3.2 表3-3), and the `X-Apig-RateLimit-Api-Allenv` counter on every debug response,
 * beside the bound policy's (002 §6.3.2: no condition; 004 §10.3 shows it with an `-Api` header).
 */
export function instanceDefault(api: CompiledApi, limit: number): Check {
  const kept = defaults.get(api);
  if (kept?.limit === limit) return kept;
  const check: Check = {
    key: defaultKey(api.id),
    limit,
    windowMs: 1000,
    header: 'Api-Allenv',
    label: '1 second',
    what: `the instance default (ratelimit_api_limits ${limit}/s)`,
  };
  defaults.set(api, check);
  return check;
}

export function scopeOf(t: CompiledThrottle, env: string, api: CompiledApi): Scope {
  let byEnv = scopes.get(t);
  if (!byEnv) scopes.set(t, (byEnv = new Map()));
  let byApi = byEnv.get(env);
  if (!byApi) byEnv.set(env, (byApi = new Map()));
  const apiKey = t.shared ? '*' : api.id;
  let scope = byApi.get(apiKey);
  if (!scope) {
    const key = `${policyKey(t, env)}|${apiKey}`;
    scope = { key, api: undefined, apps: new Map(), users: new Map(), rules: [] };
    if (t.api !== undefined) scope.api = check(t, `${key}|api`, t.api, 'Api', `the API limit of ${t.name}`);
    byApi.set(apiKey, scope);
  }
  return scope;
}

function check(t: CompiledThrottle, key: string, limit: number, header: string | undefined, what: string): Check {
  return { key, limit, windowMs: t.window.windowMs, header, label: t.window.label, what };
}

/** The app counter (a special app's limit replaces the app limit, 002 §5.3.3), or undefined when none applies. */
export function appCheck(t: CompiledThrottle, scope: Scope, appId: string, appName: string): Check | undefined {
  if (scope.apps.has(appId)) return scope.apps.get(appId);
  const special = t.specialApps.get(appId);
  const limit = special ?? t.app;
  const made =
    limit === undefined
      ? undefined
      : check(
          t,
          `${scope.key}|app|${appId}`,
          limit,
          'App',
          `${special !== undefined ? 'the special app' : 'the app'} limit of ${t.name} for ${appName}`,
        );
  scope.apps.set(appId, made);
  return made;
}

/** The user counter of an IAM account (a special tenant's limit, by account ID or name, replaces the user limit). */
export function userCheck(
  t: CompiledThrottle,
  scope: Scope,
  domain: string,
  domainId: string | undefined,
): Check | undefined {
  const cacheKey = domainId === undefined ? domain : `${domain}\u0000${domainId}`;
  if (scope.users.has(cacheKey)) return scope.users.get(cacheKey);
  const tenant = tenantLimit(t, domain, domainId);
  const limit = tenant ?? t.user;
  const made =
    limit === undefined
      ? undefined
      : check(
          t,
          `${scope.key}|user|${domain}`,
          limit,
          'User',
          `${tenant !== undefined ? 'the special tenant' : 'the user'} limit of ${t.name} for ${domain}`,
        );
  scope.users.set(cacheKey, made);
  return made;
}

/** A special tenant's limit, by the account's ID first, then by its name; undefined when it is no special tenant. */
export function tenantLimit(t: CompiledThrottle, domain: string, domainId: string | undefined): number | undefined {
  return (domainId !== undefined ? t.specialUsers.get(domainId) : undefined) ?? t.specialUsers.get(domain);
}

/** The per-IP counter: built per request (see the file comment). */
export function ipCheck(t: CompiledThrottle, scope: Scope, limit: number, ip: string): Check {
  return check(t, `${scope.key}|ip|${ip}`, limit, 'Ip', `the source IP limit of ${t.name} for ${ip}`);
}

/** A throttle 2.0 rule's own counter (one bucket per rule); `at`: the rule's place in `t.rules`. */
export function ruleCheck(t: CompiledThrottle, scope: Scope, rule: CompiledRule, at: number): Check {
  const kept = scope.rules[at];
  if (kept) return kept;
  const made: Check = {
    key: `${scope.key}|rule|${rule.index}`,
    limit: rule.limit,
    windowMs: rule.window.windowMs,
    header: undefined,
    label: rule.window.label,
    what: `rule ${rule.index + 1} of ${t.name} (${rule.text})`,
  };
  scope.rules[at] = made;
  return made;
}
