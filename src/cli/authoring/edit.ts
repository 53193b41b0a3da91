import type { Api } from '../../core/model.js';
import type { Workspace } from '../../core/workspace-model.js';
import { refusal, withGroupModel, withWorkspace } from '../../lint/candidate.js';
import { aclPolicy } from '../../oas/extensions/access-controls.js';
import { policyCodec } from '../../oas/extensions/backend-policies.js';
import { securityScheme } from '../../oas/extensions/security.js';
import { throttlePolicy } from '../../oas/extensions/throttles.js';
import { deepEqual, isRecord } from '../../oas/codec.js';
import { generatedName } from '../../oas/decode-operation.js';
import { applyDelta, getIn, mapAt, setIn } from '../../workspace/authoring/data-edit.js';
import { operationPathOf, POLICY_MAPS } from '../../workspace/authoring/definitions.js';
import { moveOperation } from '../../workspace/authoring/move-operation.js';
import { referencesTo, renameReferences } from '../../workspace/authoring/references.js';
import { operationValue } from '../../workspace/authoring/group-edits.js';
import type { KeyPath, Obj } from '../../workspace/authoring/json-edit.js';
import { appValue, environmentValue } from '../../workspace/authoring/workspace-edits.js';
import { findThing, type Thing } from '../../workspace/authoring/things.js';
import type { CommandContext } from '../context.js';
import { commit, type Change } from './change.js';
import { nameOf, prepare, type ChangeFlags } from './change-command.js';
import type { FlowContext } from './context.js';
import { currentAnswers } from './edit-current.js';
import type { Answers } from './fields.js';
import { buildApi } from './flows/api-build.js';
import { buildPolicy } from './flows/backend-policy.js';
import { buildApp, buildEnvironment } from './flows/workspace.js';
import { buildAcl, buildThrottle } from './flows/policies.js';
import type { AddKind } from './kinds.js';
import { asWritten, type Baseline } from './edit-candidate.js';
import { baselineAnswers, editFields, pathLevelNotes } from './edit-fields.js';
import { dataOfFiles, describe, editFiles } from './lifecycle.js';
import type { Prompter } from './prompter.js';
import { runFields } from './runner.js';

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
  const moved =
    thing.kind === 'api' && after.api && (after.api.path !== thing.api.path || after.api.method !== thing.api.method)
      ? after.api
      : undefined;
  // An API without an operationId is named by its method and path: moved, it has another name.
  const renamedTo =
    moved && thing.kind === 'api' && thing.api.nameGenerated ? generatedName(moved.method, moved.path) : undefined;
  const refs = renamedTo !== undefined ? referencesTo(ws, thing, dataOfFiles(texts)) : [];
  const edits = editFiles(texts, [file, ...refs.map((r) => r.file)], (f, root) => {
    const keys = renameReferences(
      root,
      refs.filter((r) => r.file === f),
      renamedTo ?? '',
    ).map((r) => ({ path: r.path.slice(0, -1), old: thing.name, name: renamedTo ?? '' }));
    if (f !== file) return keys;
    const at = placeOf(root, thing);
    if (at === undefined) return keys;
    const next = applyDelta(getIn(root, at), before.value, after.value);
    const renames = moved && thing.kind === 'api' ? moveOperation(root, thing.api, moved, next) : [];
    if (!moved && next !== undefined) setIn(root, at, next);
    // A security scheme the answers need that the file lacks: only when they changed what the API needs.
    if (after.scheme && !deepEqual(after.scheme, before.scheme)) {
      const schemes =
        thing.kind === 'api' && thing.group.model.format === 'oas3'
          ? ['components', 'securitySchemes']
          : ['securityDefinitions'];
      mapAt(root, schemes)[after.scheme.name] = after.scheme.value;
      notes.push(`added security scheme ${after.scheme.name}`);
    }
    return [...keys, ...renames];
  });
  if (thing.kind === 'api') notes.push(...pathLevelNotes(thing.api, was, now, thing.group.shown));
  if (renamedTo !== undefined)
    notes.push(
      `${thing.name} has no operationId: its name follows its method and path, so it is now ${renamedTo}` +
        (refs.length > 0 ? ` (updated ${refs.map((r) => r.where).join('; ')})` : ''),
    );
  return {
    edits,
    summary: describe(thing),
    notes,
    ...(renamedTo !== undefined ? { renamed: { from: thing.name, to: renamedTo } } : {}),
  };
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
  const baseline: Baseline = {};
  const ctx: FlowContext = {
    ws: rest,
    check: (candidate, rules) =>
      refusal(ws, asWritten(rest, thing, baseline, candidate), {
        rules,
        quotas: options.settings.quotas,
        overrides: options.settings.overrides,
      }),
  };
  const initial: Answers = {
    name: thing.name,
    ...(thing.kind === 'api' || thing.kind === 'throttle' || thing.kind === 'acl' || thing.kind === 'backend-policy'
      ? { group: thing.group.ref.name }
      : {}),
    ...(thing.kind === 'backend-policy' ? { api: thing.api.name } : {}),
  };
  const current = currentAnswers(thing);
  const asks = prompter !== undefined && flags.yes !== true;
  const fields = editFields(kind, ctx, thing, current, flags, asks);
  const was = baselineAnswers(fields, initial);
  if (thing.kind === 'api') baseline.api = buildApi(ctx, was).api;
  if (thing.kind === 'backend-policy') {
    const p = buildPolicy(ctx, was)?.policy;
    if (p) baseline.policy = p;
  }
  // Without a terminal nothing can be asked: what no flag changes keeps its current value, as with --yes.
  const answers = await runFields(fields, {
    flags,
    yes: flags.yes === true || prompter === undefined,
    help,
    initial,
    ...(prompter ? { prompter } : {}),
  });
  await commit(
    cmd,
    { ...options, verb: 'changed' },
    planEdit(ws, thing, ctx, was, { ...initial, ...answers }, options.texts),
  );
}
