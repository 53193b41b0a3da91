/**
 * The backend questions, shared by `add api` (the default backend) and `add backend-policy` (a policy
 * backend). HTTP-VPC-MEMBER-GROUP is not offered: it needs member-group URL tables a prompt does not suit.
 */
import {
  API_METHODS,
  INVOCATION_TYPES,
  SCHEMES,
  type ApiMethod,
  type Backend,
  type BackendType,
  type InvocationType,
  type Scheme,
} from '../../../core/model.js';
import { DEFAULT_BACKEND_TIMEOUT } from '../../../core/defaults.js';
import type { Workspace } from '../../../core/workspace-model.js';
import type { RuleId } from '../../../lint/presets.js';
import { num, str } from '../context.js';
import { wordList, type Answers, type Field, type Verdict } from '../fields.js';

export const AUTHORING_BACKENDS = ['MOCK', 'HTTP', 'HTTP-VPC', 'FUNCTION'] as const satisfies readonly BackendType[];
export type AuthoringBackend = (typeof AUTHORING_BACKENDS)[number];

const DESCRIPTIONS = {
  MOCK: 'answer with a fixed body (no backend needed)',
  HTTP: 'forward to host[:port] (#variables# from the environment allowed)',
  'HTTP-VPC': 'forward to a VPC channel (vpcChannels in apig.yaml)',
  FUNCTION: 'call a FunctionGraph function (functions in apig.yaml for apig serve)',
} as const satisfies Record<AuthoringBackend, string>;

export interface BackendOptions {
  ws: Workspace;
  /** The types offered (a policy backend must suit the default backend). */
  allowed: (a: Answers) => readonly AuthoringBackend[];
  defaultType: (a: Answers) => AuthoringBackend;
  /** The front end the backend defaults follow (method and path). */
  front: (a: Answers) => { method: ApiMethod; path: string };
  /** A refusal from the rules for the answers with this backend in place. */
  check: (a: Answers, rules: readonly RuleId[]) => Verdict;
}

/** Asked for these backend types only; the flag is refused with another type (not dropped). */
const only = (...types: AuthoringBackend[]): Pick<Field, 'when' | 'needs'> => ({
  when: (a) => types.includes(a.backendType as AuthoringBackend),
  needs: { key: 'backendType', values: types, what: `${wordList(types, 'and')} backends` },
});

export function backendFields(o: BackendOptions): Field[] {
  return [
    {
      key: 'backendType',
      flag: 'backend-type',
      kind: 'select',
      message: 'Backend type',
      choices: (a) => o.allowed(a).map((t) => ({ value: t, description: DESCRIPTIONS[t] })),
      default: (a) => o.defaultType(a),
      validate: (_, a) => o.check(a, ['policy-backends']),
    },
    {
      key: 'mockBody',
      flag: 'mock-body',
      kind: 'text',
      message: 'Mock response body',
      ...only('MOCK'),
      default: () => '{"message": "hello from apig"}',
      validate: (_, a) => o.check(a, ['mock-backend']),
    },
    {
      key: 'address',
      flag: 'backend-address',
      kind: 'text',
      message: 'Backend address (host:port or #variable#)',
      ...only('HTTP'),
      required: true,
      validate: (_, a) => o.check(a, ['backend-address', 'backend-variables']),
    },
    {
      key: 'vpcChannel',
      flag: 'vpc-channel',
      kind: 'text',
      message: 'VPC channel name',
      ...only('HTTP-VPC'),
      required: true,
      default: () => o.ws.vpcChannels[0]?.name,
    },
    {
      key: 'backendScheme',
      flag: 'backend-scheme',
      kind: 'select',
      message: 'Backend protocol',
      ...only('HTTP', 'HTTP-VPC'),
      choices: () => SCHEMES.map((s) => ({ value: s })),
      default: () => 'http',
    },
    {
      key: 'backendMethod',
      flag: 'backend-method',
      kind: 'select',
      message: 'Backend method',
      ...only('HTTP', 'HTTP-VPC'),
      choices: () => API_METHODS.map((m) => ({ value: m })),
      default: (a) => o.front(a).method,
    },
    {
      key: 'backendPath',
      flag: 'backend-path',
      kind: 'text',
      message: 'Backend path',
      ...only('HTTP', 'HTTP-VPC'),
      default: (a) => o.front(a).path,
      validate: (_, a) => o.check(a, ['backend-parameters', 'backend-variables']),
    },
    {
      key: 'functionUrn',
      flag: 'function-urn',
      kind: 'text',
      message: 'Function URN',
      ...only('FUNCTION'),
      required: true,
      validate: (_, a) => o.check(a, ['function-backend']),
    },
    {
      key: 'functionVersion',
      flag: 'function-version',
      kind: 'text',
      message: 'Function version',
      ...only('FUNCTION'),
      default: () => 'latest',
      validate: (_, a) => o.check(a, ['function-backend']),
    },
    {
      key: 'invocationType',
      flag: 'invocation-type',
      kind: 'select',
      message: 'Invocation',
      ...only('FUNCTION'),
      choices: () => INVOCATION_TYPES.map((t) => ({ value: t })),
      default: () => 'sync',
    },
    {
      key: 'timeout',
      flag: 'backend-timeout',
      kind: 'integer',
      message: 'Backend timeout (ms)',
      ...only('HTTP', 'HTTP-VPC', 'FUNCTION'),
      default: () => DEFAULT_BACKEND_TIMEOUT,
      validate: (_, a) => o.check(a, ['backend-timeout']),
    },
  ];
}

/** Neutral stand-ins for what is not answered yet, so that a check sees only what the answer changed. */
const PLACEHOLDER_ADDRESS = 'backend.example.com';
const PLACEHOLDER_URN = 'urn:fss:region:project:function:default:placeholder';

export function buildBackend(
  a: Answers,
  front: { method: ApiMethod; path: string },
  fallback: AuthoringBackend,
): Backend {
  const type = (str(a.backendType) ?? fallback) as AuthoringBackend;
  const timeout = num(a.timeout);
  const endpoint = {
    scheme: (str(a.backendScheme) ?? 'http') as Scheme,
    method: (str(a.backendMethod) ?? front.method) as ApiMethod,
    path: str(a.backendPath) ?? front.path,
    ...(timeout !== undefined ? { timeout } : {}),
  };
  switch (type) {
    case 'MOCK':
      return { type, mock: { resultContent: str(a.mockBody) ?? '' } };
    case 'HTTP':
      return { type, http: { address: [str(a.address) ?? PLACEHOLDER_ADDRESS], ...endpoint } };
    case 'HTTP-VPC':
      return { type, vpc: { name: str(a.vpcChannel) ?? '', ...endpoint } };
    case 'FUNCTION':
      return {
        type,
        function: {
          functionUrn: str(a.functionUrn) ?? PLACEHOLDER_URN,
          version: str(a.functionVersion) ?? 'latest',
          invocationType: (str(a.invocationType) ?? 'sync') as InvocationType,
          ...(timeout !== undefined ? { timeout } : {}),
        },
      };
  }
}
