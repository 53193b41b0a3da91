/** unknown-extension: x-apigateway-* names are among the documented extensions (loader rule). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture } from '../snippets.js';

const SCHEME = (ext: string): string =>
  `\nsecurityDefinitions:\n  apig-auth-app:\n    type: apiKey\n    name: Authorization\n    in: header\n    ${ext}\n`;

testRule('unknown-extension', [
  { name: 'a documented extension', spec: spec(op({ extra: '      x-apigateway-cors: true\n' })), findings: [] },
  {
    name: 'a typo gets "did you mean"',
    spec: spec(op({ extra: '      x-apigateway-crs: true\n' })),
    findings: [
      {
        message: 'unknown extension x-apigateway-crs (did you mean x-apigateway-cors?); it is kept as written',
        exact: true,
        at: 'true',
      },
    ],
  },
  {
    name: 'nothing close: no guess',
    spec: spec(op({ extra: '      x-apigateway-foobarbaz: 1\n' })),
    findings: [{ message: 'unknown extension x-apigateway-foobarbaz; it is kept as written', exact: true, at: '1\n' }],
  },
  {
    name: 'names are case-sensitive; the guess is not',
    spec: spec(op({ extra: '      X-Apigateway-Cors: true\n' })),
    findings: [{ message: 'unknown extension X-Apigateway-Cors (did you mean x-apigateway-cors?)', at: 'true' }],
  },
  {
    name: 'at the document root',
    spec: spec(op(), 'x-apigateway-ratelimts: {}\n'),
    findings: [{ message: '(did you mean x-apigateway-ratelimits?)', at: '{}' }],
  },
  {
    name: 'on a parameter',
    spec: spec(op({ params: '        - {name: q, in: query, type: string, x-apigateway-passthrough: always}\n' })),
    findings: [{ message: '(did you mean x-apigateway-pass-through?)', at: 'always' }],
  },
  {
    name: 'on a security scheme',
    spec: spec(op(), SCHEME('x-apigateway-auth-typ: AppSigv1')),
    findings: [{ message: '(did you mean x-apigateway-auth-type?)', at: 'AppSigv1' }],
  },
  {
    name: 'on a path item',
    spec: spec(op({ path: '/a' }).replace('    get:', '    x-apigateway-any-methods: {}\n    get:')),
    findings: [{ message: '(did you mean x-apigateway-any-method?)', at: '{}' }],
  },
  {
    name: 'in a response',
    spec: spec(
      op().replace('"200": {description: ok}', '"200": {description: ok, x-apigateway-result-normal-sampel: ok}'),
    ),
    findings: [{ message: '(did you mean x-apigateway-result-normal-sample?)', at: 'ok}' }],
  },
  {
    name: 'two unknown extensions are two findings',
    spec: spec(op({ extra: '      x-apigateway-crs: true\n      x-apigateway-match-mod: SWA\n' })),
    findings: [
      { message: 'x-apigateway-crs', at: 'true' },
      { message: '(did you mean x-apigateway-match-mode?)', at: 'SWA' },
    ],
  },
  {
    name: 'other x- fields are not APIG extensions',
    spec: spec(
      op({
        extra: '      x-custom-field: 1\n      x-apig-lint-disable: [{rule: cors-preflight, reason: "no browsers"}]\n',
      }),
    ),
    findings: [],
  },
  { name: 'every documented extension at once', spec: fixture('examples/full-featured.yaml'), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
  { name: 'an OpenAPI 3.0 console export', spec: fixture('oas3/otc-export.yaml'), findings: [] },
]);
