/**
 * Every authoring flag and its help, per command: the one list commander registers (without loading the
 * flows, so `apig --help` stays fast) and the runner names in "missing flags". A unit test checks that
 * the flows' fields and this table name the same flags.
 */
import type { AddKind } from './kinds-list.js';

export type Arity = 'value' | 'switch' | 'repeat';

export interface FlagSpec {
  flag: string;
  help: string;
  arity?: Arity;
  /** A closed set (shown by --help and completed by the shell); case-insensitive, so not enforced by commander. */
  choices?: readonly string[];
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS', 'ANY'] as const;

const GROUP: FlagSpec = {
  flag: 'group',
  help: 'the group (Swagger file) to add to; needed when the workspace has several',
};
const BACKEND: readonly FlagSpec[] = [
  {
    flag: 'backend-type',
    help: "MOCK, HTTP, HTTP-VPC or FUNCTION (default MOCK; a policy backend follows its API's)",
    choices: ['MOCK', 'HTTP', 'HTTP-VPC', 'FUNCTION'],
  },
  { flag: 'mock-body', help: 'the body a MOCK backend answers with' },
  { flag: 'backend-address', help: 'HTTP backend host[:port], e.g. api.example.com:443 or #backend#' },
  { flag: 'vpc-channel', help: 'the VPC channel (vpcChannels in apig.yaml) of an HTTP-VPC backend' },
  { flag: 'backend-scheme', help: 'http or https (default http)', choices: ['http', 'https'] },
  { flag: 'backend-method', help: "the method the backend is called with (default: the API's)", choices: METHODS },
  { flag: 'backend-path', help: "the path the backend is called with (default: the API's)" },
  { flag: 'function-urn', help: 'urn:fss:<region>:<project>:function:<package>:<name>' },
  { flag: 'function-version', help: 'the function version (default latest)' },
  { flag: 'invocation-type', help: 'sync or async (default sync)', choices: ['sync', 'async'] },
  { flag: 'backend-timeout', help: 'backend timeout in ms (default 5000)' },
];
const POLICY_NAME = { flag: 'name', help: 'policy name: 3–64 letters, digits or underscores, starting with a letter' };

export const ADD_FLAGS = {
  api: [
    GROUP,
    { flag: 'method', help: 'GET, POST, PUT, DELETE, HEAD, PATCH, OPTIONS or ANY (default GET)', choices: METHODS },
    { flag: 'path', help: 'request path, e.g. /users/{id}' },
    { flag: 'match-mode', help: 'NORMAL (exact) or SWA (prefix); default NORMAL', choices: ['NORMAL', 'SWA'] },
    { flag: 'name', help: 'the API name (operationId); --yes derives one from the method and path' },
    { flag: 'description', help: 'what the API does' },
    {
      flag: 'auth',
      help: 'NONE, APP, IAM or AUTHORIZER (default NONE)',
      choices: ['NONE', 'APP', 'IAM', 'AUTHORIZER'],
    },
    { flag: 'authorizer', help: 'the front-end authorizer scheme (with --auth AUTHORIZER)' },
    {
      flag: 'param',
      help:
        'a query or header parameter, name[:query|header[:string|number[:required]]]; ' +
        "repeatable, '' for none ({path} parameters come from the path)",
      arity: 'repeat',
    },
    {
      flag: 'body',
      help:
        'a JSON example of the request body, written with its schema as requestBody (OpenAPI 3.0 group files; ' +
        "POST, PUT, PATCH, ANY); '' for none",
    },
    ...BACKEND,
    { flag: 'throttle', help: 'a throttling policy of the group' },
    { flag: 'acl', help: 'an access control policy of the group' },
    { flag: 'cors', help: 'turn CORS on', arity: 'switch' },
    { flag: 'publish', help: 'comma-separated environments to list the API under in publish:' },
  ],
  app: [
    { flag: 'name', help: 'the app (credential) name' },
    { flag: 'key', help: 'the AppKey (default: 32 random hex characters)' },
    { flag: 'secret', help: 'the AppSecret, or ${ENV_VAR} to keep it out of the file (default ${<NAME>_SECRET})' },
    { flag: 'authorize-envs', help: 'comma-separated environments the app is authorized in (default all)' },
    { flag: 'authorize-apis', help: 'comma-separated APP-auth API names, or * for all (default *)' },
  ],
  env: [
    { flag: 'name', help: 'environment name: 3–64 letters, digits or underscores, starting with a letter' },
    { flag: 'description', help: 'what the environment is for' },
    {
      flag: 'var',
      help: "a variable, name=value (used as #name# in backend addresses and paths); repeatable, '' for none",
      arity: 'repeat',
    },
  ],
  throttle: [
    GROUP,
    POLICY_NAME,
    { flag: 'api-limit', help: 'requests each API may receive per interval (default: instance ratelimit_api_limits)' },
    { flag: 'user-limit', help: 'requests per user (tenant) per interval, at most the API limit' },
    { flag: 'app-limit', help: 'requests per app per interval, at most the user (or API) limit' },
    { flag: 'ip-limit', help: 'requests per client IP per interval, at most the API limit' },
    { flag: 'interval', help: 'the length of the interval, in --unit (default 1)' },
    {
      flag: 'unit',
      help: 'SECOND, MINUTE, HOUR or DAY (default SECOND)',
      choices: ['SECOND', 'MINUTE', 'HOUR', 'DAY'],
    },
    { flag: 'shared', help: 'one API limit for all bound APIs together', arity: 'switch' },
    { flag: 'apis', help: 'comma-separated API names that use the new policy (replacing the one they use)' },
  ],
  acl: [
    GROUP,
    POLICY_NAME,
    {
      flag: 'type',
      help: 'PERMIT (only these may call) or DENY (these may not); default PERMIT',
      choices: ['PERMIT', 'DENY'],
    },
    {
      flag: 'entity',
      help: 'IP, DOMAIN (account name) or DOMAIN_ID (account ID); default IP',
      choices: ['IP', 'DOMAIN', 'DOMAIN_ID'],
    },
    { flag: 'values', help: 'comma-separated IPs, CIDR blocks or ranges (IP), or account names/IDs' },
    { flag: 'apis', help: 'comma-separated API names that use the new policy (replacing the one they use)' },
  ],
  'backend-policy': [
    GROUP,
    { flag: 'api', help: 'the API the policy backend belongs to' },
    POLICY_NAME,
    {
      flag: 'effect-mode',
      help: 'ANY (one condition matches) or ALL (every condition); default ANY',
      choices: ['ANY', 'ALL'],
    },
    {
      flag: 'condition',
      help:
        'origin:parameter:type:value, e.g. param:tier:exact:gold, ' +
        'system:req_method:enum:GET,HEAD or source:10.0.0.0/8; repeatable',
      arity: 'repeat',
    },
    ...BACKEND,
  ],
} as const satisfies Record<AddKind, readonly FlagSpec[]>;

export const INIT_FLAGS: readonly FlagSpec[] = [
  {
    flag: 'template',
    help: 'mock, http (HTTP backend with an environment variable) or app-auth (APP auth and a throttling policy)',
    choices: ['mock', 'http', 'app-auth'],
  },
  { flag: 'group', help: "the first group's name (default: from the folder name)" },
  {
    flag: 'backend',
    help: 'host:port of your backend, the value of #backend# (http template; default 127.0.0.1:9000)',
  },
  { flag: 'app', help: "the app's name (app-auth template; default app1)" },
];

export function helpOf(flags: readonly FlagSpec[], flag: string): string {
  return flags.find((f) => f.flag === flag)?.help ?? '';
}
