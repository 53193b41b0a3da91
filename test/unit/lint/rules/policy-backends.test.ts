/** policy-backends: at most 5 per API (quota), each with an effect mode, at least one condition, and a type the default backend allows. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, FUNCTION, HTTP, POLICY } from '../snippets.js';

const SOURCE = '            - {origin: source, value: 10.0.0.0/8}\n';
const ENDPOINTS: Record<string, string> = {
  HTTP: 'httpEndpoints: {address: "10.0.0.2", scheme: http, method: GET, path: /p}',
  'HTTP-VPC': 'httpVpcEndpoints: {name: vpc1, scheme: http, method: GET, path: /p}',
  FUNCTION:
    'functionEndpoints: {function-urn: "urn:fss:cn-north-4:abc:function:default:p", version: latest, invocation-type: sync}',
  MOCK: 'mockEndpoints: {result-content: p}',
};
const typed = (type: string, i = 0): string =>
  `        - name: pol_${i}\n          type: ${type}\n          effectMode: ANY\n          conditions: [{origin: source, value: 10.0.0.0/8}]\n          ${ENDPOINTS[type] ?? ''}\n`;
const withPolicies = (backend: string, types: string[]): string =>
  spec(op({ backend, extra: `      x-apigateway-backend-policies:\n${types.map((t, i) => typed(t, i)).join('')}` }));
const MOCK_BACKEND = '        type: MOCK\n        mockEndpoints:\n          result-content: ok\n';

testRule('policy-backends', [
  { name: 'one Mock policy backend', spec: spec(op({ extra: POLICY(SOURCE) })), findings: [] },
  {
    name: 'no effectMode',
    spec: spec(op({ extra: POLICY(SOURCE).replace('          effectMode: ANY\n', '') })),
    findings: [
      {
        message: 'policy backend has no effectMode: say ANY (any condition) or ALL (all conditions)',
        exact: true,
        at: 'name: pol_one',
      },
    ],
  },
  {
    name: 'effectMode ALL',
    spec: spec(op({ extra: POLICY(SOURCE).replace('effectMode: ANY', 'effectMode: ALL') })),
    findings: [],
  },
  {
    name: 'no conditions',
    spec: spec(op({ extra: POLICY('').replace('          conditions:\n', '          conditions: []\n') })),
    findings: [{ message: 'policy backend has no conditions, so it never matches', exact: true, at: '[]' }],
  },
  {
    name: 'five policy backends',
    spec: withPolicies(MOCK_BACKEND, ['MOCK', 'MOCK', 'MOCK', 'MOCK', 'MOCK']),
    findings: [],
  },
  {
    name: 'six policy backends',
    spec: withPolicies(MOCK_BACKEND, ['MOCK', 'MOCK', 'MOCK', 'MOCK', 'MOCK', 'MOCK']),
    findings: [{ message: '6 policy backends; at most 5 per API', exact: true, at: '- name: pol_0' }],
  },
  {
    name: 'a lower quota',
    spec: withPolicies(MOCK_BACKEND, ['MOCK', 'MOCK', 'MOCK']),
    quotas: { policyBackendsPerApi: 2 },
    findings: [{ message: '3 policy backends; at most 2 per API', at: '- name: pol_0' }],
  },
  {
    name: 'HTTP and VPC channel policies on an HTTP default',
    spec: withPolicies(HTTP(), ['HTTP', 'HTTP-VPC']),
    findings: [],
  },
  {
    name: 'HTTP policies on a VPC channel default',
    spec: withPolicies(
      '        type: HTTP-VPC\n        httpVpcEndpoints: {name: vpc1, scheme: http, method: GET, path: /b}\n',
      ['HTTP', 'HTTP-VPC'],
    ),
    findings: [],
  },
  {
    name: 'a function policy on an HTTP default',
    spec: withPolicies(HTTP(), ['FUNCTION']),
    findings: [
      {
        message: 'a FUNCTION policy backend is not allowed when the default backend is HTTP',
        exact: true,
        at: 'FUNCTION',
      },
    ],
  },
  {
    name: 'a Mock policy on an HTTP default',
    spec: withPolicies(HTTP(), ['MOCK']),
    findings: [{ message: 'a MOCK policy backend is not allowed when the default backend is HTTP', at: 'MOCK\n' }],
  },
  { name: 'function policies on a function default', spec: withPolicies(FUNCTION(), ['FUNCTION']), findings: [] },
  {
    name: 'an HTTP policy on a function default',
    spec: withPolicies(FUNCTION(), ['HTTP']),
    findings: [{ message: 'a HTTP policy backend is not allowed when the default backend is FUNCTION', at: 'HTTP\n' }],
  },
  {
    name: 'an HTTP policy on a Mock default',
    spec: withPolicies(MOCK_BACKEND, ['HTTP']),
    findings: [{ message: 'when the default backend is MOCK', at: 'HTTP\n' }],
  },
  {
    name: 'without a default backend the types are not compared (backend-required says it)',
    spec: withPolicies(HTTP(), ['FUNCTION']).replace(
      / {6}x-apigateway-backend:\n {8}type: HTTP\n[\s\S]*? {10}path: \/b\n/,
      '',
    ),
    findings: [],
  },
  {
    name: 'several problems of one policy',
    spec: spec(
      op({
        extra:
          '      x-apigateway-backend-policies:\n        - name: pol_one\n          type: HTTP\n          conditions: []\n          httpEndpoints: {address: "10.0.0.2", scheme: http, method: GET, path: /p}\n',
      }),
    ),
    findings: [
      { message: 'has no effectMode', at: 'name: pol_one' },
      { message: 'has no conditions', at: '[]' },
      { message: 'a HTTP policy backend is not allowed when the default backend is MOCK', at: 'HTTP\n' },
    ],
  },
  { name: 'every documented extension at once', spec: fixture('examples/full-featured.yaml'), findings: [] },
  {
    name: 'documented variants of real exports (a Mock policy on an HTTP default)',
    spec: fixture('variants/real-exports.yaml'),
    findings: [
      {
        message: 'a MOCK policy backend is not allowed when the default backend is HTTP',
        at: 'MOCK',
        after: 'name: policy_equal',
      },
    ],
  },
]);
