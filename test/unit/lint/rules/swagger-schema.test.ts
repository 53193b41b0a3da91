/** swagger-schema: the document is valid Swagger 2.0 / OpenAPI 3.0, apart from the documented APIG variants (loader rule). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, OAS3, PATH, QUERY } from '../snippets.js';

testRule('swagger-schema', [
  { name: 'a query parameter', spec: spec(op({ params: QUERY('q') })), findings: [] },
  {
    name: 'a property Swagger does not know',
    spec: spec(op({ params: '        - {name: q, in: query, type: string, bogus: 1}\n' })),
    findings: [
      { message: "paths > /a > get > parameters > 0 must not have property 'bogus'", exact: true, at: '{name: q' },
    ],
  },
  {
    name: 'an operation without responses',
    spec: spec(op().replace('      responses:\n        "200": {description: ok}\n', '')),
    findings: [{ message: "paths > /a > get must have required property 'responses'", exact: true, at: 'operationId' }],
  },
  {
    name: 'a type Swagger does not know',
    spec: spec(op({ params: '        - {name: q, in: query, type: strin}\n' })),
    findings: [
      { message: 'type must be one of "string", "number", "boolean", "integer", "array"', at: 'strin' },
      { message: "parameters > 0 must not have property 'type'", at: '{name: q' },
    ],
  },
  // APIG's own variants are normalised before validation.
  {
    name: 'upper-case schemes (V1 exports)',
    spec: spec(op({ extra: '      schemes: [HTTPS, HTTP]\n' }), 'schemes: [HTTPS]\n'),
    findings: [],
  },
  {
    name: 'upper-case parameter locations',
    spec: spec(
      op({ params: '        - {name: q, in: QUERY, type: string}\n        - {name: X-H, in: HEADER, type: string}\n' }),
    ),
    findings: [],
  },
  {
    name: 'the default-cors response key of console exports',
    spec: spec(
      op().replace('"200": {description: ok}', '"200": {description: ok}\n        default-cors: {description: cors}'),
    ),
    findings: [],
  },
  { name: 'a greedy path declared as q', spec: spec(op({ path: '/e/{q+}', params: PATH('q') })), findings: [] },
  { name: 'a greedy path declared as q+', spec: spec(op({ path: '/e/{q+}', params: PATH('q+') })), findings: [] },
  // swagger-parser's semantic checks name an operation; the finding goes there.
  {
    name: 'a path parameter missing from the path',
    spec: spec(op({ params: PATH('other') })),
    findings: [
      {
        message:
          '/paths/a/get has a path parameter named "other", but there is no corresponding {other} in the path string',
        at: 'operationId',
      },
    ],
  },
  {
    name: 'a greedy path is named as written',
    spec: spec(op({ path: '/e/{q+}/x', params: PATH('r') })),
    findings: [{ message: '/paths/e/{q+}/x/get has a path parameter named "r"', at: 'operationId' }],
  },
  {
    name: 'the operation of the longest path that fits',
    spec: spec(op({ path: '/a', id: 'one' }) + op({ path: '/a/b', id: 'two', params: PATH('other') })),
    findings: [{ message: '/paths/a/b/get has a path parameter named "other"', at: 'operationId: two' }],
  },
  {
    name: 'a path without its parameter',
    spec: spec(op({ path: '/c/{id}' })),
    findings: [{ message: 'is missing path parameter(s) for {id}', at: 'operationId' }],
  },
  {
    name: 'a semantic error naming no operation stands at the top of the file',
    spec: spec(op({ path: '/a', id: 'same' }) + op({ path: '/b', id: 'same' })),
    findings: [{ message: "Duplicate operation id 'same'", exact: true, at: 'swagger' }],
  },
  { name: 'OpenAPI 3.0', spec: OAS3('  schemas: {}\n'), findings: [] },
  {
    name: 'OpenAPI 3.0 without responses',
    spec: OAS3('  schemas: {}\n').replace('      responses:\n        "200": {description: ok}\n', ''),
    findings: [{ message: "paths > /a > get must have required property 'responses'", exact: true, at: 'operationId' }],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
  { name: 'an OpenAPI 3.0 console export', spec: fixture('oas3/otc-export.yaml'), findings: [] },
]);
