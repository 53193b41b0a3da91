import type { ApiSite, Rule, Target } from '../types.js';
import { namesInFile } from '../left-out.js';
import { join } from '../../core/pointer.js';
import { isUnreadableScheme } from '../../core/defaults.js';

/** Findings point at the operation's `security`. */
const at = (site: ApiSite): Target => ({ group: site.group, path: join(site.at, 'security') });

export default {
  meta: {
    id: 'security',
    category: 'auth',
    description:
      'Security requirements name defined schemes that have x-apigateway-auth-type or ' +
      'x-apigateway-authorizer; simple auth (AppCode) only with APP auth; ' +
      'dual auth pairs APP or IAM with a front-end authorizer.',
    source:
      'Extension Definitions: x-apigateway-auth-type, x-apigateway-auth-opt, x-apigateway-authorizer; User Guide ' +
      '§5.2.1 (simple authentication only for APP)',
    rationale:
      'A requirement naming an undefined scheme cannot be imported. A scheme without x-apigateway-auth-type ' +
      '(documented as required) or x-apigateway-authorizer, such as a plain `{type: apiKey, name: Authorization, ' +
      'in: header}` or an OpenAPI 3.0 `http` bearer scheme, names no authentication the gateway has: apig serve ' +
      'refuses to start rather than serve the API without authentication. AppCode simple authentication is available ' +
      'only for APP authentication (its HTTPS-only calling is the `appcode-https` warning). A backend ' +
      'authorizer cannot authenticate callers.',
  },
  create(ctx) {
    return {
      Api(site) {
        const { security } = site.api;
        if (!security) return;
        const defined = namesInFile(site.group, 'schemes');
        let unreadable = false;
        for (let r = 0; r < security.length; r++) {
          const requirement = security[r] as string[];
          for (let i = 0; i < requirement.length; i++) {
            const n = requirement[i] as string;
            if (!defined.has(n)) ctx.report(at(site), `security scheme "${n}" is not defined`);
            // A scheme left out of the model for an error in it is reported there.
            else if (isUnreadableScheme(site.model.securitySchemes.find((s) => s.name === n))) {
              unreadable = true;
              ctx.report(
                at(site),
                `security scheme "${n}" has neither x-apigateway-auth-type nor x-apigateway-authorizer, so the ` +
                  'gateway cannot tell its authentication (Extension Definitions: x-apigateway-auth-type, required ' +
                  'on a security scheme: AppSigv1 or IAM); apig serve will not serve it without authentication',
              );
            }
          }
        }
        if (security.length > 1)
          ctx.report(
            at(site),
            'APIG reads one security requirement per API; ' +
              'list the schemes of dual authentication in one requirement object',
          );
        const { auth } = site;
        let appCode = false;
        let backendAuthorizer = false;
        let gatewaySchemes = 0;
        for (const s of auth.schemes) {
          if (s.authOpt?.appCodeAuth === 'header') appCode = true;
          if (s.authorizer?.type === 'BACKEND') backendAuthorizer = true;
          if (s.authType !== undefined) gatewaySchemes++;
        }
        // With a scheme the gateway cannot read, the API's authentication is unknown: nothing follows from it.
        if (appCode && auth.type !== 'APP' && site.authComplete && !unreadable)
          ctx.report(
            at(site),
            'simple authentication (AppCode) is available only with APP authentication (User Guide §5.2.1)',
          );
        if (backendAuthorizer)
          ctx.report(
            at(site),
            'a BACKEND authorizer authorizes the gateway towards the backend; it cannot authenticate callers',
          );
        if (gatewaySchemes > 1)
          ctx.report(at(site), 'an API has one authentication type: name either an APP or an IAM scheme');
      },
    };
  },
} satisfies Rule;
