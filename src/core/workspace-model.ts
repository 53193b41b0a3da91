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

/** A secret as written (`${ENV_VAR}` allowed) and its resolved value. */
export interface Secret {
  written: string;
  value: string;
  /** The environment variable it came from, if any. */
  fromEnv?: string;
}

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
  /** Trust X-Forwarded-For for the client IP. */
  real_ip_from_xff: boolean;
}

export interface IamToken {
  token: Secret;
  user: string;
  domain: string;
  project?: string;
  /** ISO date after which the token is expired. */
  expires?: string;
}

export interface IamAkSk {
  ak: string;
  sk: Secret;
  user: string;
  domain: string;
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
  /** Function URN → local module path, for FUNCTION backends. */
  functions: Record<string, string>;
}

export const DEFAULT_INSTANCE: InstanceParams = {
  ratelimit_api_limits: 200,
  request_body_size: 12,
  backend_timeout: 60000,
  app_secret: false,
  app_basic: false,
  real_ip_from_xff: false,
};

export const RELEASE = 'RELEASE';

/** The workspace file name looked up in a folder. */
export const WORKSPACE_FILE = 'apig.yaml';
