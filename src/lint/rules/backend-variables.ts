import type { Rule } from '../types.js';
import { apiSites, backendsOf, endpointPointer, variablesIn } from '../sites.js';
import type { Backend } from '../../core/model.js';
import { environmentsOf } from '../../workspace/publish.js';

/** Where #var# may stand: the HTTP address and the backend paths (002 §5.2.1; errors-and-limits.md §8). */
function allowedTexts(b: Backend): Array<{ field: string; text: string }> {
  switch (b.type) {
    case 'HTTP':
      return [...b.http.address.map((a) => ({ field: 'address', text: a })), { field: 'path', text: b.http.path }];
    case 'HTTP-VPC':
      return [{ field: 'path', text: b.vpc.path }];
    case 'HTTP-VPC-MEMBER-GROUP':
      return b.memberGroup.memberGroupUrlInfos.map((u) => ({ field: 'memberGroupUrlInfos', text: u.path }));
    case 'FUNCTION':
    case 'MOCK':
      return [];
  }
}

function otherTexts(b: Backend): Array<{ field: string; text: string }> {
  const params = (b.params ?? []).map((p, i) => ({ field: `parameters/${i}/value`, text: p.value }));
  switch (b.type) {
    case 'MOCK':
      return [...params, { field: 'mockEndpoints/result-content', text: b.mock.resultContent }];
    case 'HTTP-VPC':
      return [...params, { field: 'httpVpcEndpoints/host', text: b.vpc.host ?? '' }];
    case 'FUNCTION':
      return [...params, { field: 'functionEndpoints/function-urn', text: b.function.functionUrn }];
    default:
      return params;
  }
}

export default {
  meta: {
    id: 'backend-variables',
    category: 'backends',
    description:
      '#var# environment variables appear only in backend addresses and paths, ' +
      'and every one is defined in every environment the API is published to.',
    source:
      'User Guide §5.2.1 "Creating an API" (address #ipaddress#, path /#path#), ' +
      '§5.5.1 "Creating an Environment and Environment Variables" (case-sensitive, substituted at publish time)',
    rationale:
      'An undefined variable in the target environment means the API "cannot be called normally" (User Guide ' +
      '§5.2.1). Variables elsewhere (constants, mock bodies) are not substituted. Names are case-sensitive.',
  },
  check(ctx) {
    for (const site of apiSites(ctx.ws)) {
      const envs = environmentsOf(ctx.ws, site.api);
      for (const b of backendsOf(site)) {
        const ep = endpointPointer(b);
        for (const { field, text } of allowedTexts(b.backend)) {
          for (const v of variablesIn(text)) {
            const missing = envs.filter(
              (env) => !Object.hasOwn(ctx.ws.environments.find((e) => e.name === env)?.variables ?? {}, v),
            );
            if (missing.length > 0)
              ctx.report(
                { group: site.group, path: `${ep}/${field}` },
                `variable #${v}# is not defined in environment${missing.length > 1 ? 's' : ''} ` +
                  `${missing.join(', ')}, where ${site.api.name} is published (names are case-sensitive)`,
              );
          }
        }
        for (const { field, text } of otherTexts(b.backend)) {
          const vars = variablesIn(text);
          if (vars.length > 0)
            ctx.report(
              { group: site.group, path: `${b.at}/${field}` },
              `#${vars[0]}# is not substituted here: environment variables work only in backend addresses and paths`,
            );
        }
      }
    }
  },
} satisfies Rule;
