/** document-security: a root `security` is not read by the gateway's import; operations need their own. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { OAS3, SCHEMES } from '../snippets.js';

const ROOT = '\nsecurity: [{apig-auth-app: []}]\n';
const WHY =
  "the document's security is not read by the gateway's import, which reads each operation's own " +
  '(Extension Definitions: x-apigateway-auth-type)';
const two = (first: string, second: string): string =>
  op({ path: '/a', id: 'getA', extra: first }) + op({ path: '/b', id: 'getB', extra: second });

testRule('document-security', [
  {
    name: 'operations without their own security',
    spec: spec(two('', ''), `${SCHEMES}${ROOT}`),
    findings: [
      {
        message: `${WHY}: 2 operation(s) without their own (getA, getB) are imported without authentication; put security on each operation`,
        exact: true,
        at: '[{apig-auth-app: []}]\n',
        after: '\nsecurity: ',
      },
    ],
  },
  {
    name: 'one operation with its own, one without',
    spec: spec(two('      security: [{apig-auth-iam: []}]\n', ''), `${SCHEMES}${ROOT}`),
    findings: [
      {
        message: '1 operation(s) without their own (getB) are imported without authentication',
        at: '[{apig-auth-app: []}]\n',
        after: '\nsecurity: ',
      },
    ],
  },
  {
    name: 'an operation with security: [] has its own (none)',
    spec: spec(two('      security: []\n', '      security: [{apig-auth-iam: []}]\n'), `${SCHEMES}${ROOT}`),
    findings: [
      {
        message:
          `${WHY}: every operation has its own, so it changes nothing here; remove it (an operation added later ` +
          'without its own would have no authentication)',
        exact: true,
        at: '[{apig-auth-app: []}]\n',
        after: '\nsecurity: ',
      },
    ],
  },
  {
    name: 'more than five operations are counted, five named',
    spec: spec(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => op({ path: `/${x}`, id: `get_${x}` })).join(''),
      `${SCHEMES}${ROOT}`,
    ),
    findings: [
      {
        message: '6 operation(s) without their own (get_a, get_b, get_c, get_d, get_e, ...) are imported',
        at: '[{apig-auth-app: []}]\n',
        after: '\nsecurity: ',
      },
    ],
  },
  {
    name: 'an OpenAPI 3.0 root security',
    spec: `${OAS3(
      '  securitySchemes:\n    apig-auth-app: {type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1}\n',
    )}security: [{apig-auth-app: []}]\n`,
    findings: [
      {
        message: '1 operation(s) without their own (getA) are imported without authentication',
        at: '[{apig-auth-app: []}]\n',
        after: '\nsecurity: ',
      },
    ],
  },
  { name: 'an empty root security', spec: spec(op(), `${SCHEMES}\nsecurity: []\n`), findings: [] },
  { name: 'a root security asking for none', spec: spec(op(), `${SCHEMES}\nsecurity: [{}]\n`), findings: [] },
  { name: 'no root security', spec: spec(op(), SCHEMES), findings: [] },
]);
