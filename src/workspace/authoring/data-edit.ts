/**
 * Edits of a file's data, written back touching only what changed: the text is read as plain data, changed
 * by a function, and brought to the result by reconcile.ts (comments, key order and formatting survive
 * wherever the content did not change). What `apig edit`, `remove`, `rename`, `bind` and `publish` write.
 */
import { isMap, isPair, isScalar, stringify } from 'yaml';
import { ApigError } from '../../core/errors.js';
import { deepEqual, isRecord, setOwn } from '../../oas/codec.js';
import type { TextFormat } from '../../oas/source.js';
import { jsonAt, jsonTextLike, parseJson, type KeyPath, type Obj } from './json-edit.js';
import { reconcileText } from './reconcile.js';
import { parse, RENDER } from './text-edit.js';

/** The text as plain data (aliases resolved). */
export function dataOf(text: string, format: TextFormat): unknown {
  if (format === 'json') return parseJson(text);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const doc = parse(body);
  return doc.toJS({ maxAliasCount: -1 }) as unknown;
}

/** `mutate` changes a copy of the data (or returns a new root); the text is brought to it with minimal edits. */
export function editData(text: string, format: TextFormat, mutate: (root: Obj) => Obj | undefined): string {
  const data = dataOf(text, format);
  if (!isRecord(data)) throw new ApigError('input', 'cannot edit: the file does not hold a map');
  // A copy in which no two places share an object (an alias reads as its anchor's very object): a change made at
  // one place stays there, and reconcile.ts writes the aliases of an anchor it changes out as copies.
  const copy = unshared(data) as Obj;
  const next = mutate(copy) ?? copy;
  return deepEqual(data, next) ? text : reconcileText(text, format, next);
}

/** A deep copy in which no two places share an object; every key an own property (`__proto__` included). */
export function unshared(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unshared);
  if (isRecord(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, unshared(x));
    return out;
  }
  return v;
}

export function getIn(root: unknown, path: KeyPath): unknown {
  return jsonAt(root, path);
}

/** The map at `path`, created (with its parents) when missing. */
export function mapAt(root: Obj, path: KeyPath): Obj {
  let node: Obj = root;
  for (const k of path) {
    const next = node[String(k)];
    if (!isRecord(next)) node[String(k)] = {};
    node = node[String(k)] as Obj;
  }
  return node;
}

/** Sets the value at `path`; missing maps on the way are created (RELEASE edited where apig.yaml has no entry). */
export function setIn(root: Obj, path: KeyPath, value: unknown): void {
  const up = path.slice(0, -1);
  const holder = getIn(root, up);
  const last = path[path.length - 1];
  if (Array.isArray(holder)) holder[Number(last)] = value;
  else if (isRecord(holder)) holder[String(last)] = value;
  else if (up.every((k) => typeof k === 'string')) mapAt(root, up)[String(last)] = value;
}

/** A map with `old` renamed to `name`, its place among the keys kept. */
export function renameKeyOf(map: Obj, old: string, name: string): Obj {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k === old ? name : k, v]));
}

/**
 * Renames a key of the map at `path` in place: the key's own bytes change (YAML), so the entry keeps its place,
 * its comments and its formatting; JSON is rewritten with the keys in their order.
 */
export function renameKeyInText(text: string, format: TextFormat, path: KeyPath, old: string, name: string): string {
  if (format === 'json') {
    const root = parseJson(text);
    const holder = path.length === 0 ? root : jsonAt(root, path.slice(0, -1));
    const last = path[path.length - 1];
    const map = path.length === 0 ? root : isRecord(holder) ? holder[String(last)] : undefined;
    if (!isRecord(map) || !Object.hasOwn(map, old)) return text;
    const renamed = renameKeyOf(map, old, name);
    return editDataJson(text, path, renamed, root);
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const bom = body === text ? '' : '\uFEFF';
  const doc = parse(body);
  const node: unknown = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(node)) return text;
  for (const item of node.items) {
    if (!isPair(item) || !isScalar(item.key) || String(item.key.value) !== old || !item.key.range) continue;
    const [start, end] = item.key.range;
    return bom + body.slice(0, start) + stringify(name, RENDER).trimEnd() + body.slice(end);
  }
  return text;
}

function editDataJson(text: string, path: KeyPath, map: Obj, root: unknown): string {
  let next: unknown = map;
  if (path.length > 0) {
    const holder = jsonAt(root, path.slice(0, -1));
    if (isRecord(holder)) holder[String(path[path.length - 1])] = map;
    next = root;
  }
  return jsonTextLike(text, next);
}

/** Elements of a list are matched by `name` (and `in`, for parameters) when every one has a string name. */
function keyOf(v: unknown): string | undefined {
  if (!isRecord(v) || typeof v.name !== 'string') return undefined;
  return typeof v.in === 'string' ? `${v.in.toLowerCase()}\u0000${v.name}` : v.name;
}

const keyed = (list: readonly unknown[]): boolean => list.every((v) => keyOf(v) !== undefined);

/**
 * What was written (`raw`) with the change from `before` to `after` applied, and nothing else: keys neither
 * side has (a description, an extension the questions do not ask about) stay as written. Lists of named
 * entries (parameters, policy backends) change entry by entry; other lists are replaced when they differ.
 */
export function applyDelta(raw: unknown, before: unknown, after: unknown): unknown {
  if (deepEqual(before, after)) return raw;
  if (isRecord(before) && isRecord(after) && isRecord(raw)) {
    const out: Obj = { ...raw };
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      // What the answers did not change stays as written, even where the file leaves a default unwritten.
      if (Object.hasOwn(before, k) && Object.hasOwn(after, k) && deepEqual(before[k], after[k])) continue;
      if (!Object.hasOwn(after, k)) delete out[k];
      else if (!Object.hasOwn(before, k) || !Object.hasOwn(raw, k)) out[k] = after[k];
      else out[k] = applyDelta(raw[k], before[k], after[k]);
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after) && Array.isArray(raw) && keyed(before) && keyed(after)) {
    const beforeKeys = new Map(before.map((v) => [keyOf(v), v]));
    const afterKeys = new Map(after.map((v) => [keyOf(v), v]));
    const out: unknown[] = [];
    for (const r of raw) {
      const k = keyOf(r);
      if (k === undefined || !beforeKeys.has(k)) out.push(r);
      else if (afterKeys.has(k)) out.push(applyDelta(r, beforeKeys.get(k), afterKeys.get(k)));
    }
    const written = new Set(raw.map(keyOf));
    for (const a of after) if (!written.has(keyOf(a))) out.push(a);
    return out;
  }
  return after;
}
