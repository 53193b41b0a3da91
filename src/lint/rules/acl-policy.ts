import type { Rule } from '../types.js';
import { join } from '../../core/pointer.js';
import { ipEntryProblem } from '../../core/ip-entry.js';

export default {
  meta: {
    id: 'acl-policy',
    category: 'policies',
    description:
      'Access-control values: at most 100 entries, valid IPv4 or IPv6 addresses, CIDR blocks or ranges for IP; ' +
      'account names 1–64 ASCII characters, not all digits, for DOMAIN.',
    source:
      'User Guide §5.4.1 "Creating an Access Control Policy" (at most 100 IP entries, account names); ' +
      'Extension Definitions: x-apigateway-access-controls.policy; API Reference: Creating an ACL Policy',
    rationale:
      'The console refuses malformed addresses; ' +
      'an entry that does not parse would silently not block (or not allow) anyone.',
  },
  create(ctx) {
    const max = ctx.quotas.aclEntries;
    return {
      AclPolicy(a, g) {
        const r = (m: string): void =>
          ctx.report({ group: g, path: join('', 'x-apigateway-access-controls', a.name, 'value') }, `${a.name}: ${m}`);
        if (a.values.length === 0) r('the policy lists no entries');
        if (a.values.length > max) r(`${a.values.length} entries; at most ${max}`);
        if (a.entityType === 'IP') {
          for (const v of a.values) {
            const problem = ipEntryProblem(v);
            if (problem) r(problem);
          }
        } else if (a.entityType === 'DOMAIN') {
          for (const v of a.values)
            if (!/^[\x21-\x7e]{1,64}$/.test(v) || /^\d+$/.test(v))
              r(`account name "${v}" must be 1–64 ASCII characters and not all digits`);
          if (a.values.join(',').length > 1024) r('account names exceed 1024 characters in total');
        }
        const dup = a.values.find((v, i) => a.values.indexOf(v) !== i);
        if (dup) r(`"${dup}" is listed twice`);
      },
    };
  },
} satisfies Rule;
