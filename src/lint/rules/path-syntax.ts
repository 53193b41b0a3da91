import type { Backend } from '../../core/model.js';
import type { ApiSite, Rule, Target } from '../types.js';
import { pathParams } from '../sites.js';
import { effectiveMatchMode } from '../../core/defaults.js';
import { join } from '../../core/pointer.js';

/** Characters a request path may hold (002 §5.2.1: URI characters, `{param}`, and `* % - _ .`). */
const PATH_CHAR_SET = "[A-Za-z0-9\\-._~!$&'()*+,;=:@%/{}\\u4e00-\\u9fa5]";
const PATH_CHARS = new RegExp(`^${PATH_CHAR_SET}*$`, 'u');
const PATH_CHAR = new RegExp(PATH_CHAR_SET, 'u');

/** Request paths (req_uri) and backend paths are at most this long (SDK ApiCreate, BackendApiCreate). */
const MAX_PATH = 512;

/** `#name#` environment variables, as serve substitutes them (backends/plan.ts). */
const VARIABLE = /#[^#\s/]+#/g;

/**
 * The characters of a backend path that a path may not hold, each once, in order. The backend req_uri holds
 * `{param}`, special characters such as `* % - _ .` and `#name#` environment variables, and conforms to the URI
 * syntax (SDK BackendApiBase.req_uri; x-apigateway.md BackendApiCreate): the request path's characters, and `#`
 * only around a variable. A `?` would start a query, to which the gateway adds its own (backend parameters).
 */
function outsideBackendChars(path: string): string[] {
  const bare = path.includes('#') ? path.replace(VARIABLE, '') : path;
  if (PATH_CHARS.test(bare)) return [];
  const out: string[] = [];
  for (const c of bare) if (!PATH_CHAR.test(c) && !out.includes(c)) out.push(c);
  return out;
}

/** The backend paths of an HTTP, VPC-channel or member-group backend, each with its pointer below the endpoint. */
function backendPaths(b: Backend): Array<[string, string]> {
  switch (b.type) {
    case 'HTTP':
      return [[b.http.path, 'path']];
    case 'HTTP-VPC':
      return [[b.vpc.path, 'path']];
    case 'HTTP-VPC-MEMBER-GROUP':
      return b.memberGroup.memberGroupUrlInfos.map((u, i): [string, string] => [
        u.path,
        `memberGroupUrlInfos/${i}/path`,
      ]);
    default:
      return [];
  }
}

/** Path findings point at the Path Item. */
const target = (site: ApiSite): Target => ({ group: site.group, path: join('', 'paths', site.api.path) });

export default {
  meta: {
    id: 'path-syntax',
    category: 'paths',
    description:
      'Request paths start with "/", use URI characters, are at most 512 characters; ' +
      '{param} is a whole segment; {param+} only as the last segment of an exact-match API; ' +
      'backend paths use the same characters (and #var# environment variables) and are at most 512 characters.',
    source:
      'User Guide §5.2.1 "Creating an API", table 5-5 (request path); ' +
      'API Reference: Creating an API (req_uri at most 512 characters, front end and backend; the backend req_uri ' +
      'holds {param}, special characters such as * % - _ . and environment variables, and follows the URI syntax); ' +
      'User Guide (online), "Restrictions and Compatibility" of importing APIs (path templates)',
    rationale:
      'A partial segment like /abc{id} is not supported; ' +
      '{p+} matches one or more segments and is allowed only at the end, with exact (NORMAL) match. ' +
      'A backend path is a path: a ? would start a query before the one the gateway builds from the backend ' +
      'parameters (/x?static=1?a=1), and a # other than around a variable would start a fragment.',
  },
  create(ctx) {
    return {
      Api(site) {
        const full = site.requestPath;
        if (!full.startsWith('/')) ctx.report(target(site), `request path "${full}" must start with "/"`);
        if (full.length > MAX_PATH)
          ctx.report(target(site), `request path is ${full.length} characters long; at most ${MAX_PATH} are allowed`);
        if (!PATH_CHARS.test(full))
          ctx.report(
            target(site),
            `request path "${full}" has characters outside the URI set (spaces, ` +
              `quotes, ?, #, <, >, \\, ^ and | are not allowed)`,
          );
        if (!full.includes('{') && !full.includes('}')) return;
        const segments = full.split('/');
        segments.forEach((seg, i) => {
          if (!seg.includes('{') && !seg.includes('}')) return;
          if (!/^\{[A-Za-z][A-Za-z0-9._-]*\+?\}$/.test(seg)) {
            ctx.report(
              target(site),
              `path segment "${seg}": a parameter must be a whole segment, like /users/{id} (User Guide §5.2.1)`,
            );
            return;
          }
          if (seg.endsWith('+}')) {
            if (i !== segments.length - 1)
              ctx.report(target(site), `"${seg}" may only be the last segment of the path`);
            if (effectiveMatchMode(site.api) !== 'NORMAL')
              ctx.report(
                { group: site.group, path: `${site.at}/x-apigateway-match-mode` },
                `"${seg}" is allowed only with exact match (NORMAL), not prefix match (User Guide §5.2.1)`,
              );
          }
        });
        const names = pathParams(full);
        const dup = names.find((n, i) => names.indexOf(n) !== i);
        if (dup) ctx.report(target(site), `path parameter {${dup}} appears twice`);
      },
      Backend(b) {
        for (const [path, field] of backendPaths(b.backend)) {
          const at = { group: b.site.group, path: `${b.endpointAt}/${field}` };
          if (path.length > MAX_PATH)
            ctx.report(
              at,
              `backend path is ${path.length} characters long; at most ${MAX_PATH} are allowed ` +
                '(API Reference: Creating an API)',
            );
          const outside = outsideBackendChars(path);
          if (outside.length > 0)
            ctx.report(
              at,
              `backend path "${path}" has characters outside the URI path characters: ` +
                `${outside.map((c) => JSON.stringify(c)).join(', ')} (` +
                `${outside.includes('?') ? 'a query belongs in the backend parameters; ' : ''}` +
                'API Reference: Creating an API)',
            );
        }
      },
    };
  },
} satisfies Rule;
