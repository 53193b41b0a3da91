/**
 * The typed APIG model: everything the gateway knows (api-model.md, x-apigateway.md).
 * Closed unions everywhere; optional fields stay absent when the source omitted them, so that export
 * is lossless. Effective values (defaults) come from the functions in defaults.ts.
 * Long on purpose: declarations only (types and literal tables, no logic), one place to read the whole model.
 */
import type { Kept } from './kept.js';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export const API_METHODS = [...HTTP_METHODS, 'ANY'] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export const MATCH_MODES = ['NORMAL', 'SWA'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

/** Front-end protocols as the console names them; Swagger `schemes` [http], [https] or both. */
export type RequestProtocol = 'HTTP' | 'HTTPS' | 'BOTH';
export const SCHEMES = ['http', 'https'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const AUTH_TYPES = ['NONE', 'APP', 'IAM', 'AUTHORIZER'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

/** x-apigateway-auth-type values (V1 adds IAM_NONE). */
export const SCHEME_AUTH_TYPES = ['AppSigv1', 'IAM', 'IAM_NONE'] as const;
export type SchemeAuthType = (typeof SCHEME_AUTH_TYPES)[number];

export const APPCODE_AUTH_TYPES = ['disable', 'header'] as const;
export type AppCodeAuthType = (typeof APPCODE_AUTH_TYPES)[number];

export const REQUEST_TYPES = ['public', 'private'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Swagger parameter locations; APIG supports PATH, QUERY and HEADER only (the rest are kept for lint). */
export const PARAM_LOCATIONS = ['PATH', 'QUERY', 'HEADER', 'COOKIE', 'BODY', 'FORMDATA'] as const;
export type ParamLocation = (typeof PARAM_LOCATIONS)[number];

export const PARAM_TYPES = ['STRING', 'NUMBER'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

export const PASS_THROUGH = ['always', 'never'] as const;
export type PassThrough = (typeof PASS_THROUGH)[number];

export const CONTENT_TYPES = ['application/json', 'application/xml', 'multipart/form-data', 'text/plain'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const BACKEND_TYPES = ['HTTP', 'HTTP-VPC', 'HTTP-VPC-MEMBER-GROUP', 'FUNCTION', 'MOCK'] as const;
export type BackendType = (typeof BACKEND_TYPES)[number];

export const BACKEND_PARAM_LOCATIONS = ['PATH', 'QUERY', 'HEADER'] as const;
export type BackendParamLocation = (typeof BACKEND_PARAM_LOCATIONS)[number];

export const BACKEND_PARAM_ORIGINS = ['REQUEST', 'CONSTANT', 'SYSTEM'] as const;
export type BackendParamOrigin = (typeof BACKEND_PARAM_ORIGINS)[number];

export const INVOCATION_TYPES = ['sync', 'async'] as const;
export type InvocationType = (typeof INVOCATION_TYPES)[number];

export const NETWORK_TYPES = ['V1', 'V2'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

export const CONDITION_ORIGINS = ['param', 'source', 'system', 'cookie', 'frontend_authorizer'] as const;
export type ConditionOrigin = (typeof CONDITION_ORIGINS)[number];

export const CONDITION_TYPES = ['exact', 'enum', 'pattern'] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];

export const EFFECT_MODES = ['ANY', 'ALL'] as const;
export type EffectMode = (typeof EFFECT_MODES)[number];

export const TIME_UNITS = ['SECOND', 'MINUTE', 'HOUR', 'DAY'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export const SPECIAL_TYPES = ['APP', 'USER'] as const;
export type SpecialType = (typeof SPECIAL_TYPES)[number];

export const ACL_TYPES = ['PERMIT', 'DENY'] as const;
export type AclType = (typeof ACL_TYPES)[number];

export const ACL_ENTITY_TYPES = ['IP', 'DOMAIN', 'DOMAIN_ID'] as const;
export type AclEntityType = (typeof ACL_ENTITY_TYPES)[number];

export const AUTHORIZER_KINDS = ['FRONTEND', 'BACKEND'] as const;
export type AuthorizerKind = (typeof AUTHORIZER_KINDS)[number];

export const IDENTITY_LOCATIONS = ['HEADER', 'QUERY'] as const;
export type IdentityLocation = (typeof IDENTITY_LOCATIONS)[number];

/** Gateway-response error types (x-apigateway.md §18, SDK ResponsesCreate). */
export const GATEWAY_ERROR_TYPES = [
  'AUTH_FAILURE',
  'AUTH_HEADER_MISSING',
  'AUTHORIZER_FAILURE',
  'AUTHORIZER_CONF_FAILURE',
  'AUTHORIZER_IDENTITIES_FAILURE',
  'BACKEND_UNAVAILABLE',
  'BACKEND_TIMEOUT',
  'THROTTLED',
  'UNAUTHORIZED',
  'ACCESS_DENIED',
  'NOT_FOUND',
  'REQUEST_PARAMETERS_FAILURE',
  'DEFAULT_4XX',
  'DEFAULT_5XX',
  'THIRD_AUTH_FAILURE',
  'THIRD_AUTH_IDENTITIES_FAILURE',
  'THIRD_AUTH_CONF_FAILURE',
  'OIDC_AUTH_TOKEN_VERIFY_FAIL',
  'OIDC_AUTH_GET_DISCOVERY_ERROR',
  'OIDC_AUTH_CODE_FLOW_FAIL',
  'JWT_AUTH_FAILURE',
  'ORCHESTRATION_PARAMETER_NOT_FOUND',
  'ORCHESTRATION_FAILURE',
] as const;
export type GatewayErrorType = (typeof GATEWAY_ERROR_TYPES)[number];

// ---------------------------------------------------------------------------------------------
// Front end

export interface Param extends Kept {
  name: string;
  location: ParamLocation;
  /** The Swagger `type` as written (`string`, `integer`, `number`, `boolean`, ...). */
  swaggerType?: string;
  required?: boolean;
  default?: string | number | boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: Array<string | number | boolean>;
  description?: string;
  passThrough?: PassThrough;
  sample?: string;
  orchestrations?: string[];
  /** Declared on the Path Item, shared by its operations. */
  inherited?: boolean;
  /** Written as `$ref` to a root-level parameter. */
  ref?: string;
}

export interface Api extends Kept {
  /** operationId (ruling 12); generated when missing. */
  name: string;
  nameGenerated: boolean;
  method: ApiMethod;
  /** The Swagger path key as written (without basePath). */
  path: string;
  matchMode?: MatchMode;
  /** Swagger `schemes` of the operation, lower-cased; undefined when omitted. */
  schemes?: Scheme[];
  /** Security requirement objects: each is a list of scheme names. */
  security?: string[][];
  requestType?: RequestType;
  cors?: boolean;
  sendFgBodyBase64?: boolean;
  contentType?: string;
  description?: string;
  summary?: string;
  params: Param[];
  backend?: Backend;
  policies?: BackendPolicy[];
  throttle?: string;
  acl?: string;
  plugins?: string[];
  gatewayResponse?: string;
  /** The raw `responses` object (documentation only; it carries the result samples, see resultSamples()). */
  responses?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Backends (x-apigateway-backend and its sub-objects)

export interface BackendParam extends Kept {
  name: string;
  value: string;
  location: BackendParamLocation;
  origin: BackendParamOrigin;
  description?: string;
}

export interface HttpEndpoint extends Kept {
  /** `host[:port]`; may contain `#var#`. Written as a string or an array. */
  address: string[];
  scheme: Scheme;
  method: ApiMethod;
  path: string;
  timeout?: number;
  description?: string;
  retryCount?: string;
  enableClientSsl?: boolean;
}

export interface HttpVpcEndpoint extends Kept {
  /** VPC channel name. */
  name: string;
  scheme: Scheme;
  method: ApiMethod;
  path: string;
  timeout?: number;
  host?: string;
  description?: string;
  retryCount?: string;
  enableClientSsl?: boolean;
}

export interface MemberGroupUrlInfo extends Kept {
  name: string;
  scheme: Scheme;
  method: ApiMethod;
  path: string;
}

export interface MemberGroupEndpoint extends Kept {
  name: string;
  memberGroupUrlInfos: MemberGroupUrlInfo[];
  timeout?: number;
  retryCount?: string;
  enableClientSsl?: boolean;
  enableSmChannel?: boolean;
}

export interface FunctionEndpoint extends Kept {
  functionUrn: string;
  version?: string;
  invocationType: InvocationType;
  timeout?: number;
  aliasUrn?: string;
  networkType?: NetworkType;
  description?: string;
}

export interface MockEndpoint extends Kept {
  resultContent: string;
  description?: string;
}

export interface BackendCommon extends Kept {
  params?: BackendParam[];
}

export interface HttpBackend extends BackendCommon {
  type: 'HTTP';
  http: HttpEndpoint;
}
export interface HttpVpcBackend extends BackendCommon {
  type: 'HTTP-VPC';
  vpc: HttpVpcEndpoint;
}
export interface MemberGroupBackend extends BackendCommon {
  type: 'HTTP-VPC-MEMBER-GROUP';
  memberGroup: MemberGroupEndpoint;
}
export interface FunctionBackend extends BackendCommon {
  type: 'FUNCTION';
  function: FunctionEndpoint;
}
export interface MockBackend extends BackendCommon {
  type: 'MOCK';
  mock: MockEndpoint;
}

export type Backend = HttpBackend | HttpVpcBackend | MemberGroupBackend | FunctionBackend | MockBackend;

export interface Condition extends Kept {
  origin: ConditionOrigin;
  type?: ConditionType;
  value: string;
  /** Request parameter, system parameter, cookie or authorizer-context name, per origin. */
  parameter?: string;
}

export interface PolicyFields {
  name?: string;
  effectMode?: EffectMode;
  conditions: Condition[];
}

export type BackendPolicy = Backend & PolicyFields;

// ---------------------------------------------------------------------------------------------
// Policies defined in the Swagger root

export interface ThrottleSpecial extends Kept {
  type: SpecialType;
  limit: number;
  /** App ID (APP) or tenant/account ID (USER). */
  instance: string;
}

export interface ThrottlePolicy extends Kept {
  name: string;
  apiLimit: number;
  userLimit?: number;
  appLimit?: number;
  ipLimit?: number;
  interval: number;
  unit: TimeUnit;
  shared?: boolean;
  special?: ThrottleSpecial[];
}

export interface AclPolicy extends Kept {
  name: string;
  aclType: AclType;
  entityType: AclEntityType;
  /** The comma-separated entries, split and trimmed. */
  values: string[];
}

export interface GatewayResponseEntry extends Kept {
  status?: number;
  /** Body templates by content type. */
  body?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface GatewayResponseSet extends Kept {
  name: string;
  /** Keyed by error type; unknown keys are kept as written (lint reports them). */
  entries: Record<string, GatewayResponseEntry>;
}

export interface AuthorizerIdentity extends Kept {
  name: string;
  location: IdentityLocation;
  validation?: string;
}

export interface AuthorizerDef extends Kept {
  type: AuthorizerKind;
  authorizerType: 'FUNC';
  uri: string;
  aliasUri?: string;
  version?: string;
  networkType?: NetworkType;
  needBody?: boolean;
  identities?: AuthorizerIdentity[];
  ttl?: number;
  timeout?: number;
  retryAttempts?: number;
  downgradeEnabled?: boolean;
  userData?: string;
}

/** x-apigateway-auth-opt (x-apigateway.md §2). */
export interface AuthOpt extends Kept {
  appCodeAuth?: AppCodeAuthType;
}

export interface SecurityScheme extends Kept {
  name: string;
  /** Swagger `type` (always apiKey for APIG). */
  type?: string;
  paramName?: string;
  in?: string;
  description?: string;
  authType?: SchemeAuthType;
  authOpt?: AuthOpt;
  authorizer?: AuthorizerDef;
}

/** A Path Item's own fields other than operations (parameters, x- fields...). */
export interface PathItemInfo extends Kept {
  path: string;
}

export type SpecFormat = 'swagger2' | 'oas3';

export interface Group extends Kept {
  /** info.title */
  name: string;
  description?: string;
  version?: string;
  host?: string;
  basePath?: string;
  format: SpecFormat;
  /** Original `swagger`/`openapi` version string. */
  specVersion: string;
  securitySchemes: SecurityScheme[];
  apis: Api[];
  pathItems: PathItemInfo[];
  throttles: ThrottlePolicy[];
  acls: AclPolicy[];
  responses: GatewayResponseSet[];
  /** Kept fields of `info`. */
  info?: Kept;
}
