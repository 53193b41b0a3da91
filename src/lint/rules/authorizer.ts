import type { Rule } from '../types.js';
import { join } from '../../core/pointer.js';
import { schemePointer } from '../sites.js';

const AUTHORIZER_NAME = /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9_\u4e00-\u9fa5]{2,63}$/u;

export default {
  meta: {
    id: 'authorizer',
    category: 'auth',
    description: 'Custom authorizers: name pattern, identity sources when caching, TTL 0–3600 s.',
    source:
      'User Guide §5.8.1 "Creating a Custom Authorizer" (identity sources, cache 0–3600 s); ' +
      'Extension Definitions: x-apigateway-authorizer; API Reference: Creating a Custom Authorizer (name 3–64)',
    rationale:
      'A front-end authorizer with a cache time needs identity sources, since they are the cache key. ' +
      'The cache time is at most 3600 seconds. The scheme key is the authorizer name (3–64, letter first).',
  },
  create(ctx) {
    return {
      SecurityScheme(s, g) {
        const a = s.authorizer;
        if (!a) return;
        const at = (): string => join(schemePointer(g, s.name), 'x-apigateway-authorizer');
        if (!AUTHORIZER_NAME.test(s.name))
          ctx.report(
            { group: g, path: schemePointer(g, s.name) },
            `authorizer name "${s.name}" must be 3–64 letters, digits or underscores, starting with a letter`,
          );
        if (a.ttl !== undefined && (a.ttl < 0 || a.ttl > 3600))
          ctx.report({ group: g, path: `${at()}/ttl` }, `ttl ${a.ttl} is outside 0–3600 seconds (User Guide §5.8.1)`);
        if (a.type === 'FRONTEND' && (a.ttl ?? 0) !== 0 && (a.identities ?? []).length === 0) {
          ctx.report(
            { group: g, path: at() },
            'a front-end authorizer with a cache time needs identity sources: ' +
              'they are the cache key (User Guide §5.8.1)',
          );
        }
      },
    };
  },
} satisfies Rule;
