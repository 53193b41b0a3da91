/** body-parameter: a Swagger 2.0 body or formData parameter is left out by the import (a warning, not an error). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, OAS3 } from '../snippets.js';

const WHY =
  'the gateway does not import body or formData parameters as request parameters, so the body reaches the ' +
  'backend as sent, unvalidated (User Guide (online), "Restrictions and Compatibility" of importing APIs)';

testRule('body-parameter', [
  {
    name: 'a body parameter',
    spec: spec(op({ method: 'post', params: '        - {name: body, in: body, schema: {type: object}}\n' })),
    findings: [{ message: `parameter "body" is in body: ${WHY}`, exact: true, at: 'body, schema' }],
  },
  {
    name: 'a formData parameter',
    spec: spec(op({ method: 'post', params: '        - {name: f, in: formData, type: string}\n' })),
    findings: [{ message: `parameter "f" is in formData: ${WHY}`, exact: true, at: 'formData' }],
  },
  {
    name: 'a body parameter of the Path Item, where it stands',
    spec: spec(
      op({ method: 'post' }).replace(
        '    post:',
        '    parameters:\n      - {name: b, in: body, schema: {}}\n    post:',
      ),
    ),
    findings: [{ message: 'parameter "b" is in body', at: 'body, schema' }],
  },
  {
    name: 'path, query and header parameters',
    spec: spec(
      op({
        path: '/a/{id}',
        params:
          '        - {name: id, in: path, required: true, type: string}\n' +
          '        - {name: q, in: query, type: string}\n' +
          '        - {name: h, in: header, type: string}\n',
      }),
    ),
    findings: [],
  },
  {
    name: 'an OpenAPI 3.0 requestBody',
    spec: OAS3('  schemas: {}\n').replace(
      '    get:\n',
      '    post:\n      requestBody: {content: {application/json: {schema: {type: object}}}}\n',
    ),
    findings: [],
  },
  {
    name: 'the documented variants of real exports (one body parameter)',
    spec: fixture('variants/real-exports.yaml'),
    findings: [{ message: 'parameter "body" is in body', at: 'body', after: '- name: body\n          in: ' }],
  },
]);
