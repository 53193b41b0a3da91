import type { ApiSite, Rule } from '../types.js';
import { effectiveMatchMode, requestPath } from '../../core/defaults.js';
import type { MatchMode } from '../../core/model.js';
import type { LoadedGroup } from '../../core/workspace-model.js';
import { leftOutOperations } from '../left-out.js';
import { join } from '../../core/pointer.js';
import { environmentsOf, isPublished } from '../../workspace/publish.js';
import { pathShape } from './route-conflict.js';
import { preflightFixes } from '../fix/preflight.js';
import type { Fix } from '../fix/types.js';

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

/** An OPTIONS API: its request path and match mode (and its name, when it is in the model). */
interface Preflight {
  requestPath: string;
  matchMode: MatchMode;
  name?: string;
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
      'custom headers) needs an OPTIONS API on the same path with CORS on, no auth and a Mock backend, ' +
      'published where the API is.',
    source: 'User Guide §5.2.2 "Enabling CORS" (跨域访问: simple and non-simple requests, the OPTIONS API)',
    rationale:
      "Without the OPTIONS API the browser's preflight gets 404 and the real request is never sent; so it does " +
      'in an environment the OPTIONS API is not published to.',
    fix:
      'Adds the OPTIONS API to the Path Item of the API: named `preflight_<path>`, with CORS on, no authentication ' +
      "(`security: []` where the document sets one), the API's own `schemes`, its prefix match if it has one, a " +
      'required string parameter for each `{name}` of the path the Path Item does not declare, and a Mock backend; ' +
      'not when the Path Item has an `options` operation already. An OPTIONS API not published where the API is ' +
      "is added to that environment's `publish:` list in apig.yaml. An OPTIONS API with another backend needs a " +
      'person to choose.',
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
            .map((o) => ({ requestPath: o.requestPath, matchMode: effectiveMatchMode(o.api), name: o.api.name }));
          let leftOut: Preflight[] | undefined;
          // The fixes of the group's findings, worked out together on first use (fix/preflight.ts).
          const missing: ApiSite[] = [];
          let fixes: Map<string, Fix> | undefined;
          const fixOf = (site: ApiSite): Fix | undefined => {
            fixes ??= preflightFixes(group, missing);
            return fixes.get(site.api.path);
          };
          // Reported once every site is seen: a fix needs all the paths that lack a preflight.
          const pending: Array<Parameters<typeof ctx.report>> = [];
          const report = (...args: Parameters<typeof ctx.report>): number => pending.push(args);
          // An OPTIONS API answers only where it is published: in every environment of the APIs it covers.
          const { ws } = ctx;
          const told = new Set<string>();
          const unpublished = (site: ApiSite, coverers: readonly Preflight[]): void => {
            if (ws.publish === undefined || ws.implicit) return;
            const named = coverers.filter((o) => o.name !== undefined);
            const first = named[0]?.name;
            if (first === undefined) return;
            for (const env of environmentsOf(ws, site.api)) {
              if (
                named.some((o) => isPublished(ws, env, { name: o.name as string })) ||
                told.has(`${first}\u0000${env}`)
              )
                continue;
              told.add(`${first}\u0000${env}`);
              report(
                { workspace: true, path: join('', 'publish', env) },
                `the OPTIONS API ${first} answers the preflight of ${site.api.name} but is not published in ${env}, ` +
                  `where ${site.api.name} is: browsers get 404 there (User Guide §5.2.2)`,
                () => ({
                  description: `publish ${first} in ${env}`,
                  edits: [{ op: 'add', path: join('', 'publish', env, '-'), value: first }],
                }),
              );
            }
          };
          for (const site of sites) {
            if (site.api.method === 'OPTIONS') {
              if (site.api.backend && site.api.backend.type !== 'MOCK')
                report(
                  { group: site.group, path: site.at },
                  'a CORS preflight (OPTIONS) API should use a Mock backend (User Guide §5.2.2)',
                );
              continue;
            }
            const reason = preflightReason(site);
            if (!reason) continue;
            const coverers = preflights.filter((o) => covers(o, site));
            if (coverers.length > 0) {
              unpublished(site, coverers);
              continue;
            }
            leftOut ??= leftOutPreflights(group);
            if (leftOut.some((o) => covers(o, site))) continue;
            missing.push(site);
            report(
              { group: site.group, path: `${site.at}/x-apigateway-cors` },
              `CORS is on and browsers will send a preflight (${reason}), ` +
                `but no OPTIONS API with CORS on covers ${site.api.path}: ` +
                'add one with a Mock backend (User Guide §5.2.2)',
              () => fixOf(site),
            );
          }
          for (const args of pending) ctx.report(...args);
          sites = [];
        },
      },
    };
  },
} satisfies Rule;
