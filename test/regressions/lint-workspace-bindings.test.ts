/**
 * workspace-references: apig.yaml `bindings` (per-environment throttle and access-control bindings) and
 * throttle 2.0 `throttles.<name>.bind` were not checked, so a typo in an environment, an API or a policy name
 * linted clean and only showed at `apig serve` as "not defined ...; not applied". Right: like `publish`, app
 * authorizations and signature-key bindings, they must name existing environments and APIs, and a binding's
 * policies must be defined in the API's group.
 */
import { describe, expect, it } from 'vitest';
import { lintText, op, spec } from '../unit/lint/harness.js';

const api = spec(
  op({ id: 'getA' }),
  '\nx-apigateway-ratelimits:\n  rl_one: {api-limit: 10, interval: 1, unit: SECOND}\nx-apigateway-access-controls:\n  acl_one: {acl-type: DENY, entity-type: IP, value: 10.0.0.1}\n',
);
const messages = async (extra: string): Promise<string[]> => {
  const workspace = `groups:\n  - {name: lint_test, spec: api.yaml}\nenvironments:\n  test: {}\n${extra}`;
  const { findings } = await lintText({ spec: api, workspace });
  return findings.filter((f) => f.code === 'workspace-references').map((f) => f.message);
};

describe('apig.yaml bindings are checked', () => {
  it('lints clean when every name exists', async () => {
    expect(
      await messages(
        'bindings:\n  test:\n    getA: {throttle: rl_one, acl: [acl_one]}\nthrottles:\n  t2: {interval: 1, apiLimit: 5, bind: {test: [getA]}}\n',
      ),
    ).toEqual([]);
  });

  it('names an unknown environment, API and policies', async () => {
    expect(
      await messages(
        'bindings:\n  prod:\n    getA: {throttle: rl_one}\n  test:\n    getZ: {throttle: rl_one}\n    getA: {throttle: rl_two, acl: acl_two}\n',
      ),
    ).toEqual([
      'environment "prod" is not defined under environments:',
      'no API is named "getZ"',
      'throttle policy "rl_two" is not defined in x-apigateway-ratelimits of group lint_test',
      'access control policy "acl_two" is not defined in x-apigateway-access-controls of group lint_test',
    ]);
  });

  it('checks throttle 2.0 bind like the other bindings', async () => {
    expect(await messages('throttles:\n  t2: {interval: 1, apiLimit: 5, bind: {prod: [getZ]}}\n')).toEqual([
      'environment "prod" is not defined under environments:',
      'no API is named "getZ"',
    ]);
  });
});
