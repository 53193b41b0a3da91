/**
 * What refers to a thing, found in the files' data: apig.yaml's publish, authorize, bindings, signature-key
 * and throttle 2.0 lists name APIs and environments; operations name throttling and access control policies;
 * throttle specials name apps. `remove` refuses while references remain (or drops them with --force), `rename`
 * follows them.
 */
import type { Workspace } from '../../core/workspace-model.js';
import { isRecord } from '../../oas/codec.js';
import { isOperationItemKey } from '../../oas/walk.js';
import type { KeyPath, Obj } from './json-edit.js';
import { getIn } from './data-edit.js';
import type { Thing } from './things.js';

/**
 * One reference: a list item (`item`: which items), a map key (`key`), or a value (`value`), at `path` in
 * the data of `file`. `where` says it in words.
 */
export interface Reference {
  file: string;
  path: KeyPath;
  how: 'item' | 'key' | 'value';
  /** For `item`: which items of the list are the reference. */
  matches?: (v: unknown) => boolean;
  /** For `item` and `value`: the item or value after a rename. */
  renamed?: (v: unknown, name: string) => unknown;
  where: string;
  /**
   * The name also names an API of another group (apig.yaml names APIs without their group): the reference is
   * that API's too, so `remove` keeps it and `rename` adds the new name beside the old one.
   */
  shared?: boolean;
  /** A throttle special names an app by its id, which a rename leaves as it is when apig.yaml writes one. */
  keptOnRename?: boolean;
}

const entries = (v: unknown): Array<[string, unknown]> => (isRecord(v) ? Object.entries(v) : []);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every operation of a group file's data: its path and the operation. */
function operationsOf(root: unknown): Array<{ path: KeyPath; op: Obj }> {
  const out: Array<{ path: KeyPath; op: Obj }> = [];
  for (const [p, item] of entries(getIn(root, ['paths'])))
    for (const [k, op] of entries(item))
      if (isOperationItemKey(k) && isRecord(op)) out.push({ path: ['paths', p, k], op });
  return out;
}

const named = (name: string) => (v: unknown) => v === name;
const toName = (_: unknown, name: string): unknown => name;

/** Lists of names, one per environment, under `at` (publish, authorize, bind): items naming the API. */
function envLists(file: string, root: unknown, at: KeyPath, api: string, label: string): Reference[] {
  return entries(getIn(root, at))
    .filter(([, names]) => list(names).includes(api))
    .map(([env]) => ({
      file,
      path: [...at, env],
      how: 'item' as const,
      matches: named(api),
      renamed: toName,
      where: `${label}.${env}`,
    }));
}

/** Maps keyed by environment under `at`: the key of the environment. */
function envKey(file: string, root: unknown, at: KeyPath, env: string, label: string): Reference[] {
  const map = getIn(root, at);
  return isRecord(map) && Object.hasOwn(map, env)
    ? [{ file, path: [...at, env], how: 'key', where: `${label}.${env}` }]
    : [];
}

/** The places in apig.yaml that hold one list or key per environment, with their owner's label. */
function perEnvironment(root: unknown): Array<{ at: KeyPath; label: string }> {
  const out: Array<{ at: KeyPath; label: string }> = [{ at: ['publish'], label: 'publish' }];
  list(getIn(root, ['apps'])).forEach((app, i) => {
    out.push({ at: ['apps', i, 'authorize'], label: `app ${String(getIn(app, ['name']))}: authorize` });
  });
  list(getIn(root, ['signatureKeys'])).forEach((k, i) => {
    out.push({ at: ['signatureKeys', i, 'bind'], label: `signature key ${String(getIn(k, ['name']))}: bind` });
  });
  // Throttle 2.0 policies are a map by name (schemas/workspace.json).
  for (const [name] of entries(getIn(root, ['throttles'])))
    out.push({ at: ['throttles', name, 'bind'], label: `throttle 2.0 policy ${name}: bind` });
  return out;
}

function apiReferences(file: string, root: unknown, api: string, shared: boolean): Reference[] {
  const out = perEnvironment(root).flatMap(({ at, label }) => envLists(file, root, at, api, label));
  for (const [env, apis] of entries(getIn(root, ['bindings'])))
    if (isRecord(apis) && Object.hasOwn(apis, api))
      out.push({ file, path: ['bindings', env, api], how: 'key', where: `bindings.${env}.${api}` });
  return shared ? out.map((r) => ({ ...r, shared })) : out;
}

function envReferences(file: string, root: unknown, env: string): Reference[] {
  return [
    ...perEnvironment(root).flatMap(({ at, label }) => envKey(file, root, at, env, label)),
    ...envKey(file, root, ['bindings'], env, 'bindings'),
  ];
}

/** Throttle specials (traditional in group files, 2.0 in apig.yaml) that name the app (by its id). */
function specialReferences(
  file: string,
  at: Array<{ path: KeyPath; label: string }>,
  root: unknown,
  id: string,
  ownId: boolean,
): Reference[] {
  const isApp = (v: unknown): boolean => isRecord(v) && String(v.type).toUpperCase() === 'APP' && v.instance === id;
  return at
    .filter(({ path }) => list(getIn(root, path)).some(isApp))
    .map(({ path, label }) => ({
      file,
      path,
      how: 'item' as const,
      matches: isApp,
      renamed: (v: unknown, name: string) => ({ ...(v as Obj), instance: name }),
      where: label,
      ...(ownId ? { keptOnRename: true } : {}),
    }));
}

/** Whether apig.yaml gives the app an id of its own (without one, the id is the name). */
function hasOwnId(w: unknown, app: string): boolean {
  return list(getIn(w, ['apps'])).some((a) => isRecord(a) && a.name === app && typeof a.id === 'string');
}

function policyReferences(ws: Workspace, thing: Thing & { kind: 'throttle' | 'acl' }, data: ReadonlyMap<string, Obj>) {
  const out: Reference[] = [];
  const key = thing.kind === 'throttle' ? 'x-apigateway-ratelimit' : 'x-apigateway-access-control';
  const groupFile = thing.group.file;
  for (const { path, op } of operationsOf(data.get(groupFile)))
    if (op[key] === thing.name)
      out.push({
        file: groupFile,
        path: [...path, key],
        how: 'value',
        renamed: toName,
        where: `${key} of ${String(op.operationId ?? `${String(path[2])} ${String(path[1])}`)}`,
      });
  const w = ws.implicit ? undefined : data.get(ws.file);
  const apis = new Set(thing.group.model.apis.map((a) => a.name));
  const slot = thing.kind === 'throttle' ? 'throttle' : 'acl';
  for (const [env, bound] of entries(getIn(w, ['bindings'])))
    for (const [api, b] of entries(bound)) {
      if (!apis.has(api) || !isRecord(b)) continue;
      const v = b[slot];
      const where = `bindings.${env}.${api}.${slot}`;
      const path = ['bindings', env, api, slot];
      if (v === thing.name) out.push({ file: ws.file, path, how: 'value', renamed: toName, where });
      else if (Array.isArray(v) && v.includes(thing.name))
        out.push({ file: ws.file, path, how: 'item', matches: named(thing.name), renamed: toName, where });
    }
  return out;
}

/** Every reference to `thing` in the workspace's files (`data`: each file's data, by absolute path). */
export function referencesTo(ws: Workspace, thing: Thing, data: ReadonlyMap<string, Obj>): Reference[] {
  const w = ws.implicit ? undefined : data.get(ws.file);
  switch (thing.kind) {
    case 'api': {
      const shared = ws.groups.some((g) => g !== thing.group && g.model.apis.some((a) => a.name === thing.name));
      return w ? apiReferences(ws.file, w, thing.name, shared) : [];
    }
    case 'env':
      return w ? envReferences(ws.file, w, thing.name) : [];
    case 'app': {
      const id = thing.app.id;
      const ownId = hasOwnId(w, thing.name);
      const out: Reference[] = [];
      for (const g of ws.groups) {
        const root = data.get(g.file);
        const at = entries(getIn(root, ['x-apigateway-ratelimits'])).map(([p]) => ({
          path: ['x-apigateway-ratelimits', p, 'special'],
          label: `special apps of throttling policy ${p} (group ${g.ref.name})`,
        }));
        out.push(...specialReferences(g.file, at, root, id, ownId));
      }
      if (w) {
        const at = entries(getIn(w, ['throttles'])).map(([name]) => ({
          path: ['throttles', name, 'special'],
          label: `special apps of throttle 2.0 policy ${name}`,
        }));
        out.push(...specialReferences(ws.file, at, w, id, ownId));
      }
      return out;
    }
    case 'throttle':
    case 'acl':
      return policyReferences(ws, thing, data);
    case 'backend-policy':
      return [];
  }
}

/** A policy named in an apig.yaml binding (`bindings.ENV.API.throttle|acl`). */
export const bindingSlot = (r: Reference): boolean => r.path[0] === 'bindings' && r.path.length === 4;

/** Removes the references of one file from its data; bindings left empty go too. Shared ones stay. */
export function dropReferences(root: Obj, refs: readonly Reference[]): void {
  for (const r of refs) {
    if (r.shared) continue;
    const holder = getIn(root, r.path.slice(0, -1));
    const last = String(r.path[r.path.length - 1]);
    if (!isRecord(holder)) continue;
    // A policy a binding names in place of the operation's own: none is bound there now (`null`), rather than
    // the operation's own policy coming back in that environment.
    const slot = bindingSlot(r);
    if (r.how === 'item') {
      const keep = list(holder[last]).filter((v) => !r.matches?.(v));
      holder[last] = !slot ? keep : keep.length === 0 ? null : keep.length === 1 ? keep[0] : keep;
    } else if (slot) holder[last] = null;
    else delete holder[last];
    if (r.path[0] === 'bindings') pruneEmpty(root, r.path.slice(0, -1));
  }
}

/** Deletes the maps along `path` that are left empty, innermost first. */
export function pruneEmpty(root: Obj, path: KeyPath): void {
  for (let n = path.length; n > 0; n--) {
    const node = getIn(root, path.slice(0, n));
    const holder = getIn(root, path.slice(0, n - 1));
    if (!isRecord(node) || Object.keys(node).length > 0 || !isRecord(holder)) return;
    delete holder[String(path[n - 1])];
  }
}

/** Renames item and value references in the data; key references are returned for a rename in the text. */
export function renameReferences(root: Obj, refs: readonly Reference[], name: string): Reference[] {
  const keys: Reference[] = [];
  for (const r of refs) {
    if (r.keptOnRename) continue;
    const holder = getIn(root, r.path.slice(0, -1));
    const last = String(r.path[r.path.length - 1]);
    if (!isRecord(holder)) continue;
    if (r.shared) {
      // The old name stays for the other group's API; the renamed one is named beside it.
      if (r.how === 'key') holder[name] = structuredClone(holder[last]);
      else if (r.how === 'item')
        holder[last] = list(holder[last]).flatMap((v) => (r.matches?.(v) ? [v, r.renamed?.(v, name) ?? name] : [v]));
      continue;
    }
    if (r.how === 'key') keys.push(r);
    else if (r.how === 'item')
      holder[last] = list(holder[last]).map((v) => (r.matches?.(v) ? (r.renamed?.(v, name) ?? name) : v));
    else holder[last] = r.renamed?.(holder[last], name) ?? name;
  }
  return keys;
}
