/**
 * The one walk of a lint run (Redocly's walkDocument, over the model instead of the raw tree): the workspace,
 * each group with its named policies, each API with its parameters and backends. At each node the engine calls
 * the handlers the enabled rules have for that kind of node, in registry order; each node's site (an API with
 * its pointer) is made once and shared by every rule.
 */
import type { Api, Param } from '../core/model.js';
import type { Workspace } from '../core/workspace-model.js';
import { ApiNode, BackendNode, GroupShare } from './sites.js';
import type { PolicyBackendSite, Visitor } from './types.js';

/** Each rule's handler for one kind of node, bound to its visitor; rules without one are left out. */
function handlers<A extends unknown[]>(
  visitors: readonly Visitor[],
  pick: (v: Visitor) => ((...args: A) => void) | undefined,
): Array<(...args: A) => void> {
  const out: Array<(...args: A) => void> = [];
  for (const v of visitors) {
    const f = pick(v);
    if (f) out.push(f.bind(v));
  }
  return out;
}

type Handlers = ReturnType<typeof handlersOf>;

function handlersOf(visitors: readonly Visitor[]) {
  return {
    workspace: handlers(visitors, (v) => v.Workspace),
    group: handlers(visitors, (v) => v.Group),
    scheme: handlers(visitors, (v) => v.SecurityScheme),
    throttle: handlers(visitors, (v) => v.ThrottlePolicy),
    acl: handlers(visitors, (v) => v.AclPolicy),
    response: handlers(visitors, (v) => v.GatewayResponse),
    api: handlers(visitors, (v) => v.Api),
    param: handlers(visitors, (v) => v.Param),
    backend: handlers(visitors, (v) => v.Backend),
    policy: handlers(visitors, (v) => v.BackendPolicy),
    leaveGroup: handlers(visitors, (v) => v.leave?.Group),
    leaveWorkspace: handlers(visitors, (v) => v.leave?.Workspace),
  };
}

export function walkWorkspace(ws: Workspace, visitors: readonly Visitor[]): void {
  const on = handlersOf(visitors);
  for (const f of on.workspace) f(ws);
  ws.groups.forEach((group, index) => {
    const { model } = group;
    for (const f of on.group) f(group, index);
    for (const s of model.securitySchemes) for (const f of on.scheme) f(s, group);
    for (const t of model.throttles) for (const f of on.throttle) f(t, group);
    for (const a of model.acls) for (const f of on.acl) f(a, group);
    for (const r of model.responses) for (const f of on.response) f(r, group);
    const share = new GroupShare(group);
    const apis = model.apis;
    for (let i = 0; i < apis.length; i++) walkApi(new ApiNode(share, apis[i] as Api), on);
    for (const f of on.leaveGroup) f(group, index);
  });
  for (const f of on.leaveWorkspace) f(ws);
}

/** One API, its parameters and its backends: indexed loops (no iterator per handler list in cold code). */
function walkApi(site: ApiNode, on: Handlers): void {
  const { api } = site;
  const { api: onApi, param: onParam, backend: onBackend, policy: onPolicy } = on;
  for (let h = 0; h < onApi.length; h++) (onApi[h] as (typeof onApi)[number])(site);
  const params = api.params;
  for (let i = 0; i < params.length; i++)
    for (let h = 0; h < onParam.length; h++) (onParam[h] as (typeof onParam)[number])(params[i] as Param, site);
  if (onBackend.length === 0 && onPolicy.length === 0) return;
  if (api.backend) {
    const b = new BackendNode(site, api.backend, undefined);
    for (let h = 0; h < onBackend.length; h++) (onBackend[h] as (typeof onBackend)[number])(b);
  }
  const policies = api.policies ?? [];
  for (let i = 0; i < policies.length; i++) {
    const b = new BackendNode(site, policies[i] as PolicyBackendSite['backend'], i) as PolicyBackendSite;
    for (let h = 0; h < onPolicy.length; h++) (onPolicy[h] as (typeof onPolicy)[number])(b);
    for (let h = 0; h < onBackend.length; h++) (onBackend[h] as (typeof onBackend)[number])(b);
  }
}
