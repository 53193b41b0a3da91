/**
 * What is bound to an API in one environment (002 §5.3.1, §5.4.1, §5.6.1: one throttling policy, one access
 * control policy and one signature key per API per environment): the throttle and ACL named by the operation
 * (x-apigateway-ratelimit / x-apigateway-access-control), unless apig.yaml `bindings` says otherwise for that
 * environment; a throttle 2.0 policy bound there replaces the traditional one (004 §6.1 constraint 3); the
 * signature key whose `bind` lists the API; and the policy backends, compiled like the default backend.
 */
import type { AclEntityType, AclType, Api, BackendParam, EffectMode, Group } from '../../core/model.js';
import type { SignatureKey, Workspace } from '../../core/workspace-model.js';
import { compileBackend, type CompiledBackend, type CompileInput } from '../backends/compile.js';
import { compileIpList, type IpList } from './ip-list.js';
import { compileCondition, type CompiledCondition } from './conditions.js';
import { compileThrottle2, compileTraditional, type CompiledThrottle } from '../throttle/policy.js';

export interface CompiledAcl {
  name: string;
  type: AclType;
  entityType: AclEntityType;
  /** IP entries (entity type IP). */
  ips?: IpList;
  /** Account names (DOMAIN) or IDs (DOMAIN_ID). */
  accounts: Set<string>;
}

export interface CompiledPolicy {
  name: string;
  effectMode: EffectMode;
  conditions: CompiledCondition[];
  backend: CompiledBackend;
  params: BackendParam[];
}

export interface Bound {
  throttle?: CompiledThrottle;
  acls: CompiledAcl[];
  signatureKey?: SignatureKey;
  policies: CompiledPolicy[];
}

const listed = (names: readonly string[] | undefined, api: string): boolean =>
  (names ?? []).some((n) => n === '*' || n === api);

/** Warnings name the API and environment; `at` is the operation's JSON pointer. */
export type Warn = (message: string, at?: string) => void;

export function bindPolicies(api: Api, group: Group, env: string, input: CompileInput, warn: Warn): Bound {
  const ws: Workspace = input.workspace;
  const binding = ws.bindings?.[env]?.[api.name];
  const bound: Bound = { acls: [], policies: [] };
  const throttle2 = (ws.throttles ?? []).filter((t) => listed(t.bind[env], api.name));
  if (throttle2.length > 1)
    warn(
      `throttle 2.0 policies ${throttle2.map((t) => t.name).join(', ')} are all bound in ${env}; ` +
        `an API takes one (Best Practices §6.1), ${throttle2[0]?.name ?? ''} applies`,
    );
  const first2 = throttle2[0];
  const traditional = binding?.throttle !== undefined ? (binding.throttle ?? undefined) : api.throttle;
  // A 2.0 policy the gateway could not create is never bound, so the traditional policy stays in force.
  const c2 = first2 ? compileThrottle2(first2) : undefined;
  if (typeof c2 === 'string') warn(`${c2}; the policy is not applied`);
  if (c2 !== undefined && typeof c2 !== 'string') bound.throttle = c2;
  else if (traditional !== undefined) {
    const p = group.throttles.find((t) => t.name === traditional);
    if (p) bound.throttle = compileTraditional(p);
    else warn(`throttle policy ${traditional} is not defined in x-apigateway-ratelimits; the instance default applies`);
  }
  const aclNames = binding?.acl !== undefined ? (binding.acl ?? []) : api.acl !== undefined ? [api.acl] : [];
  for (const name of aclNames) {
    const p = group.acls.find((a) => a.name === name);
    if (!p) {
      warn(`access control policy ${name} is not defined in x-apigateway-access-controls; not applied`);
      continue;
    }
    // One policy per API per environment (002 §5.4.1); apig lets a binding hold one IP and one account policy.
    const same = bound.acls.find((a) => (a.entityType === 'IP') === (p.entityType === 'IP'));
    if (same) {
      warn(
        `access control policies ${same.name} and ${name} are both ${p.entityType === 'IP' ? 'IP' : 'account'} ` +
          `policies; an API takes one access control policy in an environment (API Gateway User Guide, 5.4.1 ` +
          `Creating an Access Control Policy; apig allows one IP and one account policy), ${same.name} applies`,
      );
      continue;
    }
    const acl: CompiledAcl = {
      name,
      type: p.aclType,
      entityType: p.entityType,
      accounts: new Set(p.entityType === 'IP' ? [] : p.values),
    };
    if (p.entityType === 'IP') {
      acl.ips = compileIpList(p.values);
      if (acl.ips.invalid.length > 0)
        warn(`access control policy ${name}: ${acl.ips.invalid.join(', ')} is no address, range or CIDR; ignored`);
    }
    bound.acls.push(acl);
  }
  const key = ws.signatureKeys.find((k) => listed(k.bind[env], api.name));
  if (key) bound.signatureKey = key;
  for (const [i, p] of (api.policies ?? []).entries()) {
    const name = p.name ?? `policy${i + 1}`;
    const conditions: CompiledCondition[] = [];
    for (const c of p.conditions) {
      const cc = compileCondition(c);
      if (typeof cc === 'string') warn(`policy backend ${name}: ${cc}; the condition never matches`);
      else {
        if (cc.ips && cc.ips.invalid.length > 0)
          warn(`policy backend ${name}: ${cc.ips.invalid.join(', ')} is no address, range or CIDR`);
        conditions.push(cc);
      }
    }
    const backend = compileBackend(p, input);
    for (const w of backend.warnings) warn(`policy backend ${name}: ${w}`);
    // Default ANY: the effect mode's default is not documented; V1's example uses ANY.
    bound.policies.push({ name, effectMode: p.effectMode ?? 'ANY', conditions, backend, params: p.params ?? [] });
  }
  if (bound.policies.length > 5)
    warn(`${bound.policies.length} policy backends; APIG allows at most 5 per API (Best Practices §10.1)`);
  return bound;
}

const NOTHING_BOUND: Bound = Object.freeze({ acls: [], policies: [] }) as Bound;

/** What is bound to the routed API in the request's environment. */
export function boundOf(ctx: { hit?: { api: { bound: Map<string, Bound> } }; env?: string }): Bound {
  return ctx.hit?.api.bound.get(ctx.env ?? '') ?? NOTHING_BOUND;
}
