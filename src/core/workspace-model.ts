/**
 * What apig.yaml holds beyond Swagger: environments, apps, publication, instance parameters, IAM identities,
 * authorizer implementations, VPC channels, signature keys and local function modules.
 */
import type { Range } from './diagnostic.js';
import type { Group } from './model.js';

export const LB_ALGORITHMS = ['WRR', 'WLC', 'SH', 'URI'] as const;
/** weighted round robin, weighted least connections, source-IP hash, URI hash (002 §5.7.1). */
export type LbAlgorithm = (typeof LB_ALGORITHMS)[number];

export const HEALTH_PROTOCOLS = ['TCP', 'HTTP', 'HTTPS'] as const;
export type HealthProtocol = (typeof HEALTH_PROTOCOLS)[number];

export const SIGNATURE_KEY_TYPES = ['hmac', 'basic'] as const;
export type SignatureKeyType = (typeof SIGNATURE_KEY_TYPES)[number];

/**
 * Why a secret cannot be used: its `${ENV_VAR}` is not set, it resolves to the empty string, or it is written
 * like a reference that is not one whole `${NAME}` (`$NAME`, `${ NAME }`, `pre-${NAME}`), which would otherwise be
 * taken literally: a secret anyone reading apig.yaml knows.
 */
export type SecretProblem = 'unset' | 'empty' | 'malformed';

/**
 * A secret as written (`${ENV_VAR}` allowed) and its resolved value. An unusable secret has no value at all
 * (never ''), so that no code can match a credential against it: an empty or missing credential matches
 * nothing, and nothing is signed with an empty key. `fromEnv` names the environment variable, if any.
 */
export type Secret =
  | { written: string; value: string; fromEnv?: string }
  | { written: string; value: undefined; problem: SecretProblem; fromEnv?: string };

export interface GroupRef {
  name: string;
  /** Path of the Swagger file, relative to the workspace folder. */
  spec: string;
  domains: string[];
}

export interface Environment {
  name: string;
  description?: string;
  variables: Record<string, string>;
}

export interface App {
  name: string;
  key: string;
  secret: Secret;
  appCodes: Secret[];
  /** Environment name → API names or `*`. */
  authorize: Record<string, string[]>;
  /** App ID used by throttle specials (defaults to the name). */
  id: string;
}

export interface InstanceParams {
  ratelimit_api_limits: number;
  request_body_size: number;
  backend_timeout: number;
  /** Allow `X-HW-ID`/`X-HW-AppKey` app authentication (practices.md). */
  app_secret: boolean;
  /** Allow `Authorization: Basic` app authentication. */
  app_basic: boolean;
  /** Trust X-Forwarded-For for the client IP (004 §5). */
  real_ip_from_xff: boolean;
  /** Which X-Forwarded-For entry is the client: 0-based from the left, negative from the right (-1: the last). */
  real_ip_index: number;
  /**
   * Calls by IP into a non-DEFAULT group find the API from the credential, path and method (003; practices.md §5.5).
   */
  app_route: boolean;
  /** Authorizer context values may be booleans and numbers, not only strings (004 ch.3). */
  authorizer_context_support_num_bool: boolean;
}

export interface IamToken {
  token: Secret;
  user: string;
  /** The account (main account) name: what `DOMAIN` access control lists and user throttling count. */
  domain: string;
  /** The account ID: what `DOMAIN_ID` access control lists and special tenants name. */
  domainId?: string;
  project?: string;
  /** ISO date after which the token is expired. */
  expires?: string;
}

export interface IamAkSk {
  ak: string;
  sk: Secret;
  user: string;
  domain: string;
  domainId?: string;
}

/** A throttle 2.0 ("流量控制2.0") policy (practices.md §1.1), defined in apig.yaml and bound per environment. */
export interface Throttle2Policy {
  name: string;
  /** The policy duration (时长): one window for the basic limits and the specials. */
  interval: number;
  unit: 'SECOND' | 'MINUTE' | 'HOUR' | 'DAY';
  apiLimit?: number;
  userLimit?: number;
  appLimit?: number;
  ipLimit?: number;
  /** Declared parameters (参数位置 + 参数): rule conditions name them. */
  parameters: Array<{ location: 'header' | 'query' | 'path'; name: string }>;
  rules: Array<{ limit: number; interval: number; unit: 'SECOND' | 'MINUTE' | 'HOUR' | 'DAY'; when: string }>;
  special: Array<{ type: 'APP' | 'USER'; instance: string; limit: number }>;
  /** Environment name → API names or `*`. */
  bind: Record<string, string[]>;
}

/** Per-environment binding of the Swagger-defined policies; null unbinds in that environment. */
export interface PolicyBinding {
  throttle?: string | null;
  acl?: string[] | null;
}

export interface AuthorizerImpl {
  /** The security-scheme / authorizer name it implements. */
  name: string;
  module?: string;
  url?: string;
}

export interface VpcMember {
  host: string;
  weight: number;
  port?: number;
}

export interface HealthCheck {
  protocol: HealthProtocol;
  path?: string;
  port?: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  timeout: number;
  interval: number;
  httpCodes?: string;
}

export interface VpcChannel {
  name: string;
  port: number;
  algorithm: LbAlgorithm;
  members: VpcMember[];
  healthCheck?: HealthCheck;
}

export interface SignatureKey {
  name: string;
  type: SignatureKeyType;
  key: string;
  secret: Secret;
  /** Environment name → API names or `*`. */
  bind: Record<string, string[]>;
}

export interface LoadedGroup {
  ref: GroupRef;
  /** Absolute path of the Swagger file. */
  file: string;
  model: Group;
  /** The parsed document as written (for `apig export --check`). */
  raw: unknown;
  /** The file name as shown to the user, and the source range of a JSON pointer in it. */
  shown: string;
  rangeOf(pointer: string): Range | undefined;
  /** API names (operationIds) the file defines but a partial load left out for their errors (apig lint). */
  omittedApis?: readonly string[];
}

export interface Workspace {
  /** Absolute path of apig.yaml, or of the single Swagger file used as a workspace. */
  file: string;
  dir: string;
  /** True when a single Swagger file stands in for a workspace. */
  implicit: boolean;
  /** apig.yaml as shown to the user, and the source range of a JSON pointer in it. */
  shown: string;
  rangeOf(pointer: string): Range | undefined;
  groups: LoadedGroup[];
  environments: Environment[];
  /** Environment → API names or `*`; undefined means every API in RELEASE only. */
  publish?: Record<string, string[]>;
  apps: App[];
  instance: InstanceParams;
  iam: { tokens: IamToken[]; aksk: IamAkSk[] };
  authorizers: AuthorizerImpl[];
  vpcChannels: VpcChannel[];
  signatureKeys: SignatureKey[];
  /** Throttle 2.0 policies (optional so that workspaces built in code need not name them). */
  throttles?: Throttle2Policy[];
  /** Environment → API name → bindings that replace x-apigateway-ratelimit / x-apigateway-access-control there. */
  bindings?: Record<string, Record<string, PolicyBinding>>;
  /** Function URN → local module path, for FUNCTION backends. */
  functions: Record<string, string>;
  /** `state:`: where `apig serve` keeps the counters that several processes share (docs/serve.md). */
  state?: StateSetting;
}

/** `state:` in apig.yaml; `apig serve --state` wins over it. */
export interface StateSetting {
  /** `redis://[user[:password]@]host[:port][/db]` or `rediss://…`, written out or as one whole `${ENV_VAR}`. */
  url: Secret;
  /** The Redis password, usually `${ENV_VAR}`; replaces one the URL carries. */
  password?: Secret;
  /** Every key starts with it, so that several workspaces can share one Redis. */
  prefix?: string;
  /** What requests get while Redis is unreachable: local counters (open) or 500 (closed). */
  fail?: 'open' | 'closed';
}

export const DEFAULT_INSTANCE: InstanceParams = {
  ratelimit_api_limits: 200,
  request_body_size: 12,
  backend_timeout: 60000,
  app_secret: false,
  app_basic: false,
  real_ip_from_xff: false,
  real_ip_index: -1,
  app_route: false,
  authorizer_context_support_num_bool: false,
};

/** The sections of an apig.yaml that says nothing beyond its groups: no environments, apps or IAM, defaults. */
export function emptySections(): Pick<
  Workspace,
  'environments' | 'apps' | 'instance' | 'iam' | 'authorizers' | 'vpcChannels' | 'signatureKeys' | 'functions'
> {
  return {
    environments: [],
    apps: [],
    instance: { ...DEFAULT_INSTANCE },
    iam: { tokens: [], aksk: [] },
    authorizers: [],
    vpcChannels: [],
    signatureKeys: [],
    functions: {},
  };
}

export const RELEASE = 'RELEASE';

/** The workspace file name looked up in a folder. */
export const WORKSPACE_FILE = 'apig.yaml';
