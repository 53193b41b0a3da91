/** Reading a document's data at JSON pointers, for the rules that build fixes and for applying them. */
import { join, parsePointer } from '../../core/pointer.js';
import { isRecord } from '../../oas/codec.js';

/** The value at a pointer's segments (undefined where the data has nothing). */
export function valueIn(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const s of segments) {
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(s) ? node[Number(s)] : undefined;
    else if (isRecord(node)) node = Object.hasOwn(node, s) ? node[s] : undefined;
    else return undefined;
  }
  return node;
}

export const valueAt = (root: unknown, pointer: string): unknown => valueIn(root, parsePointer(pointer));

/**
 * Where an object written as a local `$ref` (`$ref: '#/parameters/id'`) is defined, or its own pointer when it is
 * not one. A reference to another file is not followed: a fix changes only the file it is about.
 */
export function definitionAt(root: unknown, pointer: string): { at: string; value: unknown } | undefined {
  const value = valueAt(root, pointer);
  if (!isRecord(value) || typeof value.$ref !== 'string') return { at: pointer, value };
  if (!value.$ref.startsWith('#')) return undefined;
  const at = join('', ...parsePointer(value.$ref));
  return { at, value: valueAt(root, at) };
}
