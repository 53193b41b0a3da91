import type { Rule, RuleContext } from '../types.js';
import { join } from '../../core/pointer.js';
import { namesInFile } from '../left-out.js';
import { RELEASE } from '../../core/workspace-model.js';

/** Environment names: 3–64, letter first, letters, digits and underscores (SDK EnvCreate; RELEASE is built in). */
const ENV_NAME = /^[A-Za-z][A-Za-z0-9_]{2,63}$/;
/** Variable names: 3–32, letter first, letters, digits, `-` and `_` (x-apigateway.md, BackendApiCreate.url_domain). */
const VAR_NAME = /^[A-Za-z][A-Za-z0-9_-]{2,31}$/;

export default {
  meta: {
    id: 'workspace-references',
    category: 'workspace',
    description:
      'apig.yaml is consistent: environment and variable names follow the documented patterns; ' +
      'publish, app authorizations, signature-key and throttle 2.0 bindings and policy `bindings` ' +
      'name existing environments, APIs and policies; apps authorize only APP-auth APIs.',
    source:
      'User Guide §5.5.1 "Creating an Environment and Environment Variables", ' +
      '§5.2.4 "Authorizing an API" and §6.1.1 "Creating an App and Getting Authorized" ' +
      '(authorizations per environment; only APP-auth APIs), §5.6.1 "Creating and Using a Signature Key"; ' +
      'API Reference: Creating an Environment, Creating an API (environment and variable names)',
    rationale:
      'A name that matches no API or environment publishes or authorizes nothing, ' +
      'which shows up only as 404 or APIG.0304 at run time. An environment exists when it is RELEASE or is ' +
      'listed under `environments:`: naming one under `publish:` does not create it, so `RELAESE: ["*"]` is an ' +
      'error, not a new environment.',
  },
  create(ctx) {
    const { ws } = ctx;
    if (ws.implicit) return {};
    // The APIs without APP authentication, gathered on the walk, for the apps' authorizations.
    const notApp = new Set<string>();
    return {
      Workspace() {
        checkNames(ctx);
      },
      Api(site) {
        if (site.auth.type !== 'APP' && site.authComplete) notApp.add(site.api.name);
      },
      leave: {
        Workspace() {
          ws.apps.forEach((a, i) => {
            for (const [env, list] of Object.entries(a.authorize)) {
              list.forEach((n, j) => {
                if (notApp.has(n))
                  ctx.report(
                    { workspace: true, path: join('', 'apps', i, 'authorize', env, j) },
                    `${n} does not use APP authentication; ` +
                      'only APP-auth APIs can be authorized to apps (User Guide §5.2.4)',
                  );
              });
            }
          });
        },
      },
    };
  },
} satisfies Rule;

/**
 * Environment and variable names, and every name apig.yaml refers to. An environment exists when it is RELEASE
 * (built in) or listed under `environments:`: naming one under `publish:` does not create it (User Guide §5.5.1).
 * An API exists when a group defines it, even if lint left it out of the model for an error in its operation.
 */
function checkNames(ctx: RuleContext): void {
  const { ws } = ctx;
  const apiNames = new Set(ws.groups.flatMap((g) => [...g.model.apis.map((a) => a.name), ...(g.omittedApis ?? [])]));
  const envs = new Set([RELEASE, ...ws.environments.map((e) => e.name)]);
  for (const e of ws.environments) {
    if (e.name !== RELEASE && !ENV_NAME.test(e.name))
      ctx.report(
        { workspace: true, path: join('', 'environments', e.name) },
        `environment name "${e.name}" must be 3–64 letters, digits or underscores, starting with a letter`,
      );
    for (const v of Object.keys(e.variables)) {
      if (!VAR_NAME.test(v))
        ctx.report(
          { workspace: true, path: join('', 'environments', e.name, 'variables', v) },
          `variable name "${v}" must be 3–32 letters, digits, "-" or "_", starting with a letter`,
        );
    }
  }
  const names = (map: Record<string, string[]>, base: string): void => {
    for (const [env, list] of Object.entries(map)) {
      if (!envs.has(env))
        ctx.report(
          { workspace: true, path: join(base, env) },
          `environment "${env}" is not defined under environments:`,
        );
      list.forEach((n, i) => {
        if (n !== '*' && !apiNames.has(n))
          ctx.report({ workspace: true, path: join(base, env, i) }, `no API is named "${n}"`);
      });
    }
  };
  names(ws.publish ?? {}, '/publish');
  for (const [i, a] of ws.apps.entries()) names(a.authorize, `/apps/${i}/authorize`);
  for (const [i, k] of ws.signatureKeys.entries()) names(k.bind, `/signatureKeys/${i}/bind`);
  for (const t of ws.throttles ?? []) names(t.bind, join('', 'throttles', t.name, 'bind'));
  checkBindings(ctx, envs);
}

/** `bindings: {ENV: {API: {throttle, acl}}}`: the environment, the API and the policies, in the API's group. */
function checkBindings(ctx: RuleContext, envs: ReadonlySet<string>): void {
  const { ws } = ctx;
  const report = (path: string, message: string): void => ctx.report({ workspace: true, path }, message);
  for (const [env, apis] of Object.entries(ws.bindings ?? {})) {
    if (!envs.has(env)) report(join('', 'bindings', env), `environment "${env}" is not defined under environments:`);
    for (const [name, b] of Object.entries(apis)) {
      const at = join('', 'bindings', env, name);
      const groups = ws.groups.filter(
        (g) => g.model.apis.some((a) => a.name === name) || (g.omittedApis ?? []).includes(name),
      );
      if (groups.length === 0) report(at, `no API is named "${name}"`);
      for (const g of groups) {
        if (typeof b.throttle === 'string' && !namesInFile(g, 'throttles').has(b.throttle)) {
          report(
            join(at, 'throttle'),
            `throttle policy "${b.throttle}" is not defined in x-apigateway-ratelimits of group ${g.ref.name}`,
          );
        }
        (b.acl ?? []).forEach((acl, i) => {
          if (!namesInFile(g, 'acls').has(acl))
            report(
              join(at, 'acl', i),
              `access control policy "${acl}" is not defined in x-apigateway-access-controls of group ${g.ref.name}`,
            );
        });
      }
    }
  }
}
