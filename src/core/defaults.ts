/**
 * Effective values: what the gateway uses when the definition leaves a field out, and views derived from
 * the model (the model itself keeps absent fields absent so that export is lossless).
 */
import type { Api, AuthType, Group, MatchMode, Param, ParamType, RequestProtocol, SecurityScheme } from './model.js';

/** Match mode defaults to exact (NORMAL) (002 §5.2.1; SDK match_mode default NORMAL). */
export function effectiveMatchMode(api: Pick<Api, 'matchMode'>): MatchMode {
  return api.matchMode ?? 'NORMAL';
}

/**
 * The APIG type of a Swagger parameter (x-apigateway.md "Standard Swagger fields"): integer, long, float,
 * double and number are Number; string (and boolean, 002 §5.2.1) is String; anything else has no equivalent.
 */
export function paramType(p: Pick<Param, 'swaggerType'>): ParamType | undefined {
  switch ((p.swaggerType ?? '').toLowerCase()) {
    case 'integer':
    case 'number':
    case 'long':
    case 'float':
    case 'double':
      return 'NUMBER';
    case 'string':
    case 'boolean':
      return 'STRING';
    default:
      return undefined;
  }
}

/** A parameter's bounds as the gateway applies them: absent where none is set. */
export interface ParamBounds {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/**
 * The console writes 0 for a bound that is not set: `maxLength: 0` and `maximum: 0` on every parameter of its
 * exports (User Guide (online), "Importing APIs"; Extension Definitions: x-apigateway-pass-through), so a maximum
 * length or maximum of 0 is no bound (a required value of length 0 could never be given).
 */
export function paramBounds(p: Pick<Param, 'minLength' | 'maxLength' | 'minimum' | 'maximum'>): ParamBounds {
  return {
    ...(p.minLength !== undefined ? { minLength: p.minLength } : {}),
    ...(p.maxLength !== undefined && p.maxLength !== 0 ? { maxLength: p.maxLength } : {}),
    ...(p.minimum !== undefined ? { minimum: p.minimum } : {}),
    ...(p.maximum !== undefined && p.maximum !== 0 ? { maximum: p.maximum } : {}),
  };
}

/** The backend timeout defaults to 5000 ms (x-apigateway.md §8.2). */
export const DEFAULT_BACKEND_TIMEOUT = 5000;

/** The request path as called: basePath + path (x-apigateway.md "Standard Swagger fields"). */
export function requestPath(group: Pick<Group, 'basePath'>, api: Pick<Api, 'path'>): string {
  const base = (group.basePath ?? '').replace(/\/+$/, '');
  return base + api.path;
}

/** Operation `schemes` override the document's; none means both. */
export function requestProtocol(api: Pick<Api, 'schemes'>, rootSchemes?: readonly string[]): RequestProtocol {
  const schemes = (api.schemes ?? rootSchemes ?? []).map((s) => s.toLowerCase());
  const http = schemes.includes('http');
  const https = schemes.includes('https');
  return http && !https ? 'HTTP' : https && !http ? 'HTTPS' : 'BOTH';
}

export interface ApiAuth {
  type: AuthType;
  /** Simple authentication with X-Apig-AppCode (APP only). */
  appCode: boolean;
  /** The front-end custom authorizer: the only one for AUTHORIZER, the second one for dual auth. */
  authorizer?: string;
  /** The security schemes the requirement names. */
  schemes: SecurityScheme[];
}

/**
 * A security scheme that names no authentication the gateway has: neither x-apigateway-auth-type (documented as
 * required, x-apigateway.md §1) nor x-apigateway-authorizer (§16), e.g. a plain apiKey or an OpenAPI 3.0 `http`
 * scheme. Lint's `security` rule reports an API naming one, and apig serve refuses to start on it.
 */
export const isUnreadableScheme = (s: SecurityScheme | undefined): boolean =>
  s !== undefined && s.authType === undefined && s.authorizer === undefined;

/**
 * The API's authentication from its `security` requirement and the group's schemes (x-apigateway.md §1):
 * `apig-auth-app` → APP, `apig-auth-iam` → IAM, a scheme with x-apigateway-authorizer → AUTHORIZER,
 * nothing → NONE. APP or IAM plus an authorizer scheme in the same requirement is dual authentication.
 */
export function apiAuth(group: Pick<Group, 'securitySchemes'>, api: Pick<Api, 'security'>): ApiAuth {
  const names = api.security?.[0] ?? [];
  const schemes = names
    .map((n) => group.securitySchemes.find((s) => s.name === n))
    .filter((s): s is SecurityScheme => s !== undefined);
  const gateway = schemes.find((s) => s.authType !== undefined);
  const authorizer = schemes.find((s) => s.authorizer !== undefined && s.authorizer.type === 'FRONTEND');
  const type: AuthType =
    gateway?.authType === 'AppSigv1' ? 'APP' : gateway?.authType === 'IAM' ? 'IAM' : authorizer ? 'AUTHORIZER' : 'NONE';
  return {
    type,
    appCode: type === 'APP' && schemes.some((s) => s.authOpt?.appCodeAuth === 'header'),
    ...(authorizer ? { authorizer: authorizer.name } : {}),
    schemes,
  };
}

/**
 * x-apigateway-result-normal-sample / -failure-sample, wherever they were written: inside `responses.default`
 * (HW), another response (OTC `default-cors`), or directly in the `responses` map (V1) (x-apigateway.md §15).
 */
export function resultSamples(api: Pick<Api, 'responses'>): { normal?: string; failure?: string } {
  const r = api.responses ?? {};
  const holders: unknown[] = [r, r.default, ...Object.values(r)];
  const pick = (key: string): string | undefined => {
    for (const h of holders) {
      if (typeof h === 'object' && h !== null && typeof (h as Record<string, unknown>)[key] === 'string')
        return (h as Record<string, string>)[key];
    }
    return undefined;
  };
  const normal = pick('x-apigateway-result-normal-sample');
  const failure = pick('x-apigateway-result-failure-sample');
  return { ...(normal !== undefined ? { normal } : {}), ...(failure !== undefined ? { failure } : {}) };
}

/**
 * The name a PATH parameter binds: a greedy `{name+}` may be declared as `name+` (what Swagger validators
 * accept for it) or as `name` (x-apigateway.md "Standard Swagger fields": `/users/{proxy+}`).
 */
export function pathParamName(name: string): string {
  return name.endsWith('+') ? name.slice(0, -1) : name;
}

/** ASCII letter case folded (header names), without allocating. */
export function equalsIgnoreCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const lower = x | 0x20;
    if (lower !== (y | 0x20) || lower < 0x61 || lower > 0x7a) return false;
  }
  return true;
}

/**
 * The declared (front-end) parameter a name refers to, as a REQUEST mapping names it (serve's backend request
 * and lint's backend-parameters alike): by that name; else a greedy PATH parameter declared as `p+` (it binds
 * `p`: a mapping may name it either way), or a HEADER parameter in another letter case (header names are
 * case-insensitive; Extension Definitions: x-apigateway-backend.parameters).
 */
export function declaredParam(params: readonly Param[], name: string): Param | undefined {
  for (const p of params) if (p.name === name) return p;
  for (const p of params) {
    if (
      p.location === 'PATH'
        ? pathParamName(p.name) === pathParamName(name)
        : p.location === 'HEADER' && equalsIgnoreCase(p.name, name)
    )
      return p;
  }
  return undefined;
}
