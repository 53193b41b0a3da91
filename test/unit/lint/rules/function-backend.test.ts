/** function-backend: FunctionGraph backends have a URN urn:fss:<region>:<project>:function:<package>:<name>[:<version>] and a version or alias. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, FUNCTION } from '../snippets.js';

const fn = (urn: string, extra = 'version: latest, invocation-type: sync'): string =>
  spec(op({ backend: FUNCTION(urn, extra) }));
const FORM = 'is not of the form urn:fss:<region>:<project>:function:<package>:<name>';
const VERSION = 'a function backend needs a version or an alias-urn';

testRule('function-backend', [
  { name: 'a URN and a version', spec: fn('"urn:fss:cn-north-4:abc123:function:default:fn"'), findings: [] },
  {
    name: 'a URN with a version suffix',
    spec: fn('"urn:fss:cn-north-4:0123456789abcdef:function:default:orders:latest"'),
    findings: [],
  },
  {
    name: 'a URN with an alias suffix',
    spec: fn('"urn:fss:ap-southeast-1:abc:function:pkg_1:my-fn:!prod"'),
    findings: [],
  },
  {
    name: 'not a URN',
    spec: fn('"my function"'),
    findings: [{ message: `function URN "my function" ${FORM}`, exact: true, at: '"my function"' }],
  },
  {
    name: "an empty URN (the extension page's placeholder)",
    spec: fn('""'),
    findings: [{ message: `function URN "" ${FORM}`, exact: true, at: '""' }],
  },
  {
    name: 'a URN without the package',
    spec: fn('"urn:fss:cn-north-4:abc123:function:fn"'),
    findings: [{ message: FORM, at: '"urn:fss' }],
  },
  {
    name: 'another service',
    spec: fn('"urn:obs:cn-north-4:abc123:function:default:fn"'),
    findings: [{ message: FORM, at: '"urn:obs' }],
  },
  {
    name: 'an upper-case region',
    spec: fn('"urn:fss:CN-NORTH-4:abc123:function:default:fn"'),
    findings: [{ message: FORM, at: '"urn:fss' }],
  },
  {
    name: 'no version but an alias',
    spec: fn(
      '"urn:fss:cn-north-4:abc123:function:default:fn"',
      'alias-urn: "urn:fss:cn-north-4:abc123:function:default:fn:!prod", invocation-type: sync',
    ),
    findings: [],
  },
  {
    name: 'neither version nor alias',
    spec: fn('"urn:fss:cn-north-4:abc123:function:default:fn"', 'invocation-type: async'),
    findings: [{ message: VERSION, exact: true, at: '{function-urn' }],
  },
  {
    name: "an empty version and an empty alias (console exports write alias-urn: '')",
    spec: fn('"urn:fss:cn-north-4:abc123:function:default:fn"', 'version: "", alias-urn: "", invocation-type: sync'),
    findings: [{ message: VERSION, at: '{function-urn' }],
  },
  {
    name: 'a bad URN and no version',
    spec: fn('x', 'invocation-type: sync'),
    findings: [
      { message: FORM, at: 'x,' },
      { message: VERSION, at: '{function-urn' },
    ],
  },
  {
    name: 'a policy backend',
    spec: spec(
      op({
        backend: FUNCTION(),
        extra:
          '      x-apigateway-backend-policies:\n        - name: pol_one\n          type: FUNCTION\n          effectMode: ANY\n          conditions: [{origin: source, value: 10.0.0.0/8}]\n          functionEndpoints: {function-urn: "fn", version: latest, invocation-type: sync}\n',
      }),
    ),
    findings: [{ message: 'function URN "fn"', at: '"fn"' }],
  },
  { name: 'other backends are not checked', spec: spec(op()), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
  {
    name: 'the documented import examples (a placeholder URN)',
    spec: fixture('examples/otc-four-backends.yaml'),
    findings: [{ message: 'function URN "your function urn address"', at: '"your function urn address"' }],
  },
]);
