import type { Rule } from '../types.js';

export default {
  meta: {
    id: 'operation-id',
    category: 'names',
    description: 'Every operation has an operationId, which is the API name.',
    source:
      'User Guide (online), "Restrictions and Compatibility" of importing APIs ' +
      '(operationId → API name); docs/rulings.md "API names"',
    rationale:
      'Without an operationId apig generates a stable name (METHOD_/path), ' +
      'but the console would choose its own; name the API yourself.',
  },
  create(ctx) {
    return {
      Api(site) {
        if (site.api.nameGenerated)
          ctx.report(
            { group: site.group, path: site.at },
            `operation has no operationId; apig names it "${site.api.name}"`,
          );
      },
    };
  },
} satisfies Rule;
