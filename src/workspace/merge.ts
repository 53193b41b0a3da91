/**
 * Importing a group into an existing one, with the console's semantics (api-model.md §7.1, 002 §5.2.8):
 * existing APIs are never deleted; an API whose name is taken is kept (or overwritten with --overwrite);
 * throttling and access-control policies with the same name are merged (kept) or overridden (extend mode).
 */
import type { Api, Group } from '../core/model.js';
import { isRecord } from '../oas/codec.js';

import { EXTEND_MODES, type ExtendMode } from '../core/vocabulary.js';

export { EXTEND_MODES, type ExtendMode };

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

function mergeNamed<T extends { name: string }>(
  kind: string,
  existing: readonly T[],
  incoming: readonly T[],
  mode: ExtendMode,
  report: MergeReport,
): T[] {
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

/** Root objects that `$ref`s point into (Swagger 2.0 `#/definitions/...`, OpenAPI 3.0 `#/components/...`). */
const SHARED = ['definitions', 'parameters', 'responses', 'components'] as const;

/** `cur` with the entries of `add` it lacks (at `depth` 1, map entries are merged the same way). */
function addMissing(cur: unknown, add: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = isRecord(cur) ? { ...cur } : {};
  for (const [k, v] of Object.entries(add)) {
    if (!Object.hasOwn(out, k)) out[k] = v;
    else if (depth > 0 && isRecord(v)) out[k] = addMissing(out[k], v, depth - 1);
  }
  return out;
}

/**
 * The imported APIs may `$ref` the imported file's definitions: entries the group lacks are added (an entry of
 * the same name in the group is kept, like its APIs), so that no reference dangles after the merge.
 */
function withSharedObjects(existing: Group, incoming: Group): Group['kept'] {
  const from = incoming.kept?.extra ?? {};
  let extra = existing.kept?.extra;
  let order = existing.kept?.order;
  for (const key of SHARED) {
    const add = from[key];
    if (!isRecord(add)) continue;
    const cur = extra?.[key];
    // `components` holds maps of its own (schemas, parameters...): those are merged one level down.
    const merged = key === 'components' ? addMissing(cur, add, 1) : addMissing(cur, add, 0);
    extra = { ...extra, [key]: merged };
    if (order && !order.includes(key)) order = [...order, key];
  }
  if (extra === existing.kept?.extra) return existing.kept;
  return { ...existing.kept, extra, ...(order ? { order } : {}) };
}

export function mergeGroup(
  existing: Group,
  incoming: Group,
  options: MergeOptions,
): { group: Group; report: MergeReport } {
  const report: MergeReport = {
    added: [],
    overwritten: [],
    skipped: [],
    policiesAdded: [],
    policiesOverridden: [],
    policiesKept: [],
  };
  const apis = [...existing.apis];
  for (const api of incoming.apis) {
    const sameName = apis.findIndex((a) => a.name === api.name);
    const sameRoute = apis.findIndex((a) => routeKey(a) === routeKey(api) && a.name !== api.name);
    if (sameRoute >= 0 && !(options.overwrite && sameName >= 0)) {
      report.skipped.push({
        name: api.name,
        reason: `API ${apis[sameRoute]?.name} already has ${routeKey(api)} (APIG.3301)`,
      });
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
  const kept = withSharedObjects(existing, incoming);
  const group: Group = {
    ...existing,
    ...(kept ? { kept } : {}),
    apis,
    pathItems: [
      ...existing.pathItems,
      ...incoming.pathItems.filter((p) => !knownPaths.has(p.path) && apis.some((a) => a.path === p.path)),
    ],
    securitySchemes: mergeNamed(
      'security scheme',
      existing.securitySchemes,
      incoming.securitySchemes,
      options.extendMode,
      report,
    ),
    throttles: mergeNamed('throttle policy', existing.throttles, incoming.throttles, options.extendMode, report),
    acls: mergeNamed('access control policy', existing.acls, incoming.acls, options.extendMode, report),
    responses: mergeNamed('gateway response', existing.responses, incoming.responses, options.extendMode, report),
  };
  return { group, report };
}
