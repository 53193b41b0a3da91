/**
 * Fixes of findings the loader reports while it reads a group file (swagger-schema), worked out from the file's
 * data at the finding's pointer: a path parameter without `required: true`, and a `{name}` of the path that no
 * parameter declares. Each is offered only where the data shows exactly that problem, and the one fix for it.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import { pathParamName } from '../../core/defaults.js';
import { join, parsePointer } from '../../core/pointer.js';
import type { Workspace } from '../../core/workspace-model.js';
import { isRecord } from '../../oas/codec.js';
import { placeholderNames } from '../../oas/spec-checks.js';
import { definitionAt, valueIn } from './data.js';
import type { Fix, FixEdit } from './types.js';

export function loaderFix(d: Diagnostic, ws: Workspace | undefined): Fix | undefined {
  if (d.code !== 'swagger-schema' || ws === undefined) return undefined;
  const group = ws.groups.find((g) => g.shown === d.source);
  if (!group || !isRecord(group.raw)) return undefined;
  // The message says which of the semantic checks (src/oas/spec-checks.ts) this is; the data must show it too.
  if (d.message.includes('needs required: true')) return requiredFix(group.raw, d.path);
  if (d.message.includes('declares no path parameter for')) return declareFix(group.raw, d.path);
  return undefined;
}

const isPathIn = (v: unknown): boolean => typeof v === 'string' && v.toLowerCase() === 'path';

/** `required: true` on the path parameter at `pointer` (its entry, or its `required`), where it is defined. */
export function requiredFix(root: unknown, pointer: string): Fix | undefined {
  const entry = pointer.endsWith('/required') ? pointer.slice(0, -'/required'.length) : pointer;
  const def = definitionAt(root, entry);
  if (!def || !isRecord(def.value) || !isPathIn(def.value.in) || def.value.required === true) return undefined;
  const was = Object.hasOwn(def.value, 'required') ? { was: def.value.required } : {};
  return {
    description: 'set required: true (a path parameter is always required)',
    edits: [{ op: 'set', path: `${def.at}/required`, ...was, value: true }],
  };
}

/** The names of the path parameters a list declares (local `$ref`s followed); undefined if one cannot be read. */
export function declaredPathNames(root: unknown, list: unknown, at: string): string[] | undefined {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return undefined;
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const def = definitionAt(root, join(at, i));
    if (!def || !isRecord(def.value)) return undefined;
    if (!isPathIn(def.value.in)) continue;
    if (typeof def.value.name !== 'string') return undefined;
    out.push(pathParamName(def.value.name));
  }
  return out;
}

/** A path parameter as `apig add api` declares one: a string, required. */
export function pathParameter(root: Record<string, unknown>, name: string): Record<string, unknown> {
  return typeof root.openapi === 'string'
    ? { name, in: 'path', required: true, schema: { type: 'string' } }
    : { name, in: 'path', required: true, type: 'string' };
}

/**
 * The parameters an operation lacks for the `{name}`s of its path, declared as `apig add api` declares them:
 * `{name, in: path, required: true, type: string}` (OpenAPI 3.0: `schema: {type: string}`). Not offered when a path
 * parameter of the operation names no placeholder: that one is probably the name meant, misspelt. With `name`, only
 * when that one is among them (a finding about one `{name}`).
 */
export function declareFix(root: unknown, opPointer: string, name?: string): Fix | undefined {
  const segments = parsePointer(opPointer);
  if (segments.length !== 3 || segments[0] !== 'paths' || !isRecord(root)) return undefined;
  const path = segments[1] as string;
  const item = valueIn(root, segments.slice(0, 2));
  const op = valueIn(root, segments);
  if (!isRecord(item) || !isRecord(op)) return undefined;
  const own = declaredPathNames(root, op.parameters, join(opPointer, 'parameters'));
  const shared = declaredPathNames(root, item.parameters, join('', 'paths', path, 'parameters'));
  if (own === undefined || shared === undefined) return undefined;
  const names = placeholderNames(path);
  const declared = [...own, ...shared];
  if (declared.some((n) => !names.includes(n))) return undefined;
  const missing = names.filter((n) => !declared.includes(n));
  if (missing.length === 0 || (name !== undefined && !missing.includes(name))) return undefined;
  const params = missing.map((name) => pathParameter(root, name));
  const edits: FixEdit[] = Array.isArray(op.parameters)
    ? params.map((value) => ({ op: 'add', path: join(opPointer, 'parameters', '-'), value }))
    : [{ op: 'add', path: join(opPointer, 'parameters'), value: params }];
  return {
    description:
      `declare ${missing.length === 1 ? 'the path parameter' : 'the path parameters'} ${missing.join(', ')} ` +
      '(in: path, required: true, type: string)',
    edits,
  };
}
