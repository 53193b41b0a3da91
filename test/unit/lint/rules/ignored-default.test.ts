/** ignored-default: a required parameter's default is never used (a warning: the import takes the file). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';

const param = (fields: string): string => spec(op({ params: `        - {name: n, in: query, ${fields}}\n` }));
const WHY = 'parameter "n" is required, so its default is never used (User Guide §5.2.1)';

testRule('ignored-default', [
  {
    name: 'a required query parameter with a default',
    spec: param('type: integer, required: true, default: 5'),
    findings: [{ message: WHY, exact: true, at: '5}' }],
  },
  {
    name: 'a required path parameter with a default',
    spec: spec(
      op({ path: '/a/{id}', params: '        - {name: id, in: path, required: true, type: string, default: x}\n' }),
    ),
    findings: [{ message: 'parameter "id" is required, so its default is never used', at: 'x}' }],
  },
  { name: 'an optional parameter with a default', spec: param('type: integer, default: 5'), findings: [] },
  { name: 'a required parameter without a default', spec: param('type: integer, required: true'), findings: [] },
]);
