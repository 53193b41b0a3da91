import type { Param } from '../../core/model.js';
import type { Rule } from '../types.js';
import { paramPointer, pathParams } from '../sites.js';
import { pathParamName } from '../../core/defaults.js';
import { join } from '../../core/pointer.js';

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
          else if (p.required === false)
            ctx.report(
              { group: site.group, path: `${paramPointer(site, p)}/required` },
              `PATH parameter "${p.name}" must be required`,
            );
        }
      },
    };
  },
} satisfies Rule;
