import type { Rule } from '../types.js';
import { namesInFile } from '../left-out.js';
import { join } from '../../core/pointer.js';

export default {
  meta: {
    id: 'security',
    category: 'auth',
    description:
      'Security requirements name defined schemes; simple auth (AppCode) only with APP auth; ' +
      'dual auth pairs APP or IAM with a front-end authorizer.',
    source:
      'Extension Definitions: x-apigateway-auth-type, x-apigateway-auth-opt, x-apigateway-authorizer; User Guide ' +
      '§5.2.1 (simple authentication only for APP)',
    rationale:
      'A requirement naming an undefined scheme cannot be imported. AppCode simple authentication is available ' +
      'only for APP authentication (its HTTPS-only calling is the `appcode-https` warning). A backend ' +
      'authorizer cannot authenticate callers.',
  },
  create(ctx) {
    return {
      Api(site) {
        const { security } = site.api;
        if (!security) return;
        const at = (): string => join(site.at, 'security');
        for (const n of security.flat()) {
          if (!namesInFile(site.group, 'schemes').has(n))
            ctx.report({ group: site.group, path: at() }, `security scheme "${n}" is not defined`);
        }
        if (security.length > 1)
          ctx.report(
            { group: site.group, path: at() },
            'APIG reads one security requirement per API; ' +
              'list the schemes of dual authentication in one requirement object',
          );
        const { auth } = site;
        const schemes = auth.schemes;
        if (schemes.some((s) => s.authOpt?.appCodeAuth === 'header') && auth.type !== 'APP' && site.authComplete)
          ctx.report(
            { group: site.group, path: at() },
            'simple authentication (AppCode) is available only with APP authentication (User Guide §5.2.1)',
          );
        if (schemes.some((s) => s.authorizer?.type === 'BACKEND'))
          ctx.report(
            { group: site.group, path: at() },
            'a BACKEND authorizer authorizes the gateway towards the backend; it cannot authenticate callers',
          );
        const gatewaySchemes = schemes.filter((s) => s.authType !== undefined);
        if (gatewaySchemes.length > 1)
          ctx.report(
            { group: site.group, path: at() },
            'an API has one authentication type: name either an APP or an IAM scheme',
          );
      },
    };
  },
} satisfies Rule;
