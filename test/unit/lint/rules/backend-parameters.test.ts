/**
 * backend-parameters: backend PATH parameters appear in the backend path and each {param} there is mapped;
 * REQUEST parameters name front-end parameters; SYSTEM values are documented $context variables, the
 * authorizer ones only where a front-end authorizer runs (APIG.2036).
 */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, HEADER, HTTP, PATH, QUERY, SCHEMES } from '../snippets.js';

const mapped = (params: string, backendParams: string, path = '/b', extra = ''): string =>
  spec(op({ params, extra, backend: `        parameters:\n${backendParams}${HTTP(path)}` }), SCHEMES);
const bp = (name: string, value: string, location: string, origin: string): string =>
  `          - {name: ${name}, value: "${value}", in: ${location}, origin: ${origin}}\n`;
const system = (value: string, extra = ''): string => mapped('', bp('X-Sys', value, 'HEADER', 'SYSTEM'), '/b', extra);

testRule('backend-parameters', [
  {
    name: 'a query parameter mapped from the request',
    spec: mapped(QUERY('q'), bp('q2', 'q', 'QUERY', 'REQUEST')),
    findings: [],
  },
  {
    name: 'a mapping from a parameter the API does not define',
    spec: mapped(QUERY('q'), bp('q2', 'nope', 'QUERY', 'REQUEST')),
    findings: [
      {
        message: 'backend parameter "q2" maps front-end parameter "nope", which getA does not define',
        exact: true,
        at: '"nope"',
      },
    ],
  },
  {
    name: 'request parameter names are case-sensitive',
    spec: mapped(QUERY('q'), bp('q2', 'Q', 'QUERY', 'REQUEST')),
    findings: [{ message: 'maps front-end parameter "Q"', at: '"Q"' }],
  },
  {
    name: 'header names are not',
    spec: mapped(HEADER('X-Trace'), bp('trace', 'x-trace', 'QUERY', 'REQUEST')),
    findings: [],
  },
  {
    name: 'the worked example of the user guide (front /v1.0/{test01}, backend /v1.0/{test05})',
    spec: spec(
      op({
        path: '/v1.0/{test01}',
        params: PATH('test01') + HEADER('test02') + QUERY('test03'),
        backend: `        parameters:\n${bp('test01', 'test01', 'HEADER', 'REQUEST')}${bp('test03', 'test03', 'HEADER', 'REQUEST')}${bp('test05', 'test02', 'PATH', 'REQUEST')}${HTTP('/v1.0/{test05}')}`,
      }),
    ),
    findings: [],
  },
  {
    name: 'a PATH parameter that is not in the backend path',
    spec: mapped(PATH('id'), bp('id', 'id', 'PATH', 'REQUEST'), '/b').replace('  /a:', '  /a/{id}:'),
    findings: [
      { message: 'backend PATH parameter "id" does not appear in the backend path /b', exact: true, at: 'id, value' },
    ],
  },
  {
    name: 'a PATH constant in the backend path',
    spec: mapped('', bp('version', 'v2', 'PATH', 'CONSTANT'), '/api/{version}/x'),
    findings: [],
  },
  {
    name: 'a backend path parameter nothing maps',
    spec: mapped(QUERY('q'), bp('q', 'q', 'QUERY', 'REQUEST'), '/users/{userId}'),
    findings: [
      {
        message:
          'backend path parameter {userId} is not mapped: add a backend parameter with in: PATH and name: userId',
        exact: true,
        at: '/users/{userId}',
      },
    ],
  },
  {
    name: 'a query parameter does not map a path segment',
    spec: mapped('', bp('userId', 'u1', 'QUERY', 'CONSTANT'), '/users/{userId}'),
    findings: [{ message: 'backend path parameter {userId} is not mapped', at: '/users/{userId}' }],
  },
  {
    name: 'without backend parameters a front-end PATH parameter passes through',
    spec: spec(op({ path: '/users/{userId}', params: PATH('userId'), backend: HTTP('/users/{userId}') })),
    findings: [],
  },
  {
    name: 'without backend parameters and without that front-end parameter',
    spec: spec(op({ path: '/users/{id}', params: PATH('id'), backend: HTTP('/users/{userId}') })),
    findings: [{ message: 'backend path parameter {userId} is not mapped', at: '/users/{userId}' }],
  },
  {
    name: 'a greedy backend path parameter',
    spec: mapped(PATH('p'), bp('p', 'p', 'PATH', 'REQUEST'), '/files/{p+}').replace('  /a:', '  /a/{p+}:'),
    findings: [],
  },
  {
    name: 'a greedy path parameter declared and mapped as p+ (serve fills the backend path so too)',
    spec: mapped(PATH('p+'), bp('p', 'p+', 'PATH', 'REQUEST'), '/files/{p+}').replace('  /a:', '  /a/{p+}:'),
    findings: [],
  },
  {
    name: 'a VPC channel backend path',
    spec: spec(
      op({
        backend: `        parameters:\n${bp('id', 'x', 'PATH', 'CONSTANT')}        type: HTTP-VPC\n        httpVpcEndpoints: {name: vpc1, scheme: http, method: GET, path: /b}\n`,
      }),
    ),
    findings: [{ message: 'backend PATH parameter "id" does not appear in the backend path /b', at: 'id, value' }],
  },
  {
    name: 'a member-group backend path',
    spec: spec(
      op({
        backend:
          '        type: HTTP-VPC-MEMBER-GROUP\n        httpVpcMemberGroupEndpoints: {name: VPC_6ZZ0, memberGroupUrlInfos: [{name: g1, scheme: http, method: GET, path: "/u/{uid}"}]}\n',
      }),
    ),
    findings: [{ message: 'backend path parameter {uid} is not mapped', at: '{name: VPC_6ZZ0' }],
  },
  {
    name: 'PATH parameters of a Mock backend are not checked against a path',
    spec: spec(
      op({
        backend: `        parameters:\n${bp('id', 'x', 'PATH', 'CONSTANT')}        type: MOCK\n        mockEndpoints: {result-content: ok}\n`,
      }),
    ),
    findings: [],
  },
  {
    name: 'documented system parameters',
    spec: mapped(
      '',
      [
        'sourceIp',
        'stage',
        'apiId',
        'apiName',
        'appId',
        'appName',
        'requestId',
        'serverAddr',
        'serverName',
        'handleTime',
        'providerAppId',
        'member_group_name',
        'member_group_id',
        'reqPath',
        'reqUri',
        'reqMethod',
      ]
        .map((v, i) => bp(`X-S${i}`, `$context.${v}`, 'HEADER', 'SYSTEM'))
        .join(''),
    ),
    findings: [],
  },
  {
    name: 'an undocumented system parameter',
    spec: system('$context.clientIp'),
    findings: [
      {
        message:
          'system parameter "$context.clientIp" is not a documented $context variable (e.g. $context.sourceIp, $context.requestId, $context.authorizer.frontend.<key>)',
        exact: true,
        at: '"$context.clientIp"',
      },
    ],
  },
  {
    name: 'a system parameter without $context.',
    spec: system('sourceIp'),
    findings: [{ message: 'system parameter "sourceIp" is not a documented $context variable', at: '"sourceIp"' }],
  },
  {
    name: 'an authorizer context value on a custom-auth API',
    spec: system('$context.authorizer.frontend.user_id', '      security: [{my_auth: []}]\n'),
    findings: [],
  },
  {
    name: 'an authorizer context value with dual authentication',
    spec: system('$context.authorizer.frontend.user_id', '      security: [{apig-auth-app: [], my_auth: []}]\n'),
    findings: [],
  },
  {
    name: 'an authorizer context value without a front-end authorizer (APIG.2036)',
    spec: system('$context.authorizer.frontend.user_id', '      security: [{apig-auth-app: []}]\n'),
    findings: [
      {
        message:
          'system parameter "$context.authorizer.frontend.user_id" needs custom (or dual) authentication: only APIs with a front-end authorizer have its context',
        exact: true,
        at: '"$context.authorizer.frontend.user_id"',
      },
    ],
  },
  { name: 'a back-end authorizer context value', spec: system('$context.authorizer.backend.token'), findings: [] },
  {
    name: 'an authorizer context value without a key',
    spec: system('$context.authorizer.frontend.', '      security: [{my_auth: []}]\n'),
    findings: [{ message: 'is not a documented $context variable', at: '"$context.authorizer.frontend."' }],
  },
  {
    name: 'a policy backend maps its own parameters',
    spec: spec(
      op({
        params: QUERY('q'),
        extra: `      x-apigateway-backend-policies:\n        - name: pol_one\n          type: HTTP\n          effectMode: ANY\n          conditions: [{origin: source, value: 10.0.0.0/8}]\n          parameters: [{name: q2, value: nope, in: QUERY, origin: REQUEST}]\n          httpEndpoints: {address: "10.0.0.2", scheme: http, method: GET, path: "/p/{x}"}\n`,
        backend: HTTP(),
      }),
    ),
    findings: [
      { message: 'maps front-end parameter "nope"', at: 'nope' },
      { message: 'backend path parameter {x} is not mapped', at: '"/p/{x}"' },
    ],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
]);
