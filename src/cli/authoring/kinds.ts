/** What `apig add` can add: each kind's questions and the edits its answers make (one registry, STYLE habit 4). */
import type { Workspace } from '../../core/workspace-model.js';
import { withWorkspace } from '../../lint/candidate.js';
import { detectFormat } from '../../oas/source.js';
import {
  addAcl,
  addApi,
  addBackendPolicy,
  addThrottle,
  bindPolicy,
  type GroupText,
} from '../../workspace/authoring/group-edits.js';
import { addApp, addEnvironment, publishApi } from '../../workspace/authoring/workspace-edits.js';
import { RELEASE } from '../../core/workspace-model.js';
import { groupOf, strs, type FlowContext } from './context.js';
import type { Answers, Field } from './fields.js';
import { apiCandidate, buildApi } from './flows/api-build.js';
import { apiFields } from './flows/api.js';
import { backendPolicyFields, buildPolicy, policyCandidate } from './flows/backend-policy.js';
import {
  aclCandidate,
  aclFields,
  buildAcl,
  buildThrottle,
  throttleCandidate,
  throttleFields,
} from './flows/policies.js';
import { appFields, appModel, buildApp, buildEnvironment, envFields } from './flows/workspace.js';
import type { AddKind } from './kinds-list.js';

export { ADD_KINDS, type AddKind } from './kinds-list.js';

export interface FileEdit {
  file: string;
  text: string;
}

export interface Plan {
  candidate: Workspace;
  edits: FileEdit[];
  /** What was added, in one line. */
  summary: string;
  notes: string[];
}

/** The current text of a workspace file (read once by the session). */
export type Reader = (file: string) => string;

export interface AddFlow {
  /** apig.yaml entries need a workspace file, not a single Swagger file standing in for one. */
  needsWorkspaceFile: boolean;
  fields(ctx: FlowContext): Field[];
  plan(ctx: FlowContext, a: Answers, read: Reader): Plan;
}

function groupText(file: string, read: Reader, spec: GroupText['spec']): GroupText {
  const text = read(file);
  return { text, format: detectFormat(file, text), spec };
}

function apiPlan(ctx: FlowContext, a: Answers, read: Reader): Plan {
  const r = buildApi(ctx, a);
  const edits: FileEdit[] = [
    { file: r.group.file, text: addApi(groupText(r.group.file, read, r.group.model.format), r.api, r.newScheme) },
  ];
  const notes = r.newScheme ? [`added security scheme ${r.newScheme.name} to ${r.group.shown}`] : [];
  if (r.publish.length > 0) {
    let ws = read(ctx.ws.file);
    // Without a publish: map every API is in RELEASE; the map that publishes this one elsewhere keeps that so.
    if (ctx.ws.publish === undefined) {
      ws = publishApi(ws, RELEASE, '*');
      notes.push('apig.yaml had no publish: map (every API in RELEASE): it now has one, with RELEASE: ["*"]');
    }
    for (const env of r.publish) ws = publishApi(ws, env, r.api.name);
    edits.push({ file: ctx.ws.file, text: ws });
  }
  return {
    candidate: apiCandidate(ctx, r),
    edits,
    summary:
      `API ${r.api.name} (${r.api.method} ${r.api.path}, ${r.api.backend?.type ?? 'no'} backend) ` +
      `in group ${r.group.ref.name}`,
    notes,
  };
}

function policyPlan(kind: 'throttle' | 'acl') {
  return (ctx: FlowContext, a: Answers, read: Reader): Plan => {
    const group = groupOf(ctx, a);
    const file = groupText(group.file, read, group.model.format);
    const apis = group.model.apis.filter((x) => strs(a.apis).includes(x.name));
    const policy = kind === 'throttle' ? buildThrottle(a) : buildAcl(a);
    const added = kind === 'throttle' ? addThrottle(file, buildThrottle(a)) : addAcl(file, buildAcl(a));
    const text = bindPolicy({ ...file, text: added }, apis, kind, policy.name);
    const what = kind === 'throttle' ? 'throttling policy' : 'access control policy';
    const users = apis.length > 0 ? `, used by ${apis.map((x) => x.name).join(', ')}` : '';
    return {
      candidate: kind === 'throttle' ? throttleCandidate(ctx, a) : aclCandidate(ctx, a),
      edits: [{ file: group.file, text }],
      summary: `${what} ${policy.name} in group ${group.ref.name}${users}`,
      notes:
        apis.length === 0
          ? [
              `no API uses ${policy.name} yet: apig bind ${kind} ${policy.name} --api NAME, ` +
                `or add an API with apig add api --${kind} ${policy.name}`,
            ]
          : [],
    };
  };
}

export const ADD_FLOWS = {
  api: { needsWorkspaceFile: false, fields: apiFields, plan: apiPlan },
  app: {
    needsWorkspaceFile: true,
    fields: appFields,
    plan(ctx, a, read) {
      const app = buildApp(a);
      const env = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(app.secret)?.[1];
      return {
        candidate: withWorkspace(ctx.ws, { apps: [...ctx.ws.apps, appModel(app)] }),
        edits: [{ file: ctx.ws.file, text: addApp(read(ctx.ws.file), app) }],
        summary: `app ${app.name} (key ${app.key})`,
        notes: env ? [`set ${env} to the app's secret before apig serve or apig sign --app ${app.name}`] : [],
      };
    },
  },
  env: {
    needsWorkspaceFile: true,
    fields: envFields,
    plan(ctx, a, read) {
      const e = buildEnvironment(a);
      const env = {
        name: e.name,
        variables: e.variables,
        ...(e.description !== undefined ? { description: e.description } : {}),
      };
      return {
        candidate: withWorkspace(ctx.ws, { environments: [...ctx.ws.environments, env] }),
        edits: [{ file: ctx.ws.file, text: addEnvironment(read(ctx.ws.file), e) }],
        summary: `environment ${e.name} with ${Object.keys(e.variables).length} variable(s)`,
        // A new environment serves nothing until an API is published to it: say how.
        notes: [
          `no API is published to ${e.name} yet: apig add api --publish ${e.name}, ` +
            `or list API names (or "*") under publish.${e.name} in apig.yaml`,
        ],
      };
    },
  },
  throttle: { needsWorkspaceFile: false, fields: throttleFields, plan: policyPlan('throttle') },
  acl: { needsWorkspaceFile: false, fields: aclFields, plan: policyPlan('acl') },
  'backend-policy': {
    needsWorkspaceFile: false,
    fields: backendPolicyFields,
    plan(ctx, a, read) {
      const group = groupOf(ctx, a);
      const built = buildPolicy(ctx, a);
      if (!built) throw new Error(`no API named ${String(a.api)}`);
      return {
        candidate: policyCandidate(ctx, a),
        edits: [
          {
            file: group.file,
            text: addBackendPolicy(groupText(group.file, read, group.model.format), built.api, built.policy),
          },
        ],
        summary: `policy backend ${built.policy.name ?? ''} (${built.policy.type}) of API ${built.api.name}`,
        notes: [],
      };
    },
  },
} as const satisfies Record<AddKind, AddFlow>;
