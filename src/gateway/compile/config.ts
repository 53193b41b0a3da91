/**
 * Compiles a loaded workspace into what the gateway serves (compiled.ts), one group at a time (group.ts), with the
 * instance limits and serve options. Built once per configuration (and again on reload); requests only read it.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { Workspace } from '../../core/workspace-model.js';
import { environmentNames } from '../../workspace/publish.js';
import { domainKey, type CompiledApi, type CompiledGroup, type GatewayConfig } from './compiled.js';
import { compileGroup } from './group.js';
import { localDomains, type LocalDomainClash } from './local-domain.js';

export interface CompileOptions {
  protocolCheck: boolean;
  lenientSignatures?: boolean;
  trustXff?: boolean;
}

const KB = 1024;
/** Ruling 9; errors-and-limits.md §4.2. */
export const URI_LIMIT = 32 * KB;
export const HEADER_LIMIT = 32 * KB;
export const HEADERS_TOTAL_LIMIT = 128 * KB;

export function compileConfig(
  ws: Workspace,
  options: CompileOptions,
): { config: GatewayConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const envs = environmentNames(ws);
  const varsOf = (env: string): Record<string, string> => ws.environments.find((e) => e.name === env)?.variables ?? {};
  const groups: CompiledGroup[] = [];
  const apis: CompiledApi[] = [];
  const local = localDomains(ws.groups.map((g) => g.ref));
  for (const [i, loaded] of ws.groups.entries()) {
    const group = compileGroup(loaded, ws, envs, varsOf, diagnostics, local.hosts[i] ?? '');
    groups.push(group);
    for (const r of group.routers.values())
      for (const route of r.routes) if (!apis.includes(route.value)) apis.push(route.value);
  }
  const range = ws.rangeOf('/groups');
  const duplicate = (message: string): void => {
    diagnostics.push({
      code: 'serve-duplicate-domain',
      severity: 'warn',
      message,
      path: '/groups',
      source: ws.shown,
      ...(range ? { range } : {}),
    });
  };
  const byDomain = new Map<string, CompiledGroup>();
  for (const g of groups) {
    for (const d of g.domains) {
      const key = domainKey(d);
      const other = byDomain.get(key);
      if (other) duplicate(`domain ${d} is bound to groups ${other.name} and ${g.name}; ${other.name} answers it`);
      else byDomain.set(key, g);
    }
  }
  // Local domains come second: a bound domain is never taken from its group (local-domain.ts settles clashes).
  for (const g of groups) if (!byDomain.has(g.localDomain)) byDomain.set(g.localDomain, g);
  for (const c of local.clashes) duplicate(clashMessage(c));
  const fallback = groups.length === 1 ? groups[0] : groups.find((g) => g.name === 'DEFAULT');
  const config: GatewayConfig = {
    workspace: ws,
    groups,
    byDomain,
    apis,
    environments: new Set(envs),
    ...(fallback ? { fallback } : {}),
    limits: {
      bodyBytes: ws.instance.request_body_size * KB * KB,
      uriBytes: URI_LIMIT,
      headerBytes: HEADER_LIMIT,
      headersTotalBytes: HEADERS_TOTAL_LIMIT,
    },
    protocolCheck: options.protocolCheck,
    lenientSignatures: options.lenientSignatures === true,
    trustXff: options.trustXff === true || ws.instance.real_ip_from_xff,
  };
  return { config, diagnostics };
}

function clashMessage(c: LocalDomainClash): string {
  const why = c.bound ? `group ${c.holder} binds ${c.wanted}` : `group ${c.holder} has the local domain ${c.wanted}`;
  return (
    `${why}, which group ${c.group}'s name also makes; ${c.group} answers at ${c.given} ` +
    '(docs/serve.md, Local domains)'
  );
}
