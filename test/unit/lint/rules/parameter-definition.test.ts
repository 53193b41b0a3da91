/** parameter-definition: PATH/QUERY/HEADER (body and formData: body-parameter); string or number; a default typed and within bounds (a required one's: ignored-default); min ≤ max; typed enums. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, OAS3 } from '../snippets.js';

const param = (fields: string, method = 'get'): string =>
  spec(op({ method, params: `        - {name: n, in: query, ${fields}}\n` }));

testRule('parameter-definition', [
  {
    name: 'a number with a default inside its bounds',
    spec: param('type: integer, default: 5, minimum: 1, maximum: 9'),
    findings: [],
  },
  {
    name: 'every Swagger number type and string',
    spec: spec(
      op({
        params: ['integer', 'number', 'string']
          .map((t, i) => `        - {name: p${i}, in: query, type: ${t}}\n`)
          .join(''),
      }),
    ),
    findings: [],
  },
  { name: 'a boolean is a String parameter', spec: param('type: boolean, default: true'), findings: [] },
  {
    name: 'a required parameter with a default is the ignored-default warning, not an error here',
    spec: param('type: integer, required: true, default: 5'),
    findings: [],
  },
  {
    name: 'a body parameter is the body-parameter warning, not an error here',
    spec: spec(op({ method: 'post', params: '        - {name: body, in: body, schema: {type: object}}\n' })),
    findings: [],
  },
  {
    name: 'a formData parameter is the body-parameter warning, not an error here',
    spec: spec(op({ method: 'post', params: '        - {name: f, in: formData, type: string}\n' })),
    findings: [],
  },
  {
    name: 'a cookie parameter (OpenAPI 3.0)',
    spec: OAS3('  schemas: {}\n').replace(
      '      responses:',
      '      parameters:\n        - {name: c, in: cookie, schema: {type: string}}\n      responses:',
    ),
    findings: [
      {
        message: 'parameter "c" is in cookie: APIG supports only path, query and header parameters',
        exact: true,
        at: 'cookie',
      },
    ],
  },
  {
    name: 'an array',
    spec: param('type: array, items: {type: string}'),
    findings: [
      {
        message: 'parameter "n" has type array: APIG knows string and number (integer, long, float, double)',
        exact: true,
        at: 'array',
      },
    ],
  },
  {
    name: 'no type (OpenAPI 3.0 schema without one)',
    spec: OAS3('  schemas: {}\n').replace(
      '      responses:',
      '      parameters:\n        - {name: n, in: query, schema: {}}\n      responses:',
    ),
    findings: [{ message: 'parameter "n" has type (none)', at: '{name: n' }],
  },
  {
    name: 'a number default that is not a number',
    spec: param('type: integer, default: abc'),
    findings: [{ message: 'default "abc" of number parameter "n" is not a number', exact: true, at: 'abc' }],
  },
  { name: 'a number default written as a string', spec: param('type: integer, default: "5"'), findings: [] },
  { name: 'a default among the enum values', spec: param('type: string, enum: [a, b], default: b'), findings: [] },
  {
    name: 'a default outside the enum',
    spec: param('type: string, enum: [a, b], default: c'),
    findings: [{ message: 'default "c" is not one of the enum values of "n"', exact: true, at: 'c}' }],
  },
  {
    name: 'a number default among number enum values',
    spec: param('type: integer, enum: [1, 2], default: 2'),
    findings: [],
  },
  {
    name: 'a default at its length bounds',
    spec: param('type: string, minLength: 2, maxLength: 3, default: abc'),
    findings: [],
  },
  {
    name: 'a default shorter than minLength',
    spec: param('type: string, minLength: 3, default: ab'),
    findings: [{ message: 'default "ab" of "n" is outside its length bounds', exact: true, at: 'ab}' }],
  },
  {
    name: 'a default longer than maxLength',
    spec: param('type: string, maxLength: 2, default: abc'),
    findings: [{ message: 'default "abc" of "n" is outside its length bounds', at: 'abc}' }],
  },
  {
    name: 'maxLength 0 is "no bound" in console exports',
    spec: param('type: string, minLength: 0, maxLength: 0, default: abc'),
    findings: [],
  },
  {
    name: 'a default at its minimum and maximum',
    spec: spec(
      op({
        params:
          '        - {name: n, in: query, type: integer, minimum: 1, maximum: 9, default: 1}\n        - {name: m, in: query, type: integer, minimum: 1, maximum: 9, default: 9}\n',
      }),
    ),
    findings: [],
  },
  {
    name: 'a default below the minimum',
    spec: param('type: integer, minimum: 1, default: 0'),
    findings: [{ message: 'default 0 of "n" is outside its minimum/maximum', exact: true, at: '0}' }],
  },
  {
    name: 'a default above the maximum',
    spec: param('type: number, maximum: 9, default: 9.5'),
    findings: [{ message: 'default 9.5 of "n" is outside its minimum/maximum', at: '9.5' }],
  },
  {
    name: 'maximum 0 is "no bound" in console exports',
    spec: param('type: integer, minimum: 0, maximum: 0, default: 50'),
    findings: [],
  },
  {
    name: 'minLength above maxLength',
    spec: param('type: string, minLength: 5, maxLength: 3'),
    findings: [{ message: 'minLength 5 is greater than maxLength 3', exact: true, at: '5, maxLength' }],
  },
  { name: 'minLength equal to maxLength', spec: param('type: string, minLength: 3, maxLength: 3'), findings: [] },
  {
    name: 'minimum above maximum',
    spec: param('type: integer, minimum: 10, maximum: 5'),
    findings: [{ message: 'minimum 10 is greater than maximum 5', exact: true, at: '10, maximum' }],
  },
  { name: 'minimum above maximum 0 (no bound)', spec: param('type: integer, minimum: 10, maximum: 0'), findings: [] },
  {
    name: 'a number enum with a word',
    spec: param('type: integer, enum: [1, two]'),
    findings: [{ message: 'enum value "two" of number parameter "n" is not a number', exact: true, at: 'two' }],
  },
  { name: 'a string enum with numbers', spec: param('type: string, enum: [1, two]'), findings: [] },
  {
    name: 'several problems of one parameter',
    spec: param('type: integer, required: true, default: x, enum: [1, 2]'),
    findings: [
      { message: 'default "x" of number parameter "n" is not a number', at: 'x,' },
      { message: 'default "x" is not one of the enum values', at: 'x,' },
    ],
  },
  {
    name: 'a path-level parameter',
    spec: spec(
      op().replace(
        '    get:',
        '    parameters:\n      - {name: h, in: header, type: array, items: {type: string}}\n    get:',
      ),
    ),
    findings: [{ message: 'parameter "h" has type array', at: 'array' }],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
  {
    name: 'an OpenAPI 3.0 console export (maxLength, minimum and maximum 0)',
    spec: fixture('oas3/otc-export.yaml'),
    findings: [],
  },
]);
