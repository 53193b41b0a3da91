/**
 * The dashboard's Routes view: one row per API and environment it is published to, with its method, path,
 * match mode, authentication, backend, the policies bound there (bindings.ts) and where it is defined
 * (file:line, from the loader's source map).
 */
import { isAbsolute, sep } from 'node:path';
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
  /** The definition as an editor link (`vscode://file/ABSOLUTE:LINE`): the row's file:line opens it there. */
  open?: string;
  /** A URL that reaches the API on this gateway (parameters filled in). */
  url?: string;
}

/** VS Code's link to a file and line (and editors that register the same scheme). */
function editorLink(file: string, line: number | undefined): string {
  // Each segment percent-encoded (a `#` or `?` in a name stays part of the path); a drive's `:` kept.
  const path = file
    .split(sep)
    .map((seg) => encodeURIComponent(seg).replace(/%3A/gi, ':'))
    .join('/');
  return `vscode://file${path.startsWith('/') ? '' : '/'}${path}${line !== undefined ? `:${line + 1}` : ''}`;
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
        ...(isAbsolute(c.group.file) ? { open: editorLink(c.group.file, line) } : {}),
        ...(url !== undefined ? { url } : {}),
      });
    }
  }
  return rows;
}
