/** api-name: operationIds follow ApiCreate.name (3–255, letter/CJK/digit first, -_./(): and CJK punctuation) and are unique per group. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture } from '../snippets.js';

const named = (id: string) => spec(op({ id }));
const bad = (shown: string, at: string) => [
  {
    message: `API name "${shown}" must be 3–255 characters, start with a letter, Chinese character or digit, and use only letters, digits, Chinese characters and -_./():`,
    exact: true,
    at,
  },
];
const any = (id: string) =>
  `  /b:\n    x-apigateway-any-method:\n      operationId: ${id}\n      responses:\n        "200": {description: ok}\n      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}\n`;

testRule('api-name', [
  { name: 'letters, digits and an underscore', spec: named('getUsers_v1'), findings: [] },
  { name: 'three characters', spec: named('abc'), findings: [] },
  { name: 'two characters', spec: named('ab'), findings: bad('ab', 'ab') },
  { name: '255 characters', spec: named('a'.repeat(255)), findings: [] },
  { name: '256 characters', spec: named('a'.repeat(256)), findings: bad('a'.repeat(256), 'aaaa') },
  { name: 'a digit first', spec: named('1getUsers'), findings: [] },
  { name: 'Chinese characters', spec: named('查询用户列表'), findings: [] },
  { name: 'the documented punctuation', spec: named('"a-b_c.d/e(f):g"'), findings: [] },
  { name: 'Chinese punctuation', spec: named('查询（用户）：列表、全部'), findings: [] },
  { name: 'an underscore first', spec: named('_getUsers'), findings: bad('_getUsers', '_getUsers') },
  { name: 'a hyphen first', spec: named('"-getUsers"'), findings: bad('-getUsers', '"-getUsers"') },
  { name: 'a space', spec: named('"_bad name"'), findings: bad('_bad name', '"_bad name"') },
  { name: 'a space inside', spec: named('"get users"'), findings: bad('get users', '"get users"') },
  { name: 'a character outside the set', spec: named('"get@users"'), findings: bad('get@users', '"get@users"') },
  {
    name: 'no operationId: operation-id reports it, not this rule',
    spec: spec(op().replace('      operationId: getA\n', '')),
    findings: [],
  },
  // swagger-parser refuses duplicate operationIds among ordinary operations; x-apigateway-any-method is APIG's own.
  {
    name: 'two APIs with one name in a group',
    spec: spec(op({ id: 'getA' }) + any('getA')),
    findings: [
      {
        message: 'API name "getA" is already used by GET /a in group lint_test',
        exact: true,
        at: 'getA',
        after: 'x-apigateway-any-method',
      },
    ],
  },
  {
    name: 'one name in two groups',
    spec: spec(op({ id: 'getA' })),
    files: { 'other.yaml': spec(op({ id: 'getA' })).replace('title: lint_test', 'title: other_group') },
    workspace: 'groups:\n  - {name: lint_test, spec: api.yaml}\n  - {name: other_group, spec: other.yaml}\n',
    findings: [],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
]);
