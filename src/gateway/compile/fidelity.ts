/**
 * The start-up fidelity table: every feature the workspace configures, and whether this emulator reproduces
 * it (emulated), in part (partial) or not at all (ignored). `--strict` refuses to start when a configured
 * feature would be ignored. docs/fidelity.md is the long form of the same list; keep both true.
 * Long on purpose: one declarative row per feature, kept in one table so it reads like docs/fidelity.md.
 */
import { apiAuth, requestProtocol } from '../../core/defaults.js';
import type { Api, Group } from '../../core/model.js';
import type { Workspace } from '../../core/workspace-model.js';

export type FidelityStatus = 'emulated' | 'partial' | 'ignored';

export interface FidelityRow {
  feature: string;
  status: FidelityStatus;
  /** `group/api` names, or `apig.yaml` for workspace settings. */
  where: string[];
  note: string;
  /** Where the behaviour is documented. */
  source: string;
}

interface Rule {
  feature: string;
  source: string;
  /** Whether an API configures the feature. */
  applies?: (api: Api, group: Group, ws: Workspace) => boolean;
  /** Whether the workspace configures it (instead of an API). */
  workspace?: (ws: Workspace, o: FidelityOptions) => boolean;
  status: (o: FidelityOptions) => FidelityStatus;
  note: (o: FidelityOptions) => string;
}

export interface FidelityOptions {
  /** An HTTPS listener is configured, or --strict: the protocol check applies (ruling 11). */
  protocolCheck: boolean;
  /** X-Forwarded-For is trusted (instance real_ip_from_xff or --trust-xff). */
  trustXff?: boolean;
}

const XFF = 'client IP from X-Forwarded-For';

/** Whether apig.yaml `bindings` binds a policy of that kind to the API in some environment. */
const bound = (ws: Workspace, api: string, kind: 'throttle' | 'acl'): boolean =>
  Object.values(ws.bindings ?? {}).some((apis) => {
    const b = apis[api]?.[kind];
    return b !== undefined && b !== null && b.length > 0;
  });

/** Authorizers the API names, front-end and back-end. */
const authorizers = (a: Api, g: Group): string[] =>
  apiAuth(g, a)
    .schemes.filter((s) => s.authorizer !== undefined)
    .map((s) => s.name);
const implemented = (name: string, ws: Workspace): boolean =>
  ws.authorizers.some((x) => x.name === name && (x.module !== undefined || x.url !== undefined));
const listedIn = (bind: Record<string, string[]>, api: string): boolean =>
  Object.values(bind).some((names) => names.includes('*') || names.includes(api));
/** Root `schemes` are kept by the import as an extra field. */
const rootSchemes = (g: Group): string[] | undefined =>
  Array.isArray(g.kept?.extra?.schemes) ? (g.kept.extra.schemes as unknown[]).map(String) : undefined;
const kind = (api: Api): string | undefined => api.backend?.type;
const always = (s: FidelityStatus) => () => s;
const text = (s: string) => () => s;

const RULES: Rule[] = [
  {
    feature: 'exact and prefix routing',
    source: 'User Guide §5.2.1; docs/rulings.md Route precedence',
    applies: () => true,
    status: always('emulated'),
    note: text('static > {param} > {param+}, longest prefix, specific method > ANY'),
  },
  {
    feature: 'environments and publication',
    source: 'User Guide §5.5.1, §6.1',
    applies: () => true,
    status: always('emulated'),
    note: text('X-Stage, RELEASE by default'),
  },
  {
    feature: 'Mock backend',
    source: 'User Guide §5.2.1, table 5-8',
    applies: (a) => kind(a) === 'MOCK',
    status: always('emulated'),
    note: text('200, application/json'),
  },
  {
    feature: 'HTTP/HTTPS backend',
    source: 'User Guide §5.2.1, table 5-7',
    applies: (a) => kind(a) === 'HTTP',
    status: always('emulated'),
    note: text('timeout 504, refused 502, DNS APIG.0605'),
  },
  {
    feature: 'several backend addresses',
    source: 'Extension Definitions: x-apigateway-backend.httpEndpoints',
    applies: (a) => a.backend?.type === 'HTTP' && a.backend.http.address.length > 1,
    status: always('partial'),
    note: text('only the first address is used'),
  },
  {
    feature: 'HTTP-VPC backend (VPC channel)',
    source: 'User Guide §5.7.1',
    applies: (a) => kind(a) === 'HTTP-VPC',
    status: always('emulated'),
    note: text('WRR/WLC/SH/URI, active health checks, APIG.0610'),
  },
  {
    feature: 'member-group VPC backend',
    source: 'Extension Definitions: x-apigateway-backend.httpVpcMemberGroupEndpoints',
    applies: (a) => kind(a) === 'HTTP-VPC-MEMBER-GROUP',
    status: always('ignored'),
    note: text('not emulated: calls answer 502 APIG.0610'),
  },
  {
    feature: 'FUNCTION backend (local module)',
    source: 'Extension Definitions: x-apigateway-backend.functionEndpoints',
    applies: (a, _g, ws) =>
      a.backend?.type === 'FUNCTION' && ws.functions[a.backend.function.functionUrn] !== undefined,
    status: always('emulated'),
    note: text('sync and async, FunctionGraph trigger event'),
  },
  {
    feature: 'FUNCTION backend without a local module',
    source: 'apig.yaml functions',
    applies: (a, _g, ws) =>
      a.backend?.type === 'FUNCTION' && ws.functions[a.backend.function.functionUrn] === undefined,
    status: always('ignored'),
    note: text('map the URN to a module in apig.yaml; calls answer 502'),
  },
  {
    feature: 'backend retries (retryCount)',
    source: 'Extension Definitions: x-apigateway-backend.httpEndpoints',
    applies: (a) =>
      (a.backend?.type === 'HTTP'
        ? a.backend.http.retryCount
        : a.backend?.type === 'HTTP-VPC'
          ? a.backend.vpc.retryCount
          : undefined) !== undefined,
    status: always('ignored'),
    note: text('no retries'),
  },
  {
    feature: 'backend client TLS (enableClientSsl)',
    source: 'Extension Definitions: x-apigateway-backend.httpEndpoints',
    applies: (a) =>
      (a.backend?.type === 'HTTP'
        ? a.backend.http.enableClientSsl
        : a.backend?.type === 'HTTP-VPC'
          ? a.backend.vpc.enableClientSsl
          : false) === true,
    status: always('ignored'),
    note: text('no client certificate is presented'),
  },
  {
    feature: 'parameter validation and defaults',
    source: 'User Guide §5.2.1, table 5-6',
    applies: (a) => a.params.some((p) => p.location === 'PATH' || p.location === 'QUERY' || p.location === 'HEADER'),
    status: always('emulated'),
    note: text('required, String/Number, length, enum, bounds'),
  },
  {
    feature: 'backend parameter mapping',
    source: 'User Guide §5.2.1 steps 3–5',
    applies: (a) => (a.backend?.params?.length ?? 0) > 0,
    status: always('emulated'),
    note: text('REQUEST, CONSTANT, SYSTEM ($context.*)'),
  },
  {
    feature: 'parameter orchestrations',
    source: 'Extension Definitions: x-apigateway-orchestrations',
    applies: (a) => a.params.some((p) => (p.orchestrations?.length ?? 0) > 0),
    status: always('ignored'),
    note: text('not emulated'),
  },
  {
    feature: 'gateway responses',
    source: 'User Guide §5.1.4; docs/rulings.md Error responses',
    applies: (_a, g) => g.responses.length > 0,
    status: always('emulated'),
    note: text('status, body and headers with $context.*'),
  },
  {
    feature: 'HTTPS-only request protocol',
    source: 'docs/rulings.md Protocols locally',
    applies: (a, g) => requestProtocol(a, rootSchemes(g)) === 'HTTPS',
    status: (o) => (o.protocolCheck ? 'emulated' : 'partial'),
    note: (o) => (o.protocolCheck ? 'APIG.0607 over HTTP' : 'also served over HTTP (no --tls-cert, not --strict)'),
  },
  {
    feature: 'APP authentication',
    source: 'User Guide §6.3.1; API Signing Guide',
    applies: (a, g) => apiAuth(g, a).type === 'APP',
    status: always('emulated'),
    note: text('SDK-HMAC-SHA256, ±15 min, app authorization per environment (APIG.0303/0304)'),
  },
  {
    feature: 'AppCode simple authentication',
    source: 'User Guide §6.1.4',
    applies: (a, g) => apiAuth(g, a).appCode,
    status: (o) => (o.protocolCheck ? 'emulated' : 'partial'),
    note: (o) =>
      o.protocolCheck
        ? 'X-Apig-AppCode, HTTPS only'
        : 'X-Apig-AppCode; also accepted over HTTP (no --tls-cert, not --strict)',
  },
  {
    feature: 'IAM authentication',
    source: 'User Guide §6.3.1; docs/rulings.md IAM authentication offline',
    applies: (a, g) => apiAuth(g, a).type === 'IAM',
    status: always('emulated'),
    note: text('tokens and AK/SK from apig.yaml iam; AK lockout after 5 failures'),
  },
  {
    feature: 'custom authorizer',
    source: 'Best Practices ch. 3; docs/rulings.md Custom authorizers offline',
    applies: (a, g, ws) => authorizers(a, g).some((n) => implemented(n, ws)),
    status: always('emulated'),
    note: text('local module or URL (apig.yaml authorizers); identity sources, TTL cache, context'),
  },
  {
    feature: 'custom authorizer without a local implementation',
    source: 'apig.yaml authorizers',
    applies: (a, g, ws) => authorizers(a, g).some((n) => !implemented(n, ws)),
    status: always('ignored'),
    note: text('name a module or URL in apig.yaml authorizers; calls answer 500 APIG.0305'),
  },
  {
    feature: 'CORS',
    source: 'User Guide §5.2.2',
    applies: (a) => a.cors === true,
    status: always('emulated'),
    note: text('Allow-Origin * unless the backend sets it; preflight through the OPTIONS API'),
  },
  {
    feature: 'throttling policy',
    source: 'User Guide §5.3.1; docs/rulings.md Throttling windows',
    applies: (a, _g, ws) => a.throttle !== undefined || bound(ws, a.name, 'throttle'),
    status: always('emulated'),
    note: text('API/user/app/IP, shared, specials; fixed windows aligned to the epoch'),
  },
  {
    feature: 'throttle 2.0 policy',
    source: 'Best Practices ch. 6',
    applies: (a, _g, ws) => (ws.throttles ?? []).some((t) => listedIn(t.bind, a.name)),
    status: always('emulated'),
    note: text('basic limits, parameter rules (=, AND, OR), specials; choices in serve.md'),
  },
  {
    feature: 'access control (ACL)',
    source: 'User Guide §5.4.1',
    applies: (a, _g, ws) => a.acl !== undefined || bound(ws, a.name, 'acl'),
    status: always('emulated'),
    note: text('IP (addresses, ranges, CIDR) and accounts, PERMIT/DENY'),
  },
  {
    feature: 'backend policies',
    source: 'User Guide §5.2.1 step 2, §8.3.15',
    applies: (a) => (a.policies?.length ?? 0) > 0,
    status: always('emulated'),
    note: text('source, param, system, cookie, authorizer conditions; first match, else default'),
  },
  {
    feature: 'plugins',
    source: 'Extension Definitions: x-apigateway-plugins',
    applies: (a) => (a.plugins?.length ?? 0) > 0,
    status: always('ignored'),
    note: text('not emulated'),
  },
  {
    feature: 'backend signing (signature keys)',
    source: 'User Guide §5.6.1',
    workspace: (ws) => ws.signatureKeys.some((k) => Object.keys(k.bind).length > 0),
    status: always('emulated'),
    note: text('hmac: SDK-HMAC-SHA256 (host, x-sdk-date); basic: Basic auth'),
  },
  {
    feature: 'instance app_secret / app_basic',
    source: 'Calling APIs: Adding authentication information to an API request',
    workspace: (ws) => ws.instance.app_secret || ws.instance.app_basic,
    status: always('emulated'),
    note: text('X-HW-ID/X-HW-AppKey; Authorization: Basic'),
  },
  {
    feature: 'instance app_route (calls by IP into a non-DEFAULT group)',
    source: 'Calling APIs: API calling scenarios',
    workspace: (ws) => ws.instance.app_route,
    status: always('emulated'),
    note: text('X-HW-ID or X-Apig-AppCode lead to the group of an authorized APP API'),
  },
  {
    feature: XFF,
    source: 'Best Practices ch. 5',
    workspace: (ws, o) => ws.instance.real_ip_from_xff || o.trustXff === true,
    status: always('emulated'),
    note: text('the entry at real_ip_index (-1: the last)'),
  },
];

/** Every feature the start-up table can name (docs/fidelity.md lists each one). */
export const FIDELITY_FEATURES: readonly string[] = RULES.map((r) => r.feature);

export function fidelityReport(ws: Workspace, options: FidelityOptions): FidelityRow[] {
  const rows: FidelityRow[] = [];
  for (const rule of RULES) {
    const where: string[] = [];
    if (rule.applies) {
      for (const g of ws.groups)
        for (const api of g.model.apis) if (rule.applies(api, g.model, ws)) where.push(`${g.ref.name}/${api.name}`);
    }
    if (rule.workspace?.(ws, options))
      where.push(
        ws.instance.real_ip_from_xff || !options.trustXff || rule.feature !== XFF ? 'apig.yaml' : '--trust-xff',
      );
    if (where.length > 0)
      rows.push({
        feature: rule.feature,
        status: rule.status(options),
        where,
        note: rule.note(options),
        source: rule.source,
      });
  }
  return rows;
}

/** What --strict refuses: configured features that would be ignored. */
export function ignoredFeatures(rows: readonly FidelityRow[]): FidelityRow[] {
  return rows.filter((r) => r.status === 'ignored');
}
