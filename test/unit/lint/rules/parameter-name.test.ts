/** parameter-name: request and backend parameter names are 1–32 characters, letter first, letters, digits, -, _, .; unique per location. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, HEADER, HTTP, PATH, QUERY } from '../snippets.js';

const BAD = 'must be 1–32 characters, start with a letter, and use letters, digits, "-", "_", "."';
const query = (name: string): string => spec(op({ params: QUERY(name) }));
const backendParam = (name: string): string =>
  spec(
    op({
      backend: `        parameters:\n          - {name: ${name}, value: v, in: QUERY, origin: CONSTANT}\n${HTTP()}`,
    }),
  );

testRule('parameter-name', [
  { name: 'a query parameter', spec: query('page'), findings: [] },
  { name: 'one letter', spec: query('q'), findings: [] },
  { name: '32 characters', spec: query('q'.repeat(32)), findings: [] },
  {
    name: '33 characters',
    spec: query('q'.repeat(33)),
    findings: [{ message: `parameter name "${'q'.repeat(33)}" ${BAD}`, exact: true, at: 'qqq' }],
  },
  {
    name: 'a digit first',
    spec: query('9page'),
    findings: [{ message: `parameter name "9page" ${BAD}`, exact: true, at: '9page' }],
  },
  { name: 'an underscore first', spec: query('_page'), findings: [{ message: 'parameter name "_page"', at: '_page' }] },
  { name: 'dots, hyphens, underscores and digits after the first letter', spec: query('a.b-c_d9'), findings: [] },
  {
    name: 'a character outside the set',
    spec: query('"page size"'),
    findings: [{ message: 'parameter name "page size"', at: '"page size"' }],
  },
  { name: 'a header name', spec: spec(op({ params: HEADER('X-Request-Token') })), findings: [] },
  { name: 'a path parameter', spec: spec(op({ path: '/a/{id}', params: PATH('id') })), findings: [] },
  {
    name: 'a greedy path parameter declared as q+',
    spec: spec(op({ path: '/a/{q+}', params: PATH('q+') })),
    findings: [],
  },
  {
    name: 'a bad path parameter name',
    spec: spec(op({ path: '/a/{1d}', params: PATH('1d') })),
    findings: [{ message: 'parameter name "1d"', at: '"1d"' }],
  },
  {
    name: 'header names differing only in case',
    spec: spec(op({ params: HEADER('X-Trace') + HEADER('x-trace') })),
    findings: [{ message: 'parameter "x-trace" is defined twice in HEADER', exact: true, at: 'x-trace' }],
  },
  {
    name: 'a path-level header and an operation header differing only in case',
    spec: spec(
      op({ params: HEADER('x-trace') }).replace(
        '    get:',
        '    parameters:\n      - {name: X-Trace, in: header, type: string}\n    get:',
      ),
    ),
    findings: [{ message: 'parameter "x-trace" is defined twice in HEADER', at: 'x-trace' }],
  },
  { name: 'one name in query and header', spec: spec(op({ params: QUERY('trace') + HEADER('trace') })), findings: [] },
  { name: 'query names are case-sensitive', spec: spec(op({ params: QUERY('Page') + QUERY('page') })), findings: [] },
  {
    name: 'an operation parameter overriding the path-level one',
    spec: spec(
      op({ params: QUERY('q') }).replace(
        '    get:',
        '    parameters:\n      - {name: q, in: query, type: string}\n    get:',
      ),
    ),
    findings: [],
  },
  {
    name: 'body parameters are not named here (body-parameter reports them)',
    spec: spec(op({ method: 'post', params: '        - {name: 1body, in: body, schema: {type: object}}\n' })),
    findings: [],
  },
  { name: 'a backend parameter name', spec: backendParam('X-Invoke-User'), findings: [] },
  {
    name: 'a bad backend parameter name',
    spec: backendParam('"1 user"'),
    findings: [{ message: `backend parameter name "1 user" ${BAD}`, exact: true, at: '"1 user"' }],
  },
  {
    name: 'a 33-character backend parameter name',
    spec: backendParam('b'.repeat(33)),
    findings: [{ message: 'backend parameter name', at: 'bbb' }],
  },
  {
    name: 'policy backend parameters too',
    spec: spec(
      op({
        extra:
          '      x-apigateway-backend-policies:\n        - name: pol_one\n          type: MOCK\n          effectMode: ANY\n          conditions: [{origin: source, value: 10.0.0.0/8}]\n          parameters: [{name: 9x, value: v, in: QUERY, origin: CONSTANT}]\n          mockEndpoints: {result-content: p}\n',
      }),
    ),
    findings: [{ message: 'backend parameter name "9x"', at: '9x' }],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
  { name: 'an OpenAPI 3.0 console export', spec: fixture('oas3/otc-export.yaml'), findings: [] },
]);
