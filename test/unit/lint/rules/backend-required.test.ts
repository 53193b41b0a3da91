/** backend-required: every API has a default backend (x-apigateway-backend). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, POLICY } from '../snippets.js';

const bare = (o: Parameters<typeof op>[0] = {}): string => op(o).replace(/ {6}x-apigateway-backend:\n[\s\S]*$/, '');

testRule('backend-required', [
  { name: 'a Mock backend', spec: spec(op()), findings: [] },
  {
    name: 'no backend',
    spec: spec(bare()),
    findings: [
      {
        message:
          'API getA has no x-apigateway-backend: the gateway needs a default backend for every API ' +
          '(`apig import FILE --default-backend mock` gives each API of a plain OpenAPI file a Mock)',
        exact: true,
        at: 'operationId',
      },
    ],
  },
  {
    name: 'no backend on x-apigateway-any-method',
    spec: spec(bare({ method: 'x-apigateway-any-method', id: 'anyA' })),
    findings: [
      {
        message:
          'API anyA has no x-apigateway-backend: the gateway needs a default backend for every API ' +
          '(`apig import FILE --default-backend mock` gives each API of a plain OpenAPI file a Mock)',
        exact: true,
        at: 'operationId',
      },
    ],
  },
  {
    name: 'policy backends do not replace the default backend',
    spec: spec(bare({ extra: POLICY('            - {origin: source, value: 10.0.0.0/8}\n') })),
    findings: [{ message: 'API getA has no x-apigateway-backend', at: 'operationId' }],
  },
  {
    name: 'each API without one',
    spec: spec(bare() + bare({ path: '/b', id: 'getB' })),
    findings: [
      { message: 'API getA', at: 'operationId' },
      { message: 'API getB', at: 'operationId: getB' },
    ],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
]);
