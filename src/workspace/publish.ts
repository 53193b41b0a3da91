/** Which APIs are reachable in which environment (the `publish:` map of apig.yaml). */
import type { Api } from '../core/model.js';
import { RELEASE, type Workspace } from '../core/workspace-model.js';

/** Default without a `publish:` map: every API in RELEASE only. */
export function isPublished(ws: Pick<Workspace, 'publish'>, env: string, api: Pick<Api, 'name'>): boolean {
  if (!ws.publish) return env === RELEASE;
  const names = Object.hasOwn(ws.publish, env) ? (ws.publish[env] ?? []) : [];
  return names.includes('*') || names.includes(api.name);
}

/** The environments an API is published to. */
export function environmentsOf(ws: Pick<Workspace, 'publish'>, api: Pick<Api, 'name'>): string[] {
  if (!ws.publish) return [RELEASE];
  return Object.keys(ws.publish).filter((env) => isPublished(ws, env, api));
}

/** Every environment the workspace knows, RELEASE first. */
export function environmentNames(ws: Pick<Workspace, 'environments' | 'publish'>): string[] {
  const names = new Set<string>([RELEASE, ...ws.environments.map((e) => e.name), ...Object.keys(ws.publish ?? {})]);
  return [...names];
}
