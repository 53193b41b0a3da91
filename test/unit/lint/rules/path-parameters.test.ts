/**
 * path-parameters: every {param} of the request path has a PATH parameter, and every PATH parameter is in
 * the path and required. swagger-parser checks ordinary operations first (swagger-schema);
 * x-apigateway-any-method is APIG's own, so only this rule checks it.
 */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, PATH, QUERY } from '../snippets.js';

const any = (path: string, params = ''): string => spec(op({ path, method: 'x-apigateway-any-method', params }));

testRule('path-parameters', [
  { name: 'a path parameter with its definition', spec: any('/a/{id}', PATH('id')), findings: [] },
  { name: 'on an ordinary operation', spec: spec(op({ path: '/a/{id}', params: PATH('id') })), findings: [] },
  {
    name: 'a definition for another name',
    spec: any('/a/{id}', PATH('other')),
    findings: [
      {
        message: 'path parameter {id} has no definition: add a parameter with in: path and name: id',
        exact: true,
        at: '- {name: "other"',
      },
      { message: 'PATH parameter "other" does not appear in the path /a/{id}', exact: true, at: '"other"' },
    ],
  },
  {
    name: 'no parameters at all',
    spec: any('/a/{id}'),
    findings: [{ message: 'path parameter {id} has no definition', at: 'operationId' }],
  },
  {
    name: 'a query parameter of that name does not count',
    spec: any('/a/{id}', QUERY('id')),
    findings: [{ message: 'path parameter {id} has no definition', at: '- {name: id' }],
  },
  {
    name: 'a PATH parameter and no parameter in the path',
    spec: any('/a', PATH('id')),
    findings: [{ message: 'PATH parameter "id" does not appear in the path /a', at: '"id"' }],
  },
  {
    name: 'names are case-sensitive',
    spec: any('/a/{Id}', PATH('id')),
    findings: [
      { message: 'path parameter {Id} has no definition', at: '- {name' },
      { message: 'PATH parameter "id" does not appear', at: '"id"' },
    ],
  },
  {
    name: 'a PATH parameter that is not required',
    spec: any('/a/{id}', '        - {name: id, in: path, type: string, required: false}\n'),
    findings: [{ message: 'PATH parameter "id" must be required', exact: true, at: 'false' }],
  },
  { name: 'a greedy parameter declared as q', spec: any('/a/{q+}', PATH('q')), findings: [] },
  { name: 'a greedy parameter declared as q+', spec: any('/a/{q+}', PATH('q+')), findings: [] },
  {
    name: 'two parameters, one missing',
    spec: any('/a/{x}/b/{y}', PATH('x')),
    findings: [{ message: 'path parameter {y} has no definition', at: '- {name: "x"' }],
  },
  {
    name: 'a definition on the path item',
    spec: any('/a/{id}').replace(
      '    x-apigateway-any-method:',
      '    parameters:\n      - {name: id, in: path, type: string, required: true}\n    x-apigateway-any-method:',
    ),
    findings: [],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
]);
