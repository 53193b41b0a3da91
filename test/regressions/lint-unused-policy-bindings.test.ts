/**
 * unused-policy: a throttling or access-control policy bound to an API only through apig.yaml `bindings`
 * (per environment, as `apig serve` applies it) was reported as "not used by any API". Right: a binding of an
 * API of the group uses the policy; a binding that unbinds (null) or that names an API of another group does not.
 */
import { describe, expect, it } from 'vitest';
import { lintText, op, spec } from '../unit/lint/harness.js';

const api = spec(
  op({ id: 'getA' }),
  '\nx-apigateway-ratelimits:\n  rl_one: {api-limit: 10, interval: 1, unit: SECOND}\nx-apigateway-access-controls:\n  acl_one: {acl-type: DENY, entity-type: IP, value: 10.0.0.1}\n',
);
const unused = async (bindings: string): Promise<string[]> => {
  const workspace = `groups:\n  - {name: lint_test, spec: api.yaml}\nenvironments:\n  test: {}\nbindings:\n${bindings}`;
  const { findings } = await lintText({ spec: api, workspace });
  return findings.filter((f) => f.code === 'unused-policy').map((f) => f.message);
};

describe('unused-policy and apig.yaml bindings', () => {
  it('a policy bound in apig.yaml is used', async () => {
    expect(await unused('  test:\n    getA: {throttle: rl_one, acl: acl_one}\n')).toEqual([]);
  });

  it('unbinding uses nothing', async () => {
    expect(await unused('  test:\n    getA: {throttle: null, acl: null}\n')).toEqual([
      'throttle policy "rl_one" is not used by any API',
      'access control policy "acl_one" is not used by any API',
    ]);
  });
});
