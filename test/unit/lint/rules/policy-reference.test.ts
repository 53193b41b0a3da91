/** policy-reference: x-apigateway-ratelimit, -access-control and -response name policies defined in the same file. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, RL } from '../snippets.js';

const RATELIMITS = RL('    api-limit: 10\n    interval: 1\n    unit: SECOND\n');
const ACLS = '\nx-apigateway-access-controls:\n  acl_one: {acl-type: DENY, entity-type: IP, value: 10.0.0.1}\n';
const RESPONSES = '\nx-apigateway-responses:\n  custom_one:\n    THROTTLED: {status: 429}\n';
const using = (extra: string, root: string): string => spec(op({ extra }), root);

testRule('policy-reference', [
  {
    name: 'a throttling policy that exists',
    spec: using('      x-apigateway-ratelimit: rl_one\n', RATELIMITS),
    findings: [],
  },
  {
    name: 'a throttling policy that does not',
    spec: using('      x-apigateway-ratelimit: rl_two\n', RATELIMITS),
    findings: [
      { message: 'throttle policy "rl_two" is not defined in x-apigateway-ratelimits', exact: true, at: 'rl_two' },
    ],
  },
  {
    name: 'a throttling policy and no policies at all',
    spec: using('      x-apigateway-ratelimit: rl_one\n', ''),
    findings: [{ message: 'throttle policy "rl_one" is not defined', at: 'rl_one' }],
  },
  {
    name: 'names are case-sensitive',
    spec: using('      x-apigateway-ratelimit: RL_ONE\n', RATELIMITS),
    findings: [{ message: 'throttle policy "RL_ONE" is not defined', at: 'RL_ONE' }],
  },
  {
    name: 'an access control policy that exists',
    spec: using('      x-apigateway-access-control: acl_one\n', ACLS),
    findings: [],
  },
  {
    name: 'an access control policy that does not',
    spec: using('      x-apigateway-access-control: acl_two\n', ACLS),
    findings: [
      {
        message: 'access control policy "acl_two" is not defined in x-apigateway-access-controls',
        exact: true,
        at: 'acl_two',
      },
    ],
  },
  {
    name: 'the default gateway response always exists',
    spec: using('      x-apigateway-response: default\n', ''),
    findings: [],
  },
  {
    name: 'a custom gateway response that exists',
    spec: using('      x-apigateway-response: custom_one\n', RESPONSES),
    findings: [],
  },
  {
    name: 'a custom gateway response that does not',
    spec: using('      x-apigateway-response: custom_two\n', RESPONSES),
    findings: [
      {
        message: 'gateway response "custom_two" is not defined in x-apigateway-responses',
        exact: true,
        at: 'custom_two',
      },
    ],
  },
  {
    name: 'all three missing',
    spec: using(
      '      x-apigateway-ratelimit: a_rl\n      x-apigateway-access-control: a_acl\n      x-apigateway-response: a_resp\n',
      '',
    ),
    findings: [
      { message: '"a_rl"', at: 'a_rl' },
      { message: '"a_acl"', at: 'a_acl' },
      { message: '"a_resp"', at: 'a_resp' },
    ],
  },
  {
    name: 'a policy defined in another group does not count',
    spec: using('      x-apigateway-ratelimit: rl_one\n', ''),
    files: {
      'other.yaml': spec(op({ id: 'getB', extra: '      x-apigateway-ratelimit: rl_one\n' }), RATELIMITS).replace(
        'title: lint_test',
        'title: other_group',
      ),
    },
    workspace: 'groups:\n  - {name: lint_test, spec: api.yaml}\n  - {name: other_group, spec: other.yaml}\n',
    findings: [{ message: 'throttle policy "rl_one" is not defined', at: 'rl_one' }],
  },
  { name: 'every documented extension at once', spec: fixture('examples/full-featured.yaml'), findings: [] },
  {
    name: 'an OpenAPI 3.0 console export (x-apigateway-response: default)',
    spec: fixture('oas3/otc-export.yaml'),
    findings: [],
  },
]);
