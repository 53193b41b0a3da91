/**
 * Everything in one run (apig lint): a document with schema errors is decoded from what is valid. Each error
 * leaves out the smallest part that holds it and that the model can do without: an operation (with its
 * parameters and extension values), a Path Item (its parameters belong to every operation under it), or one named
 * entry of a root map (a throttling policy, a definition...). The errors themselves are reported as they are; the
 * rules then run on the rest. An error about the document itself (a missing `info`) leaves nothing out: the
 * decoder copes with it or says so.
 */
import { join, parsePointer } from '../core/pointer.js';
import { isRecord } from './codec.js';
import { isOperationItemKey, OPERATION_ITEM_KEYS } from './walk.js';

/** Root maps whose entries are named and independent (Swagger 2.0 and OpenAPI 3.0 `components`). */
const NAMED_ROOT_MAPS: ReadonlySet<string> = new Set([
  'definitions',
  'parameters',
  'responses',
  'securityDefinitions',
  'x-apigateway-ratelimits',
  'x-apigateway-access-controls',
  'x-apigateway-responses',
  'x-apigateway-plugins',
]);

export interface Pruned {
  /** The document without the parts that hold errors (the input is not changed: what it shares is not mutated). */
  value: Record<string, unknown>;
  /** JSON pointers of the parts left out, in document order of the errors. */
  omitted: string[];
  /** Names of the APIs (operationIds) left out, so that references to them are not reported as unknown. */
  omittedApis: string[];
}

/** The segments of the part an error at `pointer` leaves out; none for an error about the document itself. */
export function partOf(segments: readonly string[]): readonly string[] | undefined {
  const [top, a, b] = segments;
  if (top === undefined) return undefined;
  if (top === 'paths') {
    if (a === undefined) return ['paths'];
    if (b !== undefined && isOperationItemKey(b)) return ['paths', a, b];
    return ['paths', a];
  }
  if (top === 'components') {
    if (a === undefined) return ['components'];
    return b === undefined ? ['components', a] : ['components', a, b];
  }
  if (NAMED_ROOT_MAPS.has(top) && a !== undefined) return [top, a];
  return [top];
}

/** Copies the containers along `segments` (copy-on-write) and deletes the last one. */
function without(doc: Record<string, unknown>, segments: readonly string[]): Record<string, unknown> {
  const root = { ...doc };
  let node: Record<string, unknown> = root;
  for (const [i, seg] of segments.entries()) {
    if (i === segments.length - 1) {
      delete node[seg];
      break;
    }
    const next = node[seg];
    if (!isRecord(next)) break;
    const copy = { ...next };
    node[seg] = copy;
    node = copy;
  }
  return root;
}

/** The document without every part that holds one of the `errors` pointers. */
export function pruneAt(doc: Record<string, unknown>, errors: readonly string[]): Pruned {
  const parts = new Map<string, readonly string[]>();
  for (const pointer of errors) {
    const part = partOf(parsePointer(pointer));
    if (part) parts.set(join('', ...part), part);
  }
  let value = doc;
  const omittedApis: string[] = [];
  for (const part of parts.values()) {
    // An ancestor already left out covers this part.
    if ([...parts.values()].some((p) => p !== part && p.length < part.length && p.every((s, i) => s === part[i])))
      continue;
    for (const op of operationsUnder(value, part))
      if (typeof op.operationId === 'string') omittedApis.push(op.operationId);
    value = without(value, part);
  }
  return { value, omitted: [...parts.keys()], omittedApis };
}

function operationsUnder(doc: Record<string, unknown>, part: readonly string[]): Array<Record<string, unknown>> {
  if (part[0] !== 'paths' || part[1] === undefined) return [];
  const item = isRecord(doc.paths) ? doc.paths[part[1]] : undefined;
  if (!isRecord(item)) return [];
  const keys: readonly string[] = part[2] === undefined ? OPERATION_ITEM_KEYS : [part[2]];
  return keys.map((k) => item[k]).filter(isRecord);
}
