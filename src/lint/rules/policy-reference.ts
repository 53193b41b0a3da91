import type { Rule } from '../types.js';
import { namesInFile } from '../left-out.js';
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
  create(ctx) {
    // The policy and response names the current group's file defines (an invalid one is left out of the model,
    // and reported where it stands: a reference to it is not a reference to nothing).
    let throttles: ReadonlySet<string> = new Set();
    let acls: ReadonlySet<string> = new Set();
    let responses: ReadonlySet<string> = new Set();
    return {
      Group(g) {
        throttles = namesInFile(g, 'throttles');
        acls = namesInFile(g, 'acls');
        responses = namesInFile(g, 'responses');
      },
      Api(site) {
        const { api, group } = site;
        if (api.throttle !== undefined) {
          if (!throttles.has(api.throttle))
            ctx.report(
              { group, path: join(site.at, 'x-apigateway-ratelimit') },
              `throttle policy "${api.throttle}" is not defined in x-apigateway-ratelimits`,
            );
        }
        if (api.acl !== undefined) {
          if (!acls.has(api.acl))
            ctx.report(
              { group, path: join(site.at, 'x-apigateway-access-control') },
              `access control policy "${api.acl}" is not defined in x-apigateway-access-controls`,
            );
        }
        if (
          api.gatewayResponse !== undefined &&
          api.gatewayResponse !== 'default' &&
          !responses.has(api.gatewayResponse)
        ) {
          ctx.report(
            { group, path: join(site.at, 'x-apigateway-response') },
            `gateway response "${api.gatewayResponse}" is not defined in x-apigateway-responses`,
          );
        }
      },
    };
  },
} satisfies Rule;
