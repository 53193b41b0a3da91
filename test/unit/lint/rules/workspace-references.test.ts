/**
 * workspace-references: apig.yaml is consistent: environment and variable names follow the documented
 * patterns; publish, app authorizations, signature-key and throttle 2.0 bindings and policy `bindings` name
 * existing environments, APIs and policies; apps authorize only APP-auth APIs.
 */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { APP, RL, WS } from '../snippets.js';

const ws = (extra: string): string => `groups:\n  - name: lint_test\n    spec: api.yaml\n${extra}`;
const env = (name: string, vars = ''): string => ws(`environments:\n  ${name}:\n    variables: {${vars}}\n`);
const appApi = spec(
  op({ id: 'getA', extra: '      security: [{apig-auth-app: []}]\n' }) + op({ path: '/b', id: 'getB' }),
  APP,
);
const app = (authorize: string): string =>
  ws(`environments:\n  test: {}\napps:\n  - name: app_one\n    key: k1\n    secret: s1\n    authorize: ${authorize}\n`);
const policies = spec(
  op({ id: 'getA' }),
  `${RL('    api-limit: 10\n    interval: 1\n    unit: SECOND\n')}x-apigateway-access-controls:\n  acl_one: {acl-type: DENY, entity-type: IP, value: 10.0.0.1}\n`,
);
const bindings = (body: string): string => ws(`environments:\n  test: {}\nbindings:\n${body}`);
const throttle2 = (bind: string): string =>
  ws(`environments:\n  test: {}\nthrottles:\n  t2_one:\n    interval: 1\n    apiLimit: 10\n    bind: ${bind}\n`);
const ENV = 'must be 3–64 letters, digits or underscores, starting with a letter';
const VAR = 'must be 3–32 letters, digits, "-" or "_", starting with a letter';

testRule('workspace-references', [
  { name: 'a consistent workspace', spec: spec(op()), workspace: WS(), findings: [] },
  { name: 'without apig.yaml there is nothing to check', spec: spec(op()), findings: [] },
  {
    name: 'publish names an API that does not exist',
    spec: spec(op()),
    workspace: WS().replace('test: ["*"]', 'test: ["getB"]'),
    findings: [{ message: 'no API is named "getB"', exact: true, at: '"getB"', file: 'apig.yaml' }],
  },
  {
    name: 'publish names an API',
    spec: spec(op()),
    workspace: WS().replace('test: ["*"]', 'test: [getA]'),
    findings: [],
  },
  {
    name: 'publishing to RELEASE, which is built in',
    spec: spec(op()),
    workspace: ws('publish:\n  RELEASE: ["*"]\n'),
    findings: [],
  },
  {
    name: 'publishing to an environment defined under environments:',
    spec: spec(op()),
    workspace: ws('environments:\n  DEVELOP: {}\npublish:\n  DEVELOP: ["*"]\n'),
    findings: [],
  },
  {
    name: 'publish names a misspelt RELEASE',
    spec: spec(op()),
    workspace: ws('publish:\n  RELAESE: ["*"]\n'),
    findings: [
      {
        message: 'environment "RELAESE" is not defined under environments:',
        exact: true,
        at: '["*"]',
        file: 'apig.yaml',
      },
    ],
  },
  {
    name: 'publishing to an environment does not create it',
    spec: spec(op()),
    workspace: ws('publish:\n  DEVELOP: ["*"]\n'),
    findings: [
      {
        message: 'environment "DEVELOP" is not defined under environments:',
        exact: true,
        at: '["*"]',
        file: 'apig.yaml',
      },
    ],
  },
  {
    name: 'a misspelt environment under publish: next to a defined one',
    spec: spec(op()),
    workspace: ws('environments:\n  test: {}\npublish:\n  test: [getA]\n  tset: [getA]\n'),
    findings: [
      {
        message: 'environment "tset" is not defined under environments:',
        exact: true,
        at: '[getA]',
        after: 'tset',
        file: 'apig.yaml',
      },
    ],
  },
  {
    name: 'an app authorized in an environment that only publish: names',
    spec: appApi,
    workspace: ws(
      'publish:\n  DEVELOP: ["*"]\napps:\n  - name: app_one\n    key: k1\n    secret: s1\n    authorize: {DEVELOP: [getA]}\n',
    ),
    findings: [
      { message: 'environment "DEVELOP" is not defined under environments:', at: '["*"]', file: 'apig.yaml' },
      { message: 'environment "DEVELOP" is not defined under environments:', at: '[getA]', file: 'apig.yaml' },
    ],
  },
  { name: 'an environment name of three characters', spec: spec(op()), workspace: env('dev'), findings: [] },
  {
    name: 'an environment name of two characters',
    spec: spec(op()),
    workspace: env('qa'),
    findings: [{ message: `environment name "qa" ${ENV}`, exact: true, at: 'variables', file: 'apig.yaml' }],
  },
  { name: 'an environment name of 64 characters', spec: spec(op()), workspace: env('e'.repeat(64)), findings: [] },
  {
    name: 'an environment name of 65 characters',
    spec: spec(op()),
    workspace: env('e'.repeat(65)),
    findings: [{ message: `environment name "${'e'.repeat(65)}"`, at: 'variables', file: 'apig.yaml' }],
  },
  {
    name: 'an environment name with a hyphen',
    spec: spec(op()),
    workspace: env('my-env'),
    findings: [{ message: 'environment name "my-env"', at: 'variables', file: 'apig.yaml' }],
  },
  {
    name: 'an environment name starting with a digit',
    spec: spec(op()),
    workspace: env('1env'),
    findings: [{ message: 'environment name "1env"', at: 'variables', file: 'apig.yaml' }],
  },
  {
    name: 'RELEASE and DEVELOP (documented)',
    spec: spec(op()),
    workspace: ws('environments:\n  RELEASE: {}\n  DEVELOP: {}\n'),
    findings: [],
  },
  {
    name: 'documented variable names',
    spec: spec(op()),
    workspace: env('test', 'ipaddress: a, path: /b, request: c, my-var_2: d'),
    findings: [],
  },
  {
    name: 'a two-character variable name',
    spec: spec(op()),
    workspace: env('test', 'ip: a'),
    findings: [{ message: `variable name "ip" ${VAR}`, exact: true, at: 'a}', file: 'apig.yaml' }],
  },
  {
    name: 'a 32-character variable name',
    spec: spec(op()),
    workspace: env('test', `${'v'.repeat(32)}: a`),
    findings: [],
  },
  {
    name: 'a 33-character variable name',
    spec: spec(op()),
    workspace: env('test', `${'v'.repeat(33)}: a`),
    findings: [{ message: `variable name "${'v'.repeat(33)}"`, at: 'a}', file: 'apig.yaml' }],
  },
  {
    name: 'a variable name starting with a digit',
    spec: spec(op()),
    workspace: env('test', '1var: a'),
    findings: [{ message: 'variable name "1var"', at: 'a}', file: 'apig.yaml' }],
  },
  { name: 'an app authorized for an APP-auth API', spec: appApi, workspace: app('{test: [getA]}'), findings: [] },
  { name: 'an app authorized for every API', spec: appApi, workspace: app('{test: ["*"]}'), findings: [] },
  {
    name: 'an app authorized for an API without APP auth',
    spec: appApi,
    workspace: app('{test: [getB]}'),
    findings: [
      {
        message: 'getB does not use APP authentication; only APP-auth APIs can be authorized to apps',
        at: 'getB',
        file: 'apig.yaml',
      },
    ],
  },
  {
    name: 'an app authorized for an API that does not exist',
    spec: appApi,
    workspace: app('{test: [getC]}'),
    findings: [{ message: 'no API is named "getC"', at: 'getC', file: 'apig.yaml' }],
  },
  {
    name: 'an app authorized in an environment that does not exist',
    spec: appApi,
    workspace: app('{prod: [getA]}'),
    findings: [
      {
        message: 'environment "prod" is not defined under environments:',
        exact: true,
        at: '[getA]',
        file: 'apig.yaml',
      },
    ],
  },
  {
    name: 'a signature key bound to an API',
    spec: spec(op()),
    workspace: ws('signatureKeys:\n  - {name: key_one, type: hmac, key: k, secret: s, bind: {RELEASE: [getA]}}\n'),
    findings: [],
  },
  {
    name: 'a signature key bound in an unknown environment to an unknown API',
    spec: spec(op()),
    workspace: ws('signatureKeys:\n  - {name: key_one, type: hmac, key: k, secret: s, bind: {prod: [getZ]}}\n'),
    findings: [
      { message: 'environment "prod" is not defined', at: '[getZ]', file: 'apig.yaml' },
      { message: 'no API is named "getZ"', at: 'getZ', file: 'apig.yaml' },
    ],
  },
  {
    name: 'a throttle 2.0 policy bound to an API',
    spec: spec(op()),
    workspace: throttle2('{test: [getA]}'),
    findings: [],
  },
  {
    name: 'a throttle 2.0 policy bound in an unknown environment to an unknown API',
    spec: spec(op()),
    workspace: throttle2('{prod: [getZ]}'),
    findings: [
      { message: 'environment "prod" is not defined', at: '[getZ]', file: 'apig.yaml' },
      { message: 'no API is named "getZ"', at: 'getZ', file: 'apig.yaml' },
    ],
  },
  {
    name: 'bindings of defined policies',
    spec: policies,
    workspace: bindings(
      '  test:\n    getA: {throttle: rl_one, acl: [acl_one]}\n  RELEASE:\n    getA: {throttle: null, acl: null}\n',
    ),
    findings: [],
  },
  {
    name: 'bindings in an unknown environment, for an unknown API',
    spec: policies,
    workspace: bindings('  prod:\n    getA: {throttle: rl_one}\n  test:\n    getZ: {throttle: rl_one}\n'),
    findings: [
      { message: 'environment "prod" is not defined under environments:', at: 'getA: {throttle', file: 'apig.yaml' },
      { message: 'no API is named "getZ"', exact: true, at: '{throttle: rl_one}', after: 'getZ', file: 'apig.yaml' },
    ],
  },
  {
    name: "bindings of policies the API's group does not define",
    spec: policies,
    workspace: bindings('  test:\n    getA: {throttle: rl_two, acl: [acl_one, acl_two]}\n'),
    findings: [
      {
        message: 'throttle policy "rl_two" is not defined in x-apigateway-ratelimits of group lint_test',
        exact: true,
        at: 'rl_two',
        file: 'apig.yaml',
      },
      {
        message: 'access control policy "acl_two" is not defined in x-apigateway-access-controls of group lint_test',
        exact: true,
        at: 'acl_two',
        file: 'apig.yaml',
      },
    ],
  },
  {
    name: 'a single access control policy name in bindings',
    spec: policies,
    workspace: bindings('  test:\n    getA: {acl: acl_nope}\n'),
    findings: [{ message: 'access control policy "acl_nope" is not defined', at: 'acl_nope', file: 'apig.yaml' }],
  },
]);
