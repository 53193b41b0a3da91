/** security: requirements name defined schemes; AppCode only with APP auth; dual auth is APP or IAM plus a front-end authorizer. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, OAS3, SCHEMES } from '../snippets.js';

const secured = (security: string, extra = '', root = SCHEMES): string =>
  spec(op({ extra: `${extra}      security: ${security}\n` }), root);
const HTTPS = '      schemes: [https]\n';
const BACKEND_AUTH =
  '  backend_auth:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-authorizer: {type: BACKEND, authorizer_type: FUNC, authorizer_uri: "urn:x"}\n';
const IAM_CODE =
  '  iam_code:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-auth-type: IAM\n    x-apigateway-auth-opt: {appcode-auth-type: header}\n';

const PLAIN = '  plain_key:\n    type: apiKey\n    name: Authorization\n    in: header\n';
const OPT_ONLY =
  '  opt_only:\n    type: apiKey\n    name: Authorization\n    in: header\n    x-apigateway-auth-opt: {appcode-auth-type: header}\n';
const UNREADABLE = (name: string): string =>
  `security scheme "${name}" has neither x-apigateway-auth-type nor x-apigateway-authorizer, so the gateway ` +
  'cannot tell its authentication (Extension Definitions: x-apigateway-auth-type, required on a security scheme: ' +
  'AppSigv1 or IAM); apig serve will not serve it without authentication';

testRule('security', [
  { name: 'APP authentication', spec: secured('[{apig-auth-app: []}]'), findings: [] },
  { name: 'IAM authentication', spec: secured('[{apig-auth-iam: []}]'), findings: [] },
  { name: 'a custom authorizer', spec: secured('[{my_auth: []}]'), findings: [] },
  { name: 'no security: no authentication', spec: spec(op(), SCHEMES), findings: [] },
  { name: 'an empty requirement list', spec: secured('[]'), findings: [] },
  {
    name: 'AppCode on an IAM scheme',
    spec: secured('[{iam_code: []}]', HTTPS, `${SCHEMES}${IAM_CODE}`),
    findings: [
      { message: 'simple authentication (AppCode) is available only with APP authentication', at: '[{iam_code' },
    ],
  },
  {
    name: 'an undefined scheme',
    spec: secured('[{apig-auth-nope: []}]'),
    findings: [{ message: 'security scheme "apig-auth-nope" is not defined', exact: true, at: '[{apig-auth-nope' }],
  },
  {
    name: 'two requirement objects',
    spec: secured('[{apig-auth-app: []}, {apig-auth-iam: []}]'),
    findings: [
      {
        message:
          'APIG reads one security requirement per API; list the schemes of dual authentication in one requirement object',
        exact: true,
        at: '[{apig-auth-app',
      },
    ],
  },
  {
    name: 'an undefined scheme in the second requirement',
    spec: secured('[{apig-auth-app: []}, {nope: []}]'),
    findings: [
      { message: 'security scheme "nope" is not defined', at: '[{apig-auth-app' },
      { message: 'one security requirement per API', at: '[{apig-auth-app' },
    ],
  },
  {
    name: 'APP and IAM at once',
    spec: secured('[{apig-auth-app: [], apig-auth-iam: []}]'),
    findings: [
      {
        message: 'an API has one authentication type: name either an APP or an IAM scheme',
        exact: true,
        at: '[{apig-auth-app',
      },
    ],
  },
  {
    name: 'dual authentication: APP and a front-end authorizer',
    spec: secured('[{apig-auth-app: [], my_auth: []}]'),
    findings: [],
  },
  {
    name: 'dual authentication: IAM and a front-end authorizer',
    spec: secured('[{apig-auth-iam: [], my_auth: []}]'),
    findings: [],
  },
  {
    name: 'a backend authorizer cannot authenticate callers',
    spec: secured('[{backend_auth: []}]', '', `${SCHEMES}${BACKEND_AUTH}`),
    findings: [
      {
        message: 'a BACKEND authorizer authorizes the gateway towards the backend; it cannot authenticate callers',
        exact: true,
        at: '[{backend_auth',
      },
    ],
  },
  {
    name: 'a plain apiKey scheme without x-apigateway-auth-type',
    spec: secured('[{plain_key: []}]', '', `${SCHEMES}${PLAIN}`),
    findings: [{ message: UNREADABLE('plain_key'), exact: true, at: '[{plain_key' }],
  },
  {
    name: 'a scheme with only x-apigateway-auth-opt',
    spec: secured('[{opt_only: []}]', HTTPS, `${SCHEMES}${OPT_ONLY}`),
    findings: [{ message: UNREADABLE('opt_only'), exact: true, at: '[{opt_only' }],
  },
  {
    name: 'an unreadable scheme beside an APP one',
    spec: secured('[{apig-auth-app: [], plain_key: []}]', '', `${SCHEMES}${PLAIN}`),
    findings: [{ message: UNREADABLE('plain_key'), exact: true, at: '[{apig-auth-app' }],
  },
  {
    name: 'an unreadable scheme that no API names',
    spec: secured('[{apig-auth-app: []}]', '', `${SCHEMES}${PLAIN}`),
    findings: [],
  },
  {
    name: 'an OpenAPI 3.0 http bearer scheme',
    spec: OAS3('  securitySchemes:\n    bearer: {type: http, scheme: bearer}\n').replace(
      '      responses:',
      '      security: [{bearer: []}]\n      responses:',
    ),
    findings: [{ message: UNREADABLE('bearer'), exact: true, at: '[{bearer' }],
  },
  {
    name: 'an OpenAPI 3.0 documented APP scheme',
    spec: OAS3(
      '  securitySchemes:\n    apig-auth-app: {type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1}\n',
    ).replace('      responses:', '      security: [{apig-auth-app: []}]\n      responses:'),
    findings: [],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
  { name: 'an OpenAPI 3.0 console export', spec: fixture('oas3/otc-export.yaml'), findings: [] },
]);
