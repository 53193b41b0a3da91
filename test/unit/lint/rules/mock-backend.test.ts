/** mock-backend: mock results stay within 20480 characters (apig's limit where the documentation is silent). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, HTTP, POLICY } from '../snippets.js';

const mock = (body: string): string =>
  spec(op({ backend: `        type: MOCK\n        mockEndpoints:\n          result-content: "${body}"\n` }));

testRule('mock-backend', [
  { name: 'a short body', spec: spec(op()), findings: [] },
  { name: '20480 characters', spec: mock('x'.repeat(20480)), findings: [] },
  {
    name: '20481 characters',
    spec: mock('x'.repeat(20481)),
    findings: [{ message: 'mock result is 20481 characters; keep it within 20480', exact: true, at: '"xxxx' }],
  },
  { name: 'characters, not bytes', spec: mock('模'.repeat(20480)), findings: [] },
  { name: 'an empty body', spec: mock(''), findings: [] },
  {
    name: 'a Mock policy backend',
    spec: spec(
      op({
        extra: POLICY('            - {origin: source, value: 10.0.0.0/8}\n').replace(
          '{result-content: p}',
          `{result-content: "${'y'.repeat(20481)}"}`,
        ),
      }),
    ),
    findings: [{ message: 'mock result is 20481 characters', at: '"yyyy' }],
  },
  { name: 'other backends are not checked', spec: spec(op({ backend: HTTP() })), findings: [] },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
]);
