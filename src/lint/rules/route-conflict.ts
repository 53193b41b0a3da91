import type { Rule } from '../types.js';
import { apiSites } from '../sites.js';
import { effectiveMatchMode, requestPath } from '../../core/defaults.js';

/** `/a/{x}` and `/a/{y}` are the same shape; `{p+}` keeps its `+`. */
export function pathShape(path: string): string {
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
  check(ctx) {
    const first = new Map<string, { site: ReturnType<typeof apiSites>[number] }>();
    for (const site of apiSites(ctx.ws)) {
      const shape = pathShape(requestPath(site.model, site.api));
      const key = `${site.group.ref.name}\u0000${site.api.method}\u0000${effectiveMatchMode(site.api)}\u0000${shape}`;
      const prev = first.get(key);
      if (!prev) {
        first.set(key, { site });
        continue;
      }
      const a = prev.site;
      const where = (s: typeof site) => `${s.group.shown} ${s.api.method} ${s.api.path} (${s.api.name})`;
      ctx.report(
        { group: site.group, path: site.at },
        `route conflict: ${where(site)} matches the same requests as ${where(a)}`,
      );
      ctx.report(
        { group: a.group, path: a.at },
        `route conflict: ${where(a)} matches the same requests as ${where(site)}`,
      );
    }
  },
} satisfies Rule;
