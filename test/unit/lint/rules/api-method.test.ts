/** api-method: operations use a method the gateway has; an OpenAPI 3.0 trace operation is an error. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, OAS3 } from '../snippets.js';

const TRACE = '    trace:\n      responses:\n        "200": {description: ok}\n';
const MESSAGE =
  'TRACE is not a method of the gateway (GET, POST, DELETE, PUT, PATCH, HEAD, OPTIONS or ANY: User Guide ' +
  '§5.2.1): this operation cannot be imported as an API, and apig serve does not serve it';

testRule('api-method', [
  {
    name: 'a trace operation beside a GET',
    spec: OAS3('  schemas: {}\n').replace('  /a:\n', `  /a:\n${TRACE}`),
    findings: [{ message: MESSAGE, exact: true, at: 'responses', after: 'trace:\n' }],
  },
  {
    name: 'a path with only a trace operation',
    spec: OAS3('  schemas: {}\n').replace('paths:\n', `paths:\n  /t:\n${TRACE}`),
    findings: [{ message: MESSAGE, exact: true, at: 'responses', after: 'trace:\n' }],
  },
  {
    name: 'the seven methods and ANY',
    spec: spec(
      ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-apigateway-any-method']
        .map((m, i) => op({ path: '/a', method: m, id: `op${i}` }).replace('  /a:\n', i === 0 ? '  /a:\n' : ''))
        .join(''),
    ),
    findings: [],
  },
  { name: 'an OpenAPI 3.0 console export', spec: fixture('oas3/otc-export.yaml'), findings: [] },
]);
