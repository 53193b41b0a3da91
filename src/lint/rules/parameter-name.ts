import type { Rule } from '../types.js';
import { pathParamName } from '../../core/defaults.js';
import { apiSites, backendsOf, paramPointer } from '../sites.js';

/** ReqParamBase / BackendParamBase name: 1–32, starts with a letter; letters, digits, `-`, `_`, `.`. */
export const PARAM_NAME = /^[A-Za-z][A-Za-z0-9._-]{0,31}$/;

export default {
  meta: {
    id: 'parameter-name',
    category: 'names',
    description:
      'Request and backend parameter names are 1–32 characters, start with a letter, ' +
      'and use letters, digits, `-`, `_`, `.`; names are unique per location.',
    source:
      'Extension Definitions: x-apigateway-backend.parameters; API Reference: ' +
      'Creating an API (request and backend parameter names); User Guide §5.2.1 (HEADER names are case-insensitive)',
    rationale:
      'The console refuses other names. Two parameters with the same name in one location ' +
      '(HEADER names compared case-insensitively) make the mapping ambiguous.',
  },
  check(ctx) {
    for (const site of apiSites(ctx.ws)) {
      const seen = new Set<string>();
      for (const p of site.api.params) {
        if (p.location === 'BODY' || p.location === 'FORMDATA') continue;
        const at = paramPointer(site, p);
        if (!PARAM_NAME.test(p.location === 'PATH' ? pathParamName(p.name) : p.name))
          ctx.report(
            { group: site.group, path: `${at}/name` },
            `parameter name "${p.name}" must be 1–32 characters, ` +
              `start with a letter, and use letters, digits, "-", "_", "."`,
          );
        const key = `${p.location}:${p.location === 'HEADER' ? p.name.toLowerCase() : p.name}`;
        if (seen.has(key))
          ctx.report(
            { group: site.group, path: `${at}/name` },
            `parameter "${p.name}" is defined twice in ${p.location}`,
          );
        seen.add(key);
      }
      for (const { backend, at } of backendsOf(site)) {
        backend.params?.forEach((bp, i) => {
          if (!PARAM_NAME.test(bp.name))
            ctx.report(
              { group: site.group, path: `${at}/parameters/${i}/name` },
              `backend parameter name "${bp.name}" must be 1–32 characters, ` +
                `start with a letter, and use letters, digits, "-", "_", "."`,
            );
        });
      }
    }
  },
} satisfies Rule;
