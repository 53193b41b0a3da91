/** canonical-spelling: documented variant spellings are accepted and reported with the canonical one. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { APP, fixture, HTTP, POLICY, RL } from '../snippets.js';

const http = (replace: [string, string], extra = ''): string =>
  spec(op({ backend: HTTP('/b', '"10.0.0.1:8080"', extra).replace(...replace) }));
const ratelimit = (body: string): string => spec(op({ extra: '      x-apigateway-ratelimit: rl_one\n' }), RL(body));
const condition = (c: string): string =>
  spec(op({ params: '        - {name: lang, in: query, type: string}\n', extra: POLICY(`            - ${c}\n`) }));

testRule('canonical-spelling', [
  { name: 'canonical spellings', spec: spec(op({ backend: HTTP() })), findings: [] },
  {
    name: 'an upper-case backend scheme',
    spec: http(['scheme: http', 'scheme: HTTP']),
    findings: [{ message: 'scheme "HTTP" is written for "http"', exact: true, at: 'HTTP\n          method' }],
  },
  {
    name: 'upper-case operation schemes',
    spec: spec(op({ extra: '      schemes: [HTTPS, http]\n' })),
    findings: [{ message: 'scheme "HTTPS" is written for "https"', exact: true, at: 'HTTPS' }],
  },
  {
    name: 'an x-apigateway-any-method operation is reported once',
    spec: spec(op({ method: 'x-apigateway-any-method', backend: HTTP().replace('scheme: http', 'scheme: HTTP') })),
    findings: [{ message: 'scheme "HTTP" is written for "http"', at: 'HTTP\n          method' }],
  },
  {
    name: 'a timeout written as a string',
    spec: http(['timeout', 'timeout'], '          timeout: "5000"\n'),
    findings: [
      { message: 'timeout is written as the string "5000"; write the number 5000', exact: true, at: '"5000"' },
    ],
  },
  {
    name: 'a status written as a string',
    spec: spec(op(), '\nx-apigateway-responses:\n  default:\n    THROTTLED: {status: "429"}\n'),
    findings: [{ message: 'status is written as the string "429"; write the number 429', at: '"429"' }],
  },
  {
    name: 'limits, interval and a lower-case unit',
    spec: ratelimit('    api-limit: "100"\n    interval: "1"\n    unit: second\n'),
    findings: [
      { message: 'api-limit is written as the string "100"', at: '"100"' },
      { message: 'interval is written as the string "1"', at: '"1"', after: 'interval: ' },
      { message: 'unit "second" is written for "SECOND"', exact: true, at: 'second' },
    ],
  },
  {
    name: 'a special limit written as a string',
    spec: ratelimit(
      '    api-limit: 100\n    interval: 1\n    unit: MINUTE\n    special: [{type: APP, instance: a1, limit: "10"}]\n',
    ),
    findings: [{ message: 'limit is written as the string "10"', at: '"10"' }],
  },
  {
    name: 'an authorizer ttl written as a string',
    spec: spec(
      op(),
      '\nsecurityDefinitions:\n  my_auth:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-authorizer: {type: FRONTEND, authorizer_type: FUNC, authorizer_uri: "urn:x", ttl: "0"}\n',
    ),
    findings: [{ message: 'ttl is written as the string "0"', at: '"0"' }],
  },
  {
    name: 'an upper-case AppCode switch',
    spec: spec(op(), APP.replace('appcode-auth-type: header', 'appcode-auth-type: HEADER')),
    findings: [{ message: 'appcode-auth-type "HEADER" is written for "header"', exact: true, at: 'HEADER}' }],
  },
  {
    name: 'the condition spellings of the extension page',
    spec: condition('{type: equal, origin: request, parameter_name: lang, value: en}'),
    findings: [
      { message: 'type "equal" is a variant of "exact"', exact: true, at: 'equal' },
      { message: 'origin "request" is a variant of "param"', exact: true, at: 'request,' },
      { message: 'key "parameter_name" is a variant of "parameter"', exact: true, at: 'lang, value' },
    ],
  },
  {
    name: 'origin request_parameter',
    spec: condition('{type: exact, origin: request_parameter, parameter: lang, value: en}'),
    findings: [{ message: 'origin "request_parameter" is a variant of "param"', at: 'request_parameter' }],
  },
  {
    name: 'invocation types spelled out',
    spec: spec(
      op({
        backend:
          '        type: FUNCTION\n        functionEndpoints: {function-urn: "urn:fss:cn-north-4:abc:function:default:fn", version: latest, invocation-type: asynchronous}\n',
      }),
    ),
    findings: [{ message: 'invocation-type "asynchronous" is a variant of "async"', exact: true, at: 'asynchronous' }],
  },
  {
    name: 'an address written as a one-element array',
    spec: spec(op({ backend: HTTP('/b', '["10.0.0.1:8080"]') })),
    findings: [
      {
        message: 'address is a one-element array; every documented example writes a string',
        exact: true,
        at: '["10.0.0.1:8080"]',
      },
    ],
  },
  {
    name: 'an address array of two is not a variant',
    spec: spec(op({ backend: HTTP('/b', '["10.0.0.1:8080", "10.0.0.2:8080"]') })),
    findings: [],
  },
  {
    name: 'upper-case backend parameter locations are what exports write',
    spec: spec(
      op({
        backend: `        parameters:\n          - {name: X-A, value: v, in: HEADER, origin: CONSTANT}\n${HTTP()}`,
      }),
    ),
    findings: [],
  },
  {
    name: 'parameter locations in another case, in an operation, a Path Item and the shared ones',
    spec: spec(
      op({
        path: '/a/{id}',
        params: '        - {name: lang, in: Query, type: string}\n        - $ref: "#/parameters/tid"\n',
      }).replace('    get:', '    parameters:\n      - {name: id, in: PATH, type: string, required: true}\n    get:'),
      'parameters:\n  tid: {name: X-Tid, in: HEADER, type: string}\n',
    ),
    findings: [
      { message: 'parameter location "Query" is written for "query"', exact: true, at: 'Query' },
      { message: 'parameter location "PATH" is written for "path"', exact: true, at: 'PATH' },
      { message: 'parameter location "HEADER" is written for "header"', exact: true, at: 'HEADER' },
    ],
  },
  {
    name: 'q+ for a {q} that is not greedy',
    spec: spec(op({ path: '/e/{q}', params: '        - {name: "q+", in: path, type: string, required: true}\n' })),
    findings: [
      {
        message: 'path parameter "q+" is written for "q": {q} in the path is not greedy',
        exact: true,
        at: '"q+"',
      },
    ],
  },
  {
    name: 'q and q+ for a greedy {q+} are both accepted',
    spec: spec(
      op({ path: '/e/{q+}', params: '        - {name: "q+", in: path, type: string, required: true}\n' }) +
        op({ path: '/f/{q+}', id: 'getF', params: '        - {name: q, in: path, type: string, required: true}\n' }),
    ),
    findings: [],
  },
  {
    name: 'documented variants of real exports',
    spec: fixture('variants/real-exports.yaml'),
    findings: [
      { message: 'scheme "HTTPS" is written for "https"', at: 'HTTPS', after: 'schemes: [' },
      { message: 'scheme "HTTP" is written for "http"', at: 'HTTP]' },
      { message: 'address is a one-element array', at: '["10.1.2.3:8080"]' },
      { message: 'scheme "HTTPS" is written for "https"', at: 'HTTPS', after: 'address: ["10.1.2.3:8080"]' },
      { message: 'timeout is written as the string "5000"', at: '"5000"' },
      { message: 'scheme "HTTPS" is written for "https"', at: 'HTTPS', after: 'name: VPC_n9ct' },
      { message: 'type "equal" is a variant of "exact"', at: 'equal', after: '- type: ' },
      { message: 'origin "request" is a variant of "param"', at: 'request\n' },
      { message: 'key "parameter_name" is a variant of "parameter"', at: 'lang', after: 'parameter_name: ' },
      { message: 'invocation-type "synchronous" is a variant of "sync"', at: 'synchronous' },
      { message: 'api-limit is written as the string "100"', at: '"100"' },
      { message: 'unit "second" is written for "SECOND"', at: 'second' },
    ],
  },
]);
