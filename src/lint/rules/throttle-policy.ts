import type { Rule } from '../types.js';
import { join } from '../../core/pointer.js';
import { inThrottleRange, limitFields, MAX_THROTTLE_VALUE } from '../../core/throttle-limits.js';

export default {
  meta: {
    id: 'throttle-policy',
    category: 'policies',
    description:
      'Throttle limits respect the hierarchy (user ≤ API, app ≤ user, IP ≤ API), ' +
      'are positive integers, and special apps/tenants stay within bounds (≤ API limit, ≤ 30 of each).',
    source:
      'User Guide §5.3.1 "Creating a Request Throttling Policy", §5.3.3 "Adding an Excluded App or Tenant", ' +
      '§1.5 (quotas); Extension Definitions: x-apigateway-ratelimits; ' +
      'API Reference: Creating a Request Throttling Policy (limits at most 2147483647)',
    rationale:
      'The console refuses a policy whose limits break the hierarchy. ' +
      'A special app or tenant threshold above the API limit could never be reached.',
  },
  create(ctx) {
    const maxSpecials = ctx.quotas.specialsPerPolicy;
    return {
      ThrottlePolicy(t, g) {
        const r = (field: string, m: string): void =>
          ctx.report({ group: g, path: `${join('', 'x-apigateway-ratelimits', t.name)}/${field}` }, `${t.name}: ${m}`);
        for (const [field, v] of limitFields(t))
          if (v !== undefined && !inThrottleRange(v))
            r(field, `${field} ${v} must be between 1 and ${MAX_THROTTLE_VALUE}`);
        if (t.userLimit !== undefined && t.userLimit > t.apiLimit)
          r('user-limit', `user-limit ${t.userLimit} is above api-limit ${t.apiLimit}`);
        if (t.appLimit !== undefined && t.appLimit > (t.userLimit ?? t.apiLimit))
          r(
            'app-limit',
            `app-limit ${t.appLimit} is above ` +
              `${t.userLimit !== undefined ? `user-limit ${t.userLimit}` : `api-limit ${t.apiLimit}`}`,
          );
        if (t.ipLimit !== undefined && t.ipLimit > t.apiLimit)
          r('ip-limit', `ip-limit ${t.ipLimit} is above api-limit ${t.apiLimit}`);
        const special = t.special ?? [];
        for (const type of ['APP', 'USER'] as const) {
          const n = special.filter((s) => s.type === type).length;
          if (n > maxSpecials)
            r('special', `${n} special ${type === 'APP' ? 'apps' : 'tenants'}; at most ${maxSpecials} per policy`);
        }
        special.forEach((s, i) => {
          if (s.limit < 1 || s.limit > t.apiLimit)
            r(
              `special/${i}/limit`,
              `special ${s.type} ${s.instance} limit ${s.limit} must be a positive ` +
                `integer no higher than api-limit ${t.apiLimit} (User Guide §5.3.3)`,
            );
        });
        const dup = special.find(
          (s, i) => special.findIndex((o) => o.type === s.type && o.instance === s.instance) !== i,
        );
        if (dup) r('special', `special ${dup.type} ${dup.instance} is listed twice`);
      },
    };
  },
} satisfies Rule;
