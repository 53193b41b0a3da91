/**
 * Importing a group into an existing one, with the console's semantics (api-model.md §7.1, 002 §5.2.8):
 * existing APIs are never deleted; an API whose name is taken is kept (or overwritten with --overwrite);
 * throttling and access-control policies with the same name are merged (kept) or overridden (extend mode).
 */
import type { Api, Group } from '../core/model.js';

export const EXTEND_MODES = ['merge', 'override'] as const;
export type ExtendMode = (typeof EXTEND_MODES)[number];

export interface MergeOptions {
  overwrite: boolean;
  extendMode: ExtendMode;
}

export interface MergeReport {
  added: string[];
  overwritten: string[];
  /** Incoming APIs not imported, with the reason. */
  skipped: Array<{ name: string; reason: string }>;
  policiesAdded: string[];
  policiesOverridden: string[];
  policiesKept: string[];
}

export function routeKey(api: Pick<Api, 'method' | 'path' | 'matchMode'>): string {
  return `${api.method} ${api.path} ${api.matchMode ?? 'NORMAL'}`;
}

function mergeNamed<T extends { name: string }>(kind: string, existing: readonly T[], incoming: readonly T[], mode: ExtendMode, report: MergeReport): T[] {
  const out = [...existing];
  for (const item of incoming) {
    const i = out.findIndex((e) => e.name === item.name);
    const label = `${kind} ${item.name}`;
    if (i < 0) {
      out.push(item);
      report.policiesAdded.push(label);
    } else if (mode === 'override') {
      out[i] = item;
      report.policiesOverridden.push(label);
    } else {
      report.policiesKept.push(label);
    }
  }
  return out;
}

export function mergeGroup(existing: Group, incoming: Group, options: MergeOptions): { group: Group; report: MergeReport } {
  const report: MergeReport = { added: [], overwritten: [], skipped: [], policiesAdded: [], policiesOverridden: [], policiesKept: [] };
  const apis = [...existing.apis];
  for (const api of incoming.apis) {
    const sameName = apis.findIndex((a) => a.name === api.name);
    const sameRoute = apis.findIndex((a) => routeKey(a) === routeKey(api) && a.name !== api.name);
    if (sameRoute >= 0 && !(options.overwrite && sameName >= 0)) {
      report.skipped.push({ name: api.name, reason: `API ${apis[sameRoute]?.name} already has ${routeKey(api)} (APIG.3301)` });
    } else if (sameName < 0) {
      apis.push(api);
      report.added.push(api.name);
    } else if (options.overwrite) {
      apis[sameName] = api;
      report.overwritten.push(api.name);
    } else {
      report.skipped.push({ name: api.name, reason: 'an API with this name exists (use --overwrite to replace it)' });
    }
  }
  const knownPaths = new Set(existing.pathItems.map((p) => p.path));
  const group: Group = {
    ...existing,
    apis,
    pathItems: [...existing.pathItems, ...incoming.pathItems.filter((p) => !knownPaths.has(p.path) && apis.some((a) => a.path === p.path))],
    securitySchemes: mergeNamed('security scheme', existing.securitySchemes, incoming.securitySchemes, options.extendMode, report),
    throttles: mergeNamed('throttle policy', existing.throttles, incoming.throttles, options.extendMode, report),
    acls: mergeNamed('access control policy', existing.acls, incoming.acls, options.extendMode, report),
    responses: mergeNamed('gateway response', existing.responses, incoming.responses, options.extendMode, report),
  };
  return { group, report };
}
