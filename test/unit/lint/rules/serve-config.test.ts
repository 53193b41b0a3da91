/** serve-config: what apig serve needs beyond Swagger is in apig.yaml: authorizer implementations, function modules, VPC channels. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { FUNCTION, WS } from '../snippets.js';

const URN = 'urn:fss:cn-north-4:abc123:function:default:fn';
const fn = spec(op({ backend: FUNCTION(`"${URN}"`) }));
const vpc = spec(
  op({
    backend:
      '        type: HTTP-VPC\n        httpVpcEndpoints: {name: vpc_one, scheme: http, method: GET, path: /users}\n',
  }),
);
const authorizer = (type: string): string =>
  spec(
    op(),
    `\nsecurityDefinitions:\n  my_auth:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-authorizer: {type: ${type}, authorizer_type: FUNC, authorizer_uri: "urn:x"}\n`,
  );

testRule('serve-config', [
  {
    name: 'a function with its local module',
    spec: fn,
    workspace: WS(`functions:\n  "${URN}": ./fn.mjs\n`),
    findings: [],
  },
  {
    name: 'a function without a local module',
    spec: fn,
    workspace: WS(),
    findings: [
      { message: `no local module for ${URN}: add it under functions: in apig.yaml`, exact: true, at: '"urn:fss' },
    ],
  },
  {
    name: 'a module for another URN',
    spec: fn,
    workspace: WS(`functions:\n  "${URN}:latest": ./fn.mjs\n`),
    findings: [{ message: `no local module for ${URN}`, at: '"urn:fss' }],
  },
  { name: 'without apig.yaml there is nothing to check', spec: fn, findings: [] },
  {
    name: 'a VPC channel defined in apig.yaml',
    spec: vpc,
    workspace: WS('vpcChannels:\n  - {name: vpc_one, port: 8080, members: [{host: 10.0.0.1}]}\n'),
    findings: [],
  },
  {
    name: 'a VPC channel that is not',
    spec: vpc,
    workspace: WS(),
    findings: [
      { message: 'VPC channel "vpc_one" is not defined under vpcChannels: in apig.yaml', exact: true, at: 'vpc_one' },
    ],
  },
  {
    name: 'a front-end authorizer with an implementation',
    spec: authorizer('FRONTEND'),
    workspace: WS('authorizers:\n  my_auth: {module: ./auth.mjs}\n'),
    findings: [],
  },
  {
    name: 'a front-end authorizer implemented by a URL',
    spec: authorizer('FRONTEND'),
    workspace: WS('authorizers:\n  my_auth: {url: "http://127.0.0.1:9000/auth"}\n'),
    findings: [],
  },
  {
    name: 'a front-end authorizer without one',
    spec: authorizer('FRONTEND'),
    workspace: WS(),
    findings: [
      {
        message:
          'authorizer my_auth has no implementation: add authorizers: { my_auth: { module: ./auth.mjs } } to apig.yaml',
        exact: true,
        at: '{type: FRONTEND',
      },
    ],
  },
  {
    name: 'a back-end authorizer without one',
    spec: authorizer('BACKEND'),
    workspace: WS(),
    findings: [{ message: 'authorizer my_auth has no implementation', at: '{type: BACKEND' }],
  },
  {
    name: 'a policy backend function',
    spec: spec(
      op({
        backend: FUNCTION(`"${URN}"`),
        extra:
          '      x-apigateway-backend-policies:\n        - name: pol_one\n          type: FUNCTION\n          effectMode: ANY\n          conditions: [{origin: source, value: 10.0.0.0/8}]\n          functionEndpoints: {function-urn: "urn:fss:cn-north-4:abc123:function:default:other", version: latest, invocation-type: sync}\n',
      }),
    ),
    workspace: WS(`functions:\n  "${URN}": ./fn.mjs\n`),
    findings: [
      {
        message: 'no local module for urn:fss:cn-north-4:abc123:function:default:other',
        at: '"urn:fss:cn-north-4:abc123:function:default:other"',
      },
    ],
  },
]);
