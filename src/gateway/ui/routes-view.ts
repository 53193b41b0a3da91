/**
 * The dashboard's Routes view: one row per API and environment it is published to, with its method, path,
 * match mode, authentication, backend, the policies bound there (bindings.ts) and where it is defined
 * (file:line, from the loader's source map).
 */
import { describeBackend } from '../backends/compile.js';
import type { GatewayConfig } from '../compile/compiled.js';
import { apiPointer } from '../compile/group.js';
import { routeUrl } from '../compile/route-url.js';

export interface RouteView {
  group: string;
  env: string;
  api: string;
  method: string;
  path: string;
  match: 'exact' | 'prefix';
  auth: string;
  backend: string;
  /** Why calls cannot succeed in this environment, when they cannot. */
  problem?: string;
  policies: string[];
  /** The definition: the group file as shown to the user, 1-based line. */
  file: string;
  line?: number;
  /** A URL that reaches the API on this gateway (parameters filled in). */
  url?: string;
}

export function routesView(config: GatewayConfig, listening: string | undefined): RouteView[] {
  const rows: RouteView[] = [];
  for (const c of config.apis) {
    const loaded = config.workspace.groups.find((g) => g.file === c.group.file);
    const line = loaded?.rangeOf(apiPointer(c.api))?.start.line;
    const a = c.auth;
    const auth = [a.type, a.appCode ? 'AppCode' : '', a.authorizer !== undefined ? `authorizer ${a.authorizer}` : '']
      .filter((s) => s !== '')
      .join(', ');
    const url = listening !== undefined ? routeUrl(c, config, listening) : undefined;
    for (const [env, backend] of c.backends) {
      const bound = c.bound.get(env);
      const policies = [
        ...(bound?.throttle ? [`throttle ${bound.throttle.name}${bound.throttle.kind === '2.0' ? ' (2.0)' : ''}`] : []),
        ...(bound?.acls ?? []).map((p) => `access control ${p.name}`),
        ...(bound?.signatureKey ? [`signature key ${bound.signatureKey.name}`] : []),
        ...(bound?.policies ?? []).map((p) => `policy backend ${p.name}`),
      ];
      rows.push({
        group: c.group.name,
        env,
        api: c.api.name,
        method: c.api.method,
        path: c.path,
        match: (c.api.matchMode ?? 'NORMAL') === 'NORMAL' ? 'exact' : 'prefix',
        auth,
        backend: describeBackend(c.api.backend),
        ...(backend.problem ? { problem: backend.problem.detail ?? backend.problem.id } : {}),
        policies,
        file: loaded?.shown ?? c.group.file,
        ...(line !== undefined ? { line: line + 1 } : {}),
        ...(url !== undefined ? { url } : {}),
      });
    }
  }
  return rows;
}
