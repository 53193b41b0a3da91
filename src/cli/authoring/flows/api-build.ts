/** Answers of `apig add api` → the Api model, the security scheme it needs, and the candidate workspace. */
import type { Api, ApiMethod, AuthType, MatchMode, Param, ParamLocation, SecurityScheme } from '../../../core/model.js';
import type { LoadedGroup, Workspace } from '../../../core/workspace-model.js';
import { withGroupModel, withWorkspace } from '../../../lint/candidate.js';
import { pathParams as pathParamNames } from '../../../lint/sites.js';
import { groupOf, str, strs, type FlowContext } from '../context.js';
import type { Answers, Item } from '../fields.js';
import { buildBackend } from './backend.js';
import { BODY_METHODS, requestBody as bodyOf } from './body-schema.js';

export interface ApiResult {
  group: LoadedGroup;
  api: Api;
  /** A security scheme the group file does not define yet (apig-auth-app / apig-auth-iam). */
  newScheme?: SecurityScheme;
  /** Environments of the `publish:` map the API is added to. */
  publish: string[];
}

/** The documented scheme names and definitions (x-apigateway.md §1). */
const SCHEMES: Record<'APP' | 'IAM', SecurityScheme> = {
  APP: { name: 'apig-auth-app', type: 'apiKey', paramName: 'Authorization', in: 'header', authType: 'AppSigv1' },
  IAM: { name: 'apig-auth-iam', type: 'apiKey', paramName: 'unused', in: 'header', authType: 'IAM' },
};

export const front = (a: Answers): { method: ApiMethod; path: string } => ({
  method: (str(a.method) ?? 'GET') as ApiMethod,
  path: str(a.path) ?? '/',
});

/** Every {name} / {name+} of the path is a required PATH parameter (path-parameters). */
export function pathParams(path: string): Param[] {
  return pathParamNames(path).map((name) => ({ name, location: 'PATH', swaggerType: 'string', required: true }));
}

export function itemParam(item: Item): Param {
  return {
    name: String(item.paramName ?? ''),
    location: (str(item.paramIn) ?? 'QUERY') as ParamLocation,
    swaggerType: item.paramType === 'NUMBER' ? 'number' : 'string',
    required: item.paramRequired === true,
  };
}

function security(
  group: LoadedGroup,
  auth: AuthType,
  authorizer: string | undefined,
): { security?: string[][]; newScheme?: SecurityScheme } {
  if (auth === 'NONE') return {};
  if (auth === 'AUTHORIZER') return authorizer ? { security: [[authorizer]] } : {};
  const wanted = auth === 'APP' ? 'AppSigv1' : 'IAM';
  const existing = group.model.securitySchemes.find(
    (s) => s.authType === wanted && s.authOpt?.appCodeAuth !== 'header',
  );
  return existing ? { security: [[existing.name]] } : { security: [[SCHEMES[auth].name]], newScheme: SCHEMES[auth] };
}

/** The request body by example: an OpenAPI 3.0 operation's requestBody (asked for methods that carry one). */
function body(a: Answers, group: LoadedGroup): Pick<Api, 'kept'> {
  const example = str(a.body);
  const fits = (BODY_METHODS as readonly string[]).includes(front(a).method) && group.model.format === 'oas3';
  const requestBody = example !== undefined && fits ? bodyOf(example) : undefined;
  return requestBody ? { kept: { extra: { requestBody } } } : {};
}

export function buildApi(ctx: FlowContext, a: Answers): ApiResult {
  const group = groupOf(ctx, a);
  const { method, path } = front(a);
  const items = Array.isArray(a.params) ? (a.params as Item[]) : [];
  // The parameter being answered (its fields sit beside the list while it is asked).
  const current = typeof a.paramName === 'string' ? [itemParam(a as Item)] : [];
  const auth = security(group, (str(a.auth) ?? 'NONE') as AuthType, str(a.authorizer));
  const description = str(a.description);
  const api: Api = {
    // Shown in messages about the route before the name is asked (route-conflict).
    name: str(a.name) ?? 'the new API',
    nameGenerated: false,
    method,
    path,
    ...(description !== undefined ? { description } : {}),
    ...(auth.security ? { security: auth.security } : {}),
    params: [...pathParams(path), ...items.map(itemParam), ...current],
    responses: { 200: { description: 'OK' } },
    requestType: 'public',
    matchMode: (str(a.matchMode) ?? 'NORMAL') as MatchMode,
    ...(a.cors === true ? { cors: true } : {}),
    backend: buildBackend(a, { method, path }, 'MOCK'),
    ...body(a, group),
    ...(str(a.throttle) ? { throttle: str(a.throttle) } : {}),
    ...(str(a.acl) ? { acl: str(a.acl) } : {}),
  };
  return { group, api, ...(auth.newScheme ? { newScheme: auth.newScheme } : {}), publish: strs(a.publish) };
}

export function apiCandidate(ctx: FlowContext, r: ApiResult): Workspace {
  const model = r.group.model;
  const next = {
    ...model,
    apis: [...model.apis, r.api],
    securitySchemes: r.newScheme ? [...model.securitySchemes, r.newScheme] : model.securitySchemes,
  };
  const ws = withGroupModel(ctx.ws, r.group.ref.name, next);
  if (r.publish.length === 0 || !ctx.ws.publish) return ws;
  const publish = { ...ctx.ws.publish };
  for (const env of r.publish) publish[env] = [...(publish[env] ?? []), r.api.name];
  return withWorkspace(ws, { publish });
}
