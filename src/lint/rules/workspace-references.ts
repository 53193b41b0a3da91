import type { Rule } from '../types.js';
import { join } from '../../core/pointer.js';
import { environmentNames } from '../../workspace/publish.js';
import { apiAuth } from '../../core/defaults.js';
import { apiSites } from '../sites.js';

/** Environment names: 3–64, letter first, letters, digits and underscores (SDK EnvCreate; RELEASE is built in). */
const ENV_NAME = /^[A-Za-z][A-Za-z0-9_]{2,63}$/;
/** Variable names: 3–32, letter first, letters, digits, `-` and `_` (x-apigateway.md, BackendApiCreate.url_domain). */
const VAR_NAME = /^[A-Za-z][A-Za-z0-9_-]{2,31}$/;

export default {
  meta: {
    id: 'workspace-references',
    category: 'workspace',
    description: 'apig.yaml is consistent: environment and variable names follow the documented patterns; publish, app authorizations and signature-key bindings name existing environments and APIs; apps authorize only APP-auth APIs.',
    source: '002 §5.5.1 (environments, variables), §5.2.4 and §6.1.1 (authorizations per environment; only APP-auth APIs), §5.6.1 (signature keys); x-apigateway.md "SDK model limits"',
    rationale: 'A name that matches no API or environment publishes or authorizes nothing, which shows up only as 404 or APIG.0304 at run time.',
  },
  check(ctx) {
    const { ws } = ctx;
    if (ws.implicit) return;
    const apiNames = new Set(ws.groups.flatMap((g) => g.model.apis.map((a) => a.name)));
    const envs = new Set(environmentNames(ws));
    for (const e of ws.environments) {
      if (e.name !== 'RELEASE' && !ENV_NAME.test(e.name)) ctx.report({ workspace: true, path: join('', 'environments', e.name) }, `environment name "${e.name}" must be 3–64 letters, digits or underscores, starting with a letter`);
      for (const v of Object.keys(e.variables)) {
        if (!VAR_NAME.test(v)) ctx.report({ workspace: true, path: join('', 'environments', e.name, 'variables', v) }, `variable name "${v}" must be 3–32 letters, digits, "-" or "_", starting with a letter`);
      }
    }
    const names = (map: Record<string, string[]>, base: string): void => {
      for (const [env, list] of Object.entries(map)) {
        if (!envs.has(env)) ctx.report({ workspace: true, path: join(base, env) }, `environment "${env}" is not defined under environments:`);
        list.forEach((n, i) => {
          if (n !== '*' && !apiNames.has(n)) ctx.report({ workspace: true, path: join(base, env, i) }, `no API is named "${n}"`);
        });
      }
    };
    names(ws.publish ?? {}, '/publish');
    ws.apps.forEach((a, i) => names(a.authorize, `/apps/${i}/authorize`));
    ws.signatureKeys.forEach((k, i) => names(k.bind, `/signatureKeys/${i}/bind`));
    const notApp = new Set(apiSites(ws).filter((s) => apiAuth(s.model, s.api).type !== 'APP').map((s) => s.api.name));
    ws.apps.forEach((a, i) => {
      for (const [env, list] of Object.entries(a.authorize)) {
        list.forEach((n, j) => {
          if (notApp.has(n)) ctx.report({ workspace: true, path: join('', 'apps', i, 'authorize', env, j) }, `${n} does not use APP authentication; only APP-auth APIs can be authorized to apps (002 §5.2.4)`);
        });
      }
    });
  },
} satisfies Rule;
