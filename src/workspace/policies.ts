/**
 * The policies of apig.yaml: throttle 2.0 policies and their bindings to APIs per environment (throttle, ACL).
 */
import type { PolicyBinding, Throttle2Policy } from '../core/workspace-model.js';
import { envMap, type Obj, obj, ownRecord } from './values.js';

export function throttlesOf(raw: Obj): Throttle2Policy[] {
  return Object.entries(obj(raw.throttles)).map(([name, t]) => throttle2(name, obj(t)));
}

/** Environment → API name → binding; without prototypes, as the gateway looks both up by name (values.ts ownRecord). */
export function bindingsOf(raw: Obj): Record<string, Record<string, PolicyBinding>> {
  return ownRecord(
    Object.entries(obj(raw.bindings)).map(
      ([env, apis]) =>
        [env, ownRecord(Object.entries(obj(apis)).map(([api, b]) => [api, policyBinding(obj(b))] as const))] as const,
    ),
  );
}

type Unit = Throttle2Policy['unit'];
const unitOf = (v: unknown): Unit => (v === 'MINUTE' || v === 'HOUR' || v === 'DAY' ? v : 'SECOND');

/** A throttle 2.0 policy as written (schema-validated); the unit defaults to SECOND (004 §6.3 writes "60秒"). */
function throttle2(name: string, o: Obj): Throttle2Policy {
  const limits: Partial<Throttle2Policy> = {};
  for (const k of ['apiLimit', 'userLimit', 'appLimit', 'ipLimit'] as const) {
    const v = o[k];
    if (typeof v === 'number') limits[k] = v;
  }
  const unit = unitOf(o.unit);
  return {
    name,
    interval: Number(o.interval),
    unit,
    ...limits,
    parameters: ((o.parameters as unknown[] | undefined) ?? []).map((p) => {
      const po = obj(p);
      return {
        location: po.location === 'query' ? 'query' : po.location === 'path' ? 'path' : 'header',
        name: String(po.name),
      };
    }),
    rules: ((o.rules as unknown[] | undefined) ?? []).map((r) => {
      const ro = obj(r);
      return {
        limit: Number(ro.limit),
        interval: typeof ro.interval === 'number' ? ro.interval : Number(o.interval),
        unit: ro.unit === undefined ? unit : unitOf(ro.unit),
        when: String(ro.when),
      };
    }),
    special: ((o.special as unknown[] | undefined) ?? []).map((x) => {
      const so = obj(x);
      return { type: so.type === 'USER' ? 'USER' : 'APP', instance: String(so.instance), limit: Number(so.limit) };
    }),
    bind: envMap(o.bind),
  };
}

function policyBinding(o: Obj): PolicyBinding {
  const out: PolicyBinding = {};
  if ('throttle' in o) out.throttle = typeof o.throttle === 'string' ? o.throttle : null;
  if ('acl' in o) out.acl = o.acl === null ? null : Array.isArray(o.acl) ? o.acl.map(String) : [String(o.acl)];
  return out;
}
