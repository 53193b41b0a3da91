/** backend-timeout: backend timeouts are at least 1 ms and at most the instance backend_timeout (60000 ms for V1 functions). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, FUNCTION, HTTP } from '../snippets.js';

const http = (timeout: string): string =>
  spec(op({ backend: HTTP('/b', '"10.0.0.1:80"', `          timeout: ${timeout}\n`) }));
const fn = (timeout: number, network?: string): string =>
  spec(
    op({
      backend: FUNCTION(
        undefined,
        `version: latest, invocation-type: sync, timeout: ${timeout}${network ? `, network-type: ${network}` : ''}`,
      ),
    }),
  );
const instance = (ms: number): string =>
  `groups:\n  - {name: lint_test, spec: api.yaml}\ninstance:\n  backend_timeout: ${ms}\n`;

testRule('backend-timeout', [
  { name: 'no timeout (5000 ms by default)', spec: spec(op({ backend: HTTP() })), findings: [] },
  { name: '1 ms', spec: http('1'), findings: [] },
  { name: '60000 ms', spec: http('60000'), findings: [] },
  {
    name: '60001 ms',
    spec: http('60001'),
    findings: [
      {
        message: 'backend timeout 60001 ms is above the maximum of 60000 ms (instance backend_timeout)',
        exact: true,
        at: '60001',
      },
    ],
  },
  {
    name: '0 ms, written as a string',
    spec: http('"0"'),
    findings: [{ message: 'backend timeout 0 ms must be at least 1 ms', exact: true, at: '"0"' }],
  },
  { name: 'a raised instance maximum', spec: http('120000'), workspace: instance(600000), findings: [] },
  {
    name: 'above a raised instance maximum',
    spec: http('600001'),
    workspace: instance(600000),
    findings: [
      {
        message: 'backend timeout 600001 ms is above the maximum of 600000 ms (instance backend_timeout)',
        at: '600001',
      },
    ],
  },
  {
    name: 'a lowered instance maximum',
    spec: http('40000'),
    workspace: instance(30000),
    findings: [{ message: 'above the maximum of 30000 ms (instance backend_timeout)', at: '40000' }],
  },
  { name: 'a V1 function: 60000 ms', spec: fn(60000, 'V1'), workspace: instance(600000), findings: [] },
  {
    name: 'a V1 function above 60000 ms, even with a raised instance maximum',
    spec: fn(60001, 'V1'),
    workspace: instance(600000),
    findings: [
      {
        message: 'backend timeout 60001 ms is above the maximum of 60000 ms for V1 functions',
        exact: true,
        at: '60001',
      },
    ],
  },
  {
    name: 'a function without network-type is V1',
    spec: fn(120000),
    workspace: instance(600000),
    findings: [{ message: 'for V1 functions', at: '120000' }],
  },
  {
    name: 'a V2 function follows the instance maximum',
    spec: fn(120000, 'V2'),
    workspace: instance(600000),
    findings: [],
  },
  {
    name: 'a V1 function with a lowered instance maximum',
    spec: fn(40000, 'V1'),
    workspace: instance(30000),
    findings: [{ message: 'above the maximum of 30000 ms (instance backend_timeout)', at: '40000' }],
  },
  {
    name: 'a VPC channel backend',
    spec: spec(
      op({
        backend:
          '        type: HTTP-VPC\n        httpVpcEndpoints: {name: vpc-test-1, scheme: http, method: GET, path: /users, timeout: 70000}\n',
      }),
    ),
    findings: [{ message: 'backend timeout 70000 ms', at: '70000' }],
  },
  {
    name: 'a member-group backend',
    spec: spec(
      op({
        backend:
          '        type: HTTP-VPC-MEMBER-GROUP\n        httpVpcMemberGroupEndpoints: {name: VPC_6ZZ0, timeout: 70000, memberGroupUrlInfos: [{name: g1, scheme: http, method: GET, path: /users}]}\n',
      }),
    ),
    findings: [{ message: 'backend timeout 70000 ms', at: '70000' }],
  },
  {
    name: 'a policy backend',
    spec: spec(
      op({
        backend: HTTP(),
        extra:
          '      x-apigateway-backend-policies:\n        - name: pol_one\n          type: HTTP\n          effectMode: ANY\n          conditions: [{origin: source, value: 10.0.0.0/8}]\n          httpEndpoints: {address: "10.0.0.2", scheme: http, method: GET, path: /p, timeout: 90000}\n',
      }),
    ),
    findings: [{ message: 'backend timeout 90000 ms', at: '90000' }],
  },
  {
    name: 'retryCount -1 (the default)',
    spec: spec(op({ backend: HTTP('/b', '"10.0.0.1:8080"', "          retryCount: '-1'\n") })),
    findings: [],
  },
  {
    name: 'retryCount 11',
    spec: spec(op({ backend: HTTP('/b', '"10.0.0.1:8080"', '          retryCount: 11\n') })),
    findings: [{ message: 'retryCount "11" must be a whole number from -1 to 10', exact: true, at: '11' }],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
]);
