import type { Rule } from '../types.js';
import { paramPointer } from '../sites.js';

/**
 * A default on a required parameter: the User Guide (§5.2.1, table 5-6) says a default is effective only when the
 * parameter is not required, so the gateway never uses it; nothing says the import refuses it. A warning, not an
 * error: the file imports, the default is dead text.
 */
export default {
  meta: {
    id: 'ignored-default',
    category: 'parameters',
    description: 'A required parameter with a default: the gateway uses a default only for optional parameters.',
    source: 'User Guide §5.2.1 "Creating an API", table 5-6 (default value: effective only when not required)',
    rationale:
      'The gateway adds a default to a request that lacks an optional parameter; a required one that is missing ' +
      'is refused (400 APIG.0201), so its default is never used. Remove the default, or make the parameter ' +
      'optional if the default is meant.',
  },
  create(ctx) {
    return {
      Param(p, site) {
        if (p.default === undefined || !p.required) return;
        if (p.location !== 'PATH' && p.location !== 'QUERY' && p.location !== 'HEADER') return;
        ctx.report(
          { group: site.group, path: `${paramPointer(site, p)}/default` },
          `parameter "${p.name}" is required, so its default is never used (User Guide §5.2.1)`,
        );
      },
    };
  },
} satisfies Rule;
