/**
 * The dashboard's Throttling view: for each throttling policy bound to an API in an environment, the counters of
 * its current window (API, user, app, source IP, 2.0 rule: the keys the throttling stage counts under) with their
 * limits; and the instance default's per-second counters that are running. Read back from the state store
 * (this process's counters, or the Redis store's under its prefix); a store that cannot be read says so.
 */
import type { GatewayConfig } from '../compile/compiled.js';
import type { CounterReading } from '../store/store.js';
import { defaultKey, policyKey, tenantLimit } from '../throttle/checks.js';
import type { CompiledThrottle } from '../throttle/policy.js';
import { windowStart } from '../throttle/windows.js';

export type CounterScope = 'api' | 'user' | 'app' | 'ip' | 'rule' | 'default';

export interface CounterView {
  scope: CounterScope;
  /** The API (or `every bound API` when shared), the account, the app, the address, or the rule. */
  who: string;
  /** The API whose counter it is (per-API policies count users, apps and addresses per API). */
  api?: string;
  used: number;
  limit: number;
  /** Shown when it differs from the policy's (a 2.0 rule's own window). */
  window?: string;
}

export interface PolicyView {
  name: string;
  kind: 'traditional' | '2.0' | 'instance default';
  env: string;
  apis: string[];
  window: string;
  windowMs: number;
  /** When the current window began and ends, ISO 8601 on the gateway's clock. */
  windowStart: string;
  windowEnd: string;
  counters: CounterView[];
}

export interface ThrottleView {
  now: string;
  epochMs: number;
  virtualClock: boolean;
  /** Counters are in a store that cannot be read back: not shown. */
  shared: boolean;
  policies: PolicyView[];
}

interface Bound {
  t: CompiledThrottle;
  env: string;
  apis: Array<{ id: string; name: string }>;
}

function boundPolicies(config: GatewayConfig): Map<string, Bound> {
  const out = new Map<string, Bound>();
  for (const c of config.apis)
    for (const [env, bound] of c.bound) {
      const t = bound.throttle;
      if (!t || !c.backends.has(env)) continue;
      const id = policyKey(t, env);
      const b = out.get(id) ?? { t, env, apis: [] };
      b.apis.push({ id: c.id, name: `${c.group.name}/${c.api.name}` });
      out.set(id, b);
    }
  return out;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The counter's limit; a special tenant may be named by account ID, which the key (the account name) is not. */
function limitOf(t: CompiledThrottle, dim: string, who: string, config: GatewayConfig): number | undefined {
  if (dim === 'user') {
    const iam = [...config.workspace.iam.tokens, ...config.workspace.iam.aksk];
    const special = iam.find((i) => i.domain === who && i.domainId !== undefined && t.specialUsers.has(i.domainId));
    return tenantLimit(t, who, special?.domainId) ?? t.user;
  }
  if (dim === 'app') return t.specialApps.get(who) ?? t.app;
  if (dim === 'ip') return t.ip;
  if (dim === 'rule') return t.rules[Number(who)]?.limit;
  return t.api;
}

function whoOf(t: CompiledThrottle, dim: string, who: string, config: GatewayConfig): string {
  if (dim === 'app') return config.workspace.apps.find((a) => a.id === who)?.name ?? who;
  if (dim === 'rule') {
    const r = t.rules[Number(who)];
    return r ? `rule ${r.index + 1}: ${r.text}` : `rule ${who}`;
  }
  return who;
}

/**
 * `readings`: the store's counters (StateStore.readCounters), or undefined when it cannot be read back. A reading
 * counts only in the window that holds `now` for its counter's window length.
 */
export function throttleView(
  config: GatewayConfig,
  readings: readonly CounterReading[] | undefined,
  now: number,
  virtual: boolean,
): ThrottleView {
  const live = new Map<string, { used: number; start: number }>();
  for (const r of readings ?? []) live.set(r.key, { used: r.used, start: r.start });
  const used = (key: string, windowMs: number): number | undefined => {
    const v = live.get(key);
    return v && v.start === windowStart(now, windowMs) ? v.used : undefined;
  };
  const policies: PolicyView[] = [];
  for (const [id, b] of boundPolicies(config)) {
    const { t } = b;
    const start = windowStart(now, t.window.windowMs);
    const counters: CounterView[] = [];
    if (t.api !== undefined) {
      const scopes = t.shared ? [{ id: '*', name: 'every bound API (shared)' }] : b.apis;
      for (const a of scopes)
        counters.push({
          scope: 'api',
          who: a.name,
          used: used(`${id}|${a.id}|api`, t.window.windowMs) ?? 0,
          limit: t.api,
        });
    }
    const prefix = `${id}|`;
    for (const key of live.keys()) {
      if (!key.startsWith(prefix)) continue;
      const [apiId, dim = '', ...rest] = key.slice(prefix.length).split('|');
      if (dim === 'api') continue;
      const who = rest.join('|');
      const limit = limitOf(t, dim, who, config);
      if (limit === undefined) continue;
      const rule = dim === 'rule' ? t.rules[Number(who)] : undefined;
      const taken = used(key, rule ? rule.window.windowMs : t.window.windowMs);
      if (taken === undefined) continue;
      counters.push({
        scope: dim as CounterScope,
        who: whoOf(t, dim, who, config),
        ...(apiId !== '*' ? { api: b.apis.find((a) => a.id === apiId)?.name ?? '' } : {}),
        used: taken,
        limit,
        ...(rule && rule.window.windowMs !== t.window.windowMs ? { window: rule.window.label } : {}),
      });
    }
    policies.push({
      name: t.name,
      kind: t.kind,
      env: b.env,
      apis: b.apis.map((a) => a.name),
      window: t.window.label,
      windowMs: t.window.windowMs,
      windowStart: iso(start),
      windowEnd: iso(start + t.window.windowMs),
      counters,
    });
  }
  // The instance default (ratelimit_api_limits per second) of APIs that are being called.
  const limit = config.workspace.instance.ratelimit_api_limits;
  const defaults: CounterView[] = [];
  for (const c of config.apis) {
    const v = used(defaultKey(c.id), 1000);
    if (v !== undefined) defaults.push({ scope: 'default', who: `${c.group.name}/${c.api.name}`, used: v, limit });
  }
  if (defaults.length > 0) {
    const start = windowStart(now, 1000);
    policies.push({
      name: 'ratelimit_api_limits',
      kind: 'instance default',
      env: '*',
      apis: defaults.map((d) => d.who),
      window: '1 second',
      windowMs: 1000,
      windowStart: iso(start),
      windowEnd: iso(start + 1000),
      counters: defaults,
    });
  }
  return { now: iso(now), epochMs: now, virtualClock: virtual, shared: readings === undefined, policies };
}
