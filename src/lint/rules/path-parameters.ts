import type { Param } from '../../core/model.js';
import type { Rule } from '../types.js';
import { paramPointer, pathParams } from '../sites.js';
import { pathParamName } from '../../core/defaults.js';
import { join } from '../../core/pointer.js';
import { declareFix, requiredFix } from '../fix/loader-fixes.js';

export default {
  meta: {
    id: 'path-parameters',
    category: 'paths',
    description:
      'Every {param} in the request path has a PATH parameter, and every PATH parameter appears in the path.',
    source:
      'User Guide §5.2.1 "Creating an API", table 5-6 ("a PATH parameter\'s name must ' +
      'equal the name in the request path"); FAQ (2021) §7.10 (APIG.2026, APIG.2027)',
    rationale: 'The console refuses an API whose path parameters and PATH parameter definitions differ.',
    fix:
      "A PATH parameter written with `required: false` gets `required: true`. A `{name}` of the Path Item's path " +
      'that no parameter declares (an `x-apigateway-any-method` operation, which Swagger tools do not check) is ' +
      'declared as `apig add api` declares it: `{name: x, in: path, required: true, type: string}`; not when a ' +
      'PATH parameter of the operation names no `{name}` of the path, nor for a `{name}` of the basePath. A PATH ' +
      'parameter that the path does not name needs a person to choose (rename it, or add it to the path).',
  },
  create(ctx) {
    return {
      Api(site) {
        const inPath = pathParams(site.requestPath);
        const params = site.api.params;
        for (let i = 0; i < inPath.length; i++) {
          const name = inPath[i] as string;
          if (!params.some((p) => p.location === 'PATH' && pathParamName(p.name) === name))
            ctx.report(
              { group: site.group, path: join(site.at, 'parameters') },
              `path parameter {${name}} has no definition: add a parameter with in: path and name: ${name}`,
              // Only for a {name} of the Path Item's own path: one of the basePath is the document's to declare.
              () => declareFix(site.group.raw, site.at, name),
            );
        }
        for (let i = 0; i < params.length; i++) {
          const p = params[i] as Param;
          if (p.location !== 'PATH') continue;
          if (!inPath.includes(pathParamName(p.name)))
            ctx.report(
              { group: site.group, path: `${paramPointer(site, p)}/name` },
              `PATH parameter "${p.name}" does not appear in the path ${site.api.path}`,
            );
          else if (p.required === false) {
            const at = `${paramPointer(site, p)}/required`;
            ctx.report({ group: site.group, path: at }, `PATH parameter "${p.name}" must be required`, () =>
              requiredFix(site.group.raw, at),
            );
          }
        }
      },
    };
  },
} satisfies Rule;
