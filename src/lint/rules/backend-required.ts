import type { Rule } from '../types.js';
import { apiSites } from '../sites.js';

export default {
  meta: {
    id: 'backend-required',
    category: 'backends',
    description: 'Every API has a default backend (x-apigateway-backend).',
    source: '002 §5.2.1 ("定义后端服务" step 1: the default backend is mandatory); x-apigateway.md §8',
    rationale: 'Without a backend the gateway has nothing to call; a basic-scope export has no backends, so lint the full or extended definition. Policy backends need the default backend too.',
  },
  check(ctx) {
    for (const site of apiSites(ctx.ws)) {
      if (!site.api.backend) ctx.report({ group: site.group, path: site.at }, `API ${site.api.name} has no x-apigateway-backend`);
    }
  },
} satisfies Rule;
