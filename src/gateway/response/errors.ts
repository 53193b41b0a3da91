/**
 * The gateway's error catalogue: every error the pipeline can answer, with its APIG code, table status and
 * message (errors-and-limits.md §1.1) and the gateway-response type that renders it (§1.4, x-apigateway.md §18).
 * APIG reuses codes across situations (APIG.0201 is 400/413/414/494/502/504/500), so entries are keyed by
 * situation and each names its code (errors-and-limits.md §9 item 3).
 * Where the error table and the response type disagree on the status (APIG.0304 403 vs "应用未授权" 401,
 * APIG.0305 401 vs "自定义认证失败" 500; errors-and-limits.md §1.3 item 7), ruling 1 makes the type's default win.
 * Long on purpose: a declarative table, one entry per situation, kept whole so that every code is seen at once.
 */
import type { GatewayErrorType } from '../../core/model.js';

export interface CatalogueEntry {
  code: string;
  /** The status of the runtime error table; used when the response type has no default (ruling 1). */
  status: number;
  message: string;
  type: GatewayErrorType;
}

export const ERRORS = {
  /** 003 调用限制: malformed requests (status and code not documented; ruling 1 → APIG.0201 400). */
  REQUEST_INVALID: { code: 'APIG.0201', status: 400, message: 'API request error.', type: 'DEFAULT_4XX' },
  /** CONNECT (003 调用限制); "unsupported HTTP method" belongs to the request-parameter type (x-apigateway.md §18). */
  METHOD_UNSUPPORTED: {
    code: 'APIG.0201',
    status: 400,
    message: 'API request error.',
    type: 'REQUEST_PARAMETERS_FAILURE',
  },
  ENTITY_TOO_LARGE: { code: 'APIG.0201', status: 413, message: 'Request entity too large.', type: 'DEFAULT_4XX' },
  URI_TOO_LARGE: { code: 'APIG.0201', status: 414, message: 'Request URI too large.', type: 'DEFAULT_4XX' },
  HEADERS_TOO_LARGE: { code: 'APIG.0201', status: 494, message: 'Request headers too large.', type: 'DEFAULT_4XX' },
  API_NOT_FOUND: {
    code: 'APIG.0101',
    status: 404,
    message: 'The API does not exist or has not been published in the environment.',
    type: 'NOT_FOUND',
  },
  /** The path exists with another method (errors-and-limits.md §1.1, second APIG.0101 row). */
  API_METHOD_NOT_FOUND: { code: 'APIG.0101', status: 404, message: 'The API does not exist.', type: 'NOT_FOUND' },
  /** `{xxx}` is replaced by the supported protocol (errors-and-limits.md §1.1). */
  PROTOCOL_NOT_SUPPORTED: {
    code: 'APIG.0607',
    status: 400,
    message: 'The following protocol is supported: {xxx}',
    type: 'DEFAULT_4XX',
  },
  PARAMETER_INVALID: {
    code: 'APIG.0201',
    status: 400,
    message: 'API request error.',
    type: 'REQUEST_PARAMETERS_FAILURE',
  },
  BACKEND_UNAVAILABLE: { code: 'APIG.0201', status: 502, message: 'Backend unavailable.', type: 'BACKEND_UNAVAILABLE' },
  BACKEND_TIMEOUT: { code: 'APIG.0201', status: 504, message: 'Backend timeout.', type: 'BACKEND_TIMEOUT' },
  DNS_FAILED: { code: 'APIG.0605', status: 500, message: 'Domain name resolution failed.', type: 'DEFAULT_5XX' },
  NO_BACKEND_AVAILABLE: {
    code: 'APIG.0610',
    status: 502,
    message: 'No backend available.',
    type: 'BACKEND_UNAVAILABLE',
  },
  /** An API without x-apigateway-backend (e.g. exported with the basic scope). */
  BACKEND_MISSING: { code: 'APIG.0103', status: 500, message: 'The backend does not exist.', type: 'DEFAULT_5XX' },
  VPC_BACKEND_MISSING: {
    code: 'APIG.0609',
    status: 500,
    message: 'The VPC backend does not exist.',
    type: 'DEFAULT_5XX',
  },
  /** A backend that is this gateway, past 10 levels of recursion (001 §7.10; backends/self-call.ts). */
  API_CALLS_ITSELF: { code: 'APIG.0612', status: 500, message: 'An API cannot call itself.', type: 'DEFAULT_5XX' },
  INTERNAL: { code: 'APIG.0201', status: 500, message: 'An unexpected error occurred', type: 'DEFAULT_5XX' },
  /** ACL by IP (002 §5.4.1; errors-and-limits.md §1.1). */
  IP_DENIED: {
    code: 'APIG.0402',
    status: 403,
    message: 'The IP address is not authorized to access the API.',
    type: 'ACCESS_DENIED',
  },
  /** An X-Forwarded-For that names no address while the gateway trusts it (real_ip_from_xff). */
  IP_UNKNOWN: { code: 'APIG.0401', status: 403, message: 'Unknown client IP address.', type: 'ACCESS_DENIED' },
  /** ACL by account: an IAM caller whose account the list refuses. */
  ACCOUNT_DENIED: {
    code: 'APIG.0302',
    status: 403,
    message: 'The IAM user is not authorized to access the API.',
    type: 'ACCESS_DENIED',
  },
  /** ACL by account: a caller with no account (not IAM-authenticated) where only listed accounts may call. */
  ACCESS_DENIED: { code: 'APIG.0306', status: 403, message: 'API access denied.', type: 'ACCESS_DENIED' },
  /** APP authentication without any credential: the "identity source missing" type (x-apigateway.md §18). */
  APP_AUTH_MISSING: {
    code: 'APIG.0303',
    status: 401,
    message: 'Incorrect app authentication information.',
    type: 'AUTH_HEADER_MISSING',
  },
  APP_AUTH_FAILED: {
    code: 'APIG.0303',
    status: 401,
    message: 'Incorrect app authentication information.',
    type: 'AUTH_FAILURE',
  },
  /** app_secret / app_basic with a known key and a wrong secret (errors-and-limits.md §1.1, APIG.1009). */
  APP_SECRET_INVALID: {
    code: 'APIG.1009',
    status: 400,
    message: 'AppKey or AppSecret is invalid',
    type: 'AUTH_FAILURE',
  },
  APP_NOT_AUTHORIZED: {
    code: 'APIG.0304',
    status: 403,
    message: 'The app is not authorized to access the API.',
    type: 'UNAUTHORIZED',
  },
  IAM_AUTH_MISSING: {
    code: 'APIG.0301',
    status: 401,
    message: 'Incorrect IAM authentication information.',
    type: 'AUTH_HEADER_MISSING',
  },
  IAM_AUTH_FAILED: {
    code: 'APIG.0301',
    status: 401,
    message: 'Incorrect IAM authentication information.',
    type: 'AUTH_FAILURE',
  },
  TOKEN_EXPIRED: { code: 'APIG.0307', status: 401, message: 'The token must be updated.', type: 'AUTH_FAILURE' },
  /** The authorizer said deny: `Incorrect authentication information: frontend authorizer` (004 §3). */
  AUTHORIZER_DENIED: {
    code: 'APIG.0305',
    status: 401,
    message: 'Incorrect authentication information.',
    type: 'AUTHORIZER_FAILURE',
  },
  AUTHORIZER_IDENTITY_MISSING: {
    code: 'APIG.0305',
    status: 401,
    message: 'Incorrect authentication information.',
    type: 'AUTHORIZER_IDENTITIES_FAILURE',
  },
  /**
   * The authorizer threw, timed out, was unreachable or answered something malformed
   * (type "custom auth configuration error").
   */
  AUTHORIZER_ERROR: {
    code: 'APIG.0305',
    status: 401,
    message: 'Incorrect authentication information.',
    type: 'AUTHORIZER_CONF_FAILURE',
  },
  THROTTLED: {
    code: 'APIG.0308',
    status: 429,
    message: 'The throttling threshold has been reached.',
    type: 'THROTTLED',
  },
  BACKEND_SIGNATURE_FAILED: {
    code: 'APIG.0705',
    status: 500,
    message: 'Backend signature calculation failed.',
    type: 'DEFAULT_5XX',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorId = keyof typeof ERRORS;

/**
 * Default status per gateway-response type (x-apigateway.md §18, OTC "creating a gateway response");
 * null where the documentation gives none ("–"), so the error table's status applies (ruling 1).
 */
export const TYPE_DEFAULT_STATUS = {
  ACCESS_DENIED: 403,
  AUTHORIZER_CONF_FAILURE: 500,
  AUTHORIZER_FAILURE: 500,
  AUTHORIZER_IDENTITIES_FAILURE: 401,
  THIRD_AUTH_CONF_FAILURE: 500,
  THIRD_AUTH_FAILURE: 401,
  THIRD_AUTH_IDENTITIES_FAILURE: 401,
  AUTH_FAILURE: 401,
  AUTH_HEADER_MISSING: 401,
  BACKEND_TIMEOUT: 504,
  BACKEND_UNAVAILABLE: 502,
  DEFAULT_4XX: null,
  DEFAULT_5XX: null,
  NOT_FOUND: 404,
  REQUEST_PARAMETERS_FAILURE: 400,
  THROTTLED: 429,
  UNAUTHORIZED: 401,
  OIDC_AUTH_TOKEN_VERIFY_FAIL: null,
  OIDC_AUTH_GET_DISCOVERY_ERROR: null,
  OIDC_AUTH_CODE_FLOW_FAIL: null,
  JWT_AUTH_FAILURE: null,
  ORCHESTRATION_PARAMETER_NOT_FOUND: null,
  ORCHESTRATION_FAILURE: null,
} as const satisfies Record<GatewayErrorType, number | null>;

/** A decision to answer with a gateway error. */
export interface GatewayFailure {
  id: ErrorId;
  /** Why, in plain words: shown in the trace and the request log, never in the response body (ruling 1). */
  detail?: string;
  /** A documented `: detail` suffix of the message (errors-and-limits.md §1.2), e.g. for auth errors. */
  suffix?: string;
  /** Replaces `{xxx}` in the message (APIG.0607). */
  arg?: string;
}

export function failure(
  id: ErrorId,
  detail?: string,
  extra: Pick<GatewayFailure, 'suffix' | 'arg'> = {},
): GatewayFailure {
  return { id, ...(detail !== undefined ? { detail } : {}), ...extra };
}

/**
 * The message as the body states it: the table text, `{xxx}` filled, plus the documented suffix, which replaces
 * the table text's final period (`Incorrect app authentication information: app not found, appkey …`, 000 §4.8).
 */
export function failureMessage(f: GatewayFailure): string {
  const base: string = ERRORS[f.id].message;
  const filled = f.arg !== undefined ? base.replace('{xxx}', f.arg) : base;
  return f.suffix !== undefined ? `${filled.replace(/\.$/, '')}: ${f.suffix}` : filled;
}
