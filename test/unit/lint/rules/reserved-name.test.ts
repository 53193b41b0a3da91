/** reserved-name: no x-apig-*, x-sdk-*, x-stage names; HEADER names without "_", never X-Auth-Token, Authorization only on APP auth. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, HEADER, HTTP, QUERY, SCHEMES } from '../snippets.js';

const front = (params: string, security = ''): string =>
  spec(op({ params, extra: security ? `      security: [{${security}: []}]\n` : '' }), SCHEMES);
const back = (name: string, location = 'HEADER'): string =>
  spec(
    op({
      backend: `        parameters:\n          - {name: ${name}, value: v, in: ${location}, origin: CONSTANT}\n${HTTP()}`,
    }),
  );
const AUTHZ = 'only APP-auth APIs may list it, to document the signature header';

testRule('reserved-name', [
  { name: 'ordinary names', spec: front(QUERY('page') + HEADER('X-Request-Token')), findings: [] },
  {
    name: 'x-stage selects the environment',
    spec: front(HEADER('X-Stage')),
    findings: [
      {
        message: 'parameter "X-Stage": x-stage selects the environment and is reserved (case-insensitive)',
        exact: true,
        at: 'X-Stage',
      },
    ],
  },
  {
    name: 'x-stage in the query too',
    spec: front(QUERY('x-stage')),
    findings: [{ message: 'parameter "x-stage": x-stage selects', at: 'x-stage' }],
  },
  {
    name: 'an x-apig- prefix',
    spec: front(HEADER('X-Apig-Mode')),
    findings: [
      {
        message: 'parameter "X-Apig-Mode": names starting with x-apig- or x-sdk- are reserved (case-insensitive)',
        exact: true,
        at: 'X-Apig-Mode',
      },
    ],
  },
  {
    name: 'an x-sdk- prefix in the query',
    spec: front(QUERY('x-sdk-date')),
    findings: [{ message: 'names starting with x-apig- or x-sdk-', at: 'x-sdk-date' }],
  },
  { name: 'x-apig without the hyphen is not the prefix', spec: front(QUERY('x-apigee')), findings: [] },
  {
    name: 'an underscore in a header name',
    spec: front(HEADER('X-Trace_Id')),
    findings: [
      {
        message: 'parameter "X-Trace_Id": HEADER parameter names may not contain "_" (proxies drop such headers)',
        exact: true,
        at: 'X-Trace_Id',
      },
    ],
  },
  { name: 'an underscore in a query name', spec: front(QUERY('page_size')), findings: [] },
  {
    name: 'an X-Auth-Token header',
    spec: front(HEADER('X-Auth-Token')),
    findings: [
      {
        message: 'X-Auth-Token may not be a HEADER parameter: the gateway reads it for IAM authentication',
        at: 'X-Auth-Token',
      },
    ],
  },
  {
    name: 'an X-Auth-Token header on an IAM-auth API',
    spec: front(HEADER('x-auth-token'), 'apig-auth-iam'),
    findings: [{ message: 'X-Auth-Token may not be a HEADER parameter', at: 'x-auth-token' }],
  },
  { name: 'an X-Auth-Token query parameter', spec: front(QUERY('X-Auth-Token')), findings: [] },
  {
    name: 'an Authorization header without authentication',
    spec: front(HEADER('Authorization')),
    findings: [{ message: AUTHZ, at: 'Authorization, in' }],
  },
  {
    name: 'an Authorization header on an IAM-auth API',
    spec: front(HEADER('authorization'), 'apig-auth-iam'),
    findings: [{ message: 'Authorization may not be a HEADER parameter', at: 'authorization, in' }],
  },
  {
    name: 'an Authorization header on a custom-auth API',
    spec: front(HEADER('Authorization'), 'my_auth'),
    findings: [{ message: 'Authorization may not be a HEADER parameter', at: 'Authorization, in' }],
  },
  {
    name: 'an Authorization header documents the signature of an APP-auth API',
    spec: front(HEADER('Authorization'), 'apig-auth-app'),
    findings: [],
  },
  { name: 'with AppCode too', spec: front(HEADER('Authorization'), 'apig-auth-app-header'), findings: [] },
  { name: 'an Authorization query parameter', spec: front(QUERY('Authorization')), findings: [] },
  { name: 'a backend constant', spec: back('X-Invoke-User'), findings: [] },
  {
    name: 'a backend x-stage',
    spec: back('x-stage', 'QUERY'),
    findings: [{ message: 'backend parameter "x-stage": x-stage selects the environment', at: 'x-stage' }],
  },
  {
    name: 'a backend x-sdk- prefix',
    spec: back('X-Sdk-Nonce'),
    findings: [
      { message: 'backend parameter "X-Sdk-Nonce": names starting with x-apig- or x-sdk-', at: 'X-Sdk-Nonce' },
    ],
  },
  {
    name: 'a backend header with an underscore',
    spec: back('X_User'),
    findings: [{ message: 'backend parameter "X_User": HEADER parameter names may not contain "_"', at: 'X_User' }],
  },
  { name: 'a backend query parameter with an underscore', spec: back('user_id', 'QUERY'), findings: [] },
  {
    name: 'a backend Authorization header',
    spec: back('Authorization'),
    findings: [{ message: 'the gateway sets it when a signature key signs the backend call', at: 'Authorization' }],
  },
  {
    name: 'a backend X-Auth-Token header',
    spec: back('X-Auth-Token', 'header'),
    findings: [{ message: 'X-Auth-Token may not be a backend HEADER parameter', at: 'X-Auth-Token' }],
  },
  { name: 'a backend Authorization query parameter', spec: back('Authorization', 'QUERY'), findings: [] },
  {
    name: 'a policy backend parameter',
    spec: spec(
      op({
        extra:
          '      x-apigateway-backend-policies:\n        - name: pol_one\n          type: MOCK\n          effectMode: ANY\n          conditions: [{origin: source, value: 10.0.0.0/8}]\n          parameters: [{name: X-Stage, value: v, in: HEADER, origin: CONSTANT}]\n          mockEndpoints: {result-content: p}\n',
      }),
    ),
    findings: [{ message: 'backend parameter "X-Stage"', at: 'X-Stage' }],
  },
  {
    name: 'the documented import examples (Authorization documents the APP signature)',
    spec: fixture('examples/otc-four-backends.yaml'),
    findings: [],
  },
]);
