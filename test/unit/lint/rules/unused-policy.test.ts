/** unused-policy: throttling and access-control policies that no API of the group uses (by its extension or apig.yaml bindings). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, RL } from '../snippets.js';

const RATELIMITS = RL('    api-limit: 10\n    interval: 1\n    unit: SECOND\n');
const ACLS =
  '\nx-apigateway-access-controls:\n  acl_one:\n    acl-type: DENY\n    entity-type: IP\n    value: 10.0.0.1\n';
const both = (extra: string): string => spec(op({ extra }), `${RATELIMITS}${ACLS}`);
const ws = (bindings: string): string =>
  `groups:\n  - {name: lint_test, spec: api.yaml}\nenvironments:\n  test: {}\nbindings:\n${bindings}`;

testRule('unused-policy', [
  {
    name: 'both policies used',
    spec: both('      x-apigateway-ratelimit: rl_one\n      x-apigateway-access-control: acl_one\n'),
    findings: [],
  },
  {
    name: 'an unused throttling policy',
    spec: both('      x-apigateway-access-control: acl_one\n'),
    findings: [
      {
        message: 'throttle policy "rl_one" is not used by any API',
        exact: true,
        at: 'api-limit: 10',
        severity: 'info',
      },
    ],
  },
  {
    name: 'an unused access control policy',
    spec: both('      x-apigateway-ratelimit: rl_one\n'),
    findings: [{ message: 'access control policy "acl_one" is not used by any API', exact: true, at: 'acl-type' }],
  },
  {
    name: 'neither used',
    spec: both(''),
    findings: [
      { message: '"rl_one"', at: 'api-limit: 10' },
      { message: '"acl_one"', at: 'acl-type' },
    ],
  },
  {
    name: 'used by a second API',
    spec: spec(op() + op({ path: '/b', id: 'getB', extra: '      x-apigateway-ratelimit: rl_one\n' }), RATELIMITS),
    findings: [],
  },
  {
    name: 'used only in another group',
    spec: spec(op(), RATELIMITS),
    files: {
      'other.yaml': spec(op({ id: 'getB', extra: '      x-apigateway-ratelimit: rl_one\n' }), RATELIMITS).replace(
        'title: lint_test',
        'title: other_group',
      ),
    },
    workspace: 'groups:\n  - {name: lint_test, spec: api.yaml}\n  - {name: other_group, spec: other.yaml}\n',
    findings: [{ message: 'throttle policy "rl_one" is not used by any API', at: 'api-limit: 10' }],
  },
  {
    name: 'bound to an API in apig.yaml bindings',
    spec: both(''),
    workspace: ws('  test:\n    getA: {throttle: rl_one, acl: [acl_one]}\n'),
    findings: [],
  },
  {
    name: 'a single access control policy in bindings',
    spec: both('      x-apigateway-ratelimit: rl_one\n'),
    workspace: ws('  test:\n    getA: {acl: acl_one}\n'),
    findings: [],
  },
  {
    name: 'bindings that unbind use nothing',
    spec: both(''),
    workspace: ws('  test:\n    getA: {throttle: null, acl: null}\n'),
    findings: [
      { message: '"rl_one"', at: 'api-limit: 10' },
      { message: '"acl_one"', at: 'acl-type' },
    ],
  },
  {
    name: "bindings for an API of another group do not use this group's policy",
    spec: spec(op(), RATELIMITS),
    files: { 'other.yaml': spec(op({ id: 'getB' }), RATELIMITS).replace('title: lint_test', 'title: other_group') },
    workspace:
      'groups:\n  - {name: lint_test, spec: api.yaml}\n  - {name: other_group, spec: other.yaml}\nbindings:\n  RELEASE:\n    getB: {throttle: rl_one}\n',
    findings: [{ message: 'throttle policy "rl_one" is not used by any API', at: 'api-limit: 10' }],
  },
  { name: 'every documented extension at once', spec: fixture('examples/full-featured.yaml'), findings: [] },
]);
