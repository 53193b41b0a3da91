/** quotas: counts stay within the account quotas (the defaults, or a profile that raises or lowers them). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, QUERY, RL } from '../snippets.js';

const two = spec(op({ id: 'getA' }) + op({ path: '/b', id: 'getB' }));
const ws = (extra: string): string => `groups:\n  - name: lint_test\n    spec: api.yaml\n${extra}`;
const twoGroups = {
  files: { 'other.yaml': spec(op({ id: 'getB' })).replace('title: lint_test', 'title: other_group') },
};
const APPS =
  'apps:\n  - {name: app_one, key: k1, secret: s1, appCodes: [c1, c2]}\n  - {name: app_two, key: k2, secret: s2}\n';
const KEYS =
  'signatureKeys:\n  - {name: key_one, type: hmac, key: k1, secret: s1}\n  - {name: key_two, type: basic, key: k2, secret: s2}\n';
const CHANNELS =
  'vpcChannels:\n  - {name: vpc_one, port: 80, members: [{host: 10.0.0.1}, {host: 10.0.0.2}]}\n  - {name: vpc_two, port: 80, members: [{host: 10.0.0.3}]}\n';
const ENVS = 'environments:\n  RELEASE: {}\n  test:\n    variables: {host_a: a, host_b: b}\n  dev: {}\n';
const policies = (root: string): string => spec(op(), root);
const over = (text: string) => `${text}; the quota is`;

testRule('quotas', [
  { name: 'within every default quota', spec: two, workspace: ws(APPS + KEYS + CHANNELS + ENVS), findings: [] },
  {
    name: 'parameters at the quota',
    spec: spec(op({ params: QUERY('p') })),
    quotas: { parametersPerApi: 1 },
    findings: [],
  },
  {
    name: 'parameters over the quota',
    spec: spec(op({ params: QUERY('p') + QUERY('r') })),
    quotas: { parametersPerApi: 1 },
    findings: [{ message: '2 parameters on getA; the quota is 1', at: '- {name: p' }],
  },
  {
    name: 'path-level parameters count',
    spec: spec(
      op({ params: QUERY('p') }).replace(
        '    get:',
        '    parameters:\n      - {name: h, in: header, type: string}\n    get:',
      ),
    ),
    quotas: { parametersPerApi: 1 },
    findings: [{ message: '2 parameters on getA', at: '- {name: p' }],
  },
  {
    name: 'the message says how to raise a quota',
    spec: spec(op({ params: QUERY('p') + QUERY('r') })),
    quotas: { parametersPerApi: 1 },
    findings: [{ message: 'raise it with --profile if your account has more)', at: '- {name: p' }],
  },
  { name: 'APIs at the quota', spec: two, quotas: { apis: 2 }, findings: [] },
  {
    name: 'APIs over the quota, without apig.yaml (reported at the top of the file)',
    spec: two,
    quotas: { apis: 1 },
    findings: [{ message: over('2 APIs in the workspace'), at: 'swagger' }],
  },
  {
    name: 'APIs over the quota, with apig.yaml',
    spec: two,
    workspace: ws(''),
    quotas: { apis: 1 },
    findings: [{ message: over('2 APIs in the workspace'), at: '- name: lint_test', file: 'apig.yaml' }],
  },
  {
    name: 'APIs of every group count',
    spec: spec(op()),
    ...twoGroups,
    workspace: ws('  - {name: other_group, spec: other.yaml}\n'),
    quotas: { apis: 1 },
    findings: [{ message: over('2 APIs in the workspace'), at: '- name: lint_test', file: 'apig.yaml' }],
  },
  {
    name: 'APIs in one file over the import limit',
    spec: two,
    quotas: { apisPerImport: 1 },
    findings: [{ message: over('2 APIs in api.yaml, which the console imports in one go'), at: '/a:' }],
  },
  {
    name: 'groups over the quota',
    spec: spec(op()),
    ...twoGroups,
    workspace: ws('  - {name: other_group, spec: other.yaml}\n'),
    quotas: { groups: 1 },
    findings: [{ message: over('2 groups'), at: '- name: lint_test', file: 'apig.yaml' }],
  },
  {
    name: 'environments besides RELEASE at the quota',
    spec: spec(op()),
    workspace: ws(ENVS),
    quotas: { environments: 2 },
    findings: [],
  },
  {
    name: 'environments besides RELEASE over the quota',
    spec: spec(op()),
    workspace: ws(ENVS),
    quotas: { environments: 1 },
    findings: [{ message: over('2 environments besides RELEASE'), at: 'RELEASE: {}', file: 'apig.yaml' }],
  },
  {
    name: 'variables in one environment over the quota',
    spec: spec(op()),
    workspace: ws(ENVS),
    quotas: { variablesPerEnvironment: 1 },
    findings: [{ message: over('2 variables in environment test'), at: '{host_a', file: 'apig.yaml' }],
  },
  {
    name: 'apps over the quota',
    spec: spec(op()),
    workspace: ws(APPS),
    quotas: { apps: 1 },
    findings: [{ message: over('2 apps'), at: '- {name: app_one', file: 'apig.yaml' }],
  },
  {
    name: 'AppCodes of one app over the quota',
    spec: spec(op()),
    workspace: ws(APPS),
    quotas: { appCodesPerApp: 1 },
    findings: [{ message: over('2 AppCodes for app app_one'), at: '[c1', file: 'apig.yaml' }],
  },
  {
    name: 'signature keys over the quota',
    spec: spec(op()),
    workspace: ws(KEYS),
    quotas: { signatureKeys: 1 },
    findings: [{ message: over('2 signature keys'), at: '- {name: key_one', file: 'apig.yaml' }],
  },
  {
    name: 'VPC channels over the quota',
    spec: spec(op()),
    workspace: ws(CHANNELS),
    quotas: { vpcChannels: 1 },
    findings: [{ message: over('2 VPC channels'), at: '- {name: vpc_one', file: 'apig.yaml' }],
  },
  {
    name: 'members of one VPC channel over the quota',
    spec: spec(op()),
    workspace: ws(CHANNELS),
    quotas: { membersPerChannel: 1 },
    findings: [{ message: over('2 members in VPC channel vpc_one'), at: '[{host: 10.0.0.1}', file: 'apig.yaml' }],
  },
  {
    name: 'domains of one group over the quota',
    spec: spec(op()),
    workspace: 'groups:\n  - name: lint_test\n    spec: api.yaml\n    domains: [a.example.com, b.example.com]\n',
    quotas: { domainsPerGroup: 1 },
    findings: [{ message: over('2 domains on group lint_test'), at: '[a.example.com', file: 'apig.yaml' }],
  },
  {
    name: 'throttling policies over the quota',
    spec: policies(
      `${RL('    api-limit: 10\n    interval: 1\n    unit: SECOND\n')}  rl_two: {api-limit: 5, interval: 1, unit: SECOND}\n`,
    ),
    quotas: { throttlePolicies: 1 },
    findings: [{ message: over('2 throttling policies'), at: 'swagger' }],
  },
  {
    name: 'access control policies over the quota',
    spec: policies(
      '\nx-apigateway-access-controls:\n  acl_one: {acl-type: DENY, entity-type: IP, value: 10.0.0.1}\n  acl_two: {acl-type: PERMIT, entity-type: IP, value: 10.0.0.2}\n',
    ),
    quotas: { aclPolicies: 1 },
    findings: [{ message: over('2 access control policies'), at: 'swagger' }],
  },
  {
    name: 'a generated file of 500 APIs',
    spec: fixture('generated/apis-500.yaml'),
    findings: [
      { message: over('500 APIs in the workspace'), at: 'swagger' },
      { message: over('500 APIs in api.yaml, which the console imports in one go'), at: '/r0:' },
    ],
  },
]);
