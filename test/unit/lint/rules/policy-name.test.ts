/** policy-name: throttling, access-control and policy-backend names are 3–64 letters, digits or underscores, letter first. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture } from '../snippets.js';

const throttle = (name: string): string =>
  spec(
    op({ extra: `      x-apigateway-ratelimit: ${name}\n` }),
    `\nx-apigateway-ratelimits:\n  ${name}:\n    api-limit: 10\n    interval: 1\n    unit: SECOND\n`,
  );
const acl = (name: string): string =>
  spec(
    op({ extra: `      x-apigateway-access-control: ${name}\n` }),
    `\nx-apigateway-access-controls:\n  ${name}:\n    acl-type: DENY\n    entity-type: IP\n    value: 10.0.0.1\n`,
  );
const policy = (name: string | undefined): string =>
  `        - ${name === undefined ? '' : `name: ${name}\n          `}type: MOCK\n          effectMode: ANY\n          conditions: [{origin: source, value: 10.0.0.0/8}]\n          mockEndpoints: {result-content: p}\n`;
const policies = (...names: Array<string | undefined>): string =>
  spec(op({ extra: `      x-apigateway-backend-policies:\n${names.map(policy).join('')}` }));
const BAD = 'must be 3–64 characters: letters, digits and underscores, starting with a letter';

testRule('policy-name', [
  { name: 'a throttling policy name', spec: throttle('rl_one'), findings: [] },
  {
    name: 'a one-letter throttling policy name',
    spec: throttle('r'),
    findings: [{ message: `throttle policy name "r" ${BAD}`, exact: true, at: 'api-limit: 10' }],
  },
  {
    name: 'two characters',
    spec: throttle('rl'),
    findings: [{ message: 'throttle policy name "rl"', at: 'api-limit: 10' }],
  },
  { name: 'three characters', spec: throttle('rl_'), findings: [] },
  { name: '64 characters', spec: throttle('r'.repeat(64)), findings: [] },
  {
    name: '65 characters',
    spec: throttle('r'.repeat(65)),
    findings: [{ message: `throttle policy name "${'r'.repeat(65)}"`, at: 'api-limit: 10' }],
  },
  {
    name: 'a digit first',
    spec: throttle('1rl'),
    findings: [{ message: 'throttle policy name "1rl"', at: 'api-limit: 10' }],
  },
  {
    name: 'a hyphen',
    spec: throttle('rl-one'),
    findings: [{ message: 'throttle policy name "rl-one"', at: 'api-limit: 10' }],
  },
  { name: 'Chinese characters', spec: throttle('限流策略'), findings: [] },
  { name: 'an access control policy name', spec: acl('acl_one'), findings: [] },
  {
    name: 'a bad access control policy name',
    spec: acl('acl-one'),
    findings: [{ message: `access control policy name "acl-one" ${BAD}`, exact: true, at: 'acl-type' }],
  },
  { name: 'a policy backend name', spec: policies('pol_one'), findings: [] },
  {
    name: 'a policy backend without a name',
    spec: policies(undefined),
    findings: [{ message: 'a policy backend needs a name', at: 'type: MOCK\n          effectMode' }],
  },
  {
    name: 'a bad policy backend name',
    spec: policies('"policy one"'),
    findings: [{ message: `policy backend name "policy one" ${BAD}`, exact: true, at: '"policy one"' }],
  },
  {
    name: 'two policy backends with one name',
    spec: policies('pol_one', 'pol_two', 'pol_one'),
    findings: [
      {
        message: 'policy backend name "pol_one" is used twice in this API',
        exact: true,
        at: 'pol_one',
        after: 'pol_two',
      },
    ],
  },
  {
    name: 'one policy backend name in two APIs',
    spec: spec(
      op({ extra: `      x-apigateway-backend-policies:\n${policy('pol_one')}` }) +
        op({ path: '/b', id: 'getB', extra: `      x-apigateway-backend-policies:\n${policy('pol_one')}` }),
    ),
    findings: [],
  },
  { name: 'every documented extension at once', spec: fixture('examples/full-featured.yaml'), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
]);
