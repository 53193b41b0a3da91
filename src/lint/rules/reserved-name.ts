import type { Rule, Target } from '../types.js';
import { paramPointer } from '../sites.js';

/** Reserved for the gateway: not a request, backend, constant or system-parameter name (002 §5.2.1). */
export function reservedReason(name: string, location: string): string | undefined {
  const n = name.toLowerCase();
  if (n.startsWith('x-apig-') || n.startsWith('x-sdk-'))
    return 'names starting with x-apig- or x-sdk- are reserved (case-insensitive)';
  if (n === 'x-stage') return 'x-stage selects the environment and is reserved (case-insensitive)';
  if (location === 'HEADER' && name.includes('_'))
    return 'HEADER parameter names may not contain "_" (proxies drop such headers)';
  return undefined;
}

const X_AUTH_TOKEN = 'the gateway reads it for IAM authentication (User Guide §5.2.1; FAQ (2024) §3.12)';

export default {
  meta: {
    id: 'reserved-name',
    category: 'parameters',
    description:
      'No parameter is named x-apig-*, x-sdk-* or x-stage; HEADER parameters are never ' +
      'Authorization or X-Auth-Token and never contain "_"; the same for backend parameters.',
    source:
      'User Guide §5.2.1 "Creating an API" (table 5-6, step 3, tables 5-11 and 5-12); ' +
      'FAQ (2024) §3.12 (X-Auth-Token on IAM APIs), §7.1 (import fails on an X-Auth-Token header)',
    rationale:
      'The gateway uses these names itself. An `Authorization` HEADER parameter on an APP-auth ' +
      'API only documents the signature header, as in the official import examples, and is allowed.',
  },
  create(ctx) {
    return {
      Param(p, site) {
        const reason = reservedReason(p.name, p.location);
        if (reason)
          ctx.report({ group: site.group, path: `${paramPointer(site, p)}/name` }, `parameter "${p.name}": ${reason}`);
        if (p.location !== 'HEADER') return;
        const n = p.name.toLowerCase();
        if (n === 'x-auth-token')
          ctx.report(
            { group: site.group, path: `${paramPointer(site, p)}/name` },
            `X-Auth-Token may not be a HEADER parameter: ${X_AUTH_TOKEN}`,
          );
        if (n === 'authorization' && site.auth.type !== 'APP' && site.authComplete)
          ctx.report(
            { group: site.group, path: `${paramPointer(site, p)}/name` },
            'Authorization may not be a HEADER parameter (User Guide §5.2.1); ' +
              'only APP-auth APIs may list it, to document the signature header',
          );
      },
      Backend(b) {
        b.backend.params?.forEach((bp, i) => {
          const where = (): Target => ({ group: b.site.group, path: `${b.at}/parameters/${i}/name` });
          const reason = reservedReason(bp.name, bp.location);
          if (reason) ctx.report(where(), `backend parameter "${bp.name}": ${reason}`);
          if (bp.location !== 'HEADER') return;
          const n = bp.name.toLowerCase();
          if (n === 'x-auth-token')
            ctx.report(where(), `X-Auth-Token may not be a backend HEADER parameter: ${X_AUTH_TOKEN}`);
          if (n === 'authorization')
            ctx.report(
              where(),
              'Authorization may not be a backend HEADER parameter (User Guide §5.2.1): ' +
                'the gateway sets it when a signature key signs the backend call',
            );
        });
      },
    };
  },
} satisfies Rule;
