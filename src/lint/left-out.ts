/**
 * What a group file holds that its model may not: lint builds the model from what is valid and leaves out the parts
 * that hold schema errors (reported where they stand). A rule must not take what was left out for what is missing:
 * a reference to an invalid policy is not a reference to nothing.
 */
import type { LoadedGroup } from '../core/workspace-model.js';
import { isRecord } from '../oas/codec.js';
import { operationKey } from '../oas/decode-operation.js';
import { OPERATION_ITEM_KEYS } from '../oas/walk.js';

/** The root maps of named entries, as written (OpenAPI 3.0 holds two of them under `components`). */
export type NamedMap = 'schemes' | 'throttles' | 'acls' | 'responses';

const namesCache = new WeakMap<LoadedGroup, Map<NamedMap, ReadonlySet<string>>>();

/** The names a group file defines in one of its root maps, whether or not they made it into the model. */
export function namesInFile(group: LoadedGroup, map: NamedMap): ReadonlySet<string> {
  let byMap = namesCache.get(group);
  if (!byMap) namesCache.set(group, (byMap = new Map()));
  let names = byMap.get(map);
  if (!names) {
    const raw = isRecord(group.raw) ? group.raw : {};
    const components = group.model.format === 'oas3' && isRecord(raw.components) ? raw.components : {};
    const where: Record<NamedMap, unknown> = {
      schemes: group.model.format === 'oas3' ? components.securitySchemes : raw.securityDefinitions,
      throttles: raw['x-apigateway-ratelimits'],
      acls: raw['x-apigateway-access-controls'],
      responses: group.model.format === 'oas3' ? components['x-apigateway-responses'] : raw['x-apigateway-responses'],
    };
    const found = where[map];
    const modelNames = {
      schemes: group.model.securitySchemes,
      throttles: group.model.throttles,
      acls: group.model.acls,
      responses: group.model.responses,
    }[map].map((e) => e.name);
    names = new Set([...modelNames, ...(isRecord(found) ? Object.keys(found) : [])]);
    byMap.set(map, names);
  }
  return names;
}

/** An operation of the group file that is not in the model: lint left it out for an error in it. */
export interface LeftOutOperation {
  path: string;
  /** Path-item key: a lower-case method or `x-apigateway-any-method`. */
  key: string;
  op: Record<string, unknown>;
}

const leftOutCache = new WeakMap<LoadedGroup, LeftOutOperation[]>();

/** The operations of the group file that are not in the model. */
export function leftOutOperations(group: LoadedGroup): readonly LeftOutOperation[] {
  let out = leftOutCache.get(group);
  if (!out) {
    const paths = isRecord(group.raw) && isRecord(group.raw.paths) ? group.raw.paths : {};
    // Each operation is decoded whole or left out: as many as the model holds means none was left out.
    out = countOperations(paths) === group.model.apis.length ? [] : operationsNotIn(paths, group);
    leftOutCache.set(group, out);
  }
  return out;
}

function countOperations(paths: Record<string, unknown>): number {
  let n = 0;
  const keys = Object.keys(paths);
  for (let i = 0; i < keys.length; i++) {
    const item = paths[keys[i] as string];
    if (!isRecord(item)) continue;
    for (let k = 0; k < OPERATION_ITEM_KEYS.length; k++) if (isRecord(item[OPERATION_ITEM_KEYS[k] as string])) n++;
  }
  return n;
}

function operationsNotIn(paths: Record<string, unknown>, group: LoadedGroup): LeftOutOperation[] {
  const inModel = new Set(group.model.apis.map((a) => `${a.path}\u0000${operationKey(a.method)}`));
  const out: LeftOutOperation[] = [];
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isRecord(item)) continue;
    for (const key of OPERATION_ITEM_KEYS) {
      const op = item[key];
      if (isRecord(op) && !inModel.has(`${path}\u0000${key}`)) out.push({ path, key, op });
    }
  }
  return out;
}
