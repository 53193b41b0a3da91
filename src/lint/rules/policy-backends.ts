import type { Rule } from '../types.js';
import { POLICIES_KEY } from '../sites.js';
import { join } from '../../core/pointer.js';
import type { BackendType } from '../../core/model.js';

/** Which policy backend types a default backend allows (OTC restrictions_and_compatibility.rst, x-apigateway.md §8). */
const COMPATIBLE: Record<BackendType, readonly BackendType[]> = {
  HTTP: ['HTTP', 'HTTP-VPC', 'HTTP-VPC-MEMBER-GROUP'],
  'HTTP-VPC': ['HTTP', 'HTTP-VPC', 'HTTP-VPC-MEMBER-GROUP'],
  'HTTP-VPC-MEMBER-GROUP': ['HTTP', 'HTTP-VPC', 'HTTP-VPC-MEMBER-GROUP'],
  FUNCTION: ['FUNCTION'],
  MOCK: ['MOCK'],
};

export default {
  meta: {
    id: 'policy-backends',
    category: 'policies',
    description:
      'At most 5 policy backends per API (quota), ' +
      'each with an effect mode ANY or ALL and at least one condition, of a type the default backend allows.',
    source:
      'User Guide §5.2.1 "Creating an API" (5 policy backends besides the default); Best Practices §10.1; ' +
      'Extension Definitions: x-apigateway-backend-policies; API Reference (v1.0): Importing APIs (effectMode); ' +
      'User Guide (online), "Restrictions and Compatibility" of importing APIs (policy backend types)',
    rationale:
      'Policies are matched in order and the first match wins; ' +
      'a policy without conditions or effect mode cannot be evaluated. ' +
      'A FUNCTION default backend only allows function policy backends, a MOCK one only mock policy backends.',
  },
  create(ctx) {
    const max = ctx.quotas.policyBackendsPerApi;
    return {
      Api(site) {
        const policies = site.api.policies;
        if (!policies) return;
        const at = (): string => join(site.at, POLICIES_KEY);
        if (policies.length > max)
          ctx.report({ group: site.group, path: at() }, `${policies.length} policy backends; at most ${max} per API`);
        policies.forEach((p, i) => {
          if (p.effectMode === undefined)
            ctx.report(
              { group: site.group, path: join(at(), i) },
              'policy backend has no effectMode: say ANY (any condition) or ALL (all conditions)',
            );
          if (p.conditions.length === 0)
            ctx.report(
              { group: site.group, path: `${join(at(), i)}/conditions` },
              'policy backend has no conditions, so it never matches',
            );
          const base = site.api.backend?.type;
          if (base && !COMPATIBLE[base].includes(p.type))
            ctx.report(
              { group: site.group, path: `${join(at(), i)}/type` },
              `a ${p.type} policy backend is not allowed when the default backend is ${base}`,
            );
        });
      },
    };
  },
} satisfies Rule;
