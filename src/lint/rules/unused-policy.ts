import type { Rule } from '../types.js';
import { join } from '../../core/pointer.js';
import { leftOutOperations } from '../left-out.js';

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
  create(ctx) {
    const bindings = Object.values(ctx.ws.bindings ?? {});
    // The current group's policies that an API names, by its extension or by apig.yaml `bindings`.
    let throttles = new Set<unknown>();
    let acls = new Set<unknown>();
    const use = (name: unknown, throttle: unknown, acl: unknown): void => {
      throttles.add(throttle);
      acls.add(acl);
      if (typeof name !== 'string') return;
      // apig.yaml binds a group's policies to its APIs per environment (the gateway's bindings.ts reads the same).
      for (const env of bindings) {
        if (!Object.hasOwn(env, name)) continue;
        const b = env[name] ?? {};
        if (typeof b.throttle === 'string') throttles.add(b.throttle);
        for (const a of b.acl ?? []) acls.add(a);
      }
    };
    return {
      Group() {
        throttles = new Set();
        acls = new Set();
      },
      Api({ api }) {
        use(api.name, api.throttle, api.acl);
      },
      leave: {
        Group(g) {
          // Operations lint left out of the model for an error still name their policies.
          for (const { op } of leftOutOperations(g))
            use(op.operationId, op['x-apigateway-ratelimit'], op['x-apigateway-access-control']);
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
        },
      },
    };
  },
} satisfies Rule;
