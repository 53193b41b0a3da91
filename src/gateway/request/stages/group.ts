/**
 * Group selection (ruling 2): the Host header's domain picks the group that binds it (002 §5.1.2), or the
 * authority of an absolute-form target, which replaces Host (RFC 9112 §3.2.2);
 * otherwise, with `app_route`, the group the app's credential leads to (request/app-route.ts); otherwise the only
 * group, or the one named DEFAULT, answers (002 §6.3.1: calls by IP reach DEFAULT).
 */
import { groupByCredential } from '../app-route.js';
import { requestHost, traceStep, type RequestContext } from '../context.js';
import { failure } from '../../response/errors.js';
import { domainKey } from '../../compile/compiled.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';

/**
 * `example.com:8080` → `example.com`; `[::1]:80` → `::1`; `Example.com.` → `example.com` (domainKey, in
 * compile/compiled.ts).
 */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']'));
  const colon = h.indexOf(':');
  return domainKey(colon === -1 ? h : h.slice(0, colon));
}

export function group(ctx: RequestContext): StageOutcome {
  const host = requestHost(ctx) ?? '';
  const bound = host === '' || ctx.config.byDomain.size === 0 ? undefined : ctx.config.byDomain.get(hostName(host));
  const byCredential = bound ? undefined : groupByCredential(ctx);
  const chosen = bound ?? byCredential ?? ctx.config.fallback;
  if (!chosen) {
    traceStep(ctx, 'group', 'none', { host });
    return fail(
      failure(
        'API_NOT_FOUND',
        `no group binds the domain ${JSON.stringify(hostName(host))} and there is no DEFAULT group`,
      ),
    );
  }
  ctx.group = chosen;
  if (ctx.trace)
    traceStep(ctx, 'group', chosen.name, {
      host,
      why: bound
        ? `the ${ctx.authority !== undefined ? "target's authority" : 'Host header'} names a domain the group binds`
        : byCredential
          ? 'app_route: the credential leads to an API of the group'
          : ctx.config.groups.length === 1
            ? 'the only group'
            : 'the DEFAULT group',
    });
  return NEXT;
}
