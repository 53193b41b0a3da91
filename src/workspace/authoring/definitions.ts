/**
 * Where a thing is defined in its file's data, and its removal or rename there. APIs are operations of their
 * group file (named by operationId); throttling and access control policies are keys of the group file's
 * x-apigateway-ratelimits / x-apigateway-access-controls; policy backends are entries of their operation's
 * x-apigateway-backend-policies; apps and environments are entries of apig.yaml.
 */
import type { Workspace } from '../../core/workspace-model.js';
import { isRecord } from '../../oas/codec.js';
import { isOperationItemKey } from '../../oas/walk.js';
import { operationKey } from '../../oas/decode-operation.js';
import { getIn } from './data-edit.js';
import type { KeyPath, Obj } from './json-edit.js';
import type { Thing } from './things.js';

export const POLICY_MAPS = { throttle: 'x-apigateway-ratelimits', acl: 'x-apigateway-access-controls' } as const;

/** The file that defines the thing. */
export function definitionFile(ws: Workspace, thing: Thing): string {
  return thing.kind === 'app' || thing.kind === 'env' ? ws.file : thing.group.file;
}

export const operationPathOf = (api: { method: Parameters<typeof operationKey>[0]; path: string }): KeyPath => [
  'paths',
  api.path,
  operationKey(api.method),
];

/** A key to rename in the text (keeping its place), after the data edits. */
export interface KeyRename {
  path: KeyPath;
  old: string;
  name: string;
}

const holderOf = (root: Obj, path: KeyPath): Obj | undefined => {
  const h = getIn(root, path);
  return isRecord(h) ? h : undefined;
};

/** Removes an operation, and its path item when no operation is left in it. */
export function removeOperation(root: Obj, path: KeyPath): void {
  const item = holderOf(root, path.slice(0, -1));
  if (!item) return;
  delete item[String(path[path.length - 1])];
  if (!Object.keys(item).some((k) => isOperationItemKey(k))) {
    const paths = holderOf(root, ['paths']);
    if (paths) delete paths[String(path[1])];
  }
}

export function removeDefinition(root: Obj, thing: Thing): void {
  switch (thing.kind) {
    case 'api':
      removeOperation(root, operationPathOf(thing.api));
      return;
    case 'app':
      if (Array.isArray(root.apps)) root.apps = root.apps.filter((a) => !(isRecord(a) && a.name === thing.name));
      return;
    case 'env': {
      const envs = holderOf(root, ['environments']);
      if (envs) delete envs[thing.name];
      return;
    }
    case 'throttle':
    case 'acl': {
      const map = holderOf(root, [POLICY_MAPS[thing.kind]]);
      if (!map) return;
      delete map[thing.name];
      if (Object.keys(map).length === 0) delete root[POLICY_MAPS[thing.kind]];
      return;
    }
    case 'backend-policy': {
      const op = holderOf(root, operationPathOf(thing.api));
      if (!op || !Array.isArray(op['x-apigateway-backend-policies'])) return;
      const kept = op['x-apigateway-backend-policies'].filter((p) => !(isRecord(p) && p.name === thing.name));
      if (kept.length > 0) op['x-apigateway-backend-policies'] = kept;
      else delete op['x-apigateway-backend-policies'];
    }
  }
}

/** Renames the definition: values in the data; map keys are returned, to be renamed in the text. */
export function renameDefinition(root: Obj, thing: Thing, name: string): KeyRename | undefined {
  switch (thing.kind) {
    case 'api': {
      const op = holderOf(root, operationPathOf(thing.api));
      if (op) op.operationId = name;
      return undefined;
    }
    case 'app': {
      for (const a of Array.isArray(root.apps) ? root.apps : [])
        if (isRecord(a) && a.name === thing.name) a.name = name;
      return undefined;
    }
    case 'env':
      return { path: ['environments'], old: thing.name, name };
    case 'throttle':
    case 'acl':
      return { path: [POLICY_MAPS[thing.kind]], old: thing.name, name };
    case 'backend-policy': {
      const op = holderOf(root, operationPathOf(thing.api));
      for (const p of Array.isArray(op?.['x-apigateway-backend-policies']) ? op['x-apigateway-backend-policies'] : [])
        if (isRecord(p) && p.name === thing.name) p.name = name;
      return undefined;
    }
  }
}
