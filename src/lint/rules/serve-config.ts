import type { Rule } from '../types.js';
import { schemePointer } from '../sites.js';
import { join } from '../../core/pointer.js';

export default {
  meta: {
    id: 'serve-config',
    category: 'workspace',
    description:
      'What apig serve needs beyond Swagger is in apig.yaml: an implementation per custom authorizer, ' +
      'a local module per function URN, the members of each VPC channel.',
    source:
      'apig serve runs local modules and addresses: docs/rulings.md "IAM authentication offline" ' +
      'and "Custom authorizers offline"; User Guide §5.7.1 "Creating a VPC Channel"',
    rationale:
      'The local gateway replaces FunctionGraph and VPC channels with local modules and addresses; ' +
      'without them those APIs answer with an error.',
  },
  create(ctx) {
    const { ws } = ctx;
    if (ws.implicit) return {};
    const channels = new Set(ws.vpcChannels.map((c) => c.name));
    return {
      SecurityScheme(s, g) {
        if (s.authorizer && !ws.authorizers.some((a) => a.name === s.name))
          ctx.report(
            { group: g, path: join(schemePointer(g, s.name), 'x-apigateway-authorizer') },
            `authorizer ${s.name} has no implementation: add authorizers: ` +
              `{ ${s.name}: { module: ./auth.mjs } } to apig.yaml`,
          );
      },
      Backend(b) {
        const bk = b.backend;
        if (bk.type === 'FUNCTION' && !Object.hasOwn(ws.functions, bk.function.functionUrn))
          ctx.report(
            { group: b.site.group, path: `${b.endpointAt}/function-urn` },
            `no local module for ${bk.function.functionUrn}: add it under functions: in apig.yaml`,
          );
        if (bk.type === 'HTTP-VPC' && !channels.has(bk.vpc.name))
          ctx.report(
            { group: b.site.group, path: `${b.endpointAt}/name` },
            `VPC channel "${bk.vpc.name}" is not defined under vpcChannels: in apig.yaml`,
          );
      },
    };
  },
} satisfies Rule;
