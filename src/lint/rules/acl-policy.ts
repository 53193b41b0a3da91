import type { Rule } from '../types.js';
import { join } from '../../core/pointer.js';
import { ipEntryProblem } from '../../core/ip-entry.js';
import { valueAt } from '../fix/data.js';
import type { Fix } from '../fix/types.js';

/** The comma-separated entries without their repeats, each entry kept as written where it first stands. */
function withoutRepeats(written: unknown, at: string): Fix | undefined {
  if (typeof written !== 'string') return undefined;
  const seen = new Set<string>();
  const kept = written.split(',').filter((e) => {
    const v = e.trim();
    if (v === '') return true;
    if (seen.has(v)) return false;
    seen.add(v);
    return true;
  });
  return {
    description: 'remove the repeated entries',
    edits: [{ op: 'set', path: at, was: written, value: kept.join(',') }],
  };
}

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
    fix:
      'An entry listed twice is removed where it repeats (the first one stays): the policy matches the same. ' +
      'The other findings need a person to choose.',
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
        if (dup) {
          const at = join('', 'x-apigateway-access-controls', a.name, 'value');
          ctx.report({ group: g, path: at }, `${a.name}: "${dup}" is listed twice`, () =>
            withoutRepeats(valueAt(g.raw, at), at),
          );
        }
      },
    };
  },
} satisfies Rule;
