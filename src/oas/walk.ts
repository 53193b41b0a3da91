/**
 * Walks a Swagger 2.0 / OpenAPI 3.0 document and reports every `x-apigateway-*` key with its placement,
 * so that import and lint validate each extension where it stands.
 */
import { join } from '../core/pointer.js';
import { isRecord } from './codec.js';
import type { Placement } from './extensions/registry.js';

export const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
export const ANY_METHOD_KEY = 'x-apigateway-any-method';

export interface ExtensionSite {
  name: string;
  value: unknown;
  /** JSON pointer of the value. */
  at: string;
  placement: Placement;
}

export interface OperationSite {
  path: string;
  /** Path-item key: a lower-case method or `x-apigateway-any-method`. */
  key: string;
  op: Record<string, unknown>;
  at: string;
}

export function operations(doc: Record<string, unknown>): OperationSite[] {
  const out: OperationSite[] = [];
  const paths = doc.paths;
  if (!isRecord(paths)) return out;
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const key of [...OPERATION_KEYS, ANY_METHOD_KEY]) {
      const op = item[key];
      if (isRecord(op)) out.push({ path, key, op, at: join('', 'paths', path, key) });
    }
  }
  return out;
}

function extensionsOf(obj: unknown, at: string, placement: Placement, out: ExtensionSite[]): void {
  if (!isRecord(obj)) return;
  for (const [k, v] of Object.entries(obj)) {
    if (k.toLowerCase().startsWith('x-apigateway')) out.push({ name: k, value: v, at: join(at, k), placement });
  }
}

export function extensionSites(doc: Record<string, unknown>): ExtensionSite[] {
  const out: ExtensionSite[] = [];
  extensionsOf(doc, '', 'root', out);
  const components = doc.components;
  extensionsOf(components, '/components', 'components', out);
  const schemes = isRecord(components) ? components.securitySchemes : doc.securityDefinitions;
  const schemesAt = isRecord(components) ? '/components/securitySchemes' : '/securityDefinitions';
  if (isRecord(schemes))
    for (const [n, s] of Object.entries(schemes)) extensionsOf(s, join(schemesAt, n), 'securityScheme', out);
  if (isRecord(doc.paths)) {
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!isRecord(item)) continue;
      const itemAt = join('', 'paths', path);
      extensionsOf(item, itemAt, 'pathItem', out);
      parametersOf(item.parameters, join(itemAt, 'parameters'), out);
    }
  }
  for (const { op, at } of operations(doc)) {
    extensionsOf(op, at, 'operation', out);
    parametersOf(op.parameters, join(at, 'parameters'), out);
    if (isRecord(op.responses)) {
      extensionsOf(op.responses, join(at, 'responses'), 'responses', out);
      for (const [code, r] of Object.entries(op.responses))
        if (!code.startsWith('x-')) extensionsOf(r, join(at, 'responses', code), 'response', out);
    }
  }
  const rootParams = isRecord(components) ? components.parameters : doc.parameters;
  if (isRecord(rootParams)) {
    const base = isRecord(components) ? '/components/parameters' : '/parameters';
    for (const [n, p] of Object.entries(rootParams)) extensionsOf(p, join(base, n), 'parameter', out);
  }
  return out;
}

function parametersOf(params: unknown, at: string, out: ExtensionSite[]): void {
  if (!Array.isArray(params)) return;
  for (const [i, p] of params.entries()) extensionsOf(p, join(at, i), 'parameter', out);
}
