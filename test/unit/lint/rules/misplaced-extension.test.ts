/** misplaced-extension: each extension stands where the documentation places it (loader rule). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, OAS3 } from '../snippets.js';

testRule('misplaced-extension', [
  { name: 'cors on the operation', spec: spec(op({ extra: '      x-apigateway-cors: true\n' })), findings: [] },
  {
    name: 'cors at the document root',
    spec: spec(op(), 'x-apigateway-cors: true\n'),
    findings: [
      {
        message: 'x-apigateway-cors belongs on operation, not on the root; it is kept but has no effect here',
        exact: true,
        at: 'true\n',
      },
    ],
  },
  {
    name: 'cors on a path item',
    spec: spec(op().replace('    get:', '    x-apigateway-cors: true\n    get:')),
    findings: [{ message: 'x-apigateway-cors belongs on operation, not on the pathItem', at: 'true' }],
  },
  {
    name: 'a root map on an operation',
    spec: spec(op({ extra: '      x-apigateway-ratelimits: {}\n' })),
    findings: [{ message: 'x-apigateway-ratelimits belongs on root, not on the operation', at: '{}' }],
  },
  {
    name: 'a security-scheme extension on an operation',
    spec: spec(op({ extra: '      x-apigateway-auth-type: AppSigv1\n' })),
    findings: [{ message: 'x-apigateway-auth-type belongs on securityScheme, not on the operation', at: 'AppSigv1' }],
  },
  {
    name: 'x-apigateway-any-method inside an operation',
    spec: spec(op({ extra: '      x-apigateway-any-method: {}\n' })),
    findings: [{ message: 'x-apigateway-any-method belongs on pathItem, not on the operation', at: '{}' }],
  },
  {
    name: 'gateway responses at the Swagger 2.0 root',
    spec: spec(op(), 'x-apigateway-responses: {default: {}}\n'),
    findings: [],
  },
  {
    name: 'gateway responses under OpenAPI 3.0 components',
    spec: OAS3('  x-apigateway-responses: {default: {}}\n'),
    findings: [],
  },
  {
    name: 'gateway responses on an operation',
    spec: spec(op({ extra: '      x-apigateway-responses: {}\n' })),
    findings: [{ message: 'x-apigateway-responses belongs on root or components, not on the operation', at: '{}' }],
  },
  {
    name: 'an operation extension under components',
    spec: OAS3('  x-apigateway-cors: true\n'),
    findings: [{ message: 'x-apigateway-cors belongs on operation, not on the components', at: 'true' }],
  },
  {
    name: 'pass-through, sample and orchestrations on a parameter (the documented examples)',
    spec: spec(
      op({
        params:
          '        - {name: q, in: query, type: string, x-apigateway-pass-through: always, x-apigateway-sample: s, x-apigateway-orchestrations: [Orchestration_114w]}\n',
      }),
    ),
    findings: [],
  },
  {
    name: 'pass-through on an operation',
    spec: spec(op({ extra: '      x-apigateway-pass-through: always\n' })),
    findings: [{ message: 'x-apigateway-pass-through belongs on parameter, not on the operation', at: 'always' }],
  },
  {
    name: 'result samples in responses.default (HW) and in the responses map (V1)',
    spec: spec(
      op().replace(
        '"200": {description: ok}',
        '"200": {description: ok}\n        default: {description: d, x-apigateway-result-normal-sample: ok}\n        x-apigateway-result-failure-sample: fail',
      ),
    ),
    findings: [],
  },
  {
    name: 'a result sample on the operation',
    spec: spec(op({ extra: '      x-apigateway-result-normal-sample: ok\n' })),
    findings: [
      {
        message: 'x-apigateway-result-normal-sample belongs on response or responses, not on the operation',
        at: 'ok\n      x-apigateway-backend',
      },
    ],
  },
  {
    name: 'an operation extension on a parameter',
    spec: spec(op({ params: '        - {name: q, in: query, type: string, x-apigateway-cors: true}\n' })),
    findings: [{ message: 'not on the parameter', at: 'true}' }],
  },
  { name: 'every documented extension at once', spec: fixture('examples/full-featured.yaml'), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
  { name: 'an OpenAPI 3.0 console export', spec: fixture('oas3/otc-export.yaml'), findings: [] },
]);
