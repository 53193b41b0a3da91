/**
 * What the gateway serves, as compiled from a workspace (config.ts): per group, a router per environment holding
 * the APIs published there; per API, its parameters and a backend plan per environment. Requests only read it.
 */
import type { ApiAuth } from '../../core/defaults.js';
import type {
  Api,
  BackendParam,
  GatewayResponseSet,
  Param,
  RequestProtocol,
  SecurityScheme,
} from '../../core/model.js';
import type { Workspace } from '../../core/workspace-model.js';
import type { CompiledBackend } from '../backends/compile.js';
import type { Bound } from './bindings.js';
import type { Router } from './router.js';

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
  /** `LABEL.localhost`, which picks the group beside its `domains` (local-domain.ts); a domainKey. */
  localDomain: string;
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
  /** Keyed by domainKey(domain): the domains groups bind, then each group's local domain. */
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

/**
 * How a bound domain and a request's host name are compared: lower case, and a fully qualified `example.com.` is
 * `example.com`, as DNS and nginx read it (nginx drops the trailing dot before it matches server names).
 */
export function domainKey(domain: string): string {
  const d = domain.toLowerCase();
  return d.endsWith('.') ? d.slice(0, -1) : d;
}
