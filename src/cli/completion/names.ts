/**
 * The names in the workspace that completion offers: loaded as the other commands load it (apig.yaml here or in
 * a parent folder, or the one `-w` gave), what is valid of it even when some of it is not. Completion never
 * prints an error: a workspace that cannot be loaded has no names.
 */
import { RELEASE, type Workspace } from '../../core/workspace-model.js';
import { loadWorkspace } from '../../workspace/load.js';
import { type Candidate, described } from './candidates.js';
import type { NameKind } from './conventions.js';

const NAMES = {
  api: (ws) => ws.groups.flatMap((g) => g.model.apis.map((a) => described(a.name, `${a.method} ${a.path}`))),
  app: (ws) => ws.apps.map((a) => described(a.name, 'app')),
  env: (ws) => [
    ...ws.environments.map((e) => described(e.name, e.description ?? 'environment')),
    ...(ws.environments.some((e) => e.name === RELEASE) ? [] : [described(RELEASE, 'the default environment')]),
  ],
  throttle: (ws) =>
    ws.groups.flatMap((g) => g.model.throttles.map((t) => described(t.name, `throttling policy of ${g.ref.name}`))),
  acl: (ws) =>
    ws.groups.flatMap((g) => g.model.acls.map((a) => described(a.name, `${a.aclType} ${a.entityType} access control`))),
  'backend-policy': (ws) =>
    ws.groups.flatMap((g) =>
      g.model.apis.flatMap((a) =>
        (a.policies ?? []).flatMap((p) => (p.name ? [described(p.name, `policy backend of ${a.name}`)] : [])),
      ),
    ),
  group: (ws) => ws.groups.map((g) => described(g.ref.name, g.ref.spec)),
} satisfies Record<NameKind, (ws: Workspace) => Candidate[]>;

export async function workspaceNames(
  kinds: readonly NameKind[],
  workspace: string | undefined,
  where: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Candidate[]> {
  try {
    const loaded = await loadWorkspace(workspace, { ...where, allowRemoteRefs: false, partial: true });
    const ws = loaded.workspace;
    return ws ? kinds.flatMap((k) => NAMES[k](ws)) : [];
  } catch {
    return [];
  }
}
