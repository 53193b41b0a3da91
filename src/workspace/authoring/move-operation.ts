/**
 * An operation moved to another method or path by `apig edit api`. Where it can, its key is renamed in the text
 * (the method in its path item; the path when the item holds nothing else and the new path is free), so that
 * its bytes stay as written; otherwise it is taken out of its path item and written under the new one, with the
 * path-level parameters it inherited, which it would lose there.
 */
import type { Api } from '../../core/model.js';
import { isRecord } from '../../oas/codec.js';
import { isOperationItemKey } from '../../oas/walk.js';
import { operationKey } from '../../oas/decode-operation.js';
import { getIn, mapAt, setIn } from './data-edit.js';
import { type KeyRename, removeOperation } from './definitions.js';
import type { Obj } from './json-edit.js';

const paramKey = (p: unknown): string =>
  isRecord(p) ? `${String(p.in ?? '').toLowerCase()}\u0000${String(p.name ?? '')}` : '';

/** The data edit of the move, and the keys to rename in the text after it. */
export function moveOperation(
  root: Obj,
  from: { path: string; method: Api['method'] },
  to: Api,
  op: unknown,
): KeyRename[] {
  const oldKey = operationKey(from.method);
  const newKey = operationKey(to.method);
  const item = getIn(root, ['paths', from.path]);
  const others = isRecord(item) ? Object.keys(item).filter((k) => isOperationItemKey(k) && k !== oldKey) : [];
  const paths = getIn(root, ['paths']);
  const free = isRecord(paths) && !Object.hasOwn(paths, to.path);
  const keyRenames: KeyRename[] = oldKey === newKey ? [] : [{ path: ['paths', from.path], old: oldKey, name: newKey }];
  if (to.path === from.path || (others.length === 0 && free)) {
    setIn(root, ['paths', from.path, oldKey], op);
    return to.path === from.path ? keyRenames : [...keyRenames, { path: ['paths'], old: from.path, name: to.path }];
  }
  const shared = isRecord(item) && Array.isArray(item.parameters) ? item.parameters : [];
  let moved = op;
  if (shared.length > 0 && isRecord(op)) {
    const own = Array.isArray(op.parameters) ? op.parameters : [];
    const mine = new Set(own.map(paramKey));
    moved = { ...op, parameters: [...shared.filter((p) => !mine.has(paramKey(p))), ...own] };
  }
  removeOperation(root, ['paths', from.path, oldKey]);
  mapAt(root, ['paths', to.path])[newKey] = moved;
  return [];
}
