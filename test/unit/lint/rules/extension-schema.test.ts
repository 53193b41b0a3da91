/** extension-schema: every x-apigateway-* value matches its JSON Schema (loader rule, src/oas/validate.ts). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, HTTP, RL } from '../snippets.js';

const AUTHORIZER = (body: string): string =>
  `\nsecurityDefinitions:\n  my_auth:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-authorizer:\n${body}`;

testRule('extension-schema', [
  { name: 'match mode SWA', spec: spec(op({ extra: '      x-apigateway-match-mode: SWA\n' })), findings: [] },
  { name: 'match mode NORMAL', spec: spec(op({ extra: '      x-apigateway-match-mode: NORMAL\n' })), findings: [] },
  {
    name: 'match mode PREFIX is not an enum value',
    spec: spec(op({ extra: '      x-apigateway-match-mode: PREFIX\n' })),
    findings: [{ message: 'must be one of "SWA", "NORMAL"', at: 'PREFIX' }],
  },
  {
    name: 'an x-apigateway-auth-type that is none of the documented values',
    spec: spec(
      op({ extra: '      security: [{odd: []}]\n' }),
      '\nsecurityDefinitions:\n  odd: {type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: APP}\n',
    ),
    findings: [
      { message: 'x-apigateway-auth-type must be one of "AppSigv1", "IAM", "IAM_NONE" (got "APP")', at: 'APP}' },
    ],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
  { name: 'every documented extension at once', spec: fixture('examples/full-featured.yaml'), findings: [] },
  {
    name: 'documented variants of real exports (upper-case scheme, address array, timeout string, synchronous...)',
    spec: fixture('variants/real-exports.yaml'),
    findings: [],
  },
  { name: 'an OpenAPI 3.0 console export', spec: fixture('oas3/otc-export.yaml'), findings: [] },
  {
    name: 'the documented authorizer example (x-apigateway.md §16)',
    spec: spec(
      op(),
      AUTHORIZER(
        '      auth_downgrade_enabled: false\n      authorizer_alias_uri: ""\n      authorizer_type: FUNC\n      authorizer_uri: "urn:fss:region:73d69ae0cfcf460190522d:function:default:DSFA"\n      authorizer_version: latest\n      identities:\n        - {location: HEADER, name: test, validation: ""}\n      need_body: false\n      network_type: V2\n      retry_attempts: 0\n      timeout: 5000\n      ttl: 0\n      type: FRONTEND\n',
      ),
    ),
    findings: [],
  },
  {
    name: 'a boolean written as a string',
    spec: spec(op({ extra: '      x-apigateway-cors: "yes"\n' })),
    findings: [{ message: 'x-apigateway-cors must be boolean', exact: true, at: '"yes"' }],
  },
  {
    name: 'a missing required endpoint object, reported on the backend',
    spec: spec(op({ backend: '        type: HTTP\n' })),
    findings: [
      { message: "x-apigateway-backend must have required property 'httpEndpoints'", exact: true, at: 'type: HTTP' },
    ],
  },
  {
    name: 'a nested value names its path inside the extension',
    spec: spec(op({ backend: HTTP('/b', '"10.0.0.1:8080"').replace('method: GET', 'method: FETCH') })),
    findings: [{ message: 'x-apigateway-backend httpEndpoints.method must be one of', at: 'FETCH' }],
  },
  {
    name: 'a throttle limit that is not a number',
    spec: spec(
      op({ extra: '      x-apigateway-ratelimit: rl_one\n' }),
      RL('    api-limit: many\n    interval: 1\n    unit: SECOND\n'),
    ),
    findings: [{ message: 'x-apigateway-ratelimits rl_one.api-limit', at: 'many' }],
  },
  {
    name: 'the root example\'s placeholder unit "second/minute/hour" is not a unit',
    spec: spec(
      op({ extra: '      x-apigateway-ratelimit: rl_one\n' }),
      RL('    api-limit: 10\n    interval: 1\n    unit: second/minute/hour\n'),
    ),
    findings: [{ message: 'rl_one.unit must be one of "SECOND", "MINUTE", "HOUR", "DAY"', at: 'second/minute/hour' }],
  },
  {
    name: 'two problems in one value are two findings',
    spec: spec(op({ extra: '      x-apigateway-ratelimit: rl_one\n' }), RL('    api-limit: 10\n    unit: WEEK\n')),
    findings: [
      { message: "must have required property 'interval'", at: 'api-limit: 10' },
      { message: 'rl_one.unit must be one of', at: 'WEEK' },
    ],
  },
  {
    name: 'an authorizer without its required fields',
    spec: spec(op(), AUTHORIZER('      type: FRONTEND\n')),
    findings: [
      { message: "must have required property 'authorizer_type'", at: 'type: FRONTEND' },
      { message: "must have required property 'authorizer_uri'", at: 'type: FRONTEND' },
    ],
  },
  {
    name: 'a parameter-level extension is checked too',
    spec: spec(op({ params: '        - {name: q, in: query, type: string, x-apigateway-pass-through: sometimes}\n' })),
    findings: [{ message: 'x-apigateway-pass-through must be one of "always", "never"', at: 'sometimes' }],
  },
  {
    name: 'an extension in the wrong place is not validated (misplaced-extension says it)',
    spec: spec(op(), 'x-apigateway-match-mode: PREFIX\n'),
    findings: [],
  },
  {
    name: 'an unknown extension is not validated (unknown-extension says it)',
    spec: spec(op({ extra: '      x-apigateway-match-mod: PREFIX\n' })),
    findings: [],
  },
]);
