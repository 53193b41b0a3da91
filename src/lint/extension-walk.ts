/**
 * The `x-apigateway-*` keys of a group file, where import reads them (the places and the order of
 * forEachExtension in oas/walk.ts), for lint rules that look inside extension values. One array of pointer
 * segments is pushed and popped as the walk goes, instead of an object per node: a rule builds a pointer only
 * when it has a finding, and most values have none.
 */
import { isRecord } from '../oas/codec.js';
import { OPERATION_ITEM_KEYS } from '../oas/walk.js';

export interface ExtensionWalker {
  /**
   * An `x-apigateway-*` key and its value. `segments` is the pointer of the value (its last segment is the
   * key): the walk's own array, valid during the call only (copy it, or push and pop back to its length).
   */
  extension(name: string, value: unknown, segments: Array<string | number>): void;
  /** An operation, after its extensions; `segments` as above, ending with its Path Item key. */
  operation?(op: Record<string, unknown>, segments: Array<string | number>): void;
  /**
   * A parameter object (of an operation, a Path Item, or the root or components map of shared ones), after its
   * extensions; `segments` as above, ending with its index or name.
   */
  parameter?(param: Record<string, unknown>, segments: Array<string | number>): void;
}

/** `x-apigateway...` in any case, without lower-casing every key of the document. */
function isApigExtension(key: string): boolean {
  if (key.startsWith('x-apigateway')) return true;
  return key.length >= 12 && (key.charCodeAt(0) | 32) === 120 && key.slice(0, 12).toLowerCase() === 'x-apigateway';
}

function extensionsOf(obj: unknown, segments: Array<string | number>, walker: ExtensionWalker): void {
  if (!isRecord(obj)) return;
  // for-in lists an object's keys in the order of Object.keys without making an array of them.
  for (const k in obj) {
    if (!isApigExtension(k) || !Object.hasOwn(obj, k)) continue;
    segments.push(k);
    walker.extension(k, obj[k], segments);
    segments.pop();
  }
}

/** The extensions of a parameter object, then the parameter itself. */
function parameterOf(p: unknown, segments: Array<string | number>, walker: ExtensionWalker): void {
  extensionsOf(p, segments, walker);
  if (walker.parameter && isRecord(p)) walker.parameter(p, segments);
}

/** The extensions of each parameter of a list (`parameters` of a Path Item or an operation). */
function eachListed(list: unknown, key: string, segments: Array<string | number>, walker: ExtensionWalker): void {
  if (!Array.isArray(list)) return;
  segments.push(key);
  for (let i = 0; i < list.length; i++) {
    segments.push(i);
    parameterOf(list[i], segments, walker);
    segments.pop();
  }
  segments.pop();
}

/** The extensions of each object of a map (`securityDefinitions`; the root `parameters`, which are parameters). */
function eachNamed(
  map: unknown,
  key: string,
  segments: Array<string | number>,
  walker: ExtensionWalker,
  parameters = false,
): void {
  if (!isRecord(map)) return;
  segments.push(key);
  for (const n of Object.keys(map)) {
    segments.push(n);
    if (parameters) parameterOf(map[n], segments, walker);
    else extensionsOf(map[n], segments, walker);
    segments.pop();
  }
  segments.pop();
}

function operationOf(op: Record<string, unknown>, segments: Array<string | number>, walker: ExtensionWalker): void {
  extensionsOf(op, segments, walker);
  eachListed(op.parameters, 'parameters', segments, walker);
  const responses = op.responses;
  if (isRecord(responses)) {
    segments.push('responses');
    const codes = Object.keys(responses);
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as string;
      if (isApigExtension(code)) {
        segments.push(code);
        walker.extension(code, responses[code], segments);
        segments.pop();
      } else if (!code.startsWith('x-')) {
        segments.push(code);
        extensionsOf(responses[code], segments, walker);
        segments.pop();
      }
    }
    segments.pop();
  }
  walker.operation?.(op, segments);
}

/** Walks the document: the root, components, security schemes, shared parameters, then `paths`. */
export function walkExtensions(doc: Record<string, unknown>, walker: ExtensionWalker): void {
  const segments: Array<string | number> = [];
  extensionsOf(doc, segments, walker);
  const components = doc.components;
  const oas3 = isRecord(components);
  if (oas3) {
    segments.push('components');
    extensionsOf(components, segments, walker);
    eachNamed(components.securitySchemes, 'securitySchemes', segments, walker);
    eachNamed(components.parameters, 'parameters', segments, walker, true);
    segments.pop();
  } else {
    eachNamed(doc.securityDefinitions, 'securityDefinitions', segments, walker);
    eachNamed(doc.parameters, 'parameters', segments, walker, true);
  }
  const paths = doc.paths;
  if (!isRecord(paths)) return;
  segments.push('paths');
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isRecord(item)) continue;
    segments.push(path);
    extensionsOf(item, segments, walker);
    eachListed(item.parameters, 'parameters', segments, walker);
    for (let i = 0; i < OPERATION_ITEM_KEYS.length; i++) {
      const key = OPERATION_ITEM_KEYS[i] as string;
      const op = item[key];
      if (!isRecord(op)) continue;
      segments.push(key);
      operationOf(op, segments, walker);
      segments.pop();
    }
    segments.pop();
  }
}
