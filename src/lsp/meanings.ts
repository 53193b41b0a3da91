/**
 * One line on what each documented enum value and the main fields inside the extensions mean, for hover and
 * completion (Extension Definitions, one page per extension; User Guide §5.2.1 for the console's names). The
 * shapes and limits come from the schemas (extension-schema.ts); this holds only the words, and which quota of
 * lint's quota profile (lint/quotas.ts) bounds what.
 */
import type { QuotaName } from '../lint/quotas.js';
import { own } from './own.js';

/** The quota that bounds an extension (by name) or a field in one (`name.field`), and what it counts. */
export const QUOTA_OF: Readonly<Record<string, readonly [QuotaName, string]>> = {
  'x-apigateway-backend-policies': ['policyBackendsPerApi', 'policy backends per API'],
  'x-apigateway-ratelimits': ['throttlePolicies', 'request throttling policies'],
  'x-apigateway-ratelimits.special': ['specialsPerPolicy', 'special limits per throttling policy'],
  'x-apigateway-access-controls': ['aclPolicies', 'access control policies'],
  'x-apigateway-access-controls.value': ['aclEntries', 'entries per access control policy'],
};

/** By the key the value stands under (the extension or the field inside it), then by value. */
const VALUE_MEANINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  type: {
    HTTP: 'an HTTP or HTTPS backend reached at an address',
    'HTTP-VPC': 'an HTTP backend reached through a VPC channel (load balancer)',
    'HTTP-VPC-MEMBER-GROUP': 'an HTTP backend in a member group of a VPC channel (a restricted feature)',
    FUNCTION: 'a FunctionGraph function (apig serve runs a local module for it)',
    MOCK: 'a fixed answer: the gateway replies itself, with no backend',
    FRONTEND: 'a custom authorizer that authenticates the caller',
    BACKEND: 'a custom authorizer that signs requests to the backend',
    equal: 'the parameter equals the value',
    exact: 'the parameter equals the value',
    enum: 'the parameter is one of the values, comma-separated',
    pattern: 'the parameter matches the regular expression',
    APP: 'a special limit for one app',
    USER: 'a special limit for one user (account)',
  },
  'x-apigateway-match-mode': {
    SWA: 'prefix match: /prefix/foo and /prefix/bar match /prefix, /prefixpart does not',
    NORMAL: 'exact match: the request path equals the API path',
  },
  'x-apigateway-auth-type': {
    AppSigv1: 'APP authentication: requests are signed with an app key and secret (or carry an AppCode)',
    IAM: 'IAM authentication: an IAM token or an AK/SK signature',
    IAM_NONE: 'IAM authentication with no app (listed by the v1.0 import API only)',
  },
  'x-apigateway-request-type': {
    public: 'the API may be listed for sale',
    private: 'the API will not be listed for sale',
  },
  'x-apigateway-pass-through': {
    always: 'the request parameter is passed to the backend',
    never: 'the request parameter is not passed to the backend',
  },
  origin: {
    REQUEST: 'the value is taken from the request parameter `value` names',
    CONSTANT: 'the value is the constant written in `value`',
    SYSTEM: 'the value is a gateway variable such as $context.sourceIp',
  },
  effectMode: {
    ANY: 'the policy applies when any condition holds',
    ALL: 'the policy applies when every condition holds',
  },
  unit: {
    SECOND: 'the limits count per interval of seconds',
    MINUTE: 'the limits count per interval of minutes',
    HOUR: 'the limits count per interval of hours',
    DAY: 'the limits count per interval of days',
  },
  'acl-type': { PERMIT: 'only the listed entities may call', DENY: 'the listed entities may not call' },
  'entity-type': {
    IP: 'the entities are IP addresses or ranges',
    DOMAIN: 'the entities are account names',
    DOMAIN_ID: 'the entities are account IDs',
  },
  'appcode-auth-type': {
    disable: 'AppCode authentication is off',
    header: 'an AppCode in the X-Apig-AppCode header authenticates the app',
  },
  'invocation-type': {
    sync: 'the function is called and its answer awaited',
    async: 'the function is called and the gateway answers at once',
  },
};

/** The main fields inside the extensions, by name. */
export const FIELD_MEANINGS: Readonly<Record<string, string>> = {
  type: 'the kind of backend (or of authorizer, condition or special limit)',
  parameters: 'backend parameters: how request parameters, constants and gateway variables reach the backend',
  httpEndpoints: 'the HTTP backend: address, scheme, method, path and timeout',
  httpVpcEndpoints: 'the VPC channel backend: channel name, scheme, method, path and timeout',
  functionEndpoints: 'the FunctionGraph backend: function URN, version or alias, invocation type and timeout',
  mockEndpoints: 'the Mock answer: result-content (the body), status code and headers',
  address: 'the backend address, domain name or IP with an optional port; may hold #variables#',
  scheme: 'the backend protocol (http or https)',
  method: 'the backend request method',
  path: 'the backend path; may hold {path parameters} and #variables#',
  timeout: 'the backend timeout in milliseconds (1 to the instance limit, 60,000 by default)',
  name: 'a name (for a backend parameter: the parameter the backend receives)',
  value:
    'for origin REQUEST: the name of the request parameter it takes; for CONSTANT: the constant; ' +
    'for SYSTEM: the gateway variable',
  in: 'where the parameter goes: header, query or path',
  origin: 'where the value comes from: REQUEST, CONSTANT or SYSTEM',
  conditions: 'the conditions of a policy backend: origin, parameter, type and value',
  effectMode: 'whether any or all conditions must hold',
  'api-limit': 'the most calls of the API per interval',
  'user-limit': 'the most calls of the API per user per interval',
  'app-limit': 'the most calls of the API per app per interval',
  'ip-limit': 'the most calls of the API per source IP per interval',
  interval: 'the length of the throttling window, in units',
  unit: 'the unit of the interval: SECOND, MINUTE, HOUR or DAY',
  shared: 'whether the bound APIs share the limits (counted together)',
  special: 'special limits for named apps or users',
  'acl-type': 'PERMIT (allow list) or DENY (deny list)',
  'entity-type': 'what the entities are: IP, DOMAIN (account name) or DOMAIN_ID',
  value_ip: 'the IP entities, comma-separated',
  'result-content': 'the Mock body',
  'function-urn': 'the URN of the FunctionGraph function',
  'invocation-type': 'sync (wait for the answer) or async',
  'appcode-auth-type': 'whether an AppCode in a header authenticates the app',
};

/** The key a value at `rest` inside extension `name` stands under (list indexes skipped), or the extension itself. */
export const valueKeyOf = (name: string, rest: readonly string[]): string =>
  rest.filter((s) => !/^\d+$/.test(s)).pop() ?? name;

/** What the values at `rest` inside extension `name` mean: by the key they stand under, else by the extension. */
export const valueMeaningsAt = (name: string, rest: readonly string[]): Readonly<Record<string, string>> | undefined =>
  own(VALUE_MEANINGS, valueKeyOf(name, rest)) ?? own(VALUE_MEANINGS, name);
