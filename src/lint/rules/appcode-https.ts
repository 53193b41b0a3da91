import type { Rule } from '../types.js';
import { rootSchemes } from '../sites.js';
import { requestProtocol } from '../../core/defaults.js';
import { join } from '../../core/pointer.js';

/**
 * AppCode simple authentication is called over HTTPS only (User Guide §5.2.1; api-model.md rule 7: "warn if the
 * protocol allows HTTP"). The gateway still accepts such an API: an HTTP call with an AppCode fails, an HTTPS
 * one works. So this is a warning of its own, not an error of `security`. In OpenAPI 3.0 the protocol is the
 * operation's `servers` (oas3.ts).
 */
export default {
  meta: {
    id: 'appcode-https',
    category: 'auth',
    description:
      'An API with AppCode simple authentication should accept HTTPS only: AppCodes are not accepted over HTTP.',
    source: 'User Guide §5.2.1 (simple authentication: HTTPS calls only); Extension Definitions: x-apigateway-auth-opt',
    rationale:
      'The gateway imports and runs an API with AppCode simple authentication whatever its request protocol, but ' +
      'callers can use the AppCode over HTTPS only; over HTTP they must sign. Set `schemes: [https]` on the ' +
      "operation or the document (OpenAPI 3.0: only https URLs in the operation's `servers`, as console " +
      'exports write the protocol).',
  },
  create(ctx) {
    return {
      Api(site) {
        if (!site.auth.appCode) return;
        if (requestProtocol(site.api, rootSchemes(site.model)) === 'HTTPS') return;
        ctx.report(
          { group: site.group, path: join(site.at, 'security') },
          'AppCode simple authentication works only over HTTPS, but this API also accepts HTTP: ' +
            'HTTP callers must sign (User Guide §5.2.1)',
        );
      },
    };
  },
} satisfies Rule;
