/** throttle-policy: user ≤ API, app ≤ user, IP ≤ API; positive integers; special apps/tenants ≤ API limit, at most 30 of each, no repeats. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, RL } from '../snippets.js';

const policy = (body: string): string => spec(op({ extra: '      x-apigateway-ratelimit: rl_one\n' }), RL(body));
const limits = (fields: string): string => policy(`${fields}    interval: 1\n    unit: SECOND\n`);
const specials = (list: string, api = 10): string =>
  policy(`    api-limit: ${api}\n    interval: 1\n    unit: MINUTE\n    special:\n${list}`);
const special = (type: string, instance: string, limit: number): string =>
  `      - {type: ${type}, instance: ${instance}, limit: ${limit}}\n`;

testRule('throttle-policy', [
  {
    name: 'the hierarchy kept',
    spec: limits('    api-limit: 10\n    user-limit: 5\n    app-limit: 5\n'),
    findings: [],
  },
  {
    name: 'app above user',
    spec: limits('    api-limit: 10\n    user-limit: 5\n    app-limit: 7\n'),
    findings: [{ message: 'rl_one: app-limit 7 is above user-limit 5', exact: true, at: '7\n' }],
  },
  {
    name: 'app above api when there is no user limit',
    spec: limits('    api-limit: 10\n    app-limit: 11\n'),
    findings: [{ message: 'rl_one: app-limit 11 is above api-limit 10', exact: true, at: '11\n' }],
  },
  {
    name: 'user above api',
    spec: limits('    api-limit: 10\n    user-limit: 11\n'),
    findings: [{ message: 'rl_one: user-limit 11 is above api-limit 10', exact: true, at: '11\n' }],
  },
  {
    name: 'user above api and app above user',
    spec: limits('    api-limit: 10\n    user-limit: 20\n    app-limit: 30\n'),
    findings: [
      { message: 'user-limit 20 is above api-limit 10', at: '20\n' },
      { message: 'app-limit 30 is above user-limit 20', at: '30\n' },
    ],
  },
  {
    name: 'ip above api',
    spec: limits('    api-limit: 10\n    ip-limit: 11\n'),
    findings: [{ message: 'rl_one: ip-limit 11 is above api-limit 10', exact: true, at: '11\n' }],
  },
  {
    name: 'every limit equal (the documented example)',
    spec: policy(
      '    api-limit: 200\n    app-limit: 200\n    user-limit: 200\n    ip-limit: 200\n    interval: 1\n    unit: MINUTE\n    shared: false\n    special:\n      - {type: USER, limit: 100, instance: xxxxxxx}\n',
    ),
    findings: [],
  },
  {
    name: 'a limit of 0',
    spec: limits('    api-limit: 0\n'),
    findings: [{ message: 'rl_one: api-limit 0 must be between 1 and 2147483647', exact: true, at: '0\n' }],
  },
  {
    name: 'a negative limit, written as a string',
    spec: limits('    api-limit: 10\n    ip-limit: "-1"\n'),
    findings: [{ message: 'ip-limit -1 must be between 1 and 2147483647', at: '"-1"' }],
  },
  { name: 'the largest limit', spec: limits('    api-limit: 2147483647\n'), findings: [] },
  {
    name: 'above the largest limit',
    spec: limits('    api-limit: 2147483648\n'),
    findings: [{ message: 'api-limit 2147483648 must be between 1 and 2147483647', at: '2147483648' }],
  },
  {
    name: 'an interval of 0',
    spec: policy('    api-limit: 10\n    interval: 0\n    unit: SECOND\n'),
    findings: [{ message: 'rl_one: interval 0 must be between 1 and 2147483647', at: '0\n', after: 'interval: ' }],
  },
  {
    name: 'special tenants above the user limit (the documented example: API 10, user 3, tenants 2 and 4)',
    spec: policy(
      '    api-limit: 10\n    user-limit: 3\n    interval: 1\n    unit: MINUTE\n    special:\n      - {type: USER, instance: tenant_a, limit: 2}\n      - {type: USER, instance: tenant_b, limit: 4}\n',
    ),
    findings: [],
  },
  { name: 'a special app at the API limit', spec: specials(special('APP', 'app1', 10)), findings: [] },
  {
    name: 'a special app above the API limit',
    spec: specials(special('APP', 'app1', 11)),
    findings: [
      {
        message: 'rl_one: special APP app1 limit 11 must be a positive integer no higher than api-limit 10',
        at: '11}',
      },
    ],
  },
  {
    name: 'a special limit of 0',
    spec: specials(special('USER', 't1', 0)),
    findings: [{ message: 'special USER t1 limit 0 must be a positive integer', at: '0}' }],
  },
  {
    name: 'one special listed twice',
    spec: specials(special('APP', 'app1', 5) + special('APP', 'app1', 6)),
    findings: [{ message: 'rl_one: special APP app1 is listed twice', exact: true, at: '- {type: APP' }],
  },
  {
    name: 'one instance as an app and as a tenant',
    spec: specials(special('APP', 'x1', 5) + special('USER', 'x1', 5)),
    findings: [],
  },
  {
    name: '30 special apps and 30 special tenants',
    spec: specials(
      Array.from({ length: 30 }, (_, i) => special('APP', `a${i}`, 1) + special('USER', `u${i}`, 1)).join(''),
    ),
    findings: [],
  },
  {
    name: '31 special apps',
    spec: specials(Array.from({ length: 31 }, (_, i) => special('APP', `a${i}`, 1)).join('')),
    findings: [{ message: 'rl_one: 31 special apps; at most 30 per policy', exact: true, at: '- {type: APP' }],
  },
  {
    name: '31 special tenants',
    spec: specials(Array.from({ length: 31 }, (_, i) => special('USER', `u${i}`, 1)).join('')),
    findings: [{ message: '31 special tenants; at most 30 per policy', at: '- {type: USER' }],
  },
  {
    name: 'a lower quota for specials',
    spec: specials(special('APP', 'a1', 1) + special('APP', 'a2', 1)),
    quotas: { specialsPerPolicy: 1 },
    findings: [{ message: '2 special apps; at most 1 per policy', at: '- {type: APP' }],
  },
  { name: 'every documented extension at once', spec: fixture('examples/full-featured.yaml'), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
]);
