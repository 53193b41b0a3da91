/** gateway-response: names 1–64 [A-Za-z0-9_-]; known error types; status 200–599 except 444; at most 10 headers with valid names. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, OAS3 } from '../snippets.js';

const responses = (body: string): string => spec(op(), `x-apigateway-responses:\n${body}`);
const entry = (value: string, name = 'default', type = 'THROTTLED'): string =>
  responses(`  ${name}:\n    ${type}: ${value}\n`);
const headers = (n: number): string =>
  `{status: 429, headers: {${Array.from({ length: n }, (_, i) => `X-H${i}: v`).join(', ')}}}`;

testRule('gateway-response', [
  { name: 'a known type with a status', spec: entry('{status: 429}'), findings: [] },
  { name: 'an empty default set', spec: responses('  default: {}\n'), findings: [] },
  {
    name: 'the documented example (x-apigateway-responses)',
    spec: responses(
      '  default:\n    ACCESS_DENIED:\n      status: 403\n      body:\n        application/json: \'{"error_code":"$context.error.code","error_msg":"Access denied","request_id":"$context.requestId"}\'\n',
    ),
    findings: [],
  },
  {
    name: 'an unknown error type',
    spec: entry('{status: 429}', 'default', 'THROTTLE'),
    findings: [
      {
        message:
          '"THROTTLE" is not a gateway response type (e.g. AUTH_FAILURE, AUTH_HEADER_MISSING, AUTHORIZER_FAILURE, AUTHORIZER_CONF_FAILURE...)',
        exact: true,
        at: '{status: 429}',
      },
    ],
  },
  {
    name: 'error types are upper-case',
    spec: entry('{status: 429}', 'default', 'throttled'),
    findings: [{ message: '"throttled" is not a gateway response type', at: '{status: 429}' }],
  },
  {
    name: 'every documented type',
    spec: responses(
      `  default:\n${['AUTH_FAILURE', 'AUTH_HEADER_MISSING', 'AUTHORIZER_FAILURE', 'AUTHORIZER_CONF_FAILURE', 'AUTHORIZER_IDENTITIES_FAILURE', 'BACKEND_UNAVAILABLE', 'BACKEND_TIMEOUT', 'THROTTLED', 'UNAUTHORIZED', 'ACCESS_DENIED', 'NOT_FOUND', 'REQUEST_PARAMETERS_FAILURE', 'DEFAULT_4XX', 'DEFAULT_5XX', 'THIRD_AUTH_FAILURE', 'THIRD_AUTH_IDENTITIES_FAILURE', 'THIRD_AUTH_CONF_FAILURE', 'OIDC_AUTH_TOKEN_VERIFY_FAIL', 'OIDC_AUTH_GET_DISCOVERY_ERROR', 'OIDC_AUTH_CODE_FLOW_FAIL', 'JWT_AUTH_FAILURE', 'ORCHESTRATION_PARAMETER_NOT_FOUND', 'ORCHESTRATION_FAILURE'].map((t) => `    ${t}: {}\n`).join('')}`,
    ),
    findings: [],
  },
  { name: 'status 200', spec: entry('{status: 200}'), findings: [] },
  { name: 'status 599', spec: entry('{status: 599}'), findings: [] },
  {
    name: 'status 444',
    spec: entry('{status: 444}'),
    findings: [{ message: 'status 444 must be 200–599 and not 444', exact: true, at: '444' }],
  },
  {
    name: 'status 199, written as a string',
    spec: entry('{status: "199"}'),
    findings: [{ message: 'status 199 must be 200–599 and not 444', exact: true, at: '"199"' }],
  },
  {
    name: 'status 600, written as a string',
    spec: entry('{status: "600"}'),
    findings: [{ message: 'status 600 must be', at: '"600"' }],
  },
  { name: 'ten headers', spec: entry(headers(10)), findings: [] },
  {
    name: 'eleven headers',
    spec: entry(headers(11)),
    findings: [{ message: 'at most 10 headers per gateway response', exact: true, at: '{X-H0' }],
  },
  {
    name: 'a header name with an underscore',
    spec: entry('{status: 429, headers: {X_Trace: v}}'),
    findings: [{ message: 'header name "X_Trace" must be 1–128 letters, digits or "-"', exact: true, at: '{X_Trace' }],
  },
  { name: 'a 128-character header name', spec: entry(`{status: 429, headers: {${'h'.repeat(128)}: v}}`), findings: [] },
  {
    name: 'a 129-character header name',
    spec: entry(`{status: 429, headers: {${'h'.repeat(129)}: v}}`),
    findings: [{ message: 'header name', at: '{hhh' }],
  },
  {
    name: 'a header value of 1024 characters',
    spec: entry(`{status: 429, headers: {X-H: ${'v'.repeat(1024)}}}`),
    findings: [],
  },
  {
    name: 'a header value of 1025 characters',
    spec: entry(`{status: 429, headers: {X-H: ${'v'.repeat(1025)}}}`),
    findings: [{ message: 'header X-H: the value must be 1–1024 characters, not 1025', exact: true, at: 'vvv' }],
  },
  {
    name: 'an empty header value',
    spec: entry('{status: 429, headers: {X-H: ""}}'),
    findings: [{ message: 'header X-H: the value must be 1–1024 characters, not 0', exact: true, at: '""' }],
  },
  {
    name: 'default and four custom responses',
    spec: responses(
      ['default', 'r_one', 'r_two', 'r_three', 'r_four'].map((n) => `  ${n}: {THROTTLED: {status: 429}}\n`).join(''),
    ),
    findings: [],
  },
  {
    name: 'five custom responses',
    spec: responses(
      ['r_one', 'r_two', 'r_three', 'r_four', 'r_five'].map((n) => `  ${n}: {THROTTLED: {status: 429}}\n`).join(''),
    ),
    findings: [{ message: '5 gateway responses besides default; a group has at most 4', exact: true, at: 'r_one' }],
  },
  { name: 'a custom response name', spec: entry('{status: 429}', 'my-response_1'), findings: [] },
  { name: 'a 64-character name', spec: entry('{status: 429}', 'r'.repeat(64)), findings: [] },
  {
    name: 'a 65-character name',
    spec: entry('{status: 429}', 'r'.repeat(65)),
    findings: [
      {
        message: `gateway response name "${'r'.repeat(65)}" must be 1–64 letters, digits, "_" or "-"`,
        exact: true,
        at: 'THROTTLED',
      },
    ],
  },
  {
    name: 'a name with a space',
    spec: entry('{status: 429}', '"my response"'),
    findings: [{ message: 'gateway response name "my response"', at: 'THROTTLED' }],
  },
  {
    name: 'under OpenAPI 3.0 components',
    spec: OAS3('  x-apigateway-responses:\n    default:\n      THROTTLE: {status: 429}\n'),
    findings: [{ message: '"THROTTLE" is not a gateway response type', at: '{status: 429}' }],
  },
  { name: 'every documented extension at once', spec: fixture('examples/full-featured.yaml'), findings: [] },
  { name: 'an OpenAPI 3.0 console export', spec: fixture('oas3/otc-export.yaml'), findings: [] },
]);
