/**
 * `apig edit KIND NAME`: the questions of `apig add`, pre-filled with the thing's current values (every
 * question a flag). The answers are built twice, as they were and as they are now, and only the difference
 * is written into the file: what no answer changed (descriptions, extensions the questions do not ask about,
 * comments) stays as written. Each answer is checked by the rules as in `add`; the whole change by lint.
 */
import type { Api } from '../../core/model.js';
import type { Workspace } from '../../core/workspace-model.js';
import { refusal, withGroupModel, withWorkspace } from '../../lint/candidate.js';
import { aclPolicy } from '../../oas/extensions/access-controls.js';
import { policyCodec } from '../../oas/extensions/backend-policies.js';
import { securityScheme } from '../../oas/extensions/security.js';
import { throttlePolicy } from '../../oas/extensions/throttles.js';
import { isRecord } from '../../oas/codec.js';
import { operationKey } from '../../oas/decode-operation.js';
import { applyDelta, getIn, mapAt } from '../../workspace/authoring/data-edit.js';
import { operationPathOf, POLICY_MAPS, removeOperation } from '../../workspace/authoring/definitions.js';
import { operationValue } from '../../workspace/authoring/group-edits.js';
import type { KeyPath, Obj } from '../../workspace/authoring/json-edit.js';
import { appValue, environmentValue } from '../../workspace/authoring/workspace-edits.js';
import { findThing, type Thing } from '../../workspace/authoring/things.js';
import type { CommandContext } from '../context.js';
import { commit, type Change } from './change.js';
import { nameOf, prepare, type ChangeFlags } from './change-command.js';
import type { FlowContext } from './context.js';
import { authorable, currentAnswers } from './edit-current.js';
import type { Answers, Field } from './fields.js';
import { buildApi } from './flows/api-build.js';
import { buildPolicy } from './flows/backend-policy.js';
import { buildApp, buildEnvironment } from './flows/workspace.js';
import { buildAcl, buildThrottle } from './flows/policies.js';
import { ADD_FLOWS, type AddKind } from './kinds.js';
import { describe, editFiles } from './lifecycle.js';
import type { Prompter } from './prompter.js';
import { runFields } from './runner.js';

/** Questions `edit` does not ask: the name is `rename`'s, publication `publish`'s, binding `bind`'s. */
const NOT_EDITED = new Set(['group', 'name', 'publish', 'apis', 'api']);

const BACKEND_KEYS = new Set([
  'backendType',
  'mockBody',
  'address',
  'vpcChannel',
  'backendScheme',
  'backendMethod',
  'backendPath',
  'functionUrn',
  'functionVersion',
  'invocationType',
  'timeout',
]);

/** The workspace without the thing: what the edited answers are checked against (its name is free there). */
function without(ws: Workspace, thing: Thing): Workspace {
  switch (thing.kind) {
    case 'app':
      return withWorkspace(ws, { apps: ws.apps.filter((a) => a.name !== thing.name) });
    case 'env':
      return withWorkspace(ws, { environments: ws.environments.filter((e) => e.name !== thing.name) });
    case 'api': {
      const m = thing.group.model;
      return withGroupModel(ws, thing.group.ref.name, { ...m, apis: m.apis.filter((a) => a !== thing.api) });
    }
    case 'throttle': {
      const m = thing.group.model;
      return withGroupModel(ws, thing.group.ref.name, {
        ...m,
        throttles: m.throttles.filter((t) => t.name !== thing.name),
      });
    }
    case 'acl': {
      const m = thing.group.model;
      return withGroupModel(ws, thing.group.ref.name, { ...m, acls: m.acls.filter((t) => t.name !== thing.name) });
    }
    case 'backend-policy': {
      const m = thing.group.model;
      const apis = m.apis.map((a) =>
        a === thing.api ? { ...a, policies: (a.policies ?? []).filter((p) => p !== thing.policy) } : a,
      );
      return withGroupModel(ws, thing.group.ref.name, { ...m, apis });
    }
  }
}

function editFields(kind: AddKind, ctx: FlowContext, thing: Thing, current: Answers): Field[] {
  const backend = thing.kind === 'api' ? thing.api.backend : thing.kind === 'backend-policy' ? thing.policy : undefined;
  return ADD_FLOWS[kind]
    .fields(ctx)
    .filter((f) => !NOT_EDITED.has(f.key) && (authorable(backend) || !BACKEND_KEYS.has(f.key)))
    .map(
      (f) =>
        ({
          ...f,
          default: (a: Answers) => (Object.hasOwn(current, f.key) ? current[f.key] : f.default?.(a)),
        }) as Field,
    );
}

type Encoded = { value: unknown; api?: Api; scheme?: { name: string; value: unknown } };

/** The answers as the file writes them. */
function encode(thing: Thing, ctx: FlowContext, a: Answers): Encoded {
  switch (thing.kind) {
    case 'api': {
      const r = buildApi(ctx, a);
      const { name, ...rest } = r.newScheme ?? { name: '' };
      return {
        value: operationValue(r.api, thing.group.model.format),
        api: r.api,
        ...(r.newScheme ? { scheme: { name, value: securityScheme.encode(rest) } } : {}),
      };
    }
    case 'app':
      return { value: appValue(buildApp(a)) };
    case 'env':
      return { value: environmentValue(buildEnvironment(a)) };
    case 'throttle': {
      const { name: _, ...rest } = buildThrottle(a);
      return { value: throttlePolicy.encode(rest) };
    }
    case 'acl': {
      const { name: _, ...rest } = buildAcl(a);
      return { value: aclPolicy.encode(rest) };
    }
    case 'backend-policy':
      return { value: policyCodec.encode(buildPolicy(ctx, a)?.policy ?? thing.policy) };
  }
}

/** Where the thing is written in its file's data. */
function placeOf(root: Obj, thing: Thing): KeyPath | undefined {
  switch (thing.kind) {
    case 'api':
      return operationPathOf(thing.api);
    case 'app': {
      const apps = Array.isArray(root.apps) ? root.apps : [];
      const i = apps.findIndex((x) => isRecord(x) && x.name === thing.name);
      return i < 0 ? undefined : ['apps', i];
    }
    case 'env':
      return ['environments', thing.name];
    case 'throttle':
    case 'acl':
      return [POLICY_MAPS[thing.kind], thing.name];
    case 'backend-policy': {
      const at = [...operationPathOf(thing.api), 'x-apigateway-backend-policies'];
      const list = getIn(root, at);
      const i = Array.isArray(list) ? list.findIndex((x) => isRecord(x) && x.name === thing.name) : -1;
      return i < 0 ? undefined : [...at, i];
    }
  }
}

function setIn(root: Obj, path: KeyPath, value: unknown): void {
  const holder = path.length === 1 ? root : getIn(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(holder)) holder[Number(last)] = value;
  else if (isRecord(holder)) holder[String(last)] = value;
}

function planEdit(
  ws: Workspace,
  thing: Thing,
  ctx: FlowContext,
  was: Answers,
  now: Answers,
  texts: ReadonlyMap<string, string>,
): Change {
  const before = encode(thing, ctx, was);
  const after = encode(thing, ctx, now);
  const file = thing.kind === 'app' || thing.kind === 'env' ? ws.file : thing.group.file;
  const notes: string[] = [];
  const edits = editFiles(texts, [file], (_, root) => {
    const at = placeOf(root, thing);
    if (at === undefined) return [];
    const next = applyDelta(getIn(root, at), before.value, after.value);
    const moved =
      thing.kind === 'api' && after.api && (after.api.path !== thing.api.path || after.api.method !== thing.api.method);
    if (moved && after.api) {
      removeOperation(root, at);
      mapAt(root, ['paths', after.api.path])[operationKey(after.api.method)] = next;
    } else setIn(root, at, next);
    if (after.scheme) {
      const schemes =
        thing.kind === 'api' && thing.group.model.format === 'oas3'
          ? ['components', 'securitySchemes']
          : ['securityDefinitions'];
      mapAt(root, schemes)[after.scheme.name] = after.scheme.value;
      notes.push(`added security scheme ${after.scheme.name}`);
    }
    return [];
  });
  return { edits, summary: describe(thing), notes };
}

export async function runEdit(
  kind: AddKind,
  name: string | undefined,
  flags: ChangeFlags & Record<string, unknown>,
  cmd: CommandContext,
  help: (flag: string) => string,
  prompter?: Prompter,
): Promise<void> {
  const { ws, options } = await prepare(cmd, flags);
  const scope = {
    ...(typeof flags.group === 'string' ? { group: flags.group } : {}),
    ...(typeof flags.api === 'string' ? { api: flags.api } : {}),
  };
  const thing = findThing(ws, kind, await nameOf(ws, kind, name, scope, prompter, 'edit'), scope);
  const rest = without(ws, thing);
  const ctx: FlowContext = {
    ws: rest,
    check: (candidate, rules) =>
      refusal(ws, candidate, { rules, quotas: options.settings.quotas, overrides: options.settings.overrides }),
  };
  const initial: Answers = {
    name: thing.name,
    ...(thing.kind === 'api' || thing.kind === 'throttle' || thing.kind === 'acl' || thing.kind === 'backend-policy'
      ? { group: thing.group.ref.name }
      : {}),
    ...(thing.kind === 'backend-policy' ? { api: thing.api.name } : {}),
  };
  const current = currentAnswers(thing);
  const fields = editFields(kind, ctx, thing, current);
  // Without a terminal nothing can be asked: what no flag changes keeps its current value, as with --yes.
  const answers = await runFields(fields, {
    flags,
    yes: flags.yes === true || prompter === undefined,
    help,
    initial,
    ...(prompter ? { prompter } : {}),
  });
  const was = { ...initial, ...current };
  await commit(
    cmd,
    { ...options, verb: 'changed' },
    planEdit(ws, thing, ctx, was, { ...initial, ...answers }, options.texts),
  );
}
