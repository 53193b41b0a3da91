/**
 * `apig bind` and `apig unbind`: attach an existing policy to APIs, or take it off. A throttling or access
 * control policy is named by the operation (x-apigateway-ratelimit / x-apigateway-access-control: every
 * environment), or, with --env, by apig.yaml `bindings` for that environment only (002 §5.3.1, §5.4.1: one
 * throttling policy per API per environment; access control policies of different entity types may share an
 * API). A policy backend belongs to its API: binding one copies its definition to another API.
 */
import { ApigError } from '../../core/errors.js';
import type { Api } from '../../core/model.js';
import type { LoadedGroup, Workspace } from '../../core/workspace-model.js';
import { isRecord } from '../../oas/codec.js';
import { environmentNames } from '../../workspace/publish.js';
import { getIn, mapAt } from '../../workspace/authoring/data-edit.js';
import { operationPathOf } from '../../workspace/authoring/definitions.js';
import { pruneEmpty } from '../../workspace/authoring/references.js';
import { findThing, type Thing } from '../../workspace/authoring/things.js';
import { didYouMean } from '../../core/closest.js';
import type { Change } from './change.js';
import { editFiles } from './lifecycle.js';

export type BindKind = 'throttle' | 'acl' | 'backend-policy';

const EXTENSION = { throttle: 'x-apigateway-ratelimit', acl: 'x-apigateway-access-control' } as const;
const SLOT = { throttle: 'throttle', acl: 'acl' } as const;

export interface BindRequest {
  kind: BindKind;
  policy: string;
  apis: string[];
  env?: string;
  group?: string;
  /** bind backend-policy: the API whose policy backend is copied, when several have one of that name. */
  from?: string;
}

function apisOf(group: LoadedGroup, names: readonly string[]): Api[] {
  if (names.length === 0) throw new ApigError('usage', 'say which APIs: --api NAME (comma-separated for several)');
  return names.map((n) => {
    const api = group.model.apis.find((a) => a.name === n);
    if (!api)
      throw new ApigError(
        'usage',
        `no API named ${n} in group ${group.ref.name}${didYouMean(
          n,
          group.model.apis.map((a) => a.name),
        )} (a policy is bound to APIs of its own group)`,
      );
    return api;
  });
}

function checkEnv(ws: Workspace, env: string): void {
  if (ws.implicit)
    throw new ApigError('usage', `--env writes bindings in apig.yaml, but ${ws.shown} is a single Swagger file`);
  const known = environmentNames(ws);
  if (!known.includes(env))
    throw new ApigError('usage', `no environment named ${env}${didYouMean(env, known)}; add it with apig add env`);
}

/** apig.yaml `bindings` name APIs without their group: what a binding of these APIs also applies to. */
function sharedBindingNotes(ws: Workspace, group: LoadedGroup, apis: readonly Api[], env: string): string[] {
  return apis.flatMap((api) => {
    const others = ws.groups
      .filter((g) => g !== group && g.model.apis.some((a) => a.name === api.name))
      .map((g) => g.ref.name);
    return others.length === 0
      ? []
      : [
          `bindings.${env}.${api.name} applies to API ${api.name} of ${others.length === 1 ? 'group' : 'groups'} ` +
            `${others.join(', ')} too: apig.yaml names APIs without their group`,
        ];
  });
}

/** The access control policies bound in `env` after binding `policy`: one per entity type (IP, account). */
function aclList(group: LoadedGroup, current: unknown, api: Api, policy: string): string[] {
  const list = Array.isArray(current)
    ? current.map(String)
    : typeof current === 'string'
      ? [current]
      : current === null
        ? []
        : api.acl !== undefined
          ? [api.acl]
          : [];
  const entity = (name: string) => {
    const t = group.model.acls.find((a) => a.name === name)?.entityType;
    return t === 'IP' ? 'IP' : 'ACCOUNT';
  };
  return [...list.filter((n) => n !== policy && entity(n) !== entity(policy)), policy];
}

export function planBind(ws: Workspace, req: BindRequest, texts: ReadonlyMap<string, string>): Change {
  const scope = req.group !== undefined ? { group: req.group } : {};
  if (req.kind === 'backend-policy') return bindPolicyBackend(ws, req, texts);
  const thing = findThing(ws, req.kind, req.policy, scope) as Thing & { kind: 'throttle' | 'acl' };
  const apis = apisOf(thing.group, req.apis);
  const notes: string[] = [];
  const { env } = req;
  if (env === undefined) {
    const key = EXTENSION[req.kind];
    for (const api of apis) {
      const was = req.kind === 'throttle' ? api.throttle : api.acl;
      if (was !== undefined && was !== req.policy) notes.push(`${api.name} used ${was} before`);
      // apig.yaml bindings replace what the operation names in their environment.
      for (const [e, bound] of Object.entries(ws.bindings ?? {}))
        if (bound[api.name]?.[SLOT[thing.kind]] !== undefined)
          notes.push(`in ${e}, bindings.${e}.${api.name}.${SLOT[thing.kind]} in apig.yaml applies instead`);
    }
    return {
      edits: editFiles(texts, [thing.group.file], (_, root) => {
        for (const api of apis) {
          const op = getIn(root, operationPathOf(api));
          if (isRecord(op)) op[key] = req.policy;
        }
        return [];
      }),
      summary: `${req.policy} to ${apis.map((a) => a.name).join(', ')} in every environment`,
      notes,
    };
  }
  checkEnv(ws, env);
  notes.push(...sharedBindingNotes(ws, thing.group, apis, env));
  return {
    edits: editFiles(texts, [ws.file], (_, root) => {
      for (const api of apis) {
        const binding = mapAt(root, ['bindings', env, api.name]);
        // What applied in the environment before: the binding's own, or else what the operation names.
        const inherited = (own: string | undefined): unknown =>
          Object.hasOwn(binding, SLOT[thing.kind]) ? undefined : own;
        let replaced: unknown[];
        if (req.kind === 'throttle') {
          replaced = [binding.throttle ?? inherited(api.throttle)];
          binding.throttle = req.policy;
        } else {
          const was = [binding.acl ?? inherited(api.acl)].flat();
          const list = aclList(thing.group, binding.acl, api, req.policy);
          replaced = was.filter((n) => !list.includes(String(n)));
          binding.acl = list.length === 1 ? list[0] : list;
        }
        for (const r of replaced)
          if (typeof r === 'string' && r !== req.policy) notes.push(`${api.name} used ${r} in ${env} before`);
      }
      return [];
    }),
    summary: `${req.policy} to ${apis.map((a) => a.name).join(', ')} in ${env}`,
    notes,
  };
}

function bindPolicyBackend(ws: Workspace, req: BindRequest, texts: ReadonlyMap<string, string>): Change {
  if (req.env !== undefined)
    throw new ApigError(
      'usage',
      '--env does not apply to policy backends: they are part of the API in every environment',
    );
  const source = findThing(ws, 'backend-policy', req.policy, {
    ...(req.group !== undefined ? { group: req.group } : {}),
    ...(req.from !== undefined ? { api: req.from } : {}),
  }) as Thing & { kind: 'backend-policy' };
  const apis = apisOf(source.group, req.apis);
  for (const api of apis)
    if ((api.policies ?? []).some((p) => p.name === req.policy))
      throw new ApigError('usage', `API ${api.name} already has a policy backend named ${req.policy}`);
  return {
    edits: editFiles(texts, [source.group.file], (_, root) => {
      const from = getIn(root, [...operationPathOf(source.api), 'x-apigateway-backend-policies']);
      const entry = Array.isArray(from) ? from.find((p) => isRecord(p) && p.name === req.policy) : undefined;
      for (const api of apis) {
        const op = getIn(root, operationPathOf(api));
        if (!isRecord(op) || entry === undefined) continue;
        const list = Array.isArray(op['x-apigateway-backend-policies']) ? op['x-apigateway-backend-policies'] : [];
        op['x-apigateway-backend-policies'] = [...list, structuredClone(entry)];
      }
      return [];
    }),
    summary: `policy backend ${req.policy} of ${source.api.name} to ${apis.map((a) => a.name).join(', ')}`,
    notes: [],
  };
}

export function planUnbind(ws: Workspace, req: BindRequest, texts: ReadonlyMap<string, string>): Change {
  const scope = req.group !== undefined ? { group: req.group } : {};
  if (req.kind === 'backend-policy') {
    if (req.env !== undefined)
      throw new ApigError(
        'usage',
        '--env does not apply to policy backends: they are part of the API in every environment',
      );
    const group = findThing(ws, 'backend-policy', req.policy, scope) as Thing & { kind: 'backend-policy' };
    const apis = apisOf(group.group, req.apis);
    for (const api of apis)
      if (!(api.policies ?? []).some((p) => p.name === req.policy))
        throw new ApigError('usage', `API ${api.name} has no policy backend named ${req.policy}`);
    return {
      edits: editFiles(texts, [group.group.file], (_, root) => {
        for (const api of apis) {
          const op = getIn(root, operationPathOf(api));
          if (!isRecord(op) || !Array.isArray(op['x-apigateway-backend-policies'])) continue;
          const kept = op['x-apigateway-backend-policies'].filter((p) => !(isRecord(p) && p.name === req.policy));
          if (kept.length > 0) op['x-apigateway-backend-policies'] = kept;
          else delete op['x-apigateway-backend-policies'];
        }
        return [];
      }),
      summary: `policy backend ${req.policy} from ${apis.map((a) => a.name).join(', ')}`,
      notes: [],
    };
  }
  const thing = findThing(ws, req.kind, req.policy, scope) as Thing & { kind: 'throttle' | 'acl' };
  const apis = apisOf(thing.group, req.apis);
  const slot = SLOT[thing.kind];
  const key = EXTENSION[thing.kind];
  const uses = (api: Api): boolean => (req.kind === 'throttle' ? api.throttle : api.acl) === req.policy;
  const { env } = req;
  if (env === undefined) {
    for (const api of apis)
      if (!uses(api))
        throw new ApigError(
          'usage',
          `API ${api.name} does not name ${req.policy} in ${key}` +
            (ws.bindings && Object.values(ws.bindings).some((b) => b[api.name]?.[slot] !== undefined)
              ? ' (apig.yaml bindings name it per environment: add --env)'
              : ''),
        );
    return {
      edits: editFiles(texts, [thing.group.file], (_, root) => {
        for (const api of apis) {
          const op = getIn(root, operationPathOf(api));
          if (isRecord(op)) delete op[key];
        }
        return [];
      }),
      summary: `${req.policy} from ${apis.map((a) => a.name).join(', ')} in every environment`,
      notes: [],
    };
  }
  checkEnv(ws, env);
  return {
    edits: editFiles(texts, [ws.file], (_, root) => {
      for (const api of apis) {
        const bindings = getIn(root, ['bindings', env, api.name]);
        const current = isRecord(bindings) ? bindings[slot] : undefined;
        const listed = current === req.policy || (Array.isArray(current) && current.includes(req.policy));
        const inherited = current === undefined && uses(api);
        if (!listed && !inherited)
          throw new ApigError('usage', `API ${api.name} is not bound to ${req.policy} in ${env}`);
        const binding = mapAt(root, ['bindings', env, api.name]);
        if (req.kind === 'throttle') binding.throttle = null;
        else {
          const rest = (Array.isArray(current) ? current : current === undefined ? [api.acl] : [current]).filter(
            (n) => n !== req.policy && n !== undefined,
          );
          binding.acl = rest.length === 0 ? null : rest.length === 1 ? rest[0] : rest;
        }
        // What the operation names applies where no binding is written: a binding that says so again goes.
        const own = req.kind === 'throttle' ? api.throttle : api.acl;
        if (binding[slot] === (own ?? null)) delete binding[slot];
        pruneEmpty(root, ['bindings', env, api.name]);
      }
      return [];
    }),
    summary: `${req.policy} from ${apis.map((a) => a.name).join(', ')} in ${env}`,
    notes: sharedBindingNotes(ws, thing.group, apis, env),
  };
}
