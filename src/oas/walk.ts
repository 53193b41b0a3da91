/**
 * Walks a Swagger 2.0 / OpenAPI 3.0 document: its operations, and every `x-apigateway-*` key with its placement,
 * so that import and lint validate each extension where it stands.
 */
import { join } from '../core/pointer.js';
import { isRecord } from './codec.js';
import type { Placement } from './extensions/registry.js';

export const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
export const ANY_METHOD_KEY = 'x-apigateway-any-method';
/** Every Path Item key that holds an operation. */
export const OPERATION_ITEM_KEYS = [...OPERATION_KEYS, ANY_METHOD_KEY] as const;
const OPERATION_ITEM_KEY_SET: ReadonlySet<string> = new Set(OPERATION_ITEM_KEYS);

/** Whether a Path Item key holds an operation (a lower-case method or `x-apigateway-any-method`). */
export const isOperationItemKey = (key: string): key is OperationItemKey => OPERATION_ITEM_KEY_SET.has(key);

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
    for (const key of OPERATION_ITEM_KEYS) {
      const op = item[key];
      if (isRecord(op)) out.push({ path, key, op, at: join('', 'paths', path, key) });
    }
  }
  return out;
}

/**
 * A JSON pointer that is built only when asked for: its parent and its last key. Most extension values are valid
 * and never need theirs (`undefined` is the document root).
 */
export interface LazyPointer {
  readonly up: LazyPointer | undefined;
  readonly key: string | number;
}

const at = (up: LazyPointer | undefined, key: string | number): LazyPointer => ({ up, key });

/** The pointer of `key` under `up`. */
export const child = at;

export function pointerOf(p: LazyPointer | undefined, ...more: ReadonlyArray<string | number>): string {
  const keys: Array<string | number> = [];
  for (let n = p; n; n = n.up) keys.push(n.key);
  return join('', ...keys.reverse(), ...more);
}

/** Called with each `x-apigateway-*` key, its value, where it stands and the pointer of the object holding it. */
export type ExtensionVisitor = (
  name: string,
  value: unknown,
  placement: Placement,
  owner: LazyPointer | undefined,
) => void;

/** `x-apigateway...` in any case, without lower-casing every key of the document. */
function isApigExtension(key: string): boolean {
  if (key.startsWith('x-apigateway')) return true;
  return key.length >= 12 && (key.charCodeAt(0) | 32) === 120 && key.slice(0, 12).toLowerCase() === 'x-apigateway';
}

function extensionsOf(
  obj: unknown,
  owner: LazyPointer | undefined,
  placement: Placement,
  visit: ExtensionVisitor,
): void {
  if (!isRecord(obj)) return;
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (isApigExtension(k)) visit(k, obj[k], placement, owner);
  }
}

function parametersOf(params: unknown, owner: LazyPointer, visit: ExtensionVisitor): void {
  if (!Array.isArray(params)) return;
  for (let i = 0; i < params.length; i++) extensionsOf(params[i], at(owner, i), 'parameter', visit);
}

/** A Path Item key that holds an operation: a lower-case method or `x-apigateway-any-method`. */
export type OperationItemKey = (typeof OPERATION_ITEM_KEYS)[number];

/**
 * What one walk over `paths` tells each of its visitors, in document order: a Path Item, then its operations,
 * each followed by the keys of its Responses object. Import and lint make several checks per operation; one walk
 * lists each object's keys once for all of them (status codes are slow keys to list).
 */
export interface PathsVisitor {
  pathItem(item: Record<string, unknown>, at: LazyPointer, path: string): void;
  operation(op: Record<string, unknown>, at: LazyPointer, key: OperationItemKey): void;
  /** One key of the operation's Responses object (a status code, `default`, an extension...) and its value. */
  responseKey(code: string, value: unknown, responsesAt: LazyPointer, key: OperationItemKey): void;
}

export function walkPaths(doc: Record<string, unknown>, visitors: readonly PathsVisitor[]): void {
  const paths = doc.paths;
  if (!isRecord(paths)) return;
  const pathsAt = at(undefined, 'paths');
  // Indexed loops: this runs once per operation and response key, mostly before the JIT has seen it.
  const n = visitors.length;
  const keys = Object.keys(paths);
  for (let p = 0; p < keys.length; p++) {
    const path = keys[p] as string;
    const item = paths[path];
    if (!isRecord(item)) continue;
    const itemAt = at(pathsAt, path);
    for (let v = 0; v < n; v++) (visitors[v] as PathsVisitor).pathItem(item, itemAt, path);
    for (let k = 0; k < OPERATION_ITEM_KEYS.length; k++) {
      const key = OPERATION_ITEM_KEYS[k] as OperationItemKey;
      const op = item[key];
      if (!isRecord(op)) continue;
      const opAt = at(itemAt, key);
      for (let v = 0; v < n; v++) (visitors[v] as PathsVisitor).operation(op, opAt, key);
      const responses = op.responses;
      if (!isRecord(responses)) continue;
      const responsesAt = at(opAt, 'responses');
      const codes = Object.keys(responses);
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i] as string;
        const value = responses[code];
        for (let v = 0; v < n; v++) (visitors[v] as PathsVisitor).responseKey(code, value, responsesAt, key);
      }
    }
  }
}

/** The extensions under `paths`: of Path Items, operations, their parameters, responses and each response. */
export function extensionPathsVisitor(visit: ExtensionVisitor): PathsVisitor {
  return {
    pathItem(item, itemAt) {
      extensionsOf(item, itemAt, 'pathItem', visit);
      parametersOf(item.parameters, at(itemAt, 'parameters'), visit);
    },
    operation(op, opAt) {
      extensionsOf(op, opAt, 'operation', visit);
      parametersOf(op.parameters, at(opAt, 'parameters'), visit);
    },
    responseKey(code, value, responsesAt) {
      if (isApigExtension(code)) visit(code, value, 'responses', responsesAt);
      else if (!code.startsWith('x-')) extensionsOf(value, at(responsesAt, code), 'response', visit);
    },
  };
}

/** The extensions outside `paths`: of the document, its components, security schemes and shared parameters. */
export function forEachExtensionOutsidePaths(doc: Record<string, unknown>, visit: ExtensionVisitor): void {
  extensionsOf(doc, undefined, 'root', visit);
  const components = doc.components;
  const oas3 = isRecord(components);
  extensionsOf(components, at(undefined, 'components'), 'components', visit);
  const schemes = oas3 ? components.securitySchemes : doc.securityDefinitions;
  const schemesAt = oas3 ? at(at(undefined, 'components'), 'securitySchemes') : at(undefined, 'securityDefinitions');
  if (isRecord(schemes))
    for (const n of Object.keys(schemes)) extensionsOf(schemes[n], at(schemesAt, n), 'securityScheme', visit);
  const rootParams = oas3 ? components.parameters : doc.parameters;
  if (isRecord(rootParams)) {
    const base = oas3 ? at(at(undefined, 'components'), 'parameters') : at(undefined, 'parameters');
    for (const n of Object.keys(rootParams)) extensionsOf(rootParams[n], at(base, n), 'parameter', visit);
  }
}

/** Visits every `x-apigateway-*` key where import and lint read extensions. */
export function forEachExtension(doc: Record<string, unknown>, visit: ExtensionVisitor): void {
  forEachExtensionOutsidePaths(doc, visit);
  walkPaths(doc, [extensionPathsVisitor(visit)]);
}

export function extensionSites(doc: Record<string, unknown>): ExtensionSite[] {
  const out: ExtensionSite[] = [];
  forEachExtension(doc, (name, value, placement, owner) =>
    out.push({ name, value, at: pointerOf(owner, name), placement }),
  );
  return out;
}
