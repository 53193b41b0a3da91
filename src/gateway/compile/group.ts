/**
 * Compiles one group of a workspace: its APIs (parameters, authentication, a backend plan and bound policies per
 * environment) and a router per environment, with diagnostics about what cannot be served as written.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, ServeCode } from '../../core/diagnostic.js';
import { apiAuth, isUnreadableScheme, requestPath, requestProtocol } from '../../core/defaults.js';
import type { Api, Group } from '../../core/model.js';
import { pointer } from '../../core/pointer.js';
import type { LoadedGroup, Workspace } from '../../core/workspace-model.js';
import { isPublished } from '../../workspace/publish.js';
import { compileBackend } from '../backends/compile.js';
import { traditionalProblems } from '../throttle/policy.js';
import { bindPolicies } from './bindings.js';
import type { CompiledApi, CompiledGroup } from './compiled.js';
import { parsePattern } from './route-pattern.js';
import { Router } from './router.js';

const HANDLED = new Set(['PATH', 'QUERY', 'HEADER']);

export function apiPointer(api: Api): string {
  return pointer('paths', api.path, api.method === 'ANY' ? 'x-apigateway-any-method' : api.method.toLowerCase());
}

/** A diagnostic about a group file, positioned (file:line:col) by the loader's source map. */
function groupDiagnostic(
  loaded: LoadedGroup,
  code: ServeCode,
  severity: Diagnostic['severity'],
  path: string,
  message: string,
): Diagnostic {
  const range = loaded.rangeOf(path);
  return { code, severity, message, path, source: loaded.shown, ...(range ? { range } : {}) };
}

function stableId(group: string, api: string): string {
  return createHash('sha256').update(`${group}\u0000${api}`).digest('hex').slice(0, 32);
}

/**
 * What stops an API's `security` from being served as written: a scheme the group does not define, or one with
 * neither x-apigateway-auth-type nor x-apigateway-authorizer (x-apigateway.md §1, §16).
 */
function securityProblem(model: Group, api: Api): string | undefined {
  for (const n of api.security?.flat() ?? []) {
    const scheme = model.securitySchemes.find((s) => s.name === n);
    if (scheme === undefined)
      return (
        `names the security scheme ${JSON.stringify(n)}, which the group does not define: ` +
        'the gateway cannot import it, and apig will not serve it without authentication'
      );
    if (isUnreadableScheme(scheme))
      return (
        `names the security scheme ${JSON.stringify(n)}, which has neither x-apigateway-auth-type nor ` +
        'x-apigateway-authorizer: the gateway cannot tell its authentication (Extension Definitions: ' +
        'x-apigateway-auth-type), and apig will not serve it without authentication'
      );
  }
  return undefined;
}

export function compileGroup(
  loaded: LoadedGroup,
  ws: Workspace,
  envs: string[],
  varsOf: (env: string) => Record<string, string>,
  diagnostics: Diagnostic[],
  localDomain: string,
): CompiledGroup {
  const model = loaded.model;
  const group: CompiledGroup = {
    name: loaded.ref.name,
    file: loaded.file,
    domains: loaded.ref.domains,
    localDomain,
    routers: new Map(),
    responses: new Map(model.responses.map((r) => [r.name, r])),
  };
  // Root `schemes` are not modelled; the import keeps them as an extra field.
  const rootSchemes = Array.isArray(model.kept?.extra?.schemes)
    ? (model.kept.extra.schemes as unknown[]).map(String)
    : undefined;
  const compiled = model.apis.map((api): CompiledApi => {
    const responseSet = api.gatewayResponse ?? 'default';
    if (responseSet !== 'default' && !group.responses.has(responseSet)) {
      diagnostics.push(
        groupDiagnostic(
          loaded,
          'serve-unknown-response',
          'warn',
          `${apiPointer(api)}/x-apigateway-response`,
          `API ${api.name} uses gateway response ${responseSet}, ` +
            `which the group does not define; the default one answers`,
        ),
      );
    }
    const unusable = securityProblem(model, api);
    if (unusable !== undefined) {
      // The import refuses the file or cannot tell the authentication (lint `security`); served, the API would
      // answer without authentication.
      diagnostics.push(
        groupDiagnostic(
          loaded,
          'serve-security',
          'error',
          `${apiPointer(api)}/security`,
          `API ${api.name} ${unusable}`,
        ),
      );
    }
    const auth = apiAuth(model, api);
    const backendAuthorizer = auth.schemes.find((s) => s.authorizer?.type === 'BACKEND');
    const frontendAuthorizer = auth.schemes.find((s) => s.name === auth.authorizer);
    return {
      api,
      group,
      id: stableId(group.name, api.name),
      path: requestPath(model, api),
      protocol: requestProtocol(api, rootSchemes),
      responseSet,
      params: api.params.filter((p) => HANDLED.has(p.location)),
      backendParams: api.backend?.params ?? [],
      backends: new Map(),
      auth,
      cors: api.cors === true,
      bound: new Map(),
      ...(frontendAuthorizer ? { frontendAuthorizer } : {}),
      ...(backendAuthorizer ? { backendAuthorizer } : {}),
    };
  });
  for (const p of model.throttles)
    for (const [field, message] of traditionalProblems(p))
      diagnostics.push(
        groupDiagnostic(
          loaded,
          'serve-policy',
          'error',
          `${pointer('x-apigateway-ratelimits', p.name)}/${field}`,
          `throttle policy ${p.name}: ${message}`,
        ),
      );
  for (const env of envs) {
    const published = compiled.filter((c) => isPublished(ws, env, c.api));
    if (published.length === 0) continue;
    for (const c of published) {
      const input = { env, vars: varsOf(env), workspace: ws };
      const backend = compileBackend(c.api.backend, input, c.api.sendFgBodyBase64);
      c.backends.set(env, backend);
      for (const w of backend.warnings) {
        diagnostics.push(
          groupDiagnostic(
            loaded,
            'serve-backend',
            'warn',
            `${apiPointer(c.api)}/x-apigateway-backend`,
            `API ${c.api.name} in ${env}: ${w}`,
          ),
        );
      }
      c.bound.set(
        env,
        bindPolicies(c.api, model, env, input, (message) => {
          diagnostics.push(
            groupDiagnostic(
              loaded,
              'serve-policy',
              'warn',
              apiPointer(c.api),
              `API ${c.api.name} in ${env}: ${message}`,
            ),
          );
        }),
      );
    }
    const router = new Router(
      published.map((c) => ({ pattern: parsePattern(c.path, c.api.method, c.api.matchMode ?? 'NORMAL'), value: c })),
    );
    for (const { first, second } of router.conflicts) {
      diagnostics.push(
        groupDiagnostic(
          loaded,
          'serve-duplicate-route',
          'error',
          apiPointer(second.value.api),
          `APIs ${first.value.api.name} (${first.pattern.method} ${first.pattern.path}) ` +
            `and ${second.value.api.name} (${second.pattern.method} ${second.pattern.path}) answer the same requests ` +
            `(${second.pattern.mode === 'NORMAL' ? 'exact' : 'prefix'} match) in ${env}; ` +
            `change or remove one (docs/rulings.md, Route precedence)`,
        ),
      );
    }
    group.routers.set(env, router);
  }
  return group;
}
