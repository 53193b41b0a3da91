/** operation-id: every operation has an operationId, which is the API name. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, OAS3 } from '../snippets.js';

const noId = (text: string): string => text.replace('      operationId: getA\n', '');

testRule('operation-id', [
  { name: 'an operationId', spec: spec(op()), findings: [] },
  {
    name: 'none: apig names the API METHOD_path',
    spec: spec(noId(op())),
    findings: [{ message: 'operation has no operationId; apig names it "GET_/a"', at: 'responses:' }],
  },
  {
    name: 'none on a POST with a path parameter',
    spec: spec(
      noId(
        op({
          path: '/users/{id}',
          method: 'post',
          params: '        - {name: id, in: path, type: string, required: true}\n',
        }),
      ),
    ),
    findings: [{ message: 'apig names it "POST_/users/id"', at: 'parameters:' }],
  },
  {
    name: 'none on x-apigateway-any-method',
    spec: spec(noId(op()).replace('    get:', '    x-apigateway-any-method:')),
    findings: [{ message: 'apig names it "ANY_/a"', at: 'responses:' }],
  },
  {
    name: 'none in OpenAPI 3.0',
    spec: noId(OAS3('  schemas: {}\n')),
    findings: [{ message: 'operation has no operationId', at: 'responses:' }],
  },
  {
    name: 'each operation without one',
    spec: spec(noId(op()) + noId(op({ path: '/b', method: 'put' }))),
    findings: [
      { message: '"GET_/a"', at: 'responses:' },
      { message: '"PUT_/b"', at: 'responses:', after: '/b:' },
    ],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
]);
