import type { Rule } from '../types.js';
import { backendsOf, apiSites } from '../sites.js';
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
  check(ctx) {
    const bad = (name: string) =>
      `"${name}" must be 3–64 characters: letters, digits and underscores, starting with a letter`;
    for (const g of ctx.ws.groups) {
      for (const t of g.model.throttles)
        if (!POLICY_NAME.test(t.name))
          ctx.report(
            { group: g, path: join('', 'x-apigateway-ratelimits', t.name) },
            `throttle policy name ${bad(t.name)}`,
          );
      for (const a of g.model.acls)
        if (!POLICY_NAME.test(a.name))
          ctx.report(
            { group: g, path: join('', 'x-apigateway-access-controls', a.name) },
            `access control policy name ${bad(a.name)}`,
          );
    }
    for (const site of apiSites(ctx.ws)) {
      const names = new Set<string>();
      for (const { backend, at, policy } of backendsOf(site)) {
        if (!policy || !('conditions' in backend)) continue;
        if (backend.name === undefined) {
          ctx.report(
            { group: site.group, path: at },
            'a policy backend needs a name (Extension Definitions: x-apigateway-backend-policies)',
          );
          continue;
        }
        if (!POLICY_NAME.test(backend.name))
          ctx.report({ group: site.group, path: `${at}/name` }, `policy backend name ${bad(backend.name)}`);
        if (names.has(backend.name))
          ctx.report(
            { group: site.group, path: `${at}/name` },
            `policy backend name "${backend.name}" is used twice in this API`,
          );
        names.add(backend.name);
      }
    }
  },
} satisfies Rule;
