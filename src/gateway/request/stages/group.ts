/**
 * Group selection (ruling 2): the Host header's domain picks the group that binds it (002 §5.1.2) or whose local
 * domain it is (`shop.localhost`, compile/local-domain.ts), or the authority of an absolute-form target, which
 * replaces Host (RFC 9112 §3.2.2);
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

const LOCAL_DOMAINS_NAMED = 3;

/** Why no group answered, for the log, and where each group does answer. */
function noGroup(ctx: RequestContext, host: string): string {
  const locals = ctx.config.groups.map((g) => g.localDomain);
  const none = `no group binds the domain ${JSON.stringify(host)} and there is no DEFAULT group`;
  if (locals.length === 0) return `${none}: the workspace has no groups`;
  const named = locals.slice(0, LOCAL_DOMAINS_NAMED).join(', ');
  const more = locals.length > LOCAL_DOMAINS_NAMED ? ` and ${locals.length - LOCAL_DOMAINS_NAMED} more` : '';
  return `${none}; each group answers at its local domain: ${named}${more}`;
}

export function group(ctx: RequestContext): StageOutcome {
  const host = requestHost(ctx) ?? '';
  const name = host === '' ? '' : hostName(host);
  const bound = name === '' ? undefined : ctx.config.byDomain.get(name);
  const byCredential = bound ? undefined : groupByCredential(ctx);
  const chosen = bound ?? byCredential ?? ctx.config.fallback;
  if (!chosen) {
    traceStep(ctx, 'group', 'none', { host });
    return fail(failure('API_NOT_FOUND', noGroup(ctx, name)));
  }
  ctx.group = chosen;
  if (ctx.trace)
    traceStep(ctx, 'group', chosen.name, {
      host,
      why: bound
        ? `the ${ctx.authority !== undefined ? "target's authority" : 'Host header'} names ` +
          (name === chosen.localDomain && !chosen.domains.some((d) => domainKey(d) === name)
            ? "the group's local domain"
            : 'a domain the group binds')
        : byCredential
          ? 'app_route: the credential leads to an API of the group'
          : ctx.config.groups.length === 1
            ? 'the only group'
            : 'the DEFAULT group',
    });
  return NEXT;
}
