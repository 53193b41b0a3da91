/**
 * The fix of cors-preflight: the OPTIONS API a CORS path lacks, in the shape the User Guide gives for it (§5.2.2
 * "Enabling CORS"): the same path, in the same group, with the same protocol, CORS on, no authentication and a Mock
 * backend. The gateway then answers the browser's preflight with the documented CORS headers. Worked out once per
 * group for every path that lacks one, so that two CORS APIs of one path get the same API (the second fix then
 * finds it there) and no two new APIs share a name.
 */
import { append } from '../../core/append.js';
import { effectiveMatchMode } from '../../core/defaults.js';
import { join } from '../../core/pointer.js';
import type { LoadedGroup } from '../../core/workspace-model.js';
import { isRecord } from '../../oas/codec.js';
import { placeholderNames } from '../../oas/spec-checks.js';
import { operations } from '../../oas/walk.js';
import type { ApiSite } from '../types.js';
import { valueAt } from './data.js';
import { declaredPathNames, pathParameter } from './loader-fixes.js';
import type { Fix } from './types.js';

/** API names (operationIds) the group file uses, whether or not they made it into the model. */
function namesUsed(group: LoadedGroup): Set<string> {
  const names = new Set(group.model.apis.map((a) => a.name));
  if (isRecord(group.raw))
    for (const { op } of operations(group.raw)) if (typeof op.operationId === 'string') names.add(op.operationId);
  return names;
}

/** `preflight_users_id` for /users/{id}: letters, digits and `-_.` of the path's segments (API names allow them). */
function nameFor(path: string, used: Set<string>): string {
  const slug = path
    .split('/')
    .map((s) => s.replace(/[^A-Za-z0-9\u4e00-\u9fa5._-]/gu, ''))
    .filter((s) => s !== '')
    .join('_')
    .slice(0, 200);
  const base = `preflight_${slug === '' ? 'root' : slug}`;
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
  used.add(name);
  return name;
}

/**
 * The path parameters the new API declares: each `{name}` of the path that the Path Item does not declare for all
 * its operations, as a required string (a preflight carries the path the browser will call, whatever it holds).
 */
function pathParameters(raw: Record<string, unknown>, path: string, item: Record<string, unknown>): unknown[] {
  const shared = declaredPathNames(raw, item.parameters, join('', 'paths', path, 'parameters')) ?? [];
  return placeholderNames(path)
    .filter((n) => !shared.includes(n))
    .map((n) => pathParameter(raw, n));
}

/** The operation-level `schemes` of the APIs, each once, in order: the protocol the new API must accept. */
function schemesOf(raw: unknown, sites: readonly ApiSite[]): unknown[] {
  const out: unknown[] = [];
  for (const s of sites) {
    const op = valueAt(raw, s.at);
    const schemes = isRecord(op) ? op.schemes : undefined;
    if (!Array.isArray(schemes)) continue;
    for (const x of schemes)
      if (typeof x === 'string' && !out.some((o) => String(o).toLowerCase() === x.toLowerCase())) out.push(x);
  }
  return out;
}

/**
 * For each path of `missing` (the CORS APIs that need a preflight no OPTIONS API covers), the fix that adds its
 * OPTIONS API; none for a path whose Path Item has an `options` operation already (turning CORS on there, or
 * changing its backend, is the author's choice).
 */
export function preflightFixes(group: LoadedGroup, missing: readonly ApiSite[]): Map<string, Fix> {
  const byPath = new Map<string, ApiSite[]>();
  for (const s of missing) append(byPath, s.api.path, s);
  const raw = group.raw;
  const used = namesUsed(group);
  const rootSecurity = isRecord(raw) ? raw.security : undefined;
  const out = new Map<string, Fix>();
  for (const [path, sites] of byPath) {
    const item = valueAt(raw, join('', 'paths', path));
    if (!isRecord(raw) || !isRecord(item) || Object.hasOwn(item, 'options')) continue;
    const name = nameFor(path, used);
    const parameters = pathParameters(raw, path, item);
    const schemes = schemesOf(raw, sites);
    const op = {
      operationId: name,
      // An API without `security` would get the document's: the preflight API has none (User Guide §5.2.2).
      ...(Array.isArray(rootSecurity) && rootSecurity.length > 0 ? { security: [] } : {}),
      ...(schemes.length > 0 ? { schemes } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      responses: { '200': { description: 'CORS preflight' } },
      'x-apigateway-cors': true,
      // A prefix-match API is called on paths below its own: its preflight must match them too.
      ...(sites.some((s) => effectiveMatchMode(s.api) === 'SWA') ? { 'x-apigateway-match-mode': 'SWA' } : {}),
      'x-apigateway-backend': { type: 'MOCK', mockEndpoints: { 'result-content': '' } },
    };
    out.set(path, {
      description: `add the OPTIONS API ${name} on ${path} (CORS on, no authentication, a Mock backend)`,
      edits: [{ op: 'add', path: join('', 'paths', path, 'options'), value: op }],
    });
  }
  return out;
}
