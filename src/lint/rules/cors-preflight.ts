import type { ApiSite, Rule } from '../types.js';
import { effectiveMatchMode, requestPath } from '../../core/defaults.js';
import type { MatchMode } from '../../core/model.js';
import type { LoadedGroup } from '../../core/workspace-model.js';
import { leftOutOperations } from '../left-out.js';
import { pathShape } from './route-conflict.js';

const SIMPLE_METHODS = ['GET', 'HEAD', 'POST'];
const SIMPLE_HEADERS = ['accept', 'accept-language', 'content-language', 'last-event-id', 'content-type'];
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Why a browser would send a preflight for this API (002 §5.2.2 simple-request definition), if it would. */
export function preflightReason(site: ApiSite): string | undefined {
  const { api } = site;
  if (!SIMPLE_METHODS.includes(api.method)) return `method ${api.method}`;
  const { auth } = site;
  if (auth.type === 'APP' || auth.type === 'IAM')
    return `${auth.type} authentication (Authorization / X-Auth-Token headers)`;
  // A custom authorizer's header identity sources are headers every caller sends (002 §5.8.1).
  const identity = auth.schemes
    .flatMap((s) => (s.authorizer?.type === 'FRONTEND' ? (s.authorizer.identities ?? []) : []))
    .find((i) => i.location === 'HEADER' && !SIMPLE_HEADERS.includes(i.name.toLowerCase()));
  if (identity) return `identity source header ${identity.name} of the custom authorizer`;
  const header = api.params.find((p) => p.location === 'HEADER' && !SIMPLE_HEADERS.includes(p.name.toLowerCase()));
  if (header) return `header parameter ${header.name}`;
  if (api.contentType !== undefined && !SIMPLE_CONTENT_TYPES.includes(api.contentType))
    return `content type ${api.contentType}`;
  return undefined;
}

/** An OPTIONS API: its request path and match mode. */
interface Preflight {
  requestPath: string;
  matchMode: MatchMode;
}

function covers(options: Preflight, target: ApiSite): boolean {
  const o = options.requestPath;
  const t = target.requestPath;
  if (o === '/') return true;
  if (pathShape(o) === pathShape(t)) return true;
  return options.matchMode === 'SWA' && (t === o || t.startsWith(o.endsWith('/') ? o : `${o}/`));
}

/**
 * OPTIONS operations of the file that lint left out of the model for an error: one of them may be the preflight
 * a CORS API needs, so they count as covering what they would match.
 */
function leftOutPreflights(group: LoadedGroup): Preflight[] {
  return leftOutOperations(group)
    .filter((o) => o.key === 'options')
    .map((o) => ({
      requestPath: requestPath(group.model, { path: o.path }),
      matchMode: String(o.op['x-apigateway-match-mode']).toUpperCase() === 'SWA' ? 'SWA' : 'NORMAL',
    }));
}

export default {
  meta: {
    id: 'cors-preflight',
    category: 'routes',
    description:
      'An API with CORS that browsers call with a preflight (non-simple method, ' +
      "auth headers, a custom authorizer's header identity sources, " +
      'custom headers) needs an OPTIONS API on the same path with CORS on, no auth and a Mock backend.',
    source: 'User Guide §5.2.2 "Enabling CORS" (跨域访问: simple and non-simple requests, the OPTIONS API)',
    rationale: "Without the OPTIONS API the browser's preflight gets 404 and the real request is never sent.",
  },
  create(ctx) {
    // Per group: the APIs with CORS on, in order; judged when the group is left, with all its OPTIONS APIs seen.
    let sites: ApiSite[] = [];
    return {
      Api(site) {
        if (site.api.cors === true) sites.push(site);
      },
      leave: {
        Group(group) {
          const preflights: Preflight[] = sites
            .filter((o) => o.api.method === 'OPTIONS')
            .map((o) => ({ requestPath: o.requestPath, matchMode: effectiveMatchMode(o.api) }));
          let leftOut: Preflight[] | undefined;
          for (const site of sites) {
            if (site.api.method === 'OPTIONS') {
              if (site.api.backend && site.api.backend.type !== 'MOCK')
                ctx.report(
                  { group: site.group, path: site.at },
                  'a CORS preflight (OPTIONS) API should use a Mock backend (User Guide §5.2.2)',
                );
              continue;
            }
            const reason = preflightReason(site);
            if (!reason) continue;
            if (preflights.some((o) => covers(o, site))) continue;
            leftOut ??= leftOutPreflights(group);
            if (leftOut.some((o) => covers(o, site))) continue;
            ctx.report(
              { group: site.group, path: `${site.at}/x-apigateway-cors` },
              `CORS is on and browsers will send a preflight (${reason}), ` +
                `but no OPTIONS API with CORS on covers ${site.api.path}: ` +
                'add one with a Mock backend (User Guide §5.2.2)',
            );
          }
          sites = [];
        },
      },
    };
  },
} satisfies Rule;
