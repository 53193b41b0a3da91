import type { Rule } from '../types.js';
import { pathParamName } from '../../core/defaults.js';
import { paramPointer } from '../sites.js';

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
      'Creating an API (request and backend parameter names); User Guide §5.2.1 (HEADER names are ' +
      'case-insensitive, also when backend names are compared for duplicates, table 5-12)',
    rationale:
      'The console refuses other names. Two parameters with the same name in one location ' +
      '(HEADER names compared case-insensitively) make the mapping ambiguous; so do two backend parameters of ' +
      'one backend (the default backend and each policy backend have their own).',
  },
  create(ctx) {
    const bad = (what: string, name: string): string =>
      `${what} name "${name}" must be 1–32 characters, start with a letter, and use letters, digits, "-", "_", "."`;
    // Names seen in the current API, per location (HEADER names compared case-insensitively).
    // Few per API: a list reused from API to API, `count` long.
    const seen: string[] = [];
    let count = 0;
    return {
      Api() {
        count = 0;
      },
      Param(p, site) {
        if (p.location === 'BODY' || p.location === 'FORMDATA') return;
        if (!PARAM_NAME.test(p.location === 'PATH' ? pathParamName(p.name) : p.name))
          ctx.report({ group: site.group, path: `${paramPointer(site, p)}/name` }, bad('parameter', p.name));
        const key = `${p.location}:${p.location === 'HEADER' ? p.name.toLowerCase() : p.name}`;
        const first = seen.indexOf(key);
        if (first >= 0 && first < count)
          ctx.report(
            { group: site.group, path: `${paramPointer(site, p)}/name` },
            `parameter "${p.name}" is defined twice in ${p.location}`,
          );
        seen[count++] = key;
      },
      Backend(b) {
        // Per backend (the default one, each policy backend): HEADER names compared case-insensitively
        // (User Guide §5.2.1, table 5-12).
        const keys: string[] = [];
        b.backend.params?.forEach((bp, i) => {
          if (!PARAM_NAME.test(bp.name))
            ctx.report(
              { group: b.site.group, path: `${b.at}/parameters/${i}/name` },
              bad('backend parameter', bp.name),
            );
          const key = `${bp.location}:${bp.location === 'HEADER' ? bp.name.toLowerCase() : bp.name}`;
          if (keys.includes(key))
            ctx.report(
              { group: b.site.group, path: `${b.at}/parameters/${i}/name` },
              `backend parameter "${bp.name}" is defined twice in ${bp.location}`,
            );
          keys.push(key);
        });
      },
    };
  },
} satisfies Rule;
