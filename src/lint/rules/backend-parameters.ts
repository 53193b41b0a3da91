import type { BackendSite, Rule } from '../types.js';
import { pathParams } from '../sites.js';
import { declaredParam, pathParamName } from '../../core/defaults.js';
import type { Backend, BackendParam, Param } from '../../core/model.js';

/**
 * SDK BackendParamBase.value for origin SYSTEM (x-apigateway.md §8.1) plus the documented apiName/reqPath/reqMethod.
 */
const SYSTEM_VALUES = [
  'sourceIp',
  'stage',
  'apiId',
  'apiName',
  'appId',
  'appName',
  'requestId',
  'serverAddr',
  'serverName',
  'handleTime',
  'providerAppId',
  'member_group_name',
  'member_group_id',
  'reqPath',
  'reqUri',
  'reqMethod',
];

function backendPath(b: Backend): string | undefined {
  switch (b.type) {
    case 'HTTP':
      return b.http.path;
    case 'HTTP-VPC':
      return b.vpc.path;
    case 'HTTP-VPC-MEMBER-GROUP':
      return b.memberGroup.memberGroupUrlInfos[0]?.path;
    default:
      return undefined;
  }
}

/** The name a front-end parameter is known by: a greedy PATH parameter declared as `p+` binds `p`. */
const frontName = (f: Param): string => (f.location === 'PATH' ? pathParamName(f.name) : f.name);

/** A field of the backend parameter at index `i` (worked out only for a finding). */
const at = (b: BackendSite, i: number, field: string): string => `${b.at}/parameters/${i}/${field}`;

export default {
  meta: {
    id: 'backend-parameters',
    category: 'backends',
    description:
      'Backend PATH parameters appear in the backend path (and each {param} there is mapped); ' +
      'REQUEST parameters refer to existing front-end parameters; SYSTEM values are documented $context variables, ' +
      'front-end authorizer values only with a front-end authorizer.',
    source:
      'User Guide §5.2.1 "Creating an API", steps 3–5 (backend, constant and system parameters: "for PATH, ' +
      'the name must equal the name in the backend path"); Extension Definitions: x-apigateway-backend.parameters',
    rationale:
      'A mapping from a front-end parameter that does not exist, ' +
      'or into a path segment that does not exist, cannot be saved; an unknown system parameter has no value.',
  },
  create(ctx) {
    return {
      Backend(b) {
        const { site } = b;
        const front = site.api.params;
        const path = backendPath(b.backend);
        const inPath = path === undefined ? [] : pathParams(path);
        const params = b.backend.params ?? [];
        for (let i = 0; i < params.length; i++) {
          const p = params[i] as BackendParam;
          if (p.location === 'PATH' && path !== undefined && !inPath.includes(p.name))
            ctx.report(
              { group: site.group, path: at(b, i, 'name') },
              `backend PATH parameter "${p.name}" does not appear in the backend path ${path}`,
            );
          if (p.origin === 'REQUEST' && declaredParam(front, p.value) === undefined) {
            ctx.report(
              { group: site.group, path: at(b, i, 'value') },
              `backend parameter "${p.name}" maps front-end parameter "${p.value}", ` +
                `which ${site.api.name} does not define`,
            );
          }
          if (p.origin === 'SYSTEM') {
            const m = /^\$context\.(.+)$/.exec(p.value);
            const name = m?.[1] ?? '';
            if (!SYSTEM_VALUES.includes(name) && !/^authorizer\.(frontend|backend)\.[A-Za-z0-9_-]+$/.test(name)) {
              ctx.report(
                { group: site.group, path: at(b, i, 'value') },
                `system parameter "${p.value}" is not a documented $context variable ` +
                  `(e.g. $context.sourceIp, $context.requestId, $context.authorizer.frontend.<key>)`,
              );
            } else if (
              name.startsWith('authorizer.frontend.') &&
              site.auth.authorizer === undefined &&
              site.authComplete
            ) {
              // APIG.2036 "Only APIs with authorizer can have authorizer parameters" (001 §7.10; 002 §5.2.1 step 5).
              ctx.report(
                { group: site.group, path: at(b, i, 'value') },
                `system parameter "${p.value}" needs custom (or dual) authentication: ` +
                  `only APIs with a front-end authorizer have its context`,
              );
            }
          }
        }
        for (const name of inPath) {
          const mapped = params.some((p) => p.location === 'PATH' && p.name === name);
          const passthrough = params.length === 0 && front.some((f) => f.location === 'PATH' && frontName(f) === name);
          if (!mapped && !passthrough)
            ctx.report(
              { group: site.group, path: `${b.endpointAt}/path` },
              `backend path parameter {${name}} is not mapped: add a backend parameter with in: PATH and name: ${name}`,
            );
        }
      },
    };
  },
} satisfies Rule;
