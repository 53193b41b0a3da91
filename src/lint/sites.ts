/** Iteration helpers shared by the rules: every API with its JSON pointer, parameters, backends. */
import type { Api, Backend, BackendPolicy, Param } from '../core/model.js';
import { join } from '../core/pointer.js';
import type { LoadedGroup, Workspace } from '../core/workspace-model.js';
import type { ApiSite } from './types.js';

export function operationKey(api: Pick<Api, 'method'>): string {
  return api.method === 'ANY' ? 'x-apigateway-any-method' : api.method.toLowerCase();
}

const sitesCache = new WeakMap<Workspace, ApiSite[]>();

/** Every rule walks the APIs: the list (with pointers) is built once per workspace. */
export function apiSites(ws: Workspace): ApiSite[] {
  let sites = sitesCache.get(ws);
  if (!sites) {
    sites = ws.groups.flatMap((group) =>
      group.model.apis.map((api) => ({
        group,
        model: group.model,
        api,
        at: join('', 'paths', api.path, operationKey(api)),
      })),
    );
    sitesCache.set(ws, sites);
  }
  return sites;
}

/** Where a parameter was written: in the operation, the Path Item, or the root `parameters` map. */
export function paramPointer(site: ApiSite, param: Param): string {
  if (param.ref !== undefined) return param.ref.replace(/^#/, '');
  if (param.inherited) {
    const item = join('', 'paths', site.api.path, 'parameters');
    const index = site.api.params.filter((p) => p.inherited).indexOf(param);
    return join(item, index);
  }
  const own = site.api.params.filter((p) => !p.inherited);
  return join(site.at, 'parameters', own.indexOf(param));
}

export const BACKEND_KEY = 'x-apigateway-backend';
export const POLICIES_KEY = 'x-apigateway-backend-policies';

export const ENDPOINT_KEY: Record<Backend['type'], string> = {
  HTTP: 'httpEndpoints',
  'HTTP-VPC': 'httpVpcEndpoints',
  'HTTP-VPC-MEMBER-GROUP': 'httpVpcMemberGroupEndpoints',
  FUNCTION: 'functionEndpoints',
  MOCK: 'mockEndpoints',
};

/** The default backend and every policy backend of an API, with their pointers. */
export function backendsOf(site: ApiSite): Array<{ backend: Backend | BackendPolicy; at: string; policy: boolean }> {
  const out: Array<{ backend: Backend | BackendPolicy; at: string; policy: boolean }> = [];
  if (site.api.backend) out.push({ backend: site.api.backend, at: join(site.at, BACKEND_KEY), policy: false });
  for (const [i, p] of (site.api.policies ?? []).entries())
    out.push({ backend: p, at: join(site.at, POLICIES_KEY, i), policy: true });
  return out;
}

export function endpointPointer(b: { backend: Backend; at: string }): string {
  return join(b.at, b.backend.kept?.keys?.[ENDPOINT_KEY[b.backend.type]] ?? ENDPOINT_KEY[b.backend.type]);
}

/** `#name#` environment variables in a string (002 §5.2.1). */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(/#([^#\s]+)#/g)].map((m) => m[1] as string);
}

/** `{name}` and `{name+}` segments of a path. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+?)\+?\}/g)].map((m) => m[1] as string);
}

/** Security schemes live under `securityDefinitions` (2.0) or `components.securitySchemes` (3.0). */
export function schemePointer(group: LoadedGroup, name: string): string {
  return group.model.format === 'oas3'
    ? join('', 'components', 'securitySchemes', name)
    : join('', 'securityDefinitions', name);
}

/** Gateway responses at the root (2.0) or under `components` (3.0), ruling 10. */
export function responsesPointer(group: LoadedGroup, ...rest: string[]): string {
  return group.model.format === 'oas3'
    ? join('', 'components', 'x-apigateway-responses', ...rest)
    : join('', 'x-apigateway-responses', ...rest);
}

/** The document-level `schemes` (kept as written in the group). */
export function rootSchemes(model: { kept?: { extra?: Record<string, unknown> } }): string[] | undefined {
  const s = model.kept?.extra?.schemes;
  return Array.isArray(s) ? s.map(String) : undefined;
}
