/** route-conflict: no two APIs of a group share method, match mode and path shape (APIG.3301). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, PATH } from '../snippets.js';

const api = (path: string, id: string, method = 'get', extra = ''): string => {
  const names = [...path.matchAll(/\{([^{}+]+)\+?\}/g)].map((m) => m[1] as string);
  return op({ path, id, method, params: names.map(PATH).join(''), extra });
};
const both = (a: string, b: string) => [
  {
    message: `route conflict: ${b} matches the same requests as ${a}`,
    exact: true,
    at: `operationId: ${/\((\w+)\)$/.exec(b)?.[1] ?? ''}`,
  },
  {
    message: `route conflict: ${a} matches the same requests as ${b}`,
    exact: true,
    at: `operationId: ${/\((\w+)\)$/.exec(a)?.[1] ?? ''}`,
  },
];

testRule('route-conflict', [
  {
    name: 'two methods on one path shape',
    spec: spec(api('/a/{x}', 'one') + api('/a/{y}', 'two', 'post')),
    findings: [],
  },
  {
    name: 'one method on one path shape',
    spec: spec(api('/a/{x}', 'one') + api('/a/{y}', 'two')),
    findings: both('api.yaml GET /a/{x} (one)', 'api.yaml GET /a/{y} (two)'),
  },
  {
    name: 'NORMAL written and NORMAL by default',
    spec: spec(api('/a/{x}', 'one', 'get', '      x-apigateway-match-mode: NORMAL\n') + api('/a/{y}', 'two')),
    findings: both('api.yaml GET /a/{x} (one)', 'api.yaml GET /a/{y} (two)'),
  },
  {
    name: 'exact and prefix match',
    spec: spec(api('/a/{x}', 'one') + api('/a/{y}', 'two', 'get', '      x-apigateway-match-mode: SWA\n')),
    findings: [],
  },
  {
    name: 'two prefix matches',
    spec: spec(
      api('/a/{x}', 'one', 'get', '      x-apigateway-match-mode: SWA\n') +
        api('/a/{y}', 'two', 'get', '      x-apigateway-match-mode: SWA\n'),
    ),
    findings: both('api.yaml GET /a/{x} (one)', 'api.yaml GET /a/{y} (two)'),
  },
  {
    name: 'a method next to ANY',
    spec: spec(api('/a/{x}', 'one') + api('/a/{y}', 'two', 'x-apigateway-any-method')),
    findings: [],
  },
  {
    name: 'ANY twice',
    spec: spec(api('/a/{x}', 'one', 'x-apigateway-any-method') + api('/a/{y}', 'two', 'x-apigateway-any-method')),
    findings: both('api.yaml ANY /a/{x} (one)', 'api.yaml ANY /a/{y} (two)'),
  },
  {
    name: 'two greedy paths',
    spec: spec(api('/a/{p+}', 'one') + api('/a/{q+}', 'two')),
    findings: both('api.yaml GET /a/{p+} (one)', 'api.yaml GET /a/{q+} (two)'),
  },
  {
    name: 'a parameter and a greedy parameter',
    spec: spec(api('/a/{p}', 'one') + api('/a/{q+}', 'two')),
    findings: [],
  },
  { name: 'a static segment and a parameter', spec: spec(api('/a/b', 'one') + api('/a/{y}', 'two')), findings: [] },
  { name: 'a trailing slash makes another API', spec: spec(api('/test', 'one') + api('/test/', 'two')), findings: [] },
  { name: 'paths are case-sensitive', spec: spec(api('/A/{x}', 'one') + api('/a/{y}', 'two')), findings: [] },
  {
    name: 'three on one shape: each later one conflicts with the first',
    spec: spec(api('/a/{x}', 'one') + api('/a/{y}', 'two') + api('/a/{z}', 'three')),
    findings: [
      ...both('api.yaml GET /a/{x} (one)', 'api.yaml GET /a/{y} (two)'),
      ...both('api.yaml GET /a/{x} (one)', 'api.yaml GET /a/{z} (three)'),
    ],
  },
  {
    name: 'the same route in two groups',
    spec: spec(api('/a/{x}', 'one')),
    files: { 'other.yaml': spec(api('/a/{y}', 'two')).replace('title: lint_test', 'title: other_group') },
    workspace: 'groups:\n  - {name: lint_test, spec: api.yaml}\n  - {name: other_group, spec: other.yaml}\n',
    findings: [],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
]);
