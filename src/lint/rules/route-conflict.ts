import type { ApiSite, Rule } from '../types.js';
import { effectiveMatchMode } from '../../core/defaults.js';

/** `/a/{x}` and `/a/{y}` are the same shape; `{p+}` keeps its `+`. */
export function pathShape(path: string): string {
  if (!path.includes('{')) return path;
  return path.replace(/\{[^{}]*?(\+?)\}/g, '{$1}');
}

export default {
  meta: {
    id: 'route-conflict',
    category: 'routes',
    description: 'No two APIs in one group match the same requests: same method, match mode and path shape.',
    source:
      'API Reference: Importing APIs (APIG.3301: "An API with the same combination of the method, ' +
      'path and match mode already exists"); docs/rulings.md "Route precedence"',
    rationale:
      'The console refuses the second API, and the gateway could not choose between them. ' +
      'A specific method next to ANY on the same path is not a conflict: the specific one wins.',
  },
  create(ctx) {
    const first = new Map<string, ApiSite>();
    const where = (s: ApiSite) => `${s.group.shown} ${s.api.method} ${s.api.path} (${s.api.name})`;
    return {
      Api(site) {
        const shape = pathShape(site.requestPath);
        const key = `${site.group.ref.name}\u0000${site.api.method}\u0000${effectiveMatchMode(site.api)}\u0000${shape}`;
        const a = first.get(key);
        if (!a) {
          first.set(key, site);
          return;
        }
        ctx.report(
          { group: site.group, path: site.at },
          `route conflict: ${where(site)} matches the same requests as ${where(a)}`,
        );
        ctx.report(
          { group: a.group, path: a.at },
          `route conflict: ${where(a)} matches the same requests as ${where(site)}`,
        );
      },
    };
  },
} satisfies Rule;
