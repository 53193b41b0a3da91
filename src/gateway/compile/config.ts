/**
 * Compiles a loaded workspace into what the gateway serves: per group, a router per environment holding the
 * APIs published there; per API, its parameters and a backend plan per environment. Built once per
 * configuration (and again on reload); requests only read it.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, ServeCode } from '../../core/diagnostic.js';
import { apiAuth, requestPath, requestProtocol, type ApiAuth } from '../../core/defaults.js';
import type {
  Api,
  BackendParam,
  GatewayResponseSet,
  Param,
  RequestProtocol,
  SecurityScheme,
} from '../../core/model.js';
import { pointer } from '../../core/pointer.js';
import type { LoadedGroup, Workspace } from '../../core/workspace-model.js';
import { environmentNames, isPublished } from '../../workspace/publish.js';
import { compileBackend, type CompiledBackend } from '../backends/compile.js';
import { bindPolicies, type Bound } from './bindings.js';
import { parsePattern } from './route-pattern.js';
import { Router } from './router.js';

export interface CompiledApi {
  api: Api;
  group: CompiledGroup;
  /** A stable 32-hex id derived from group and API name (`$context.apiId`; the cloud assigns real ids). */
  id: string;
  /** basePath + path, as called. */
  path: string;
  protocol: RequestProtocol;
  /** The gateway response set it uses (x-apigateway-response, default `default`). */
  responseSet: string;
  /** Front-end parameters the gateway handles (PATH, QUERY, HEADER; 002 §5.2.1). */
  params: Param[];
  backendParams: BackendParam[];
  /** Per environment it is published to. */
  backends: Map<string, CompiledBackend>;
  /** Authentication (x-apigateway.md §1; defaults.ts apiAuth). */
  auth: ApiAuth;
  /** The front-end authorizer (AUTHORIZER or dual authentication) and the back-end one, by security scheme. */
  frontendAuthorizer?: SecurityScheme;
  backendAuthorizer?: SecurityScheme;
  /** x-apigateway-cors. */
  cors: boolean;
  /** Throttle, ACL, signature key and policy backends per environment (bindings.ts). */
  bound: Map<string, Bound>;
}

export interface CompiledGroup {
  name: string;
  /** Absolute path of the Swagger file. */
  file: string;
  domains: string[];
  routers: Map<string, Router<CompiledApi>>;
  responses: Map<string, GatewayResponseSet>;
}

export interface Limits {
  /** instance `request_body_size` MB (002 §3.2; ruling 9). */
  bodyBytes: number;
  uriBytes: number;
  headerBytes: number;
  headersTotalBytes: number;
}

export interface GatewayConfig {
  workspace: Workspace;
  groups: CompiledGroup[];
  byDomain: Map<string, CompiledGroup>;
  /** The only group, or the one named DEFAULT (002 §6.3.1: the DEFAULT group answers calls by IP). */
  fallback?: CompiledGroup;
  apis: CompiledApi[];
  environments: Set<string>;
  limits: Limits;
  /** APIG.0607 applies when serving HTTPS or under --strict (ruling 11). */
  protocolCheck: boolean;
  /** --lenient-signatures: accept the client variants of signing.md §4.8 (ruling 6). */
  lenientSignatures: boolean;
  /** instance real_ip_from_xff or --trust-xff (request/client-ip.ts). */
  trustXff: boolean;
}

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

const HANDLED = new Set(['PATH', 'QUERY', 'HEADER']);

export function apiPointer(api: Api): string {
  return pointer('paths', api.path, api.method === 'ANY' ? 'x-apigateway-any-method' : api.method.toLowerCase());
}

/** A diagnostic about a group file, positioned (file:line:col) by the loader's source map. */
function groupDiagnostic(
  loaded: LoadedGroup,
  code: ServeCode,
  severity: Diagnostic['severity'],
  path: string,
  message: string,
): Diagnostic {
  const range = loaded.rangeOf(path);
  return { code, severity, message, path, source: loaded.shown, ...(range ? { range } : {}) };
}

function stableId(group: string, api: string): string {
  return createHash('sha256').update(`${group}\u0000${api}`).digest('hex').slice(0, 32);
}

export function compileConfig(
  ws: Workspace,
  options: CompileOptions,
): { config: GatewayConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const envs = environmentNames(ws);
  const varsOf = (env: string): Record<string, string> => ws.environments.find((e) => e.name === env)?.variables ?? {};
  const groups: CompiledGroup[] = [];
  const apis: CompiledApi[] = [];
  for (const loaded of ws.groups) {
    const group = compileGroup(loaded, ws, envs, varsOf, diagnostics);
    groups.push(group);
    for (const r of group.routers.values())
      for (const route of r.routes) if (!apis.includes(route.value)) apis.push(route.value);
  }
  const byDomain = new Map<string, CompiledGroup>();
  for (const g of groups) {
    for (const d of g.domains) {
      const key = d.toLowerCase();
      const other = byDomain.get(key);
      if (other) {
        const range = ws.rangeOf('/groups');
        diagnostics.push({
          code: 'serve-duplicate-domain',
          severity: 'warn',
          message: `domain ${d} is bound to groups ${other.name} and ${g.name}; ${other.name} answers it`,
          path: '/groups',
          source: ws.shown,
          ...(range ? { range } : {}),
        });
      } else byDomain.set(key, g);
    }
  }
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

function compileGroup(
  loaded: LoadedGroup,
  ws: Workspace,
  envs: string[],
  varsOf: (env: string) => Record<string, string>,
  diagnostics: Diagnostic[],
): CompiledGroup {
  const model = loaded.model;
  const group: CompiledGroup = {
    name: loaded.ref.name,
    file: loaded.file,
    domains: loaded.ref.domains,
    routers: new Map(),
    responses: new Map(model.responses.map((r) => [r.name, r])),
  };
  // Root `schemes` are not modelled; the import keeps them as an extra field.
  const rootSchemes = Array.isArray(model.kept?.extra?.schemes)
    ? (model.kept.extra.schemes as unknown[]).map(String)
    : undefined;
  const compiled = model.apis.map((api): CompiledApi => {
    const responseSet = api.gatewayResponse ?? 'default';
    if (responseSet !== 'default' && !group.responses.has(responseSet)) {
      diagnostics.push(
        groupDiagnostic(
          loaded,
          'serve-unknown-response',
          'warn',
          `${apiPointer(api)}/x-apigateway-response`,
          `API ${api.name} uses gateway response ${responseSet}, which the group does not define; the default one answers`,
        ),
      );
    }
    const auth = apiAuth(model, api);
    const backendAuthorizer = auth.schemes.find((s) => s.authorizer?.type === 'BACKEND');
    const frontendAuthorizer = auth.schemes.find((s) => s.name === auth.authorizer);
    return {
      api,
      group,
      id: stableId(group.name, api.name),
      path: requestPath(model, api),
      protocol: requestProtocol(api, rootSchemes),
      responseSet,
      params: api.params.filter((p) => HANDLED.has(p.location)),
      backendParams: api.backend?.params ?? [],
      backends: new Map(),
      auth,
      cors: api.cors === true,
      bound: new Map(),
      ...(frontendAuthorizer ? { frontendAuthorizer } : {}),
      ...(backendAuthorizer ? { backendAuthorizer } : {}),
    };
  });
  for (const env of envs) {
    const published = compiled.filter((c) => isPublished(ws, env, c.api));
    if (published.length === 0) continue;
    for (const c of published) {
      const input = { env, vars: varsOf(env), workspace: ws };
      const backend = compileBackend(c.api.backend, input, c.api.sendFgBodyBase64);
      c.backends.set(env, backend);
      for (const w of backend.warnings) {
        diagnostics.push(
          groupDiagnostic(
            loaded,
            'serve-backend',
            'warn',
            `${apiPointer(c.api)}/x-apigateway-backend`,
            `API ${c.api.name} in ${env}: ${w}`,
          ),
        );
      }
      c.bound.set(
        env,
        bindPolicies(c.api, model, env, input, (message) => {
          diagnostics.push(
            groupDiagnostic(
              loaded,
              'serve-policy',
              'warn',
              apiPointer(c.api),
              `API ${c.api.name} in ${env}: ${message}`,
            ),
          );
        }),
      );
    }
    const router = new Router(
      published.map((c) => ({ pattern: parsePattern(c.path, c.api.method, c.api.matchMode ?? 'NORMAL'), value: c })),
    );
    for (const { first, second } of router.conflicts) {
      diagnostics.push(
        groupDiagnostic(
          loaded,
          'serve-duplicate-route',
          'error',
          apiPointer(second.value.api),
          `APIs ${first.value.api.name} (${first.pattern.method} ${first.pattern.path}) and ${second.value.api.name} (${second.pattern.method} ${second.pattern.path}) answer the same requests (${second.pattern.mode === 'NORMAL' ? 'exact' : 'prefix'} match) in ${env}; change or remove one (docs/rulings.md, Route precedence)`,
        ),
      );
    }
    group.routers.set(env, router);
  }
  return group;
}
