/**
 * Throttling policies as the throttling stage uses them: traditional policies (x-apigateway-ratelimits,
 * 002 §5.3.1) and throttle 2.0 policies (apig.yaml `throttles`, practices.md §1.1) compiled to one shape.
 */
import type { ThrottlePolicy, TimeUnit } from '../../core/model.js';
import { inThrottleRange, limitFields, MAX_THROTTLE_VALUE } from '../../core/throttle-limits.js';
import type { Throttle2Policy } from '../../core/workspace-model.js';
import { parseExpr, type Expr } from './expr.js';

const UNIT_MS = { SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 } as const satisfies Record<
  TimeUnit,
  number
>;

export interface Window {
  windowMs: number;
  /** `10 second`, as X-Apig-RateLimit-* print it (singular unit, errors-and-limits.md §3). */
  label: string;
}

export function windowOf(interval: number, unit: TimeUnit): Window {
  return { windowMs: interval * UNIT_MS[unit], label: `${interval} ${unit.toLowerCase()}` };
}

export interface CompiledRule {
  index: number;
  limit: number;
  window: Window;
  when: Expr;
  text: string;
}

export interface CompiledThrottle {
  kind: 'traditional' | '2.0';
  name: string;
  window: Window;
  api?: number;
  user?: number;
  app?: number;
  ip?: number;
  /** Shared (共享流控): one API counter for every bound API (002 §5.3.1). 2.0 documents only per-API scope. */
  shared: boolean;
  /** Special apps (app ID → limit) and tenants (account ID or name → limit): they replace the app or user limit. */
  specialApps: Map<string, number>;
  specialUsers: Map<string, number>;
  rules: CompiledRule[];
  /** Declared 2.0 parameters by name. */
  parameters: Map<string, 'header' | 'query' | 'path'>;
}

function specials(
  list: ReadonlyArray<{ type: 'APP' | 'USER'; instance: string; limit: number }>,
  type: 'APP' | 'USER',
): Map<string, number> {
  return new Map(list.filter((s) => s.type === type).map((s) => [s.instance, s.limit]));
}

export function traditionalProblems(p: ThrottlePolicy): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [field, v] of limitFields(p))
    if (v !== undefined && !inThrottleRange(v))
      out.push([
        field,
        `${field} ${v} must be between 1 and ${MAX_THROTTLE_VALUE}; the gateway refuses such a policy ` +
          '(API Reference, Creating a Request Throttling Policy)',
      ]);
  for (const [i, s] of (p.special ?? []).entries())
    if (!inThrottleRange(s.limit))
      out.push([
        `special/${i}/limit`,
        `special ${s.type} ${s.instance} limit ${s.limit} must be a positive integer; the gateway refuses it ` +
          '(API Gateway User Guide, 5.3.3 Adding an Excluded App or Tenant)',
      ]);
  return out;
}

export function compileTraditional(p: ThrottlePolicy): CompiledThrottle {
  return {
    kind: 'traditional',
    name: p.name,
    window: windowOf(p.interval, p.unit),
    api: p.apiLimit,
    ...(p.userLimit !== undefined ? { user: p.userLimit } : {}),
    ...(p.appLimit !== undefined ? { app: p.appLimit } : {}),
    ...(p.ipLimit !== undefined ? { ip: p.ipLimit } : {}),
    shared: p.shared === true,
    specialApps: specials(p.special ?? [], 'APP'),
    specialUsers: specials(p.special ?? [], 'USER'),
    rules: [],
    parameters: new Map(),
  };
}

/** A 2.0 policy, or the message of the first rule whose condition does not parse. */
export function compileThrottle2(p: Throttle2Policy): CompiledThrottle | string {
  const rules: CompiledRule[] = [];
  for (const [index, r] of p.rules.entries()) {
    try {
      rules.push({
        index,
        limit: r.limit,
        window: windowOf(r.interval, r.unit),
        when: parseExpr(r.when),
        text: r.when,
      });
    } catch (err) {
      return (
        `throttle policy ${p.name}, rule ${index + 1} (${JSON.stringify(r.when)}): ` +
        `${err instanceof Error ? err.message : String(err)}`
      );
    }
  }
  return {
    kind: '2.0',
    name: p.name,
    window: windowOf(p.interval, p.unit),
    ...(p.apiLimit !== undefined ? { api: p.apiLimit } : {}),
    ...(p.userLimit !== undefined ? { user: p.userLimit } : {}),
    ...(p.appLimit !== undefined ? { app: p.appLimit } : {}),
    ...(p.ipLimit !== undefined ? { ip: p.ipLimit } : {}),
    shared: false,
    specialApps: specials(p.special, 'APP'),
    specialUsers: specials(p.special, 'USER'),
    rules,
    parameters: new Map(p.parameters.map((x) => [x.name, x.location])),
  };
}
