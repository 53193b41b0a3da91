import type { BackendSite, Rule } from '../types.js';
import { variablesIn } from '../sites.js';
import type { Backend } from '../../core/model.js';
import { environmentsOf } from '../../workspace/publish.js';

/** Called with each text of a backend and the pointer of its field below the endpoint or the backend. */
type Each = (text: string, field: string) => void;

/** Where #var# may stand: the HTTP address and the backend paths (002 §5.2.1; errors-and-limits.md §8). */
function allowedTexts(b: Backend, each: Each): void {
  switch (b.type) {
    case 'HTTP':
      for (const a of b.http.address) each(a, 'address');
      each(b.http.path, 'path');
      return;
    case 'HTTP-VPC':
      each(b.vpc.path, 'path');
      return;
    case 'HTTP-VPC-MEMBER-GROUP':
      for (const u of b.memberGroup.memberGroupUrlInfos) each(u.path, 'memberGroupUrlInfos');
      return;
    case 'FUNCTION':
    case 'MOCK':
      return;
  }
}

/** Texts where #var# is not substituted: backend parameter values, the mock body, the VPC host, the URN. */
function otherTexts(b: Backend, each: Each): void {
  const params = b.params ?? [];
  for (let i = 0; i < params.length; i++) {
    const value = (params[i] as (typeof params)[number]).value;
    if (value.includes('#')) each(value, `parameters/${i}/value`);
  }
  if (b.type === 'MOCK') each(b.mock.resultContent, 'mockEndpoints/result-content');
  else if (b.type === 'HTTP-VPC') each(b.vpc.host ?? '', 'httpVpcEndpoints/host');
  else if (b.type === 'FUNCTION') each(b.function.functionUrn, 'functionEndpoints/function-urn');
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
  create(ctx) {
    const { ws } = ctx;
    const missingIn = (v: string, envs: readonly string[]): string[] =>
      envs.filter((env) => !Object.hasOwn(ws.environments.find((e) => e.name === env)?.variables ?? {}, v));
    // The backend being looked at, and the environments its API is published to (worked out on first use).
    let b: BackendSite | undefined;
    let envs: string[] | undefined;
    const allowed: Each = (text, field) => {
      if (!b || !text.includes('#')) return;
      const { site } = b;
      for (const v of variablesIn(text)) {
        envs ??= environmentsOf(ws, site.api);
        const missing = missingIn(v, envs);
        if (missing.length > 0)
          ctx.report(
            { group: site.group, path: `${b.endpointAt}/${field}` },
            `variable #${v}# is not defined in environment${missing.length > 1 ? 's' : ''} ` +
              `${missing.join(', ')}, where ${site.api.name} is published (names are case-sensitive)`,
          );
      }
    };
    const other: Each = (text, field) => {
      if (!b || !text.includes('#')) return;
      const vars = variablesIn(text);
      if (vars.length > 0)
        ctx.report(
          { group: b.site.group, path: `${b.at}/${field}` },
          `#${vars[0]}# is not substituted here: environment variables work only in backend addresses and paths`,
        );
    };
    return {
      Backend(backend) {
        b = backend;
        envs = undefined;
        allowedTexts(backend.backend, allowed);
        otherTexts(backend.backend, other);
      },
    };
  },
} satisfies Rule;
