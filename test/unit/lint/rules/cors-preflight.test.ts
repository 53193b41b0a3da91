/** cors-preflight: an API with CORS that browsers preflight needs an OPTIONS API with CORS on the same path (002 §5.2.2). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, HEADER, HTTP, PATH, SCHEMES } from '../snippets.js';

const CORS = '      x-apigateway-cors: true\n';
const cors = (o: Parameters<typeof op>[0] = {}): string => op({ ...o, extra: `${CORS}${o.extra ?? ''}` });
const options = (path = '/', extra = '', backend?: string): string =>
  op({ path, method: 'options', id: 'preflight', extra: `${CORS}${extra}`, ...(backend ? { backend } : {}) });
const ID_AUTH = (location: string, name: string): string =>
  `\nsecurityDefinitions:\n  id_auth:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-authorizer: {type: FRONTEND, authorizer_type: FUNC, authorizer_uri: "urn:x", identities: [{name: ${name}, location: ${location}}]}\n`;
const missing = (reason: string, path = '/a') => [
  {
    message: `CORS is on and browsers will send a preflight (${reason}), but no OPTIONS API with CORS on covers ${path}: add one with a Mock backend`,
    at: 'true',
  },
];

testRule('cors-preflight', [
  { name: 'a PUT with an OPTIONS API on /', spec: spec(cors({ method: 'put' }) + options()), findings: [] },
  { name: 'a PUT without an OPTIONS API', spec: spec(cors({ method: 'put' })), findings: missing('method PUT') },
  {
    name: 'DELETE, PATCH and ANY are not simple',
    spec: spec(
      cors({ method: 'delete', id: 'd' }) +
        cors({ path: '/b', method: 'patch', id: 'p' }) +
        cors({ path: '/c', method: 'x-apigateway-any-method', id: 'any' }),
    ),
    findings: [
      ...missing('method DELETE'),
      { message: 'preflight (method PATCH)', at: 'true', after: '/b:' },
      { message: 'preflight (method ANY)', at: 'true', after: '/c:' },
    ],
  },
  { name: 'a simple GET needs no preflight', spec: spec(cors()), findings: [] },
  {
    name: 'HEAD and POST are simple methods',
    spec: spec(cors({ method: 'head', id: 'h' }) + cors({ path: '/b', method: 'post', id: 'p' })),
    findings: [],
  },
  {
    name: 'simple headers',
    spec: spec(
      cors({
        params:
          HEADER('Accept') +
          HEADER('Accept-Language') +
          HEADER('Content-Language') +
          HEADER('Last-Event-ID') +
          HEADER('Content-Type'),
      }),
    ),
    findings: [],
  },
  {
    name: 'a custom header',
    spec: spec(cors({ params: HEADER('X-Token') })),
    findings: missing('header parameter X-Token'),
  },
  {
    name: 'query and path parameters do not matter',
    spec: spec(cors({ path: '/a/{id}', params: `${PATH('id')}        - {name: q, in: query, type: string}\n` })),
    findings: [],
  },
  {
    name: 'a simple content type',
    spec: spec(cors({ method: 'post', extra: '      x-apigateway-content-type: multipart/form-data\n' })),
    findings: [],
  },
  {
    name: 'a JSON body',
    spec: spec(cors({ method: 'post', extra: '      x-apigateway-content-type: application/json\n' })),
    findings: missing('content type application/json'),
  },
  {
    name: 'APP authentication sends Authorization',
    spec: spec(cors({ extra: '      security: [{apig-auth-app: []}]\n' }), SCHEMES),
    findings: missing('APP authentication (Authorization / X-Auth-Token headers)'),
  },
  {
    name: 'IAM authentication sends X-Auth-Token',
    spec: spec(cors({ extra: '      security: [{apig-auth-iam: []}]\n' }), SCHEMES),
    findings: missing('IAM authentication (Authorization / X-Auth-Token headers)'),
  },
  {
    name: 'a custom authorizer with a header identity source',
    spec: spec(cors({ extra: '      security: [{id_auth: []}]\n' }), ID_AUTH('HEADER', 'X-Token')),
    findings: missing('identity source header X-Token of the custom authorizer'),
  },
  {
    name: 'a custom authorizer with a query identity source',
    spec: spec(cors({ extra: '      security: [{id_auth: []}]\n' }), ID_AUTH('QUERY', 'token')),
    findings: [],
  },
  {
    name: 'a custom authorizer whose identity source is a simple header',
    spec: spec(cors({ extra: '      security: [{id_auth: []}]\n' }), ID_AUTH('HEADER', 'Accept-Language')),
    findings: [],
  },
  {
    name: 'a custom authorizer without identity sources',
    spec: spec(cors({ extra: '      security: [{my_auth: []}]\n' }), SCHEMES),
    findings: [],
  },
  { name: 'CORS off', spec: spec(op({ method: 'put', extra: '      x-apigateway-cors: false\n' })), findings: [] },
  {
    name: 'an OPTIONS API on the same path shape',
    spec: spec(
      cors({ path: '/a/{id}', method: 'put', params: PATH('id') }) +
        options('/a/{x}', '', undefined).replace('      responses:', `      parameters:\n${PATH('x')}      responses:`),
    ),
    findings: [],
  },
  {
    name: 'an OPTIONS API on another path',
    spec: spec(cors({ method: 'put' }) + options('/b')),
    findings: missing('method PUT'),
  },
  {
    name: 'an exact OPTIONS API does not cover deeper paths',
    spec: spec(cors({ path: '/a/b', method: 'put' }) + options('/a')),
    findings: missing('method PUT', '/a/b'),
  },
  {
    name: 'a prefix OPTIONS API covers deeper paths',
    spec: spec(cors({ path: '/a/b/c', method: 'put' }) + options('/a', '      x-apigateway-match-mode: SWA\n')),
    findings: [],
  },
  {
    name: 'a prefix covers whole segments only',
    spec: spec(cors({ path: '/ab', method: 'put' }) + options('/a', '      x-apigateway-match-mode: SWA\n')),
    findings: missing('method PUT', '/ab'),
  },
  {
    name: 'an OPTIONS API without CORS does not count',
    spec: spec(cors({ method: 'put' }) + op({ path: '/', method: 'options', id: 'preflight' })),
    findings: missing('method PUT'),
  },
  {
    name: 'an OPTIONS API in another group does not count',
    spec: spec(cors({ method: 'put' })),
    files: { 'other.yaml': spec(options()).replace('title: lint_test', 'title: other_group') },
    workspace: 'groups:\n  - {name: lint_test, spec: api.yaml}\n  - {name: other_group, spec: other.yaml}\n',
    findings: missing('method PUT'),
  },
  {
    name: 'an OPTIONS API with CORS and an HTTP backend',
    spec: spec(options('/', '', HTTP())),
    findings: [{ message: 'a CORS preflight (OPTIONS) API should use a Mock backend', at: 'operationId: preflight' }],
  },
  {
    name: 'an OPTIONS API without a backend (backend-required says it)',
    spec: spec(op({ path: '/', method: 'options', extra: CORS }).replace(/ {6}x-apigateway-backend:\n[\s\S]*$/, '')),
    findings: [],
  },
  {
    name: 'an OPTIONS API without CORS may have any backend',
    spec: spec(op({ path: '/', method: 'options', backend: HTTP() })),
    findings: [],
  },
  {
    name: 'an OPTIONS API not published where the API it covers is',
    spec: spec(cors({ method: 'put', id: 'putA' }) + options()),
    workspace:
      'groups:\n  - {name: lint_test, spec: api.yaml}\nenvironments:\n  test: {variables: {}}\n' +
      'publish:\n  RELEASE: ["*"]\n  test: [putA]\n',
    findings: [
      {
        message:
          'the OPTIONS API preflight answers the preflight of putA but is not published in test, where putA is: ' +
          'browsers get 404 there (User Guide §5.2.2)',
        exact: true,
        file: 'apig.yaml',
        at: '[putA]',
      },
    ],
  },
  {
    name: 'an OPTIONS API published with the API, or everywhere',
    spec: spec(cors({ method: 'put', id: 'putA' }) + options()),
    workspace:
      'groups:\n  - {name: lint_test, spec: api.yaml}\nenvironments:\n  test: {variables: {}}\n' +
      'publish:\n  RELEASE: ["*"]\n  test: [putA, preflight]\n',
    findings: [],
  },
  {
    name: 'the documented import examples (CORS on, no OPTIONS API)',
    spec: fixture('examples/otc-four-backends.yaml'),
    findings: [
      { message: 'preflight (IAM authentication', at: 'true', after: ["'/http/{userId}'", 'x-apigateway-cors: '] },
      { message: 'preflight (method ANY)', at: 'true', after: ["'/http-vpc'", 'x-apigateway-cors: '] },
      { message: 'preflight (IAM authentication', at: 'true', after: ["'/function/{name}'", 'x-apigateway-cors: '] },
    ],
  },
]);
