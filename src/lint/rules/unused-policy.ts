import type { Rule } from '../types.js';
import { join } from '../../core/pointer.js';

export default {
  meta: {
    id: 'unused-policy',
    category: 'policies',
    description:
      'Throttling and access-control policies that no API of the group uses, ' +
      'by its extension or by apig.yaml `bindings`.',
    source:
      'Extension Definitions: x-apigateway-ratelimits, ' +
      'x-apigateway-access-controls (policies take effect only when an API names them)',
    rationale: "An unused policy is often a typo in the API's x-apigateway-ratelimit or x-apigateway-access-control.",
  },
  check(ctx) {
    const bindings = Object.values(ctx.ws.bindings ?? {});
    for (const g of ctx.ws.groups) {
      const throttles = new Set(g.model.apis.map((a) => a.throttle));
      const acls = new Set(g.model.apis.map((a) => a.acl));
      // apig.yaml binds a group's policies to its APIs per environment (the gateway's bindings.ts reads the same).
      for (const api of g.model.apis) {
        for (const b of bindings.filter((env) => Object.hasOwn(env, api.name)).map((env) => env[api.name] ?? {})) {
          if (typeof b.throttle === 'string') throttles.add(b.throttle);
          for (const a of b.acl ?? []) acls.add(a);
        }
      }
      for (const t of g.model.throttles)
        if (!throttles.has(t.name))
          ctx.report(
            { group: g, path: join('', 'x-apigateway-ratelimits', t.name) },
            `throttle policy "${t.name}" is not used by any API`,
          );
      for (const a of g.model.acls)
        if (!acls.has(a.name))
          ctx.report(
            { group: g, path: join('', 'x-apigateway-access-controls', a.name) },
            `access control policy "${a.name}" is not used by any API`,
          );
    }
  },
} satisfies Rule;
