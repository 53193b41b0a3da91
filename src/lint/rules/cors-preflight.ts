import type { Rule } from '../types.js';
import { apiSites } from '../sites.js';
import { apiAuth, effectiveMatchMode, requestPath } from '../../core/defaults.js';
import { pathShape } from './route-conflict.js';
import type { ApiSite } from '../types.js';

const SIMPLE_METHODS = ['GET', 'HEAD', 'POST'];
const SIMPLE_HEADERS = ['accept', 'accept-language', 'content-language', 'last-event-id', 'content-type'];
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Why a browser would send a preflight for this API (002 §5.2.2 simple-request definition), if it would. */
export function preflightReason(site: ApiSite): string | undefined {
  const { api } = site;
  if (!SIMPLE_METHODS.includes(api.method)) return `method ${api.method}`;
  const auth = apiAuth(site.model, api);
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

function covers(options: ApiSite, target: ApiSite): boolean {
  const o = requestPath(options.model, options.api);
  const t = requestPath(target.model, target.api);
  if (o === '/') return true;
  if (pathShape(o) === pathShape(t)) return true;
  return effectiveMatchMode(options.api) === 'SWA' && (t === o || t.startsWith(o.endsWith('/') ? o : `${o}/`));
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
  check(ctx) {
    const sites = apiSites(ctx.ws);
    const preflights = sites.filter((o) => o.api.method === 'OPTIONS' && o.api.cors === true);
    for (const site of sites) {
      if (site.api.method === 'OPTIONS') {
        if (site.api.cors !== true) continue;
        if (site.api.backend && site.api.backend.type !== 'MOCK')
          ctx.report(
            { group: site.group, path: site.at },
            'a CORS preflight (OPTIONS) API should use a Mock backend (User Guide §5.2.2)',
          );
        continue;
      }
      if (site.api.cors !== true) continue;
      const reason = preflightReason(site);
      if (!reason) continue;
      const preflight = preflights.find((o) => o.group === site.group && covers(o, site));
      if (!preflight) {
        ctx.report(
          { group: site.group, path: `${site.at}/x-apigateway-cors` },
          `CORS is on and browsers will send a preflight (${reason}), ` +
            `but no OPTIONS API with CORS on covers ${site.api.path}: add one with a Mock backend (User Guide §5.2.2)`,
        );
      }
    }
  },
} satisfies Rule;
