/** swagger-schema: the document is valid Swagger 2.0 / OpenAPI 3.0, apart from the documented APIG variants (loader rule). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, OAS3, PATH, QUERY } from '../snippets.js';

testRule('swagger-schema', [
  { name: 'a query parameter', spec: spec(op({ params: QUERY('q') })), findings: [] },
  {
    name: 'a property Swagger does not know',
    spec: spec(op({ params: '        - {name: q, in: query, type: string, bogus: 1}\n' })),
    // At the property itself (its value: `1`), naming what a query parameter takes.
    findings: [
      {
        message:
          'paths > /a > get > parameters > 0 has an unknown property "bogus"; allowed: required, in, description, ' +
          'name, allowEmptyValue, type, format, items, collectionFormat, default, maximum, exclusiveMaximum, ' +
          'minimum, exclusiveMinimum, maxLength, minLength, pattern, maxItems, minItems, uniqueItems, enum, ' +
          'multipleOf and x- extensions',
        exact: true,
        at: '1}',
      },
    ],
  },
  {
    name: 'an operation without responses',
    spec: spec(op().replace('      responses:\n        "200": {description: ok}\n', '')),
    findings: [
      {
        message: 'paths > /a > get has no responses: add at least one, e.g. responses: {"200": {description: OK}}',
        exact: true,
        at: 'operationId',
      },
    ],
  },
  {
    name: 'a type Swagger does not know',
    spec: spec(op({ params: '        - {name: q, in: query, type: strin}\n' })),
    // One finding: the other kinds of parameter (body, a $ref...) no longer report theirs.
    findings: [
      {
        message:
          'paths > /a > get > parameters > 0 > type must be one of "string", "number", "boolean", "integer", "array" ' +
          '(got "strin"; did you mean "string"?)',
        exact: true,
        at: 'strin',
      },
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
  // The semantic checks (spec-checks.ts) point at the parameter or the operation concerned.
  {
    name: 'a path parameter missing from the path',
    spec: spec(op({ params: PATH('other') })),
    findings: [
      {
        message:
          'paths > /a > get > parameters > 0: the path parameter "other" has no {other} in the path /a: ' +
          'add {other} to the path, or declare it in: query or in: header',
        exact: true,
        at: '{name: "other"',
      },
    ],
  },
  {
    name: 'a greedy path is named as written',
    spec: spec(op({ path: '/e/{q+}/x', params: PATH('r') })),
    findings: [
      { message: 'paths > /e/{q+}/x > get declares no path parameter for {q+}: add {name: q,', at: 'operationId' },
      { message: 'the path parameter "r" has no {r} in the path /e/{q+}/x', at: '{name: "r"' },
    ],
  },
  {
    name: 'the operation of the longest path that fits',
    spec: spec(op({ path: '/a', id: 'one' }) + op({ path: '/a/b', id: 'two', params: PATH('other') })),
    findings: [{ message: 'paths > /a/b > get > parameters > 0: the path parameter "other"', at: '{name: "other"' }],
  },
  {
    name: 'a path without its parameter',
    spec: spec(op({ path: '/c/{id}' })),
    findings: [
      {
        message:
          'paths > /c/{id} > get declares no path parameter for {id}: ' +
          'add {name: id, in: path, required: true, type: string} to its parameters',
        exact: true,
        at: 'operationId',
      },
    ],
  },
  {
    name: 'a duplicate operationId stands at the second one',
    spec: spec(op({ path: '/a', id: 'same' }) + op({ path: '/b', id: 'same' })),
    findings: [
      {
        message:
          'paths > /b > get > operationId "same" is already the operationId of GET /a: each operation needs its own',
        exact: true,
        at: 'same',
        after: '/b:',
      },
    ],
  },
  { name: 'OpenAPI 3.0', spec: OAS3('  schemas: {}\n'), findings: [] },
  {
    name: 'OpenAPI 3.0 without responses',
    spec: OAS3('  schemas: {}\n').replace('      responses:\n        "200": {description: ok}\n', ''),
    findings: [
      {
        message: 'paths > /a > get has no responses: add at least one, e.g. responses: {"200": {description: OK}}',
        exact: true,
        at: 'operationId',
      },
    ],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
  { name: 'an OpenAPI 3.0 console export', spec: fixture('oas3/otc-export.yaml'), findings: [] },
]);
