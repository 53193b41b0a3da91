/**
 * Calls by IP into a non-DEFAULT group (003 "API调用场景"; practices.md §5.5): with the instance options
 * `app_route` and `app_secret` both on (003 asks for both), a request whose Host names no group, carrying
 * `X-HW-ID` (an AppKey) and `X-HW-AppKey`, or `X-Apig-AppCode` (with `app_route` on), reaches the group holding
 * an APP-auth API that matches its method and path and that the app is authorized for in the environment.
 * `X-HW-ID` alone, or with `app_secret` off, routes nowhere: the call reaches DEFAULT. How the gateway resolves
 * it is inferred from the rule "同一凭据不能授权给相同请求路径和方法的API" (one credential, one API per path and
 * method); the first such group in apig.yaml order answers.
 */
import { RELEASE } from '../../core/workspace-model.js';
import { matchesSecret } from '../auth/credential.js';
import type { CompiledGroup } from '../compile/compiled.js';
import { headerValue, type RequestContext } from './context.js';

export function groupByCredential(ctx: RequestContext): CompiledGroup | undefined {
  const ws = ctx.config.workspace;
  if (!ws.instance.app_route) return undefined;
  const key =
    ws.instance.app_secret && headerValue(ctx.headers, 'x-hw-appkey') !== undefined
      ? headerValue(ctx.headers, 'x-hw-id')
      : undefined;
  const code = headerValue(ctx.headers, 'x-apig-appcode');
  const app =
    key !== undefined
      ? ws.apps.find((a) => a.key === key)
      : code !== undefined
        ? ws.apps.find((a) => a.appCodes.some((c) => matchesSecret(c, code)))
        : undefined;
  if (!app) return undefined;
  const stage = headerValue(ctx.headers, 'x-stage')?.trim();
  const env = stage === undefined || stage === '' ? RELEASE : stage;
  const names = app.authorize[env] ?? [];
  for (const g of ctx.config.groups) {
    const m = g.routers.get(env)?.match(ctx.method, ctx.path);
    if (m?.kind !== 'match') continue;
    const api = m.route.value;
    if (api.auth.type === 'APP' && (names.includes('*') || names.includes(api.api.name))) return g;
  }
  return undefined;
}
