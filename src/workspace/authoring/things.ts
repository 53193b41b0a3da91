/**
 * The named things of a workspace that authoring commands change (APIs, apps, environments, throttling and
 * access control policies, policy backends): finding one by kind and name, with "did you mean" and the
 * `--group`/`--api` needed when a name is not unique.
 */
import { didYouMean } from '../../core/closest.js';
import { ApigError } from '../../core/errors.js';
import type { Api, BackendPolicy } from '../../core/model.js';
import { RELEASE, type App, type Environment, type LoadedGroup, type Workspace } from '../../core/workspace-model.js';

export const THING_KINDS = ['api', 'app', 'env', 'throttle', 'acl', 'backend-policy'] as const;
export type ThingKind = (typeof THING_KINDS)[number];

export const KIND_WORDS: Record<ThingKind, string> = {
  api: 'API',
  app: 'app',
  env: 'environment',
  throttle: 'throttling policy',
  acl: 'access control policy',
  'backend-policy': 'policy backend',
};

export type Thing =
  | { kind: 'api'; name: string; group: LoadedGroup; api: Api }
  | { kind: 'app'; name: string; app: App }
  | { kind: 'env'; name: string; env: Environment }
  | { kind: 'throttle' | 'acl'; name: string; group: LoadedGroup }
  | { kind: 'backend-policy'; name: string; group: LoadedGroup; api: Api; policy: BackendPolicy };

/** Narrows where to look: `--group` for APIs and policies, `--api` for policy backends. */
export interface Scope {
  group?: string;
  api?: string;
}

function groupsIn(ws: Workspace, scope: Scope): LoadedGroup[] {
  if (scope.group === undefined) return ws.groups;
  const g = ws.groups.find((x) => x.ref.name === scope.group);
  if (!g)
    throw new ApigError(
      'usage',
      `no group named ${scope.group}${didYouMean(
        scope.group,
        ws.groups.map((x) => x.ref.name),
      )}; the workspace has ${ws.groups.map((x) => x.ref.name).join(', ') || 'none'}`,
    );
  return [g];
}

type Found = Thing & { where: string };

function candidates(ws: Workspace, kind: ThingKind, scope: Scope): Found[] {
  const groups = groupsIn(ws, scope);
  switch (kind) {
    case 'api':
      return groups.flatMap((group) =>
        group.model.apis.map((api) => ({ kind, name: api.name, group, api, where: `group ${group.ref.name}` })),
      );
    case 'app':
      return ws.apps.map((app) => ({ kind, name: app.name, app, where: ws.shown }));
    case 'env': {
      // RELEASE is the gateway's own: it is there (to take variables) even where apig.yaml does not write it.
      const envs = ws.environments.some((e) => e.name === RELEASE)
        ? ws.environments
        : [{ name: RELEASE, variables: {} }, ...ws.environments];
      return ws.implicit ? [] : envs.map((env) => ({ kind, name: env.name, env, where: ws.shown }));
    }
    case 'throttle':
    case 'acl':
      return groups.flatMap((group) =>
        (kind === 'throttle' ? group.model.throttles : group.model.acls).map((p) => ({
          kind,
          name: p.name,
          group,
          where: `group ${group.ref.name}`,
        })),
      );
    case 'backend-policy':
      return groups.flatMap((group) =>
        group.model.apis
          .filter((api) => scope.api === undefined || api.name === scope.api)
          .flatMap((api) =>
            (api.policies ?? []).map((policy) => ({
              kind,
              name: policy.name ?? '',
              group,
              api,
              policy,
              where: `API ${api.name}`,
            })),
          ),
      );
  }
}

/** The names of a kind, for prompts and completion. */
export function namesOf(ws: Workspace, kind: ThingKind, scope: Scope = {}): string[] {
  return [...new Set(candidates(ws, kind, scope).map((c) => c.name))];
}

/** Apps and environments are written in apig.yaml: a single Swagger file standing in for a workspace has none. */
export function inWorkspaceFile(ws: Workspace, kind: ThingKind): void {
  if (ws.implicit && (kind === 'app' || kind === 'env'))
    throw new ApigError(
      'usage',
      `${kind === 'app' ? 'apps' : 'environments'} are written in apig.yaml, but ${ws.shown} is a single Swagger ` +
        'file; create a workspace with apig init or apig import',
    );
}

export function findThing(ws: Workspace, kind: ThingKind, name: string, scope: Scope = {}): Thing {
  inWorkspaceFile(ws, kind);
  const all = candidates(ws, kind, scope);
  const hits = all.filter((c) => c.name === name);
  const word = KIND_WORDS[kind];
  if (hits.length === 0) {
    const within =
      scope.api !== undefined ? ` of API ${scope.api}` : scope.group !== undefined ? ` in group ${scope.group}` : '';
    throw new ApigError(
      'usage',
      `no ${word} named ${name}${within}${didYouMean(
        name,
        all.map((c) => c.name),
      )}`,
    );
  }
  if (hits.length > 1) {
    const flag = kind === 'backend-policy' ? '--api' : '--group';
    throw new ApigError(
      'usage',
      `${hits.length} ${word.endsWith('policy') ? `${word.slice(0, -1)}ies` : `${word}s`} are named ${name} (${hits
        .map((h) => h.where)
        .join(', ')}); say which with ${flag}`,
    );
  }
  const { where: _, ...thing } = hits[0] as Found;
  return thing as Thing;
}
