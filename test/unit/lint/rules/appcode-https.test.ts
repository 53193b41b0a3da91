/** appcode-https: an API with AppCode simple authentication that also accepts HTTP is a warning (never an error). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { APP, SCHEMES } from '../snippets.js';

const secured = (security: string, extra = '', root = SCHEMES): string =>
  spec(op({ extra: `${extra}      security: ${security}\n` }), root);
const HTTPS = '      schemes: [https]\n';

testRule('appcode-https', [
  { name: 'AppCode over HTTPS only', spec: secured('[{apig-auth-app-header: []}]', HTTPS, APP), findings: [] },
  {
    name: 'AppCode with HTTPS for the whole document',
    spec: spec(op({ extra: '      security: [{apig-auth-app-header: []}]\n' }), `${APP}schemes: [https]\n`),
    findings: [],
  },
  {
    name: 'AppCode accepting HTTP and HTTPS',
    spec: secured('[{apig-auth-app-header: []}]', '', APP),
    findings: [
      {
        message: 'AppCode simple authentication works only over HTTPS, but this API also accepts HTTP',
        at: '[{apig-auth-app-header',
      },
    ],
  },
  {
    name: 'AppCode with both schemes listed',
    spec: secured('[{apig-auth-app-header: []}]', '      schemes: [http, https]\n', APP),
    findings: [{ message: 'AppCode simple authentication works only over HTTPS', at: '[{apig-auth-app-header' }],
  },
  {
    name: "the operation schemes win over the document's",
    spec: spec(op({ extra: `${HTTPS}      security: [{apig-auth-app-header: []}]\n` }), `${APP}schemes: [http]\n`),
    findings: [],
  },
  { name: 'APP signature without AppCode over HTTP', spec: secured('[{apig-auth-app: []}]', '', APP), findings: [] },
]);
