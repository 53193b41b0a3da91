/** backend-variables: #var# only in backend addresses and paths, defined in every environment the API is published to. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, HTTP, WS } from '../snippets.js';

const http = (address: string, path = '/b'): string => spec(op({ backend: HTTP(path, address) }));
const ws = (envs: string, publish = 'publish:\n  RELEASE: ["*"]\n  test: ["*"]\n'): string =>
  `groups:\n  - {name: lint_test, spec: api.yaml}\nenvironments:\n${envs}${publish}`;
const ELSEWHERE = 'is not substituted here: environment variables work only in backend addresses and paths';

testRule('backend-variables', [
  { name: 'a variable defined in every environment', spec: http('"#backend#"'), workspace: WS(), findings: [] },
  {
    name: 'a variable in another case',
    spec: http('"#Backend#"'),
    workspace: WS(),
    findings: [
      {
        message:
          'variable #Backend# is not defined in environments RELEASE, test, where getA is published (names are case-sensitive)',
        exact: true,
        at: '"#Backend#"',
      },
    ],
  },
  {
    name: 'missing in one environment',
    spec: http('"#backend#"'),
    workspace: ws('  RELEASE:\n    variables: {backend: "10.0.0.1:80"}\n  test: {}\n'),
    findings: [
      { message: 'variable #backend# is not defined in environment test, where getA is published', at: '"#backend#"' },
    ],
  },
  {
    name: 'missing only where the API is not published',
    spec: http('"#backend#"'),
    workspace: ws(
      '  RELEASE:\n    variables: {backend: "10.0.0.1:80"}\n  test: {}\n',
      'publish:\n  RELEASE: [getA]\n  test: [other]\n',
    ),
    findings: [],
  },
  {
    name: 'an API published nowhere',
    spec: http('"#backend#"'),
    workspace: ws('  RELEASE: {}\n', 'publish:\n  RELEASE: []\n'),
    findings: [],
  },
  {
    name: 'without apig.yaml every API is in RELEASE, which has no variables',
    spec: http('"#backend#"'),
    findings: [
      {
        message: 'variable #backend# is not defined in environment RELEASE, where getA is published',
        at: '"#backend#"',
      },
    ],
  },
  {
    name: 'without a publish map, RELEASE only',
    spec: http('"#backend#"'),
    workspace:
      'groups:\n  - {name: lint_test, spec: api.yaml}\nenvironments:\n  RELEASE:\n    variables: {backend: "10.0.0.1:80"}\n  test: {}\n',
    findings: [],
  },
  {
    name: 'two variables in one address (documented)',
    spec: http('"#ipaddress##test#"'),
    workspace: ws(
      '  RELEASE:\n    variables: {ipaddress: "10.0.0.1", test: ":80"}\n  test:\n    variables: {ipaddress: "10.0.0.2"}\n',
    ),
    findings: [{ message: 'variable #test# is not defined in environment test', at: '"#ipaddress##test#"' }],
  },
  {
    name: 'a variable in the backend path (documented /#path#)',
    spec: http('"10.0.0.1:80"', '"/#path#"'),
    workspace: WS(),
    findings: [{ message: 'variable #path# is not defined in environments RELEASE, test', at: '"/#path#"' }],
  },
  {
    name: 'a variable in a VPC channel backend path',
    spec: spec(
      op({
        backend:
          '        type: HTTP-VPC\n        httpVpcEndpoints: {name: vpc1, scheme: http, method: GET, path: "/#backend#"}\n',
      }),
    ),
    workspace: WS(),
    findings: [],
  },
  {
    name: 'an undefined variable in a member-group path',
    spec: spec(
      op({
        backend:
          '        type: HTTP-VPC-MEMBER-GROUP\n        httpVpcMemberGroupEndpoints: {name: VPC_6ZZ0, memberGroupUrlInfos: [{name: g1, scheme: http, method: GET, path: "/#nope#"}]}\n',
      }),
    ),
    workspace: WS(),
    findings: [{ message: 'variable #nope# is not defined', at: '[{name: g1' }],
  },
  {
    name: 'a variable in a constant parameter',
    spec: spec(
      op({
        backend: `        parameters:\n          - {name: X-Env, value: "#backend#", in: HEADER, origin: CONSTANT}\n${HTTP()}`,
      }),
    ),
    workspace: WS(),
    findings: [{ message: `#backend# ${ELSEWHERE}`, exact: true, at: '"#backend#"' }],
  },
  {
    name: 'a variable in a mock body',
    spec: spec(
      op({ backend: '        type: MOCK\n        mockEndpoints: {result-content: "env #backend# and #other#"}\n' }),
    ),
    workspace: WS(),
    findings: [{ message: `#backend# ${ELSEWHERE}`, exact: true, at: '"env #backend#' }],
  },
  {
    name: 'a mock body with a lone #',
    spec: spec(op({ backend: '        type: MOCK\n        mockEndpoints: {result-content: "item #1 of 2"}\n' })),
    findings: [],
  },
  {
    name: 'a variable in a VPC proxy host',
    spec: spec(
      op({
        backend:
          '        type: HTTP-VPC\n        httpVpcEndpoints: {name: vpc1, scheme: http, method: GET, path: /b, host: "#backend#"}\n',
      }),
    ),
    workspace: WS(),
    findings: [{ message: `#backend# ${ELSEWHERE}`, at: '"#backend#"' }],
  },
  {
    name: 'a variable in a function URN',
    spec: spec(
      op({
        backend:
          '        type: FUNCTION\n        functionEndpoints: {function-urn: "urn:fss:#region#:abc:function:default:fn", version: latest, invocation-type: sync}\n',
      }),
    ),
    workspace: WS(),
    findings: [{ message: `#region# ${ELSEWHERE}`, at: '"urn:fss' }],
  },
  {
    name: 'a policy backend',
    spec: spec(
      op({
        backend: HTTP(),
        extra:
          '      x-apigateway-backend-policies:\n        - name: pol_one\n          type: HTTP\n          effectMode: ANY\n          conditions: [{origin: source, value: 10.0.0.0/8}]\n          httpEndpoints: {address: "#policy_host#", scheme: http, method: GET, path: /p}\n',
      }),
    ),
    workspace: WS(),
    findings: [
      { message: 'variable #policy_host# is not defined in environments RELEASE, test', at: '"#policy_host#"' },
    ],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
]);
