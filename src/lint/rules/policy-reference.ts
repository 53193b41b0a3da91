import type { Rule } from '../types.js';
import { apiSites } from '../sites.js';
import { join } from '../../core/pointer.js';

export default {
  meta: {
    id: 'policy-reference',
    category: 'policies',
    description:
      'x-apigateway-ratelimit, x-apigateway-access-control and x-apigateway-response ' +
      'name policies defined in the file.',
    source:
      'Extension Definitions: x-apigateway-ratelimit, x-apigateway-access-control, ' +
      'x-apigateway-response (the references) and x-apigateway-ratelimits, ' +
      'x-apigateway-access-controls, x-apigateway-responses (the definitions)',
    rationale:
      'A reference to an undefined policy binds nothing: the API would run without ' +
      'the throttling or access control you meant. The gateway response `default` always exists.',
  },
  check(ctx) {
    for (const site of apiSites(ctx.ws)) {
      const { api, model, group } = site;
      if (api.throttle !== undefined) {
        if (!model.throttles.some((t) => t.name === api.throttle))
          ctx.report(
            { group, path: join(site.at, 'x-apigateway-ratelimit') },
            `throttle policy "${api.throttle}" is not defined in x-apigateway-ratelimits`,
          );
      }
      if (api.acl !== undefined) {
        if (!model.acls.some((a) => a.name === api.acl))
          ctx.report(
            { group, path: join(site.at, 'x-apigateway-access-control') },
            `access control policy "${api.acl}" is not defined in x-apigateway-access-controls`,
          );
      }
      if (
        api.gatewayResponse !== undefined &&
        api.gatewayResponse !== 'default' &&
        !model.responses.some((r) => r.name === api.gatewayResponse)
      ) {
        ctx.report(
          { group, path: join(site.at, 'x-apigateway-response') },
          `gateway response "${api.gatewayResponse}" is not defined in x-apigateway-responses`,
        );
      }
    }
  },
} satisfies Rule;
