import type { Rule } from '../types.js';
import { join } from '../../core/pointer.js';

/**
 * ThrottleBaseInfo / ApiAclCreate / policy backend names: 3–64, letter (or Chinese) first,
 * letters, digits, underscores.
 */
export const POLICY_NAME = /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9_\u4e00-\u9fa5]{2,63}$/u;

export default {
  meta: {
    id: 'policy-name',
    category: 'names',
    description:
      'Throttling, access-control and policy-backend names are 3–64 letters, ' +
      'digits or underscores, starting with a letter.',
    source:
      'API Reference: Creating a Request Throttling Policy (name), ' +
      'Creating an ACL Policy (acl_name), Creating an API (policy backend name)',
    rationale:
      'The console refuses other names when the policies are created on import. ' +
      'Policy backend names must also be unique within their API.',
  },
  create(ctx) {
    const bad = (name: string) =>
      `"${name}" must be 3–64 characters: letters, digits and underscores, starting with a letter`;
    // Policy backend names seen in the current API.
    const names = new Set<string>();
    return {
      ThrottlePolicy(t, g) {
        if (!POLICY_NAME.test(t.name))
          ctx.report(
            { group: g, path: join('', 'x-apigateway-ratelimits', t.name) },
            `throttle policy name ${bad(t.name)}`,
          );
      },
      AclPolicy(a, g) {
        if (!POLICY_NAME.test(a.name))
          ctx.report(
            { group: g, path: join('', 'x-apigateway-access-controls', a.name) },
            `access control policy name ${bad(a.name)}`,
          );
      },
      Api() {
        // clear() makes a new table even when empty: only when there is something to clear.
        if (names.size > 0) names.clear();
      },
      BackendPolicy(b) {
        const { backend } = b;
        const { group } = b.site;
        if (backend.name === undefined) {
          ctx.report(
            { group, path: b.at },
            'a policy backend needs a name (Extension Definitions: x-apigateway-backend-policies)',
          );
          return;
        }
        if (!POLICY_NAME.test(backend.name))
          ctx.report({ group, path: `${b.at}/name` }, `policy backend name ${bad(backend.name)}`);
        if (names.has(backend.name))
          ctx.report(
            { group, path: `${b.at}/name` },
            `policy backend name "${backend.name}" is used twice in this API`,
          );
        names.add(backend.name);
      },
    };
  },
} satisfies Rule;
